import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { TimestampedEntity } from '../shared/base.entity';
import { Field, ID, ObjectType } from 'type-graphql';
import { OperatorKind } from './operator-kind';
import { OperatorRepository } from './operator.repository';

/** An agency or organisation taking part (aktör). Operators nest: a local police area belongs to a police region. */
@ObjectType({ description: 'An agency or organisation taking part in the cooperation network' })
@Entity({ tableName: 'operator', repository: () => OperatorRepository })
export class Operator extends TimestampedEntity {
  [EntityRepositoryType]?: OperatorRepository;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'text', unique: true })
  name: string;

  @Field(() => OperatorKind)
  @Enum({ items: () => OperatorKind, nativeEnumName: undefined })
  kind: OperatorKind;

  @Index()
  @ManyToOne(() => Operator, { nullable: true, ref: true, deleteRule: 'restrict' })
  parent: Ref<Operator> | null = null;

  @Field(() => String, { nullable: true, description: 'Municipality the operator works in, where it is bound to one' })
  @Property({ type: 'text', nullable: true })
  municipality: string | null = null;

  constructor(name: string, kind: OperatorKind) {
    super();
    this.name = name;
    this.kind = kind;
  }
}

import { Entity, Index, ManyToOne, Property, type Ref, PrimaryKeyProp } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Operator } from '../operator/operator.entity';
import { Agreement } from './agreement.entity';

/** An operator's part in an agreement, with its role ("issuing authority", "permit holder", ...). */
@ObjectType({ description: 'An operator taking part in an agreement, and its role' })
@Entity({ tableName: 'agreement_party' })
export class AgreementParty {
  [PrimaryKeyProp]?: ['agreement', 'operator'];

  @ManyToOne(() => Agreement, { primary: true, ref: true, deleteRule: 'cascade' })
  agreement: Ref<Agreement>;

  @Index()
  @ManyToOne(() => Operator, { primary: true, ref: true, deleteRule: 'restrict' })
  operator: Ref<Operator>;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  role: string | null;

  constructor(agreement: Ref<Agreement>, operator: Ref<Operator>, role: string | null) {
    this.agreement = agreement;
    this.operator = operator;
    this.role = role;
  }
}

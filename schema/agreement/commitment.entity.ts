import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../shared/date-time.scalar';
import { Agreement } from './agreement.entity';
import { CommitmentStatus } from './agreement-kind';

/** A concrete promise inside an agreement, e.g. "a yearly safety inspection of the station area". */
@ObjectType({ description: 'A concrete commitment made in an agreement' })
@Entity({ tableName: 'commitment' })
@Unique({ name: 'commitment_position_unique', properties: ['agreement', 'position'] })
export class Commitment {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => Agreement, { ref: true, deleteRule: 'cascade' })
  agreement: Ref<Agreement>;

  @Field(() => Int, { description: 'Order within the agreement, from 1' })
  @Property({ type: 'integer' })
  position: number;

  @Field()
  @Property({ type: 'text' })
  description: string;

  @Field(() => LocalDateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  dueDate: string | null = null;

  @Field(() => CommitmentStatus)
  @Enum({ items: () => CommitmentStatus })
  status: CommitmentStatus = CommitmentStatus.PLANNED;

  constructor(agreement: Ref<Agreement>, position: number, description: string) {
    this.agreement = agreement;
    this.position = position;
    this.description = description;
  }
}

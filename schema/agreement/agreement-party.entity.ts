import { Entity, Enum, Index, ManyToOne, Property, type Ref, PrimaryKeyProp } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Operator } from '../operator/operator.entity';
import { AgreementPartyStatus } from './agreement-kind';
import { Agreement } from './agreement.entity';

/** An operator's part in an agreement, with its role ("issuing authority", "permit holder", ...) and its consent. */
@ObjectType({ description: 'An operator taking part in an agreement, its role, and whether it has accepted' })
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

  @Field(() => AgreementPartyStatus, { description: 'Only ACCEPTED parties share PARTNERS interventions and may edit the agreement' })
  @Enum({ items: () => AgreementPartyStatus, default: AgreementPartyStatus.PENDING })
  status: AgreementPartyStatus;

  @Field(() => Date, { nullable: true, description: 'When this operator accepted or declined; null while PENDING' })
  @Property({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Who (the token subject) accepted or declined for this operator' })
  @Property({ type: 'text', nullable: true })
  respondedBy: string | null = null;

  constructor(agreement: Ref<Agreement>, operator: Ref<Operator>, role: string | null, status = AgreementPartyStatus.PENDING) {
    this.agreement = agreement;
    this.operator = operator;
    this.role = role;
    this.status = status;
  }

  /** Records this operator's answer. */
  respond(status: AgreementPartyStatus.ACCEPTED | AgreementPartyStatus.DECLINED, subject: string, at = new Date()): void {
    this.status = status;
    this.respondedAt = at;
    this.respondedBy = subject;
  }
}

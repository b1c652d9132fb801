import { Entity, Index, ManyToOne, PrimaryKeyProp, Property, type Ref } from '@mikro-orm/core';
import { Operator } from '../operator/operator.entity';
import { Intervention } from './intervention.entity';

/** A RESTRICTED intervention shared by its owner with one more operator (read by the row-security policy). */
@Entity({ tableName: 'intervention_share' })
export class InterventionShare {
  [PrimaryKeyProp]?: ['intervention', 'operator'];

  @ManyToOne(() => Intervention, { primary: true, ref: true, deleteRule: 'cascade' })
  intervention: Ref<Intervention>;

  @Index()
  @ManyToOne(() => Operator, { primary: true, ref: true, deleteRule: 'cascade' })
  operator: Ref<Operator>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  sharedAt: Date = new Date();

  @Property({ type: 'text', nullable: true })
  sharedBy: string | null = null;

  constructor(intervention: Ref<Intervention>, operator: Ref<Operator>, sharedBy: string) {
    this.intervention = intervention;
    this.operator = operator;
    this.sharedBy = sharedBy;
  }
}

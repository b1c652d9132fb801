import { Entity, Index, ManyToOne, type Ref, PrimaryKeyProp } from '@mikro-orm/core';
import { Operator } from '../operator/operator.entity';
import { Intervention } from './intervention.entity';

/** An operator taking part in an intervention besides its owner. */
@Entity({ tableName: 'intervention_operator' })
export class InterventionOperator {
  [PrimaryKeyProp]?: ['intervention', 'operator'];

  @ManyToOne(() => Intervention, { primary: true, ref: true, deleteRule: 'cascade' })
  intervention: Ref<Intervention>;

  @Index()
  @ManyToOne(() => Operator, { primary: true, ref: true, deleteRule: 'restrict' })
  operator: Ref<Operator>;

  constructor(intervention: Ref<Intervention>, operator: Ref<Operator>) {
    this.intervention = intervention;
    this.operator = operator;
  }
}

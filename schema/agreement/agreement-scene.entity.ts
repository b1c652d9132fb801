import { Entity, Index, ManyToOne, type Ref, PrimaryKeyProp } from '@mikro-orm/core';
import { Scene } from '../scene/scene.entity';
import { Agreement } from './agreement.entity';

/** Which scenes an agreement is about. */
@Entity({ tableName: 'agreement_scene' })
export class AgreementScene {
  [PrimaryKeyProp]?: ['agreement', 'scene'];

  @ManyToOne(() => Agreement, { primary: true, ref: true, deleteRule: 'cascade' })
  agreement: Ref<Agreement>;

  @Index()
  @ManyToOne(() => Scene, { primary: true, ref: true, deleteRule: 'cascade' })
  scene: Ref<Scene>;

  constructor(agreement: Ref<Agreement>, scene: Ref<Scene>) {
    this.agreement = agreement;
    this.scene = scene;
  }
}

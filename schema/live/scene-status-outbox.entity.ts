import { Entity, EntityRepositoryType, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Operator } from '../operator/operator.entity';
import { SceneStatus } from '../scene/scene-status';
import { Scene } from '../scene/scene.entity';
import { SceneStatusOutboxRepository } from './scene-status-outbox.repository';

/**
 * The outbox row of a status change (table `scene_status_event`). Written only by
 * SceneStatusOutboxRepository.append, which assigns the id in commit order; mapped here so that the schema is
 * described in one place.
 */
@Entity({ tableName: 'scene_status_event', repository: () => SceneStatusOutboxRepository })
export class SceneStatusOutbox {
  [EntityRepositoryType]?: SceneStatusOutboxRepository;

  @PrimaryKey({ type: 'bigint', autoincrement: false })
  id!: string;

  @Index()
  @ManyToOne(() => Scene, { ref: true, deleteRule: 'cascade' })
  scene!: Ref<Scene>;

  @Enum({ items: () => SceneStatus, nullable: true, nativeEnumName: undefined, type: 'text', columnType: 'text' })
  from!: SceneStatus | null;

  @Enum({ items: () => SceneStatus, type: 'text', columnType: 'text' })
  to!: SceneStatus;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'timestamptz' })
  changedAt!: Date;

  @Property({ type: 'text', nullable: true })
  changedBy!: string | null;

  @Index()
  @ManyToOne(() => Operator, { ref: true, nullable: true, deleteRule: 'set null' })
  changedByOperator!: Ref<Operator> | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt!: Date;
}

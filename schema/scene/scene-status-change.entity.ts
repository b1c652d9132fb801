import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Operator } from '../operator/operator.entity';
import { Scene } from './scene.entity';
import { SceneStatus } from './scene-status';

/** One row of a scene's status history: who moved it, from what, to what, when and why. */
@ObjectType({ description: 'One dated change in a scene status history' })
@Entity({ tableName: 'scene_status_change' })
@Unique({ properties: ['scene', 'sceneVersion'] })
export class SceneStatusChange {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Scene, { ref: true, deleteRule: 'cascade' })
  scene: Ref<Scene>;

  @Field(() => Int, { description: 'The scene version this change produced; orders the history' })
  @Property({ type: 'integer' })
  sceneVersion: number;

  @Field(() => SceneStatus, { nullable: true, description: 'Null for the status a scene was created with' })
  @Enum({ items: () => SceneStatus, nullable: true })
  from: SceneStatus | null;

  @Field(() => SceneStatus)
  @Enum({ items: () => SceneStatus })
  to: SceneStatus;

  @Field()
  @Property({ type: 'text' })
  reason: string;

  @Field(() => String, { nullable: true, description: 'The situation picture (lägesbild) the change rests on' })
  @Property({ type: 'text', nullable: true })
  situationNote: string | null = null;

  @Field(() => Date, { nullable: true, description: 'When the change took effect; null when the source gives no date' })
  @Property({ type: 'timestamptz', nullable: true })
  changedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Subject (user) who recorded the change' })
  @Property({ type: 'text', nullable: true })
  changedBy: string | null = null;

  @Index()
  @ManyToOne(() => Operator, { ref: true, nullable: true, deleteRule: 'set null' })
  changedByOperator: Ref<Operator> | null = null;

  @Field(() => Date, { description: 'When the row was written' })
  @Property({ type: 'timestamptz' })
  recordedAt: Date = new Date();

  constructor(scene: Ref<Scene>, sceneVersion: number, from: SceneStatus | null, to: SceneStatus, reason: string) {
    this.scene = scene;
    this.sceneVersion = sceneVersion;
    this.from = from;
    this.to = to;
    this.reason = reason;
  }
}

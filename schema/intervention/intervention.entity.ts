import { randomUUID } from 'node:crypto';
import { Check, Entity, EntityRepositoryType, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { VersionedEntity } from '../shared/base.entity';
import { Field, ID, ObjectType } from 'type-graphql';
import { AnyGeometryType } from '../../db/spatial/geometry.type';
import { Agreement } from '../agreement/agreement.entity';
import { Operator } from '../operator/operator.entity';
import { Scene } from '../scene/scene.entity';
import type { Geometry } from '../../db/spatial/geojson';
import { InterventionCategory, Sensitivity } from './intervention-enums';
import { InterventionRepository } from './intervention.repository';

/** Something done at or near a scene (åtgärd, insats), by one or more operators, over a time window. */
@ObjectType({ description: 'Something done at or near a scene by one or more operators' })
@Entity({ tableName: 'intervention', repository: () => InterventionRepository })
@Index({
  name: 'intervention_location_geography_gist',
  expression: 'create index "intervention_location_geography_gist" on "intervention" using gist (("location"::geography))',
})
@Index({
  name: 'intervention_location_gist',
  expression: 'create index "intervention_location_gist" on "intervention" using gist ("location")',
})
// A scene's page of interventions, newest first (Scene.interventions): an index range with a limit, not a sort.
@Index({
  name: 'intervention_scene_newest_index',
  expression: 'create index "intervention_scene_newest_index" on "intervention" ("scene_id", "starts_at" desc, "id" desc)',
})
@Check({ name: 'intervention_window_order', expression: '"ends_at" is null or "ends_at" >= "starts_at"' })
export class Intervention extends VersionedEntity {
  [EntityRepositoryType]?: InterventionRepository;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Index()
  @ManyToOne(() => Scene, { ref: true, deleteRule: 'restrict' })
  scene: Ref<Scene>;

  @Index()
  @ManyToOne(() => Operator, { ref: true, deleteRule: 'restrict' })
  owner: Ref<Operator>;

  @Index()
  @ManyToOne(() => Agreement, { ref: true, nullable: true, deleteRule: 'set null' })
  agreement: Ref<Agreement> | null = null;

  @Field(() => InterventionCategory)
  @Index()
  @Enum({ items: () => InterventionCategory })
  category: InterventionCategory;

  @Field({ description: 'Short method code, e.g. UNIFORMED_PRESENCE, CAMERA_SURVEILLANCE, CLEANING, SAFETY_WALK' })
  @Property({ type: 'text' })
  kind: string;

  @Field()
  @Property({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  /** Point, line or polygon in EPSG:4326. */
  @Property({ type: AnyGeometryType, lazy: true, ignoreSchemaChanges: ['type'] })
  location: Geometry;

  @Field(() => Date)
  @Index()
  @Property({ type: 'timestamptz' })
  startsAt: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  endsAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'When it recurs, in words, e.g. "Fridays and Saturdays 18:00–02:00"' })
  @Property({ type: 'text', nullable: true })
  recurrence: string | null = null;

  @Field(() => Sensitivity)
  @Enum({ items: () => Sensitivity })
  sensitivity: Sensitivity = Sensitivity.OPEN;

  constructor(init: {
    scene: Ref<Scene>;
    owner: Ref<Operator>;
    category: InterventionCategory;
    kind: string;
    title: string;
    location: Geometry;
    startsAt: Date;
  }) {
    super();
    this.scene = init.scene;
    this.owner = init.owner;
    this.category = init.category;
    this.kind = init.kind;
    this.title = init.title;
    this.location = init.location;
    this.startsAt = init.startsAt;
  }
}

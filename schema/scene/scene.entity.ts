import { randomUUID } from 'node:crypto';
import { Embedded, Entity, EntityRepositoryType, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../shared/base.entity';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { MultiPolygonType } from '../../db/spatial/geometry.type';
import { areaSquareMetersSql } from '../../db/spatial/geometry-sql';
import type { MultiPolygon } from '../../db/spatial/geojson';
import { ProblemProfile } from './problem-profile.embeddable';
import { SceneStatus } from './scene-status';
import { SceneRepository } from './scene.repository';

/** An open drug scene: a named place with an area and a dated status history. */
@ObjectType({ description: 'An open drug scene (öppen drogscen): a place with an area and a status history' })
@Entity({ tableName: 'scene', repository: () => SceneRepository })
@Index({
  name: 'scene_area_geography_gist',
  expression: 'create index "scene_area_geography_gist" on "scene" using gist (("area"::geography))',
})
@Index({ name: 'scene_area_gist', expression: 'create index "scene_area_gist" on "scene" using gist ("area")' })
// Lists by name (the default order) read a page in index order and stop.
@Index({ name: 'scene_name_index', expression: 'create index "scene_name_index" on "scene" ("name", "id")' })
export class Scene extends VersionedEntity {
  [EntityRepositoryType]?: SceneRepository;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'text' })
  name: string;

  @Field()
  @Index()
  @Property({ type: 'text' })
  municipality: string;

  @Field(() => String, { nullable: true, description: 'City district (stadsdelsområde), where there is one' })
  @Property({ type: 'text', nullable: true })
  district: string | null = null;

  @Field(() => String, { nullable: true, description: 'Local police area (lokalpolisområde)' })
  @Index()
  @Property({ type: 'text', nullable: true })
  policeArea: string | null = null;

  @Field(() => [String], { description: 'Statistical-area codes (basområde), e.g. "101 025"' })
  @Property({ type: 'text[]' })
  statAreas: string[] = [];

  @Field(() => ProblemProfile)
  @Embedded(() => ProblemProfile, { prefix: 'problem_' })
  problemProfile: ProblemProfile = new ProblemProfile();

  /** Always a MultiPolygon in EPSG:4326. Lazy: an entity load does not convert it; the resolver reads it when asked, in the CRS asked. */
  @Property({ type: MultiPolygonType, lazy: true, ignoreSchemaChanges: ['type'] })
  area: MultiPolygon;

  @Field(() => Float, { description: 'Area on the spheroid, in square metres' })
  @Property({ type: 'double', generated: `(${areaSquareMetersSql('"area"')}) stored`, nullable: true })
  areaSquareMeters?: number;

  @Field(() => SceneStatus)
  @Index()
  @Enum({ items: () => SceneStatus })
  status: SceneStatus = SceneStatus.EMERGING;

  @Field(() => Date, { nullable: true, description: 'When the current status took effect; null when the source gives no date' })
  @Property({ type: 'timestamptz', nullable: true })
  statusSince: Date | null = null;

  @Field(() => Date, {
    nullable: true,
    description: 'Set when the scene was archived; archived scenes are hidden from lists unless asked for',
  })
  @Property({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;

  constructor(name: string, municipality: string, area: MultiPolygon) {
    super();
    this.name = name;
    this.municipality = municipality;
    this.area = area;
  }
}

import { randomUUID } from 'node:crypto';
import { Check, Embedded, Entity, Enum, Formula, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../shared/base.entity';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { MultiPolygonType } from '../../db/types/geometry.type';
import type { MultiPolygon } from '../spatial/geojson';
import { ProblemProfile } from './problem-profile.embeddable';
import { SceneStatus } from './scene-status';

/** An open drug scene: a named place with an area and a dated status history. */
@ObjectType({ description: 'An open drug scene (öppen drogscen): a place with an area and a status history' })
@Entity({ tableName: 'scene' })
@Index({
  name: 'scene_area_geography_gist',
  expression: 'create index "scene_area_geography_gist" on "scene" using gist (("area"::geography))',
})
@Index({ name: 'scene_area_gist', expression: 'create index "scene_area_gist" on "scene" using gist ("area")' })
@Check({ name: 'scene_area_valid', expression: 'ST_IsValid(area) is true' })
export class Scene extends VersionedEntity {
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

  /** Always a MultiPolygon in EPSG:4326; the resolver transforms it on request. */
  @Property({ type: MultiPolygonType, ignoreSchemaChanges: ['type'] })
  area: MultiPolygon;

  @Field(() => Float, { description: 'Area on the spheroid, in square metres' })
  @Property({ type: 'double', generated: '(ST_Area("area"::geography)) stored', nullable: true })
  areaSquareMeters?: number;

  @Field(() => Float, { description: 'Perimeter on the spheroid, in metres' })
  @Formula((alias) => `ST_Perimeter(${alias}.area::geography)`, { type: 'double' })
  perimeterMeters?: number;

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

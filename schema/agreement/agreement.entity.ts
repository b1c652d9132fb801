import { randomUUID } from 'node:crypto';
import { Check, Entity, EntityRepositoryType, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { VersionedEntity } from '../shared/base.entity';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../shared/date-time.scalar';
import { MultiPolygonType } from '../../db/spatial/geometry.type';
import { areaSquareMetersSql } from '../../db/spatial/geometry-sql';
import type { MultiPolygon } from '../../db/spatial/geojson';
import { AgreementKind } from './agreement-kind';
import { AgreementRepository } from './agreement.repository';

/** A partnership agreement (samverkansavtal in the wide sense) between operators about scenes. */
@ObjectType({ description: 'A partnership agreement between operators about one or more scenes' })
@Entity({ tableName: 'agreement', repository: () => AgreementRepository })
@Index({
  name: 'agreement_area_geography_gist',
  expression: 'create index "agreement_area_geography_gist" on "agreement" using gist (("area"::geography))',
})
@Index({ name: 'agreement_area_gist', expression: 'create index "agreement_area_gist" on "agreement" using gist ("area")' })
@Check({ name: 'agreement_validity_order', expression: '"valid_to" is null or "valid_to" >= "valid_from"' })
export class Agreement extends VersionedEntity {
  [EntityRepositoryType]?: AgreementRepository;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => AgreementKind)
  @Index()
  @Enum({ items: () => AgreementKind })
  kind: AgreementKind;

  @Field()
  @Property({ type: 'text' })
  title: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => LocalDateScalar, { description: 'First day of validity' })
  @Property({ type: 'date' })
  validFrom: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day of validity (inclusive); null = open-ended' })
  @Property({ type: 'date', nullable: true })
  validTo: string | null = null;

  /** Where the agreement applies (a guard mandate's or camera permit's area), EPSG:4326. */
  @Property({ type: MultiPolygonType, nullable: true, lazy: true, ignoreSchemaChanges: ['type'] })
  area: MultiPolygon | null = null;

  @Field(() => Float, { nullable: true, description: 'Area on the spheroid, in square metres; null without an area' })
  @Property({ type: 'double', generated: `(${areaSquareMetersSql('"area"')}) stored`, nullable: true })
  areaSquareMeters?: number | null;

  constructor(kind: AgreementKind, title: string, validFrom: string) {
    super();
    this.kind = kind;
    this.title = title;
    this.validFrom = validFrom;
  }
}

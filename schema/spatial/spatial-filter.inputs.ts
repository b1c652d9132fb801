import { Field, Float, InputType } from 'type-graphql';
import { Crs } from '../../db/spatial/crs';
import { GeoJSONScalar } from './geojson.scalar';

@InputType({ description: 'An axis-aligned box, x (longitude or easting) first' })
export class BBoxInput {
  @Field(() => Float) minX!: number;
  @Field(() => Float) minY!: number;
  @Field(() => Float) maxX!: number;
  @Field(() => Float) maxY!: number;
  @Field(() => Crs, { defaultValue: Crs.EPSG_4326 }) crs!: Crs;
}

@InputType({ description: 'Within `radiusMeters` (on the spheroid) of a point' })
export class NearInput {
  @Field(() => GeoJSONScalar, { description: 'A GeoJSON Point, in the filter’s crs' }) point!: unknown;
  @Field(() => Float, { description: 'Metres, more than 0 and at most 50 000' }) radiusMeters!: number;
}

@InputType({ description: 'Spatial conditions, all of which must hold. Geometries are in `crs` (default EPSG_4326).' })
export class SpatialFilter {
  @Field(() => GeoJSONScalar, { nullable: true, description: 'Shares at least one point with this geometry' }) intersects?: unknown;
  @Field(() => GeoJSONScalar, { nullable: true, description: 'Lies entirely inside this Polygon or MultiPolygon' }) within?: unknown;
  @Field(() => BBoxInput, { nullable: true, description: 'Intersects this box (its own crs)' }) bbox?: BBoxInput;
  @Field(() => NearInput, { nullable: true }) near?: NearInput;
  @Field(() => Crs, { defaultValue: Crs.EPSG_4326, description: 'CRS of intersects, within and near.point' }) crs!: Crs;
}

import { Type, type EntityProperty, type Platform } from '@mikro-orm/core';
import type { Geometry } from './geojson';
import { STORAGE_SRID } from './crs';

/**
 * PostGIS geometry <-> GeoJSON object. The conversion runs in SQL (`ST_GeomFromGeoJSON`,
 * `ST_AsGeoJSON`), so no WKB is parsed in JavaScript. Values written through this type must
 * already be validated and in EPSG:4326 (GeometryService.normalize does both).
 */
abstract class PostgisGeometryType extends Type<Geometry | null | undefined, string | null | undefined> {
  protected abstract readonly postgisType: string;

  override convertToDatabaseValue(value: Geometry | null | undefined): string | null | undefined {
    return value == null ? value : JSON.stringify(value);
  }

  override convertToJSValue(value: string | Geometry | null | undefined): Geometry | null | undefined {
    return typeof value === 'string' ? (JSON.parse(value) as Geometry) : value;
  }

  override convertToDatabaseValueSQL(key: string): string {
    return `ST_SetSRID(ST_GeomFromGeoJSON(${key}), ${STORAGE_SRID})`;
  }

  override convertToJSValueSQL(key: string): string {
    return `ST_AsGeoJSON(${key}, 9)`;
  }

  override getColumnType(): string {
    return `geometry(${this.postgisType},${STORAGE_SRID})`;
  }

  override compareAsType(): string {
    return 'string';
  }

  override ensureComparable(): boolean {
    return false;
  }
}

/** `geometry(MultiPolygon, 4326)`: scene and agreement areas. */
export class MultiPolygonType extends PostgisGeometryType {
  protected readonly postgisType = 'MultiPolygon';
}

/** `geometry(Geometry, 4326)`: intervention locations (point, line or polygon). */
export class AnyGeometryType extends PostgisGeometryType {
  protected readonly postgisType = 'Geometry';
}

export type { EntityProperty, Platform };

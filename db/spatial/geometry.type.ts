import { Type, type EntityProperty, type Platform } from '@mikro-orm/core';
import type { Geometry } from './geojson';
import { STORAGE_SRID } from './crs';

/**
 * PostGIS geometry <-> GeoJSON object. All conversion runs in SQL, in the statement that writes
 * or reads, so no WKB is parsed in JavaScript and a geometry crosses to PostGIS once:
 * - written: GeoJSON as a client gave it (structure checked, see `geometryToWrite`), in the CRS its
 *   `crs` member names (WGS 84 without one). The INSERT or UPDATE flattens it to 2D, transforms
 *   it to WGS 84, makes a MultiPolygon where the column holds those, and writes it to 9 decimals
 *   (0.1 mm); the table's trigger then validates it once (migration GeometryValidOnce).
 * - read: GeoJSON in WGS 84, 9 decimals (other CRSs: `geometryJsonSql`).
 * So an entity's geometry after a write is the input, not the stored value: `geometryAsStored`
 * tells them apart, and the field resolvers read a written geometry back from the database.
 */
abstract class PostgisGeometryType extends Type<Geometry | null | undefined, string | null | undefined> {
  protected abstract readonly postgisType: string;
  /** Whether a written geometry is made a Multi… one (ST_Multi). */
  protected readonly toMulti: boolean = false;

  override convertToDatabaseValue(value: Geometry | null | undefined): string | null | undefined {
    return value == null ? value : JSON.stringify(value);
  }

  override convertToJSValue(value: string | Geometry | null | undefined): Geometry | null | undefined {
    return typeof value === 'string' ? (JSON.parse(value) as Geometry) : value;
  }

  override convertToDatabaseValueSQL(key: string): string {
    const stored = `ST_Transform(ST_Force2D(ST_GeomFromGeoJSON(${key})), ${STORAGE_SRID})`;
    return `ST_SetSRID(ST_GeomFromGeoJSON(ST_AsGeoJSON(${this.toMulti ? `ST_Multi(${stored})` : stored}, 9)), ${STORAGE_SRID})`;
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
  protected override readonly toMulti = true;
}

/** `geometry(Geometry, 4326)`: intervention locations (point, line or polygon). */
export class AnyGeometryType extends PostgisGeometryType {
  protected readonly postgisType = 'Geometry';
}

/**
 * A geometry given in `srid`, as the type writes it: its type and coordinates (a `crs` member a
 * client sent is dropped) and a GeoJSON 2008 `crs` member naming `srid`, which PostGIS reads.
 */
export function geometryToWrite(geometry: Geometry, srid: number): Geometry {
  const { type, coordinates } = geometry;
  return { type, coordinates, crs: { type: 'name', properties: { name: `EPSG:${srid}` } } } as Geometry;
}

/**
 * An entity's geometry if it holds it as stored (read from the database: WGS 84, no `crs`
 * member); undefined when it is not loaded or holds an input written since (which names its CRS).
 */
export function geometryAsStored<G extends Geometry>(value: G | null | undefined): G | null | undefined {
  return value != null && 'crs' in value ? undefined : value;
}

export type { EntityProperty, Platform };

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request } from 'express';
import { BadUserInputError, InvalidGeometryError } from '../../../schema/shared/errors';
import { parseCrsName } from '../../../schema/spatial/crs-names';
import { crsInfo, type Crs } from '../../../db/spatial/crs';
import { cql2Sql, Cql2FilterError, geometryLiterals, type Cql2Expression } from '../../../db/spatial/cql2-sql';
import type { MapLayerName } from '../../../db/spatial/features';
import type { Geometry } from '../../../db/spatial/geojson';
import { checkGeometry, geometryParam } from '../../../db/spatial/geometry-input';
import { boxSql } from '../../../db/spatial/predicates';
import { SqlWriter } from '../../../db/sql-writer';
import { parseFilter, type FilterLang } from './cql2/parse-filter';
import { flipsAxes } from './ogc-params';
import { QUERYABLES } from './queryables';

/** A checked `filter` (OGC API - Features Part 3): its CQL2 JSON form and the CRS of its geometries. */
export interface FilterParams {
  filter: Cql2Expression;
  crs: Crs;
  /** Coordinates given y,x (the CRS's authority order), as for bbox-crs. */
  flips: boolean;
}

/**
 * The `filter`, `filter-lang` (default cql2-text) and `filter-crs` (default CRS84) of a request,
 * and the collection's queryables given as parameters (`?status=ACTIVE`: equality, Part 3's
 * queryables-query-parameters), all of them to hold; null without either.
 */
export function parseFilterParams(req: Request, collection: MapLayerName): FilterParams | null {
  const text = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
  const filter = text('filter');
  // `cql-text`: the draft's name, which GDAL sends
  const lang = text('filter-lang') === 'cql-text' ? 'cql2-text' : (text('filter-lang') ?? 'cql2-text');
  if (lang !== 'cql2-text' && lang !== 'cql2-json') {
    throw new BadUserInputError(`filter-lang must be cql2-text or cql2-json, got ${JSON.stringify(lang)}`, 'filter-lang');
  }
  const crsText = text('filter-crs');
  const crs = parseCrsName(crsText, 'filter-crs');
  if (filter === undefined && req.query.filter !== undefined) throw new BadUserInputError('filter must be given once', 'filter');
  const conditions = [...queryableParameters(req, collection), ...(filter === undefined ? [] : [parseFilter(filter, lang as FilterLang)])];
  if (conditions.length === 0) return null;
  return { filter: conditions.length === 1 ? conditions[0]! : { op: 'and', args: conditions }, crs, flips: flipsAxes(crs, crsText) };
}

/**
 * The filter as a condition on the collection's rows (db/spatial/cql2-sql.ts), written where the
 * statement needs it. Its geometries are checked by PostGIS first, in their CRS, and bound in
 * WGS 84; the whole filter is translated once here so that a bad one is refused before any read.
 * @throws BadUserInputError (filter) or InvalidGeometryError naming what was wrong
 */
export async function filterCondition(
  em: EntityManager,
  collection: MapLayerName,
  params: FilterParams,
): Promise<(w: SqlWriter) => string> {
  const { srid } = crsInfo(params.crs);
  const inWgs84 = new Map<Geometry, Geometry>();
  for (const literal of geometryLiterals(params.filter)) inWgs84.set(literal, await checkedGeometry(em, literal, srid, params.flips));
  const condition = (w: SqlWriter) =>
    cql2Sql(params.filter, {
      queryables: QUERYABLES[collection],
      w,
      geometry: (literal) => geometryParam(inWgs84.get(literal)!, w),
      box: ([a, b, c, d]) => {
        const [minX, minY, maxX, maxY] = params.flips ? [b!, a!, d!, c!] : [a!, b!, c!, d!];
        return boxSql({ minX, minY, maxX, maxY, srid }, w);
      },
    });
  try {
    condition(new SqlWriter('positional'));
  } catch (error) {
    if (error instanceof Cql2FilterError) throw new BadUserInputError(error.message, 'filter');
    throw error;
  }
  return condition;
}

// Private:

/** `?name=value` for each queryable given as a parameter, as a CQL2 equality of the queryable's type. */
function queryableParameters(req: Request, collection: MapLayerName): Cql2Expression[] {
  return Object.entries(QUERYABLES[collection]).flatMap(([name, queryable]) => {
    const value = req.query[name];
    // `datetime` is Part 1's own parameter (a time window, or an instant: as things stood)
    if (value === undefined || queryable.type === 'interval') return [];
    if (typeof value !== 'string') throw new BadUserInputError(`${name} must be given once`, name);
    if (queryable.type === 'geometry') throw new BadUserInputError(`${name} cannot be a parameter: use bbox or filter`, name);
    const literal: Cql2Expression =
      queryable.type === 'number' || queryable.type === 'integer'
        ? Number(value)
        : queryable.type === 'timestamp'
          ? { timestamp: value }
          : queryable.type === 'date'
            ? { date: value }
            : queryable.type === 'boolean'
              ? value === 'true'
              : value;
    return [{ op: '=', args: [{ property: name }, literal] }];
  });
}

/** A filter's geometry in WGS 84, checked by PostGIS. @throws InvalidGeometryError with PostGIS's reason */
async function checkedGeometry(em: EntityManager, literal: Geometry, srid: number, flips: boolean): Promise<Geometry> {
  const given = flips ? swapAxes(literal) : literal;
  const checked = await checkGeometry(em, given, srid).catch((error: Error) => {
    throw new InvalidGeometryError(`filter has a geometry PostGIS cannot read: ${error.message}`, 'filter');
  });
  if (!checked.valid) throw new InvalidGeometryError(`filter has an invalid ${literal.type}: ${checked.reason}`, 'filter');
  return checked.geojson;
}

function swapAxes(geometry: Geometry): Geometry {
  const swap = (c: unknown): unknown =>
    Array.isArray(c) && typeof c[0] === 'number' ? [c[1], c[0], ...c.slice(2)] : Array.isArray(c) ? c.map(swap) : c;
  return { ...geometry, coordinates: swap((geometry as { coordinates: unknown }).coordinates) } as Geometry;
}

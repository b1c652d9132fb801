import type { Request } from 'express';
import { agreementsAsOfSql } from '../../schema/agreement/agreement-versions';
import { interventionsAsOfSql } from '../../schema/intervention/intervention-versions';
import { scenesAsOfSql } from '../../schema/scene/scene-versions';
import { checkNotFuture, type AsOf } from '../../schema/shared/as-of';
import { parseInstant } from '../../schema/shared/validation';
import { MAP_LAYERS, type MapLayer, type MapLayerName } from '../../db/spatial/features';

/** The routes' moment to read at: `?at=` (an RFC 3339 instant, not in the future), or undefined for now. */
export function asOfParam(req: Request, name = 'at'): AsOf | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  return asOfInstant(parseInstant(Array.isArray(value) ? String(value[0]) : String(value), name), name);
}

/** An instant as a moment to read at (valid time, as the record says now). @throws BadUserInputError for the future */
export function asOfInstant(at: Date, field = 'at'): AsOf {
  const asOf = { at, asRecordedAt: null };
  checkNotFuture(asOf, field);
  return asOf;
}

/**
 * A map layer (tiles, OGC API - Features, exports) as it stood at `asOf`: its rows from the
 * version table, with the table's column names, under the same row security. A scene as it
 * stood has no time window of its own (its status then is the version's), so an instant selects
 * it without one.
 */
export function mapLayerAsOf(name: MapLayerName, asOf: AsOf): MapLayer {
  const layer = MAP_LAYERS[name];
  if (name === 'scenes') return { ...layer, table: scenesAsOfSql(asOf), temporal: { start: `'-infinity'::timestamptz`, end: 'null' } };
  if (name === 'interventions') return { ...layer, table: interventionsAsOfSql(asOf) };
  return { ...layer, table: agreementsAsOfSql(asOf) };
}

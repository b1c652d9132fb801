import type { Request } from 'express';
import { BadUserInputError } from '../../../schema/shared/errors';
import { parseInstant, parseWholeNumber } from '../../../schema/shared/validation';
import { Crs, crsInfo } from '../../../db/spatial/crs';
import { parseCrsName } from '../../../schema/spatial/crs-names';

/** Parsed and checked query parameters of an items request (OGC API - Features Part 1 and 2). */
export interface ItemsParams {
  limit: number;
  offset: number;
  crs: Crs;
  bbox: { minX: number; minY: number; maxX: number; maxY: number; crs: Crs } | null;
  datetime: { start: Date | null; end: Date | null } | null;
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 10_000;
/** Past any collection this platform will hold; PostgreSQL's bigint would overflow long after. */
export const MAX_OFFSET = 2_147_483_647;
const KNOWN = new Set([
  'limit',
  'offset',
  'crs',
  'bbox',
  'bbox-crs',
  'datetime',
  'filter',
  'filter-lang',
  'filter-crs',
  'f',
  'access_token',
]);

/**
 * Axis order: CRS84 is lon,lat; the EPSG definitions of 4326, 3006 and 3011 put the northing
 * (latitude) first, and OGC API clients such as GDAL follow them. `flipsAxes` says when the
 * coordinates on the wire are y,x.
 */
export function flipsAxes(crs: Crs, uri: string | undefined): boolean {
  return crs !== Crs.EPSG_4326 || (uri !== undefined && uri.endsWith('/EPSG/0/4326'));
}

/** The items parameters; `queryables`: the collection's, which may also be given as parameters (Part 3). */
export function parseItemsParams(
  req: Request,
  queryables: readonly string[] = [],
): ItemsParams & { crsFlips: boolean; bboxFlips: boolean } {
  for (const name of Object.keys(req.query)) {
    if (!KNOWN.has(name) && !queryables.includes(name)) throw new BadUserInputError(`Unknown query parameter "${name}"`, name);
  }
  const limit = integer(req.query.limit, 'limit', DEFAULT_LIMIT, 1, MAX_LIMIT);
  const offset = integer(req.query.offset, 'offset', 0, 0, MAX_OFFSET);
  const crsText = text(req.query.crs);
  const crs = parseCrsName(crsText, 'crs');
  const bboxCrsText = text(req.query['bbox-crs']);
  const bboxCrs = parseCrsName(bboxCrsText, 'bbox-crs');
  return {
    limit,
    offset,
    crs,
    crsFlips: flipsAxes(crs, crsText),
    bboxFlips: flipsAxes(bboxCrs, bboxCrsText),
    bbox: parseBBox(text(req.query.bbox), bboxCrs, flipsAxes(bboxCrs, bboxCrsText)),
    datetime: parseDatetime(text(req.query.datetime)),
  };
}

// Private:

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function integer(value: unknown, field: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string') throw new BadUserInputError(`${field} must be given once, as a whole number`, field);
  return parseWholeNumber(value, field, min, max);
}

function parseBBox(value: string | undefined, crs: Crs, flip: boolean): ItemsParams['bbox'] {
  if (value === undefined) return null;
  const numbers = value.split(',').map(Number);
  if (numbers.length !== 4 || numbers.some((n) => !Number.isFinite(n)))
    throw new BadUserInputError('bbox must be four numbers: minX,minY,maxX,maxY', 'bbox');
  const [a, b, c, d] = numbers as [number, number, number, number];
  const [minX, minY, maxX, maxY] = flip ? [b, a, d, c] : [a, b, c, d];
  const { extent } = crsInfo(crs);
  if (minX >= maxX || minY >= maxY) throw new BadUserInputError('bbox is inverted or empty', 'bbox');
  if (minX < extent.minX || maxX > extent.maxX || minY < extent.minY || maxY > extent.maxY)
    throw new BadUserInputError('bbox is outside the range of bbox-crs', 'bbox');
  return { minX, minY, maxX, maxY, crs };
}

function parseDatetime(value: string | undefined): ItemsParams['datetime'] {
  if (value === undefined) return null;
  const parts = value.split('/');
  if (parts.length > 2) throw new BadUserInputError('datetime must be an instant or an interval start/end', 'datetime');
  const [start, end] = parts.length === 1 ? [parts[0], parts[0]] : parts;
  const moment = (part: string | undefined) => {
    if (part === undefined || part === '..' || part === '') return null;
    return parseInstant(part, 'datetime');
  };
  const range = { start: moment(start), end: moment(end) };
  if (range.start && range.end && range.end < range.start)
    throw new BadUserInputError('datetime interval ends before it starts', 'datetime');
  return range;
}

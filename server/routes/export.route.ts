import type { MikroORM } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify/sync';
import { Router, type Request, type Response } from 'express';
import { requireBeyondScenes } from '../../schema/auth/auth.guard';
import { InterventionCategory, Sensitivity } from '../../schema/intervention/intervention-enums';
import { Intervention } from '../../schema/intervention/intervention.entity';
import type { InterventionFilter } from '../../schema/intervention/intervention.inputs';
import { SceneStatus } from '../../schema/scene/scene-status';
import { Scene } from '../../schema/scene/scene.entity';
import type { SceneFilter } from '../../schema/scene/scene.inputs';
import { BadUserInputError } from '../../schema/shared/errors';
import { ownKey, parseInstant } from '../../schema/shared/validation';
import { Crs, crsInfo } from '../../db/spatial/crs';
import { parseCrsName } from '../../schema/spatial/crs-names';
import type { ExportRow, ExportShape } from '../../db/spatial/features';
import type { SpatialFilter } from '../../schema/spatial/spatial-filter.inputs';
import { asOfParam } from './as-of-layers';
import { requireBearer, routeViewer, sendRouteError, viewerEm } from './route-auth';
import type { TokenVerifier } from '../../schema/auth/token.service';

/** Most interventions one export returns; narrow the filter, or page through the OGC API, for more. */
export const MAX_EXPORTED_INTERVENTIONS = 50_000;

/**
 * `GET /export/scenes.{geojson,csv}` and `/export/interventions.{geojson,csv}`: every row matching
 * the query's filters as map features (db/spatial/features.ts: the same properties as OGC API -
 * Features), with geometries in `crs` (default WGS 84), in one statement. The filters are the GraphQL
 * SceneFilter's and InterventionFilter's, applied by the same code. Comma lists: scenes take
 * `status`, `municipality` and `policeArea`. Interventions take `sceneId`, `category`, `kind` and
 * `sensitivity`, plus `ownerId`, `operatorId`, `agreementId` and `activeAt`. Both take
 * `bbox=minX,minY,maxX,maxY` with `bbox-crs`, and `at=<instant>` for the rows as they stood
 * then. Interventions (and their past versions) are read under row security like
 * every other path, and a VIEWER token gets scenes only.
 */
export function createExportRouter(orm: MikroORM, verifyToken: TokenVerifier): Router {
  const router = Router();
  router.get('/export/scenes.:format', requireBearer(verifyToken, orm), async (req, res) => {
    try {
      const format = parseFormat(req);
      const crs = parseCrsName(queryText(req, 'crs'), 'crs');
      const rows = await viewerEm(res).getRepository(Scene).exportFeatures(sceneFilterFrom(req), crs, SHAPES[format], asOfParam(req));
      send(res, format, 'scenes', crs, rows);
    } catch (error) {
      sendRouteError(res, error);
    }
  });
  router.get('/export/interventions.:format', requireBearer(verifyToken, orm), async (req, res) => {
    try {
      const format = parseFormat(req);
      requireBeyondScenes(routeViewer(res), 'Intervention exports');
      const crs = parseCrsName(queryText(req, 'crs'), 'crs');
      const interventions = viewerEm(res).getRepository(Intervention);
      const filter = interventionFilterFrom(req);
      const rows = await interventions.exportFeatures(filter, crs, SHAPES[format], MAX_EXPORTED_INTERVENTIONS + 1, asOfParam(req));
      if (rows.length > MAX_EXPORTED_INTERVENTIONS) {
        throw new BadUserInputError(
          `More than ${MAX_EXPORTED_INTERVENTIONS} interventions match; narrow the filter, or page through /ogc/collections/interventions/items`,
        );
      }
      send(res, format, 'interventions', crs, rows);
    } catch (error) {
      sendRouteError(res, error);
    }
  });
  return router;
}

// Private:

type Format = 'geojson' | 'csv';

const SHAPES: Record<Format, ExportShape> = { geojson: 'geojson', csv: 'wkt' };

function parseFormat(req: Request): Format {
  const format = String(req.params.format);
  if (format !== 'geojson' && format !== 'csv') throw new BadUserInputError(`Export format must be geojson or csv, got ${format}`);
  return format;
}

/**
 * The features as a GeoJSON FeatureCollection (naming its CRS unless WGS 84), or as CSV: the id,
 * the properties, the centroid's x and y and the WKT.
 */
function send(res: Response, format: Format, name: string, crs: Crs, rows: ExportRow[]): void {
  if (format === 'csv') {
    const lines = rows.map((row) => ({ id: row.id, ...row.properties, centroidX: row.centroidX, centroidY: row.centroidY, wkt: row.wkt }));
    res.type('text/csv; charset=utf-8').attachment(`${name}.csv`);
    res.send(stringify(lines, { header: true }));
    return;
  }
  res.type('application/geo+json').send({
    type: 'FeatureCollection',
    ...(crs === Crs.EPSG_4326 ? {} : { crs: { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${crsInfo(crs).srid}` } } }),
    features: rows.map((row) => ({ type: 'Feature', id: row.id, geometry: row.geometry, properties: row.properties })),
  });
}

function queryText(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(',') : String(value);
}

function list(req: Request, name: string): string[] | undefined {
  const text = queryText(req, name);
  return text
    ? text
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : undefined;
}

/** A comma list whose items must be values of `values` (an enum), else BAD_USER_INPUT naming them. */
function enumList<T extends string>(req: Request, name: string, values: Record<string, T>): T[] | undefined {
  const items = list(req, name);
  const unknown = items?.find((item) => !ownKey(values, item));
  if (unknown) throw new BadUserInputError(`${name} must be among ${Object.keys(values).join(', ')}, got ${unknown}`, name);
  return items as T[] | undefined;
}

function dateParam(req: Request, name: string): Date | undefined {
  const text = queryText(req, name);
  if (text === undefined) return undefined;
  return parseInstant(text, name);
}

/** `bbox=minX,minY,maxX,maxY` with `bbox-crs` as a SpatialFilter, or undefined. */
function bboxFilter(req: Request): SpatialFilter | undefined {
  const bbox = list(req, 'bbox')?.map(Number);
  if (!bbox) return undefined;
  if (bbox.length !== 4 || bbox.some((n) => !Number.isFinite(n))) throw new BadUserInputError('bbox must be minX,minY,maxX,maxY', 'bbox');
  const [minX, minY, maxX, maxY] = bbox as [number, number, number, number];
  return {
    bbox: { minX, minY, maxX, maxY, crs: parseCrsName(queryText(req, 'bbox-crs'), 'bbox-crs') },
    crs: Crs.EPSG_4326,
  } as SpatialFilter;
}

function sceneFilterFrom(req: Request): SceneFilter {
  return {
    status: enumList(req, 'status', SceneStatus),
    municipality: list(req, 'municipality'),
    policeArea: list(req, 'policeArea'),
    includeArchived: queryText(req, 'includeArchived') === 'true',
    spatial: bboxFilter(req),
  } as SceneFilter;
}

function interventionFilterFrom(req: Request): InterventionFilter {
  return {
    sceneId: list(req, 'sceneId'),
    ownerId: queryText(req, 'ownerId'),
    operatorId: queryText(req, 'operatorId'),
    agreementId: queryText(req, 'agreementId'),
    category: enumList(req, 'category', InterventionCategory),
    kind: list(req, 'kind'),
    sensitivity: enumList(req, 'sensitivity', Sensitivity),
    activeAt: dateParam(req, 'activeAt'),
    spatial: bboxFilter(req),
  };
}

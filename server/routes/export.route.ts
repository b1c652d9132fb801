import type { MikroORM } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify/sync';
import { Router, type Request, type Response } from 'express';
import { requireBeyondScenes } from '../../schema/auth/auth.guard';
import { InterventionCategory, Sensitivity } from '../../schema/intervention/intervention-enums';
import { Intervention } from '../../schema/intervention/intervention.entity';
import type { InterventionFilter } from '../../schema/intervention/intervention.inputs';
import { interventionWhere } from '../../schema/intervention/intervention.service';
import { SceneStatus } from '../../schema/scene/scene-status';
import { Scene } from '../../schema/scene/scene.entity';
import type { SceneFilter } from '../../schema/scene/scene.inputs';
import { sceneWhere } from '../../schema/scene/scene.service';
import { BadUserInputError } from '../../schema/shared/errors';
import { Crs, crsInfo } from '../../schema/spatial/crs';
import { parseCrsName } from '../../schema/spatial/crs-names';
import { readGeometries, readWktAndCentroids, type GeometrySource } from '../../schema/spatial/geometry.repository';
import type { SpatialFilter } from '../../schema/spatial/spatial-filter.inputs';
import { requireBearer, routeViewer, sendRouteError, viewerEm } from './route-auth';
import type { TokenVerifier } from '../../schema/auth/token.service';

/** Most interventions one export returns; narrow the filter, or page through the OGC API, for more. */
export const MAX_EXPORTED_INTERVENTIONS = 50_000;

/**
 * `GET /export/scenes.{geojson,csv}` and `/export/interventions.{geojson,csv}`: every row matching
 * the query's filters, with geometries in `crs` (default WGS 84). The filters are the GraphQL
 * SceneFilter's and InterventionFilter's, applied by the same code. Comma lists: scenes take
 * `status`, `municipality` and `policeArea`. Interventions take `sceneId`, `category`, `kind` and
 * `sensitivity`, plus `ownerId`, `operatorId`, `agreementId` and `activeAt`. Both take
 * `bbox=minX,minY,maxX,maxY` with `bbox-crs`. Interventions are read under row security like
 * every other path, and a VIEWER token gets scenes only.
 */
export function createExportRouter(orm: MikroORM, verifyToken: TokenVerifier): Router {
  const router = Router();
  router.get('/export/scenes.:format', requireBearer(verifyToken, orm), async (req, res) => {
    try {
      const format = parseFormat(req);
      const em = viewerEm(res);
      const scenes = await em.find(Scene, await sceneWhere(em, sceneFilterFrom(req)), { orderBy: { name: 'asc', id: 'asc' } });
      await sendExport(req, res, format, { name: 'scenes', source: 'scene.area', rows: scenes.map(sceneProperties) });
    } catch (error) {
      sendRouteError(res, error);
    }
  });
  router.get('/export/interventions.:format', requireBearer(verifyToken, orm), async (req, res) => {
    try {
      const format = parseFormat(req);
      requireBeyondScenes(routeViewer(res), 'Intervention exports');
      const em = viewerEm(res);
      const where = await interventionWhere(em, interventionFilterFrom(req));
      const interventions = await em.find(Intervention, where, {
        orderBy: { startsAt: 'desc', id: 'desc' },
        limit: MAX_EXPORTED_INTERVENTIONS + 1,
      });
      if (interventions.length > MAX_EXPORTED_INTERVENTIONS) {
        throw new BadUserInputError(
          `More than ${MAX_EXPORTED_INTERVENTIONS} interventions match; narrow the filter, or page through /ogc/collections/interventions/items`,
        );
      }
      await sendExport(req, res, format, {
        name: 'interventions',
        source: 'intervention.location',
        rows: interventions.map(interventionProperties),
      });
    } catch (error) {
      sendRouteError(res, error);
    }
  });
  return router;
}

// Private:

type Format = 'geojson' | 'csv';
type Row = { id: string } & Record<string, unknown>;

function parseFormat(req: Request): Format {
  const format = String(req.params.format);
  if (format !== 'geojson' && format !== 'csv') throw new BadUserInputError(`Export format must be geojson or csv, got ${format}`);
  return format;
}

/** Writes the rows as a GeoJSON FeatureCollection, or as CSV with centroid x/y and WKT, in the request's `crs`. */
async function sendExport(req: Request, res: Response, format: Format, data: { name: string; source: GeometrySource; rows: Row[] }) {
  const em = viewerEm(res);
  const crs = parseCrsName(queryText(req, 'crs'), 'crs');
  const ids = data.rows.map((row) => row.id);
  if (format === 'csv') {
    const shapes = await readWktAndCentroids(em, data.source, crs, ids);
    const lines = data.rows.map((row) => {
      const shape = shapes.get(row.id)!;
      return { ...row, centroidX: shape.x, centroidY: shape.y, wkt: shape.wkt };
    });
    res.type('text/csv; charset=utf-8').attachment(`${data.name}.csv`);
    res.send(stringify(lines, { header: true }));
    return;
  }
  const geometries = await readGeometries(em, data.source, 'self', crs, ids);
  res.type('application/geo+json').send({
    type: 'FeatureCollection',
    ...(crs === Crs.EPSG_4326 ? {} : { crs: { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${crsInfo(crs).srid}` } } }),
    features: data.rows.map(({ id, ...properties }, index) => ({ type: 'Feature', id, geometry: geometries[index], properties })),
  });
}

function sceneProperties(scene: Scene): Row {
  return {
    id: scene.id,
    name: scene.name,
    municipality: scene.municipality,
    district: scene.district,
    policeArea: scene.policeArea,
    statAreas: scene.statAreas.join(';'),
    status: scene.status,
    statusSince: scene.statusSince?.toISOString() ?? null,
    areaSquareMeters: scene.areaSquareMeters,
    version: scene.version,
  };
}

function interventionProperties(intervention: Intervention): Row {
  return {
    id: intervention.id,
    title: intervention.title,
    category: intervention.category,
    kind: intervention.kind,
    sceneId: intervention.scene.id,
    ownerId: intervention.owner.id,
    agreementId: intervention.agreement?.id ?? null,
    startsAt: intervention.startsAt.toISOString(),
    endsAt: intervention.endsAt?.toISOString() ?? null,
    recurrence: intervention.recurrence,
    sensitivity: intervention.sensitivity,
    version: intervention.version,
  };
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
  const unknown = items?.find((item) => !(item in values));
  if (unknown) throw new BadUserInputError(`${name} must be among ${Object.keys(values).join(', ')}, got ${unknown}`, name);
  return items as T[] | undefined;
}

function dateParam(req: Request, name: string): Date | undefined {
  const text = queryText(req, name);
  if (text === undefined) return undefined;
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new BadUserInputError(`${name} must be an ISO 8601 date-time, got ${text}`, name);
  return date;
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

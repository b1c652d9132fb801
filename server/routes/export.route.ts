import type { MikroORM } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify/sync';
import { Router, type Request } from 'express';
import { SceneStatus } from '../../schema/scene/scene-status';
import { Scene } from '../../schema/scene/scene.entity';
import type { SceneFilter } from '../../schema/scene/scene.inputs';
import { toWhere } from '../../schema/scene/scene.service';
import { withConditions } from '../../schema/shared/conditions';
import { BadUserInputError } from '../../schema/shared/errors';
import { Crs, crsInfo } from '../../schema/spatial/crs';
import { parseCrsName } from '../../schema/spatial/crs-names';
import { readGeometries, readSceneWktAndCentroids } from '../../schema/spatial/geometry.repository';
import { spatialConditions } from '../../schema/spatial/spatial-filter';
import type { SpatialFilter } from '../../schema/spatial/spatial-filter.inputs';
import { requireBearer, sendRouteError, viewerEm } from './route-auth';
import type { TokenVerifier } from '../../schema/auth/token.service';

/**
 * `GET /export/scenes.geojson` and `/export/scenes.csv`: every scene matching the query's filters
 * (`status`, `municipality`, `policeArea` as comma lists, `bbox=minX,minY,maxX,maxY` with
 * `bbox-crs`, `includeArchived=true`), geometries in `crs` (default WGS 84). The filters are the
 * GraphQL SceneFilter's, applied by the same code.
 */
export function createExportRouter(orm: MikroORM, verifyToken: TokenVerifier): Router {
  const router = Router();
  router.get('/export/scenes.:format', requireBearer(verifyToken, orm), async (req, res) => {
    try {
      const format = String(req.params.format);
      if (format !== 'geojson' && format !== 'csv') throw new BadUserInputError(`Export format must be geojson or csv, got ${format}`);
      const em = viewerEm(res);
      const filter = sceneFilterFrom(req);
      const crs = parseCrsName(queryText(req, 'crs'), 'crs');
      const where = withConditions(toWhere(filter), await spatialConditions<Scene>(em, filter.spatial, 'area'));
      const scenes = await em.find(Scene, where, { orderBy: { name: 'asc', id: 'asc' } });
      const ids = scenes.map((scene) => scene.id);
      if (format === 'csv') {
        const shapes = await readSceneWktAndCentroids(em, crs, ids);
        res.type('text/csv; charset=utf-8').attachment('scenes.csv');
        res.send(
          stringify(
            scenes.map((scene) => csvRow(scene, shapes.get(scene.id)!)),
            { header: true },
          ),
        );
        return;
      }
      const geometries =
        crs === Crs.EPSG_4326 ? scenes.map((scene) => scene.area) : await readGeometries(em, 'scene.area', 'self', crs, ids);
      res.type('application/geo+json').send({
        type: 'FeatureCollection',
        ...(crs === Crs.EPSG_4326 ? {} : { crs: { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${crsInfo(crs).srid}` } } }),
        features: scenes.map((scene, index) => ({
          type: 'Feature',
          id: scene.id,
          geometry: geometries[index],
          properties: properties(scene),
        })),
      });
    } catch (error) {
      sendRouteError(res, error);
    }
  });
  return router;
}

// Private:

function properties(scene: Scene) {
  return {
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

function csvRow(scene: Scene, shape: { wkt: string; x: number; y: number }) {
  return { id: scene.id, ...properties(scene), centroidX: shape.x, centroidY: shape.y, wkt: shape.wkt };
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

function sceneFilterFrom(req: Request): SceneFilter {
  const status = list(req, 'status');
  const unknown = status?.find((s) => !(s in SceneStatus));
  if (unknown) throw new BadUserInputError(`status must be among ${Object.keys(SceneStatus).join(', ')}, got ${unknown}`, 'status');
  const filter: SceneFilter = {
    status: status as SceneStatus[] | undefined,
    municipality: list(req, 'municipality'),
    policeArea: list(req, 'policeArea'),
    includeArchived: queryText(req, 'includeArchived') === 'true',
  };
  const bbox = list(req, 'bbox')?.map(Number);
  if (bbox) {
    if (bbox.length !== 4 || bbox.some((n) => !Number.isFinite(n))) throw new BadUserInputError('bbox must be minX,minY,maxX,maxY', 'bbox');
    const [minX, minY, maxX, maxY] = bbox as [number, number, number, number];
    filter.spatial = {
      bbox: { minX, minY, maxX, maxY, crs: parseCrsName(queryText(req, 'bbox-crs'), 'bbox-crs') },
      crs: Crs.EPSG_4326,
    } as SpatialFilter;
  }
  return filter;
}

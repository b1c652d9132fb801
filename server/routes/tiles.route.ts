import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { encodeTile } from './tile-fallback';
import { BadUserInputError } from '../../schema/shared/errors';
import { requireBearer, routeViewer, sendRouteError, viewerEm } from './route-auth';
import { requireBeyondScenes } from '../../schema/auth/auth.guard';
import type { TokenVerifier } from '../../schema/auth/token.service';

/** Layers served as Mapbox vector tiles: the SQL of each is fixed here, never built from input. */
const LAYERS = {
  scenes: {
    table: 'scene',
    properties: 's.id, s.name, s.status, s.municipality',
    source: 'scene s, bounds b where s.archived_at is null and s.area && ST_Transform(b.env, 4326)',
    geometry: 's.area',
  },
  interventions: {
    table: 'intervention',
    properties: 'i.id, i.title, i.category, i.kind',
    source: 'intervention i, bounds b where i.location && ST_Transform(b.env, 4326)',
    geometry: 'i.location',
  },
} as const;
type Layer = keyof typeof LAYERS;
const MAX_ZOOM = 22;

/**
 * `GET /tiles/{scenes|interventions}/{z}/{x}/{y}.mvt`: vector tiles made by PostGIS
 * (`ST_TileEnvelope`, `ST_AsMVTGeom`, `ST_AsMVT`; in JavaScript where PostGIS lacks protobuf-c),
 * the features found through the GIST index. The ETag is a hash of the tile, so `If-None-Match`
 * gets a 304 until what the caller sees in it changes; an empty tile is 204. VIEWER tokens get
 * scene tiles only.
 */
export function createTilesRouter(orm: MikroORM, verifyToken: TokenVerifier): Router {
  const router = Router();
  router.get('/tiles/:layer/:z/:x/:y.mvt', requireBearer(verifyToken, orm), async (req, res) => {
    try {
      const layer = parseLayer(String(req.params.layer));
      const { z, x, y } = parseTile(String(req.params.z), String(req.params.x), String(req.params.y));
      if (layer === 'interventions') requireBeyondScenes(routeViewer(res), 'Intervention tiles');
      const em = viewerEm(res);
      const tile = (await hasMvt(em)) ? await tileByPostgis(em, layer, z, x, y) : await tileByJavaScript(em, layer, z, x, y);
      if (tile.length === 0) {
        res.status(204).end();
        return;
      }
      // From the tile itself: it changes exactly when what this caller may see in it changes, and
      // costs no more than the tile (a table-wide count under row security would cost far more).
      const etag = `"${createHash('sha1').update(tile).digest('base64url')}"`;
      res.setHeader('ETag', etag);
      res.setHeader('Cache-Control', 'private, no-cache');
      if (req.headers['if-none-match'] === etag) {
        res.status(304).end();
        return;
      }
      res.type('application/vnd.mapbox-vector-tile').send(tile);
    } catch (error) {
      sendRouteError(res, error);
    }
  });
  return router;
}

let mvtSupport: Promise<boolean> | null = null;

/** Whether this PostGIS can make vector tiles (built with protobuf-c); the embedded PGlite build cannot. */
function hasMvt(em: EntityManager): Promise<boolean> {
  mvtSupport ??= em
    .execute<Array<{ version: string }>>('select postgis_full_version() as version')
    .then(([row]) => /PROTOBUF=/.test(row!.version));
  return mvtSupport;
}

async function tileByPostgis(em: EntityManager, layer: Layer, z: number, x: number, y: number): Promise<Buffer> {
  const { properties, source, geometry } = LAYERS[layer];
  const [row] = await em.execute<Array<{ tile: Buffer | null }>>(
    `with bounds as (select ST_TileEnvelope(?, ?, ?) as env),
          features as (select ${properties}, ST_AsMVTGeom(ST_Transform(${geometry}, 3857), b.env, 4096, 64, true) as geom from ${source} order by 1)
     select ST_AsMVT(features, ?, 4096, 'geom') as tile from features where geom is not null`,
    [z, x, y, layer],
  );
  return row?.tile ?? Buffer.alloc(0);
}

async function tileByJavaScript(em: EntityManager, layer: Layer, z: number, x: number, y: number): Promise<Buffer> {
  const { properties, source, geometry } = LAYERS[layer];
  const rows = await em.execute<Array<Record<string, unknown> & { geojson: string }>>(
    `with bounds as (select ST_TileEnvelope(?, ?, ?) as env) select ${properties}, ST_AsGeoJSON(${geometry}) as geojson from ${source} order by 1`,
    [z, x, y],
  );
  const features = rows.map(({ geojson, ...props }) => ({ geometry: JSON.parse(geojson), properties: props }));
  return encodeTile(layer, features, z, x, y);
}

function parseLayer(layer: string): Layer {
  if (!(layer in LAYERS)) throw new BadUserInputError(`Unknown tile layer "${layer}"; use ${Object.keys(LAYERS).join(' or ')}`);
  return layer as Layer;
}

function parseTile(zText: string, xText: string, yText: string): { z: number; x: number; y: number } {
  const [z, x, y] = [zText, xText, yText].map((text) => (/^\d{1,8}$/.test(text) ? Number(text) : NaN)) as [number, number, number];
  if (!Number.isInteger(z) || z > MAX_ZOOM) throw new BadUserInputError(`Zoom must be a whole number 0..${MAX_ZOOM}, got ${zText}`);
  const size = 2 ** z;
  if (!Number.isInteger(x) || !Number.isInteger(y) || x >= size || y >= size) {
    throw new BadUserInputError(`At zoom ${z}, x and y must be whole numbers 0..${size - 1}, got ${xText}/${yText}`);
  }
  return { z, x, y };
}

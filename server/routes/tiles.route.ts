import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { encodeTile } from './tile-fallback';
import { canMakeVectorTiles, MAP_LAYERS, tileFeatures, vectorTile } from '../../db/spatial/features';
import type { AsOf } from '../../schema/shared/as-of';
import { asOfParam, mapLayerAsOf } from './as-of-layers';
import { BadUserInputError } from '../../schema/shared/errors';
import { requireBearer, routeViewer, sendRouteError, viewerEm } from './route-auth';
import { requireBeyondScenes } from '../../schema/auth/auth.guard';
import type { TokenVerifier } from '../../schema/auth/token.service';

/** Layers served as Mapbox vector tiles (their features: db/spatial/features.ts). */
const TILE_LAYERS = ['scenes', 'interventions'] as const;
type Layer = (typeof TILE_LAYERS)[number];
const MAX_ZOOM = 22;

/**
 * `GET /tiles/{scenes|interventions}/{z}/{x}/{y}.mvt[?at=<instant>]`: vector tiles (with `at`, of
 * the features as they stood then) made by PostGIS
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
      const tile = await tileOf(em, layer, z, x, y, asOfParam(req));
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

/**
 * A tile made by PostGIS where it can (built with protobuf-c), else encoded here (the embedded
 * PGlite build cannot); with `asOf`, of the features as they stood then.
 */
async function tileOf(em: EntityManager, name: Layer, z: number, x: number, y: number, asOf: AsOf | undefined): Promise<Buffer> {
  mvtSupport ??= canMakeVectorTiles(em);
  const layer = asOf ? mapLayerAsOf(name, asOf) : MAP_LAYERS[name];
  if (await mvtSupport) return vectorTile(em, name, z, x, y, layer);
  return encodeTile(name, await tileFeatures(em, name, z, x, y, layer), z, x, y);
}

function parseLayer(layer: string): Layer {
  if (!(TILE_LAYERS as readonly string[]).includes(layer))
    throw new BadUserInputError(`Unknown tile layer "${layer}"; use ${TILE_LAYERS.join(' or ')}`);
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

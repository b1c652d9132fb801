import type { MikroORM } from '@mikro-orm/postgresql';
import { Router, type Request } from 'express';
import { NotFoundError } from '../../../schema/shared/errors';
import { Crs } from '../../../db/spatial/crs';
import { crsUri } from '../../../schema/spatial/crs-names';
import { requireBearer, routeViewer, sendRouteError, viewerEm } from '../route-auth';
import { Role, type Viewer } from '../../../schema/auth/role';
import type { TokenVerifier } from '../../../schema/auth/token.service';
import { collectionFor, FEATURE_COLLECTIONS, isFeatureId, ogcBaseUrl, type FeatureCollectionDefinition } from './collections';
import { countFeatures, layerExtent, readFeatures, type FeatureRow, type MapLayer } from '../../../db/spatial/features';
import { WRITERS } from '../../../schema/auth/auth.guard';
import type { OperationRunner } from '../../operation/run-operation';
import { addOgcWriteRoutes } from './ogc-write.route';
import { SeenVersions } from './seen-versions';
import { asOfInstant, mapLayerAsOf } from '../as-of-layers';
import { parseItemsParams, type ItemsParams } from './ogc-params';
import { filterCondition, parseFilterParams } from './ogc-filter';
import { openApiDocument } from './openapi';
import { QUERYABLES, queryablesSchema } from './queryables';

const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
  // Part 3: filtering, and the CQL2 classes it implements (db/spatial/cql2-sql.ts)
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter',
  'http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter',
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-text',
  'http://www.opengis.net/spec/cql2/1.0/conf/cql2-json',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2',
  'http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators',
  'http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions',
  'http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus',
  'http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions',
  'http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions',
  'http://www.opengis.net/spec/cql2/1.0/conf/functions',
  // Part 4: create, replace, update and delete (ogc-write.route.ts)
  'http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete',
  'http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update',
  'http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/features',
];
const SUPPORTED_CRS = [Crs.EPSG_4326, Crs.EPSG_3006, Crs.EPSG_3011].map(crsUri).concat('http://www.opengis.net/def/crs/EPSG/0/4326');
/** The filter functions this server provides (OGC API - Features Part 3, `/functions`). */
const FUNCTIONS = {
  functions: [
    {
      name: 'DWITHIN_METERS',
      description:
        'Whether two geometries lie within a distance in metres of each other, on the spheroid (CQL2 has no distance of its own). Example: DWITHIN_METERS(geometry, POINT(18.0636 59.3323), 500)',
      arguments: [
        { title: 'a geometry', type: ['geometry'] },
        { title: 'another geometry', type: ['geometry'] },
        { title: 'the distance in metres, 0 to 50 000', type: ['number'] },
      ],
      returns: ['boolean'],
    },
  ],
};

/** What the write routes need (ogc-write.route.ts). */
export interface OgcRouterOptions {
  /** Runs GraphQL operations in process, through the same pipeline as HTTP. */
  run: OperationRunner;
  /** Largest body accepted (as for GraphQL). */
  maxBodyBytes: number;
}

/**
 * OGC API - Features (Part 1 core, GeoJSON, OpenAPI 3.0; Part 2 CRS; Part 3 filtering; Part 4
 * create, replace, update, delete) under /ogc, so QGIS and GDAL open and edit the data directly.
 */
export function createOgcRouter(orm: MikroORM, verifyToken: TokenVerifier, options: OgcRouterOptions): Router {
  const router = Router();
  const seen = new SeenVersions();
  // Reads run in the route's viewer transaction; writes in the GraphQL pipeline's own, committed before they answer.
  router.use(
    '/ogc',
    requireBearer(verifyToken, orm, (req) => req.method === 'GET' || req.method === 'HEAD'),
  );
  addOgcWriteRoutes(router, { orm, run: options.run, seen, maxBodyBytes: options.maxBodyBytes });
  router.get('/ogc', (req, res) => {
    const base = ogcBaseUrl(req);
    res.json({
      title: 'Open drug scenes, Stockholm region',
      description: 'The shared record of the cooperation network: scenes, interventions and agreement areas',
      links: [
        { href: `${base}`, rel: 'self', type: 'application/json', title: 'This document' },
        { href: `${base}/api`, rel: 'service-desc', type: 'application/vnd.oai.openapi+json;version=3.0', title: 'The API definition' },
        { href: `${base}/conformance`, rel: 'conformance', type: 'application/json', title: 'Conformance classes' },
        { href: `${base}/collections`, rel: 'data', type: 'application/json', title: 'Feature collections' },
        {
          href: `${base}/functions`,
          rel: 'http://www.opengis.net/def/rel/ogc/1.0/functions',
          type: 'application/json',
          title: 'Filter functions',
        },
      ],
    });
  });
  router.get('/ogc/functions', (_req, res) => res.json(FUNCTIONS));
  router.get('/ogc/collections/:collectionId/queryables', (req, res) => {
    try {
      const def = collectionFor(String(req.params.collectionId), routeViewer(res));
      // JSON Schema's own media type, or plain JSON for a client that asks only for that (GDAL)
      const type = req.accepts(['application/schema+json', 'application/json']) || 'application/schema+json';
      res.type(type).send(queryablesSchema(def.id, `${ogcBaseUrl(req)}/collections/${def.id}/queryables`));
    } catch (error) {
      sendRouteError(res, error);
    }
  });
  router.get('/ogc/api', (req, res) => res.type('application/vnd.oai.openapi+json;version=3.0').send(openApiDocument(ogcBaseUrl(req))));
  router.get('/ogc/conformance', (_req, res) => res.json({ conformsTo: CONFORMANCE }));
  router.get('/ogc/collections', async (req, res) => {
    try {
      const em = viewerEm(res);
      const collections = await Promise.all(
        readableCollections(routeViewer(res)).map(async (def) => describe(req, def, await layerExtent(em, def.layer))),
      );
      res.json({ links: [{ href: `${ogcBaseUrl(req)}/collections`, rel: 'self', type: 'application/json' }], collections });
    } catch (error) {
      sendRouteError(res, error);
    }
  });
  router.get('/ogc/collections/:collectionId', async (req, res) => {
    try {
      const def = collectionFor(String(req.params.collectionId), routeViewer(res));
      res.json(describe(req, def, await layerExtent(viewerEm(res), def.layer)));
    } catch (error) {
      sendRouteError(res, error);
    }
  });
  router.get('/ogc/collections/:collectionId/items', async (req, res) => {
    try {
      const def = collectionFor(String(req.params.collectionId), routeViewer(res));
      const params = parseItemsParams(req, Object.keys(QUERYABLES[def.id]));
      const em = viewerEm(res);
      const layer = layerAt(def, params);
      const filter = parseFilterParams(req, def.id);
      const where = filter ? await filterCondition(em, def.id, filter) : undefined;
      const [matched, rows] = await Promise.all([
        countFeatures(em, layer, { ...params, where }),
        readFeatures(em, layer, { ...params, where, flip: params.crsFlips }),
      ]);
      const self = new URL(`${ogcBaseUrl(req)}/collections/${def.id}/items`);
      for (const [name, value] of Object.entries(req.query))
        if (typeof value === 'string' && name !== 'access_token') self.searchParams.set(name, value);
      const links: Array<Record<string, string>> = [{ href: self.toString(), rel: 'self', type: 'application/geo+json' }];
      if (params.offset + rows.length < matched) {
        const next = new URL(self);
        next.searchParams.set('offset', String(params.offset + params.limit));
        next.searchParams.set('limit', String(params.limit));
        links.push({ href: next.toString(), rel: 'next', type: 'application/geo+json' });
      }
      if (!params.datetime) rememberServed(seen, routeViewer(res), def.id, rows);
      res.setHeader('Content-Crs', `<${crsUri(params.crs)}>`);
      res.type('application/geo+json').send({
        type: 'FeatureCollection',
        features: rows.map(toFeature),
        numberMatched: matched,
        numberReturned: rows.length,
        timeStamp: new Date().toISOString(),
        links,
      });
    } catch (error) {
      sendRouteError(res, error);
    }
  });
  router.get('/ogc/collections/:collectionId/items/:featureId', async (req, res) => {
    try {
      const def = collectionFor(String(req.params.collectionId), routeViewer(res));
      const featureId = String(req.params.featureId);
      const params = parseItemsParams(req);
      const [row] = isFeatureId(featureId)
        ? await readFeatures(viewerEm(res), layerAt(def, params), { ...params, flip: params.crsFlips, limit: 1, offset: 0, id: featureId })
        : [];
      if (!row) throw new NotFoundError(`Feature of ${def.id}`, featureId);
      if (!params.datetime) {
        // the ETag is the version a write's If-Match names; a feature as it stood has none to write against
        res.setHeader('ETag', `"${String(row.properties.version)}"`);
        rememberServed(seen, routeViewer(res), def.id, [row]);
      }
      res.setHeader('Content-Crs', `<${crsUri(params.crs)}>`);
      res.type('application/geo+json').send({
        ...toFeature(row),
        links: [
          { href: `${ogcBaseUrl(req)}/collections/${def.id}/items/${featureId}`, rel: 'self', type: 'application/geo+json' },
          { href: `${ogcBaseUrl(req)}/collections/${def.id}`, rel: 'collection', type: 'application/json' },
        ],
      });
    } catch (error) {
      sendRouteError(res, error);
    }
  });
  return router;
}

// Private:

/** The collections the caller may read: a VIEWER sees scenes only. */
function readableCollections(viewer: Viewer): FeatureCollectionDefinition[] {
  return Object.values(FEATURE_COLLECTIONS).filter((def) => def.forViewers || viewer.role !== Role.VIEWER);
}

function describe(req: Request, def: FeatureCollectionDefinition, extent: number[] | null) {
  const base = `${ogcBaseUrl(req)}/collections/${def.id}`;
  return {
    id: def.id,
    title: def.title,
    description: def.description,
    itemType: 'feature',
    crs: SUPPORTED_CRS,
    storageCrs: crsUri(Crs.EPSG_4326),
    extent: extent ? { spatial: { bbox: [extent], crs: crsUri(Crs.EPSG_4326) } } : undefined,
    links: [
      { href: base, rel: 'self', type: 'application/json' },
      { href: `${base}/items`, rel: 'items', type: 'application/geo+json' },
      { href: `${base}/queryables`, rel: 'http://www.opengis.net/def/rel/ogc/1.0/queryables', type: 'application/schema+json' },
      // the draft's relation, which GDAL's OAPIF driver follows
      { href: `${base}/queryables`, rel: 'queryables', type: 'application/schema+json' },
    ],
  };
}

function toFeature(row: { id: string; geometry: string | null; properties: Record<string, unknown> }) {
  return { type: 'Feature', id: row.id, geometry: row.geometry ? JSON.parse(row.geometry) : null, properties: row.properties };
}

/** Notes the versions a writer was served: a write of theirs without If-Match is conditional on them (ogc-write.route.ts). */
function rememberServed(seen: SeenVersions, viewer: Viewer, collection: string, rows: readonly FeatureRow[]): void {
  if (!WRITERS.includes(viewer.role)) return;
  for (const row of rows) seen.saw(viewer.subject, collection, row.id, Number(row.properties.version));
}

/** The collection's features as they are, or, for `datetime=<instant>`, as they stood at that instant. */
function layerAt(def: FeatureCollectionDefinition, params: ItemsParams): MapLayer {
  const { start, end } = params.datetime ?? {};
  const instant = start && end && start.getTime() === end.getTime() ? start : null;
  return instant ? mapLayerAsOf(def.id, asOfInstant(instant, 'datetime')) : def.layer;
}

import { MAX_LIMIT } from './ogc-params';

const json = (description: string) => ({ description, content: { 'application/json': {} } });
const geojson = (description: string) => ({ description, content: { 'application/geo+json': {} } });
const parameter = (name: string, description: string, schema: Record<string, unknown>, where = 'query') => ({
  name,
  in: where,
  description,
  required: where === 'path',
  schema,
});

/** The OpenAPI 3.0 description of the /ogc endpoints (service-desc). */
export function openApiDocument(baseUrl: string) {
  const collectionId = parameter(
    'collectionId',
    'scenes, interventions or agreements',
    { type: 'string', enum: ['scenes', 'interventions', 'agreements'] },
    'path',
  );
  return {
    openapi: '3.0.3',
    info: {
      title: 'Open drug scenes: OGC API - Features',
      version: '1.0.0',
      description: 'Scenes, interventions and agreement areas of the Stockholm-region cooperation network',
    },
    servers: [{ url: baseUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths: {
      '/': { get: { summary: 'Landing page', responses: { 200: json('Links to the API description, conformance and collections') } } },
      '/conformance': { get: { summary: 'Conformance classes', responses: { 200: json('conformsTo') } } },
      '/collections': { get: { summary: 'Feature collections', responses: { 200: json('collections') } } },
      '/functions': { get: { summary: 'Filter functions this server provides (DWITHIN_METERS)', responses: { 200: json('functions') } } },
      '/collections/{collectionId}/queryables': {
        get: {
          summary: 'What a filter may name, as JSON Schema',
          parameters: [collectionId],
          responses: { 200: json('queryables'), 404: json('unknown collection') },
        },
      },
      '/collections/{collectionId}': {
        get: {
          summary: 'One collection',
          parameters: [collectionId],
          responses: { 200: json('collection'), 404: json('unknown collection') },
        },
      },
      '/collections/{collectionId}/items': {
        get: {
          summary: 'Features, a page at a time',
          parameters: [
            collectionId,
            parameter('limit', `1..${MAX_LIMIT}`, { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 10 }),
            parameter('offset', 'Items to skip (next links set it)', { type: 'integer', minimum: 0, default: 0 }),
            parameter('bbox', 'minX,minY,maxX,maxY in bbox-crs', { type: 'array', items: { type: 'number' }, minItems: 4, maxItems: 4 }),
            parameter('bbox-crs', 'CRS of bbox (CRS84, EPSG 4326, 3006, 3011 URIs)', { type: 'string', format: 'uri' }),
            parameter('crs', 'CRS of the response geometries', { type: 'string', format: 'uri' }),
            parameter('datetime', 'RFC 3339 instant (the features as they stood then) or interval (start/end, .. for open)', {
              type: 'string',
            }),
            parameter('filter', 'A CQL2 filter on the queryables (see /collections/{collectionId}/queryables and /functions)', {
              type: 'string',
            }),
            // `cql-text` is the draft's name, which GDAL's OAPIF driver looks for here; it means cql2-text
            parameter('filter-lang', 'cql2-text (default) or cql2-json', { type: 'string', enum: ['cql2-text', 'cql2-json', 'cql-text'] }),
            parameter('filter-crs', 'CRS of the filter’s geometries (default CRS84)', { type: 'string', format: 'uri' }),
          ],
          responses: { 200: geojson('A FeatureCollection with numberMatched, numberReturned and next links'), 400: json('bad parameter') },
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          summary: 'One feature',
          parameters: [
            collectionId,
            parameter('featureId', 'Feature id (UUID)', { type: 'string', format: 'uuid' }, 'path'),
            parameter('crs', 'CRS of the geometry', { type: 'string', format: 'uri' }),
          ],
          responses: { 200: geojson('A Feature'), 404: json('no such feature') },
        },
      },
    },
  };
}

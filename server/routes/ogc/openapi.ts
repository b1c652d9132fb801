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

/** A feature in a request body (Part 4): GeoJSON, or for PATCH a JSON merge patch of `geometry` and `properties`. */
const featureBody = (description: string, types = ['application/geo+json', 'application/json']) => ({
  required: true,
  description,
  content: Object.fromEntries(types.map((type) => [type, { schema: { type: 'object' } }])),
});
const contentCrs = parameter(
  'Content-Crs',
  'CRS of the body’s geometry, as <uri> (default CRS84; EPSG 4326/3006/3011 URIs in their axis order, northing first)',
  { type: 'string' },
  'header',
);
const ifMatch = parameter(
  'If-Match',
  'The ETag ("<version>") the change is conditional on; without it, the version this server last served to the user (428 when none)',
  { type: 'string' },
  'header',
);
/** The refusals every write may give, each with {code, message}. */
const writeRefusals = {
  400: json('BAD_USER_INPUT, INVALID_GEOMETRY (PostGIS’s reason) or INVALID_TRANSITION'),
  401: json('UNAUTHENTICATED'),
  403: json('FORBIDDEN: the role or the owner does not allow it'),
  404: json('NOT_FOUND: no such feature the caller may see'),
};
const allowHeader = { Allow: { description: 'The methods this caller may use here', schema: { type: 'string' } } };
const etagHeader = { ETag: { description: 'The version, "<version>"', schema: { type: 'string' } } };

/** The OpenAPI 3.0 description of the /ogc endpoints (service-desc). */
export function openApiDocument(baseUrl: string) {
  const collectionId = parameter(
    'collectionId',
    'scenes, interventions or agreements',
    { type: 'string', enum: ['scenes', 'interventions', 'agreements'] },
    'path',
  );
  const featureId = parameter('featureId', 'Feature id (UUID)', { type: 'string', format: 'uuid' }, 'path');
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
        post: {
          summary: 'Create a feature (the createScene, createIntervention or createAgreement rules apply)',
          parameters: [collectionId, contentCrs],
          requestBody: featureBody('A GeoJSON Feature with the collection’s writable properties'),
          responses: {
            201: { ...geojson('Created; Location names it'), headers: { Location: { schema: { type: 'string' } }, ...etagHeader } },
            ...writeRefusals,
          },
        },
        options: {
          summary: 'Which methods this caller may use on the collection',
          parameters: [collectionId],
          responses: { 204: { description: 'See Allow', headers: allowHeader } },
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          summary: 'One feature',
          parameters: [collectionId, featureId, parameter('crs', 'CRS of the geometry', { type: 'string', format: 'uri' })],
          responses: { 200: { ...geojson('A Feature'), headers: etagHeader }, 404: json('no such feature') },
        },
        put: {
          summary:
            'Replace a feature: every writable property (missing optional ones are cleared); a scene’s status moves through its lifecycle',
          parameters: [collectionId, featureId, contentCrs, ifMatch],
          requestBody: featureBody('A GeoJSON Feature'),
          responses: {
            200: { ...geojson('The feature as it now is'), headers: etagHeader },
            ...writeRefusals,
            412: json('CONFLICT: the feature changed since that version'),
            428: json('No If-Match and no version of the feature served to this user'),
          },
        },
        patch: {
          summary: 'Change a feature: a JSON merge patch (RFC 7396) of properties, and the geometry when given',
          parameters: [collectionId, featureId, contentCrs, ifMatch],
          requestBody: featureBody('{ "geometry"?, "properties"? }', [
            'application/merge-patch+json',
            'application/geo+json',
            'application/json',
          ]),
          responses: {
            200: { ...geojson('The feature as it now is'), headers: etagHeader },
            ...writeRefusals,
            412: json('CONFLICT: the feature changed since that version'),
            428: json('No If-Match and no version of the feature served to this user'),
          },
        },
        delete: {
          summary: 'Delete an intervention, archive a scene (agreements are ended by validTo: 405)',
          parameters: [collectionId, featureId, ifMatch],
          responses: {
            204: { description: 'Deleted' },
            ...writeRefusals,
            405: json('The collection’s items are not deleted'),
            412: json('CONFLICT: the feature changed since that version'),
            428: json('No If-Match and no version of the feature served to this user'),
          },
        },
        options: {
          summary: 'Which methods this caller may use on the feature (asked of the same rules as the writes)',
          parameters: [collectionId, featureId],
          responses: { 204: { description: 'See Allow', headers: allowHeader }, 404: json('no such feature') },
        },
      },
    },
  };
}

import { AgreementKind } from '../../../schema/agreement/agreement-kind';
import { InterventionCategory, Sensitivity } from '../../../schema/intervention/intervention-enums';
import { SceneStatus } from '../../../schema/scene/scene-status';
import type { MapLayerName } from '../../../db/spatial/features';
import type { Queryable } from '../../../db/spatial/cql2-sql';

/**
 * What a CQL2 filter may name in each collection (OGC API - Features Part 3 queryables): the
 * features' own properties, `geometry`, `datetime` (the feature's time window) and `updated`
 * (when the record last changed). SQL over the map layer's row `t` (db/spatial/features.ts).
 */
export const QUERYABLES: Record<MapLayerName, Record<string, Queryable>> = {
  scenes: {
    name: { sql: 't.name', type: 'string', description: 'Name of the place' },
    municipality: { sql: 't.municipality', type: 'string', description: 'Municipality' },
    district: { sql: 't.district', type: 'string', description: 'District (stadsdel)' },
    policeArea: { sql: 't.police_area', type: 'string', description: 'Local police area' },
    status: { sql: 't.status', type: 'string', enum: Object.values(SceneStatus), description: 'Lifecycle status' },
    statusSince: { sql: 't.status_since', type: 'timestamp', description: 'When the current status took effect' },
    areaSquareMeters: { sql: 't.area_square_meters', type: 'number', description: 'Area on the spheroid, m²' },
    version: { sql: 't.version', type: 'integer', description: 'The record’s version' },
    updated: { sql: 't.updated_at', type: 'timestamp', description: 'When the scene last changed' },
    geometry: { sql: 't.area', type: 'geometry', geometryType: 'MultiPolygon', description: 'The scene’s area' },
    datetime: { sql: 't.status_since', end: 'null', type: 'interval', description: 'Since when the current status holds (open end)' },
  },
  interventions: {
    title: { sql: 't.title', type: 'string', description: 'Title' },
    category: { sql: 't.category', type: 'string', enum: Object.values(InterventionCategory), description: 'Category' },
    kind: { sql: 't.kind', type: 'string', description: 'Method code, e.g. UNIFORMED_PRESENCE' },
    sceneId: { sql: 't.scene_id', type: 'uuid', description: 'The scene it belongs to' },
    ownerId: { sql: 't.owner_id', type: 'uuid', description: 'The operator that owns it' },
    agreementId: { sql: 't.agreement_id', type: 'uuid', description: 'The agreement it is carried out under' },
    startsAt: { sql: 't.starts_at', type: 'timestamp', description: 'Start' },
    endsAt: { sql: 't.ends_at', type: 'timestamp', description: 'End (null: open)' },
    recurrence: { sql: 't.recurrence', type: 'string', description: 'When it recurs, in words' },
    sensitivity: { sql: 't.sensitivity', type: 'string', enum: Object.values(Sensitivity), description: 'Who may see it' },
    version: { sql: 't.version', type: 'integer', description: 'The record’s version' },
    updated: { sql: 't.updated_at', type: 'timestamp', description: 'When the intervention last changed' },
    geometry: { sql: 't.location', type: 'geometry', geometryType: 'Geometry', description: 'Where: a point, line or polygon' },
    datetime: { sql: 't.starts_at', end: 't.ends_at', type: 'interval', description: 'Its time window, startsAt to endsAt' },
  },
  agreements: {
    kind: { sql: 't.kind', type: 'string', enum: Object.values(AgreementKind), description: 'Kind of agreement' },
    title: { sql: 't.title', type: 'string', description: 'Title' },
    validFrom: { sql: 't.valid_from', type: 'date', description: 'First day of validity' },
    validTo: { sql: 't.valid_to', type: 'date', description: 'Last day of validity (null: open-ended)' },
    version: { sql: 't.version', type: 'integer', description: 'The record’s version' },
    updated: { sql: 't.updated_at', type: 'timestamp', description: 'When the agreement last changed' },
    geometry: { sql: 't.area', type: 'geometry', geometryType: 'MultiPolygon', description: 'Where the agreement applies' },
    datetime: {
      sql: 't.valid_from::timestamptz',
      end: "(t.valid_to + interval '1 day')::timestamptz",
      type: 'interval',
      description: 'Its validity, first to last day',
    },
  },
};

/** The queryables of a collection as JSON Schema (OGC API - Features Part 3, `/queryables`). */
export function queryablesSchema(id: MapLayerName, self: string): Record<string, unknown> {
  const properties = Object.fromEntries(Object.entries(QUERYABLES[id]).map(([name, q]) => [name, propertySchema(q)]));
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: self,
    type: 'object',
    title: `Queryables of ${id}`,
    properties,
    additionalProperties: false,
    // the draft's list (GDAL's OAPIF driver reads it to know what it may filter on the server)
    queryables: Object.keys(properties).map((name) => ({ id: name })),
  };
}

const GEOJSON_SCHEMA = 'https://geojson.org/schema';

function propertySchema(q: Queryable): Record<string, unknown> {
  const base = { description: q.description };
  switch (q.type) {
    case 'geometry':
      return {
        ...base,
        format: `geometry-${q.geometryType === 'Geometry' ? 'any' : q.geometryType!.toLowerCase()}`,
        $ref: `${GEOJSON_SCHEMA}/${q.geometryType}.json`,
      };
    case 'interval':
      return { ...base, type: 'array', format: 'interval', items: { type: 'string', format: 'date-time' }, minItems: 2, maxItems: 2 };
    case 'timestamp':
      return { ...base, type: 'string', format: 'date-time' };
    case 'date':
      return { ...base, type: 'string', format: 'date' };
    case 'uuid':
      return { ...base, type: 'string', format: 'uuid' };
    default:
      return { ...base, type: q.type, ...(q.enum ? { enum: q.enum } : {}) };
  }
}

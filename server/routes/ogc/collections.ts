/**
 * The feature collections OGC API - Features serves. Table, geometry column and property SQL
 * are code constants (never input); each collection says how `datetime` applies to it.
 */
export interface FeatureCollectionDefinition {
  id: string;
  title: string;
  description: string;
  table: string;
  geometry: string;
  /** SQL condition every served row meets. */
  base: string;
  /** SQL of a jsonb object with the feature's properties (alias `t`). */
  properties: string;
  /** SQL of the row's time span, [start, end] (end may be null = open). */
  temporal: { start: string; end: string };
  /** Whether VIEWER tokens, which see scenes only, may read it. */
  forViewers: boolean;
}

export const FEATURE_COLLECTIONS: Record<string, FeatureCollectionDefinition> = {
  scenes: {
    id: 'scenes',
    title: 'Open drug scenes',
    description: 'Scenes with their area, current status and since when (datetime filters on statusSince)',
    table: 'scene',
    geometry: 'area',
    base: 't.archived_at is null',
    properties: `jsonb_build_object('name', t.name, 'municipality', t.municipality, 'district', t.district, 'policeArea', t.police_area,
                   'statAreas', array_to_string(t.stat_areas, ';'), 'status', t.status, 'statusSince', t.status_since, 'version', t.version)`,
    temporal: { start: 't.status_since', end: 't.status_since' },
    forViewers: true,
  },
  interventions: {
    id: 'interventions',
    title: 'Interventions',
    description: 'What is done at or near the scenes, where and when (datetime filters on the startsAt..endsAt window)',
    table: 'intervention',
    geometry: 'location',
    base: 'true',
    properties: `jsonb_build_object('title', t.title, 'category', t.category, 'kind', t.kind, 'sceneId', t.scene_id, 'ownerId', t.owner_id,
                   'startsAt', t.starts_at, 'endsAt', t.ends_at, 'recurrence', t.recurrence, 'sensitivity', t.sensitivity)`,
    temporal: { start: 't.starts_at', end: 't.ends_at' },
    forViewers: false,
  },
  agreements: {
    id: 'agreements',
    title: 'Agreement areas',
    description: 'Areas of agreements that have one: guard mandates, camera permits... (datetime filters on the validity period)',
    table: 'agreement',
    geometry: 'area',
    base: 't.area is not null',
    properties: `jsonb_build_object('kind', t.kind, 'title', t.title, 'validFrom', t.valid_from, 'validTo', t.valid_to)`,
    temporal: { start: 't.valid_from::timestamptz', end: "(t.valid_to + interval '1 day')::timestamptz" },
    forViewers: false,
  },
};

import type { Request } from 'express';
import { MAP_LAYERS, type MapLayer, type MapLayerName } from '../../../db/spatial/features';
import { requireBeyondScenes } from '../../../schema/auth/auth.guard';
import type { Viewer } from '../../../schema/auth/role';
import { NotFoundError } from '../../../schema/shared/errors';
import { ownKey } from '../../../schema/shared/validation';

/** The feature collections OGC API - Features serves: the map layers, with what OGC clients are told of them. */
export interface FeatureCollectionDefinition {
  id: MapLayerName;
  title: string;
  description: string;
  /** What a feature of it is (table, geometry, properties, time span): db/spatial/features.ts. */
  layer: MapLayer;
  /** Whether VIEWER tokens, which see scenes only, may read it. */
  forViewers: boolean;
}

export const FEATURE_COLLECTIONS: Record<MapLayerName, FeatureCollectionDefinition> = {
  scenes: {
    id: 'scenes',
    title: 'Open drug scenes',
    description:
      'Scenes with their area, current status and since when (datetime: an interval filters on statusSince; an instant gives the scenes as they stood then)',
    layer: MAP_LAYERS.scenes,
    forViewers: true,
  },
  interventions: {
    id: 'interventions',
    title: 'Interventions',
    description:
      'What is done at or near the scenes, where and when (datetime filters on the startsAt..endsAt window; an instant gives them as they stood then)',
    layer: MAP_LAYERS.interventions,
    forViewers: false,
  },
  agreements: {
    id: 'agreements',
    title: 'Agreement areas',
    description:
      'Areas of agreements that have one: guard mandates, camera permits... (datetime filters on the validity period; an instant gives them as they stood then)',
    layer: MAP_LAYERS.agreements,
    forViewers: false,
  },
};

/** The collection `id` as `viewer` may use it: NOT_FOUND for an unknown one, FORBIDDEN for a VIEWER beyond scenes. */
export function collectionFor(id: string, viewer: Viewer): FeatureCollectionDefinition {
  if (!ownKey(FEATURE_COLLECTIONS, id)) throw new NotFoundError('Collection', id);
  const def = FEATURE_COLLECTIONS[id]!;
  if (!def.forViewers) requireBeyondScenes(viewer, `The ${id} collection`);
  return def;
}

/** The API's root URL as the client reached it. */
export function ogcBaseUrl(req: Request): string {
  return `${req.protocol}://${req.get('host')}/ogc`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path's feature id can name a feature (a UUID); any other is simply not found. */
export function isFeatureId(id: string): boolean {
  return UUID.test(id);
}

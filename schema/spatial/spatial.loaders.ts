import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createGroupLoader } from '../shared/dataloader';
import type { Geometry } from '../../db/spatial/geojson';
import { Crs } from '../../db/spatial/crs';
import {
  readAreaChanges,
  readGeometries,
  readPerimeters,
  type AreaChange,
  type GeometrySource,
  type GeometryShape,
} from '../../db/spatial/geometry-sql';
import { scenesNearScenes } from '../../db/spatial/proximity';
import { checkRadius } from './spatial-filter';

/**
 * Per-request spatial loaders. Each is keyed by its arguments (column, CRS, radius), so one
 * statement answers every parent of a list for the same arguments.
 */
export function createSpatialLoaders(em: EntityManager) {
  const cache = new Map<string, DataLoader<string, unknown>>();
  function memo<V>(key: string, create: () => DataLoader<string, V>): DataLoader<string, V> {
    if (!cache.has(key)) cache.set(key, create() as DataLoader<string, unknown>);
    return cache.get(key) as DataLoader<string, V>;
  }
  return {
    geometry(source: GeometrySource, shape: GeometryShape, crs: Crs): DataLoader<string, Geometry | null> {
      return memo(`geometry:${source}:${shape}:${crs}`, () => new DataLoader((ids) => readGeometries(em, source, shape, crs, ids)));
    },
    /** What a version's area gained and lost against the one before, by "id:version". */
    areaChange(table: 'scene_version', crs: Crs): DataLoader<string, AreaChange | null> {
      return memo(`area-change:${table}:${crs}`, () => new DataLoader((keys) => readAreaChanges(em, table, crs, keys)));
    },
    perimeter(source: GeometrySource): DataLoader<string, number | null> {
      return memo(`perimeter:${source}`, () => new DataLoader((ids) => readPerimeters(em, source, ids)));
    },
    scenesNearScene(radiusMeters: number) {
      const radius = checkRadius(radiusMeters, 'radiusMeters');
      return memo(`scenes-near:${radius}`, () =>
        createGroupLoader(
          (ids) => scenesNearScenes(em, ids, radius),
          (row) => row.sourceId,
        ),
      );
    },
  };
}

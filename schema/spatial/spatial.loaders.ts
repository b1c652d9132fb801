import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Geometry } from './geojson';
import { Crs } from './crs';
import { readGeometries, type GeometrySource, type GeometryShape } from './geometry.repository';

/** Per-request loaders of geometries in a requested CRS: one statement per (column, shape, CRS) per batch. */
export function createSpatialLoaders(em: EntityManager) {
  const loaders = new Map<string, DataLoader<string, Geometry | null>>();
  return {
    geometry(source: GeometrySource, shape: GeometryShape, crs: Crs): DataLoader<string, Geometry | null> {
      const key = `${source}:${shape}:${crs}`;
      let loader = loaders.get(key);
      if (!loader) {
        loader = new DataLoader((ids) => readGeometries(em, source, shape, crs, ids));
        loaders.set(key, loader);
      }
      return loader;
    },
  };
}

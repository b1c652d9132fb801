/**
 * Coordinate reference systems the API reads and writes, and what PostGIS needs of each.
 * Coordinates are always x,y (easting first). The GraphQL enum: schema/spatial/crs.enum.ts.
 */
export enum Crs {
  EPSG_4326 = 'EPSG_4326',
  EPSG_3006 = 'EPSG_3006',
  EPSG_3011 = 'EPSG_3011',
}

interface CrsInfo {
  srid: number;
  label: string;
  /** Plausible coordinate extent, generous, used to catch swapped axes and typos before PostGIS sees them. */
  extent: { minX: number; minY: number; maxX: number; maxY: number };
  /** Decimal digits written by ST_AsGeoJSON: 9 in degrees (~0.1 mm), 3 in metres (1 mm). */
  decimals: number;
}

const CRS_INFO: Record<Crs, CrsInfo> = {
  [Crs.EPSG_4326]: {
    srid: 4326,
    label: 'WGS 84 (EPSG:4326)',
    extent: { minX: -180, minY: -90, maxX: 180, maxY: 90 },
    decimals: 9,
  },
  // Sweden's bounding box projected to each grid, widened by about 100 km.
  [Crs.EPSG_3006]: {
    srid: 3006,
    label: 'SWEREF 99 TM (EPSG:3006)',
    extent: { minX: 100_000, minY: 6_000_000, maxX: 1_200_000, maxY: 7_800_000 },
    decimals: 3,
  },
  [Crs.EPSG_3011]: {
    srid: 3011,
    label: 'SWEREF 99 18 00 (EPSG:3011)',
    extent: { minX: -400_000, minY: 6_000_000, maxX: 600_000, maxY: 7_800_000 },
    decimals: 3,
  },
};

export function crsInfo(crs: Crs = Crs.EPSG_4326): CrsInfo {
  return CRS_INFO[crs];
}

/** The SRID every geometry is stored in. */
export const STORAGE_SRID = 4326;

import { registerEnumType } from 'type-graphql';
import { Crs } from '../../db/spatial/crs';

/** The CRS enum as GraphQL shows it (the CRS table itself is db/spatial/crs.ts). */
registerEnumType(Crs, {
  name: 'Crs',
  description: 'Coordinate reference system. Coordinates are always written x,y (longitude or easting first).',
  valuesConfig: {
    EPSG_4326: { description: 'WGS 84, longitude/latitude in degrees (GeoJSON default)' },
    EPSG_3006: { description: 'SWEREF 99 TM, easting/northing in metres (national Swedish grid)' },
    EPSG_3011: { description: 'SWEREF 99 18 00, easting/northing in metres (City of Stockholm local system)' },
  },
});

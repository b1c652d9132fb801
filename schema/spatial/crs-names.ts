import { BadUserInputError } from '../shared/errors';
import { Crs, crsInfo } from '../../db/spatial/crs';

const OGC_EPSG = 'http://www.opengis.net/def/crs/EPSG/0/';
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

/**
 * Reads a CRS as HTTP clients name it: the GraphQL enum (`EPSG_3006`), `EPSG:3006`, or an OGC URI
 * (`http://www.opengis.net/def/crs/EPSG/0/3006`; CRS84 is WGS 84 in x,y order, our EPSG_4326).
 * @throws BadUserInputError listing the accepted names
 */
export function parseCrsName(name: string | undefined, field: string): Crs {
  if (name === undefined || name === '') return Crs.EPSG_4326;
  if (name === CRS84) return Crs.EPSG_4326;
  const code = /^(?:EPSG[_:]|http:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/)(\d+)$/.exec(name)?.[1];
  const crs = Object.values(Crs).find((c) => code !== undefined && crsInfo(c).srid === Number(code));
  if (!crs)
    throw new BadUserInputError(
      `${field} must be one of ${Object.values(Crs).map(crsUri).join(', ')} (or EPSG:4326, EPSG:3006, EPSG:3011), got ${JSON.stringify(name)}`,
      field,
    );
  return crs;
}

/** The OGC URI of a CRS (CRS84 for WGS 84, whose axis order GeoJSON uses). */
export function crsUri(crs: Crs): string {
  return crs === Crs.EPSG_4326 ? CRS84 : `${OGC_EPSG}${crsInfo(crs).srid}`;
}

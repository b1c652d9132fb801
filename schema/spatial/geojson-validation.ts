import { InvalidGeometryError } from '../shared/errors';
import { Crs, crsInfo } from '../../db/spatial/crs';
import { ANY_SIMPLE_TYPES, type Geometry, type GeometryType, type Position } from '../../db/spatial/geojson';

/** Largest geometry accepted in one input, in vertices. Larger shapes should be simplified first. */
export const MAX_VERTICES = 50_000;

const GEOMETRY_TYPES: readonly string[] = [...ANY_SIMPLE_TYPES, 'GeometryCollection'];

/**
 * Checks the structure of a GeoJSON geometry before it reaches PostGIS: the type is one the
 * field allows, every position is 2 or 3 finite numbers inside the CRS's extent, lines have two
 * positions, rings four and are closed, and the whole has at most {@link MAX_VERTICES} vertices.
 * Topology (self-intersections, holes outside shells) is PostGIS's job: see GeometryService.
 * @throws InvalidGeometryError naming the field, the path to the bad part, what was expected and what was got.
 */
export function assertValidGeoJson(
  value: unknown,
  allowed: readonly GeometryType[],
  crs: Crs = Crs.EPSG_4326,
  field = 'geometry',
): Geometry {
  const checker = new GeometryChecker(field, crs);
  checker.check(value, allowed);
  return value as Geometry;
}

// Private: a walker that keeps the vertex count and produces messages with a JSON path.
class GeometryChecker {
  private vertices = 0;

  constructor(
    private readonly field: string,
    private readonly crs: Crs,
  ) {}

  check(value: unknown, allowed: readonly GeometryType[]): void {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.fail('', `expected a GeoJSON geometry object, got ${describe(value)}`);
    }
    const object = value as Record<string, unknown>;
    const type = object.type;
    if (type === 'Feature' || type === 'FeatureCollection') {
      this.fail('.type', `expected a geometry object, got a ${type}; send its "geometry" member instead`);
    }
    if (typeof type !== 'string' || !GEOMETRY_TYPES.includes(type)) {
      this.fail('.type', `expected one of ${GEOMETRY_TYPES.join(', ')}, got ${describe(type)}`);
    }
    if (!allowed.includes(type as GeometryType)) {
      this.fail('.type', `expected ${allowed.join(' or ')} for this field, got ${type}`);
    }
    if (!Array.isArray(object.coordinates)) {
      this.fail('.coordinates', `expected an array, got ${describe(object.coordinates)}`);
    }
    this.checkCoordinates(type as GeometryType, object.coordinates, '.coordinates');
  }

  private checkCoordinates(type: GeometryType, coordinates: unknown[], path: string): void {
    switch (type) {
      case 'Point':
        return this.position(coordinates, path);
      case 'MultiPoint':
        return this.nonEmpty(coordinates, path, 'point').forEach((p, i) => this.position(p, `${path}[${i}]`));
      case 'LineString':
        return this.line(coordinates, path);
      case 'MultiLineString':
        return this.nonEmpty(coordinates, path, 'line').forEach((l, i) => this.line(l, `${path}[${i}]`));
      case 'Polygon':
        return this.polygon(coordinates, path);
      case 'MultiPolygon':
        return this.nonEmpty(coordinates, path, 'polygon').forEach((p, i) => this.polygon(p, `${path}[${i}]`));
      default:
        this.fail('.type', 'GeometryCollection is not accepted; send a Multi* geometry instead');
    }
  }

  private polygon(rings: unknown, path: string): void {
    this.nonEmpty(rings, path, 'ring').forEach((ring, i) => this.ring(ring, `${path}[${i}]`));
  }

  private ring(ring: unknown, path: string): void {
    const positions = this.positions(ring, path);
    if (positions.length < 4) {
      this.fail(path, `a polygon ring needs at least 4 positions (3 corners and the first repeated), got ${positions.length}`);
    }
    const first = positions[0]!;
    const last = positions[positions.length - 1]!;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      this.fail(path, `a polygon ring must be closed: its last position [${last.join(', ')}] must repeat its first [${first.join(', ')}]`);
    }
  }

  private line(line: unknown, path: string): void {
    const positions = this.positions(line, path);
    if (positions.length < 2) this.fail(path, `a line needs at least 2 positions, got ${positions.length}`);
  }

  private positions(value: unknown, path: string): Position[] {
    if (!Array.isArray(value)) this.fail(path, `expected an array of positions, got ${describe(value)}`);
    (value as unknown[]).forEach((p, i) => this.position(p, `${path}[${i}]`));
    return value as Position[];
  }

  private position(value: unknown, path: string): void {
    if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
      this.fail(path, `expected a position [x, y] or [x, y, z], got ${describe(value)}`);
    }
    const numbers = value as unknown[];
    numbers.forEach((n, i) => {
      if (typeof n !== 'number' || !Number.isFinite(n)) {
        this.fail(`${path}[${i}]`, `expected a finite number, got ${describe(n)}`);
      }
    });
    this.inExtent(numbers as number[], path);
    this.vertices += 1;
    if (this.vertices > MAX_VERTICES) {
      this.fail('', `has more than ${MAX_VERTICES} vertices; simplify it first (for example with ST_Simplify or mapshaper)`);
    }
  }

  private inExtent([x, y]: number[], path: string): void {
    const { extent, label } = crsInfo(this.crs);
    const xOk = x! >= extent.minX && x! <= extent.maxX;
    const yOk = y! >= extent.minY && y! <= extent.maxY;
    if (xOk && yOk) return;
    const axes = this.crs === Crs.EPSG_4326 ? ['longitude', 'latitude'] : ['easting', 'northing'];
    const swapped =
      y! >= extent.minX && y! <= extent.maxX && x! >= extent.minY && x! <= extent.maxY
        ? '; the axes look swapped: GeoJSON positions are x,y (' + axes.join(' first, then ') + ')'
        : '';
    const bad = xOk
      ? `${axes[1]} ${y} is outside ${extent.minY}..${extent.maxY}`
      : `${axes[0]} ${x} is outside ${extent.minX}..${extent.maxX}`;
    this.fail(path, `position out of range for ${label}: ${bad}${swapped}`);
  }

  private nonEmpty(value: unknown, path: string, what: string): unknown[] {
    if (!Array.isArray(value) || value.length === 0) {
      this.fail(path, `expected a non-empty array of ${what}s, got ${describe(value)}`);
    }
    return value as unknown[];
  }

  private fail(path: string, message: string): never {
    throw new InvalidGeometryError(`Invalid ${this.field}${path ? ` at ${path}` : ''}: ${message}`, this.field);
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'number') return String(value);
  return `a ${typeof value}`;
}

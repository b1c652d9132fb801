import type { SqlWriter } from '../sql-writer';
import type { Geometry } from './geojson';

/**
 * CQL2 (OGC API - Features Part 3) as SQL: a filter in its JSON form becomes one condition on the
 * row `t` of a map layer, every value bound as a parameter, every property a queryable of the
 * layer (db/spatial/features.ts), every operand's type checked. Spatial operators are PostGIS's
 * (`ST_Intersects` and `ST_Within` use the GIST index, also under row security); the distance in
 * metres is this server's function `DWITHIN_METERS(geometry, <geometry>, <metres>)`, on the
 * spheroid, answered by the geography index. Temporal operators compare time windows, an open
 * end being infinite.
 */

/** A CQL2 JSON expression (what the text grammar produces too). */
export type Cql2Expression =
  | boolean
  | number
  | string
  | null
  | Cql2Expression[]
  | { op: string; args: Cql2Expression[] }
  | { property: string }
  | { timestamp: string }
  | { date: string }
  | { interval: Cql2Expression[] }
  | { bbox: number[] }
  | Geometry;

export type QueryableType = 'string' | 'uuid' | 'number' | 'integer' | 'boolean' | 'timestamp' | 'date' | 'geometry' | 'interval';

/** A property a filter may name: its SQL over the row `t` (an interval: its start, and `end`). */
export interface Queryable {
  sql: string;
  type: QueryableType;
  description: string;
  /** An interval's end (null: open). */
  end?: string;
  enum?: readonly string[];
  /** A geometry's GeoJSON type, for the queryables schema. */
  geometryType?: string;
}

/** What the translation needs besides the filter. */
export interface Cql2Context {
  queryables: Readonly<Record<string, Queryable>>;
  w: SqlWriter;
  /** A geometry literal as an SQL expression in WGS 84 (validated and transformed by the caller, from `filter-crs`). */
  geometry(literal: Geometry): string;
  /** A BBOX literal, in `filter-crs`, as an SQL expression in WGS 84. */
  box(bbox: number[]): string;
}

/** A filter that cannot be translated: its message says what was wrong (the routes answer it as 400). */
export class Cql2FilterError extends Error {}

/** Largest distance `DWITHIN_METERS` takes, in metres. */
export const MAX_DWITHIN_METERS = 50_000;
/** Deepest nesting of a filter. */
const MAX_DEPTH = 50;

/**
 * The filter as one SQL condition.
 * @throws Cql2FilterError: an unknown operator, property or function, a wrong
 * number of arguments, operands of types that cannot be compared
 */
export function cql2Sql(filter: Cql2Expression, context: Cql2Context): string {
  return new Translator(context).predicate(filter, 0);
}

/** Every geometry literal of a filter (to be validated before it is translated). */
export function geometryLiterals(filter: Cql2Expression): Geometry[] {
  if (Array.isArray(filter)) return filter.flatMap(geometryLiterals);
  if (filter === null || typeof filter !== 'object') return [];
  if ('type' in filter && 'coordinates' in filter) return [filter as Geometry];
  if ('args' in filter && Array.isArray(filter.args)) return filter.args.flatMap(geometryLiterals);
  return [];
}

// Private:

const COMPARISONS: Record<string, string> = { '=': '=', '<>': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };
const SPATIAL: Record<string, string> = {
  s_intersects: 'ST_Intersects',
  s_equals: 'ST_Equals',
  s_touches: 'ST_Touches',
  s_within: 'ST_Within',
  s_overlaps: 'ST_Overlaps',
  s_crosses: 'ST_Crosses',
  s_contains: 'ST_Contains',
};
/** Types that compare with one another, and the cast a literal compared with them takes. */
const FAMILIES: Record<string, { types: QueryableType[]; cast: Record<string, string> }> = {
  text: { types: ['string', 'uuid'], cast: { string: 'text', uuid: 'uuid' } },
  number: { types: ['number', 'integer'], cast: { number: 'float8', integer: 'float8' } },
  time: { types: ['timestamp', 'date'], cast: { timestamp: 'timestamptz', date: 'date' } },
  boolean: { types: ['boolean'], cast: { boolean: 'boolean' } },
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Operand {
  /** Its SQL, or, for a literal, the value to bind once its cast is known. */
  sql?: string;
  literal?: unknown;
  type: QueryableType;
  /** A property's allowed values. */
  enum?: readonly string[];
  name?: string;
}

interface Window {
  start: string;
  end: string;
}

class Translator {
  constructor(private readonly c: Cql2Context) {}

  predicate(e: Cql2Expression, depth: number): string {
    if (depth > MAX_DEPTH) throw refuse(`is nested more than ${MAX_DEPTH} deep`);
    if (e === true || e === false) return String(e);
    const { op, args } = operation(e);
    if (op === 'and' || op === 'or') {
      if (args.length < 2) throw refuse(`${op.toUpperCase()} takes two or more operands, got ${args.length}`);
      return `(${args.map((a) => this.predicate(a, depth + 1)).join(` ${op} `)})`;
    }
    if (op === 'not') return `(not ${this.predicate(only(args, 1, op)[0]!, depth + 1)})`;
    if (COMPARISONS[op]) return this.comparison(op, only(args, 2, op));
    if (op === 'like') return this.like(only(args, 2, op));
    if (op === 'between') return this.between(only(args, 3, op));
    if (op === 'in') return this.in(only(args, 2, op));
    if (op === 'isnull') return `(${this.scalar(only(args, 1, 'isNull')[0]!).sql} is null)`;
    if (op === 's_disjoint') return `(not ${this.spatial('ST_Intersects', only(args, 2, op))})`;
    if (SPATIAL[op]) return this.spatial(SPATIAL[op]!, only(args, 2, op));
    if (op.startsWith('t_')) return this.temporal(op, only(args, 2, op));
    if (op === 'dwithin_meters') return this.dwithinMeters(only(args, 3, 'DWITHIN_METERS'));
    throw refuse(`has an operator or function this server does not know: ${JSON.stringify(op)} (see /ogc/functions)`);
  }

  private comparison(op: string, [a, b]: Cql2Expression[]): string {
    const [x, y] = this.comparable(this.scalar(a!), this.scalar(b!), op);
    return `(${x} ${COMPARISONS[op]} ${y})`;
  }

  private like([a, pattern]: Cql2Expression[]): string {
    const value = this.scalar(a!);
    if (value.type !== 'string') throw refuse(`LIKE needs a text property, got ${describe(value)}`);
    if (typeof pattern !== 'string') throw refuse('LIKE needs a text pattern');
    return `(${this.bound(value, 'text')} like ${this.c.w.param(pattern, 'text')})`;
  }

  private between([a, low, high]: Cql2Expression[]): string {
    const value = this.scalar(a!);
    if (family(value.type) !== 'number' && family(value.type) !== 'time')
      throw refuse(`BETWEEN needs a number or a time, got ${describe(value)}`);
    const [x, lo] = this.comparable(value, this.scalar(low!), 'BETWEEN');
    const [, hi] = this.comparable(value, this.scalar(high!), 'BETWEEN');
    return `(${x} between ${lo} and ${hi})`;
  }

  private in([a, list]: Cql2Expression[]): string {
    if (!Array.isArray(list) || list.length === 0) throw refuse('IN needs a list of one or more values');
    const value = this.scalar(a!);
    const items = list.map((item) => this.comparable(value, this.scalar(item), 'IN')[1]);
    return `(${this.comparable(value, value, 'IN')[0]} in (${items.join(', ')}))`;
  }

  private spatial(fn: string, [a, b]: Cql2Expression[]): string {
    return `${fn}(${this.geometric(a!)}, ${this.geometric(b!)})`;
  }

  private dwithinMeters([a, b, metres]: Cql2Expression[]): string {
    if (typeof metres !== 'number' || !(metres >= 0 && metres <= MAX_DWITHIN_METERS)) {
      throw refuse(`DWITHIN_METERS takes a distance of 0 to ${MAX_DWITHIN_METERS} metres as its third argument`);
    }
    return `ST_DWithin((${this.geometric(a!)})::geography, (${this.geometric(b!)})::geography, ${this.c.w.param(metres, 'float8')})`;
  }

  private temporal(op: string, [a, b]: Cql2Expression[]): string {
    const x = this.window(a!);
    const y = this.window(b!);
    const conditions: Record<string, string> = {
      t_intersects: `${x.start} <= ${y.end} and ${x.end} >= ${y.start}`,
      t_disjoint: `not (${x.start} <= ${y.end} and ${x.end} >= ${y.start})`,
      t_equals: `${x.start} = ${y.start} and ${x.end} = ${y.end}`,
      t_before: `${x.end} < ${y.start}`,
      t_after: `${x.start} > ${y.end}`,
      t_during: `${x.start} > ${y.start} and ${x.end} < ${y.end}`,
      t_contains: `${x.start} < ${y.start} and ${x.end} > ${y.end}`,
    };
    if (!conditions[op]) throw refuse(`has a temporal operator this server does not know: ${op.toUpperCase()}`);
    return `(${conditions[op]})`;
  }

  /** A time window (instant: start = end), open ends infinite. */
  private window(e: Cql2Expression): Window {
    if (e !== null && typeof e === 'object' && 'interval' in e) {
      const [start, end] = Array.isArray(e.interval) && e.interval.length === 2 ? e.interval : [];
      if (start === undefined || end === undefined) throw refuse('INTERVAL takes a start and an end');
      return { start: this.instantOrOpen(start, '-infinity'), end: this.instantOrOpen(end, 'infinity') };
    }
    if (e !== null && typeof e === 'object' && 'property' in e) {
      const queryable = this.queryable(e.property);
      if (queryable.type === 'interval') {
        return { start: `coalesce(${queryable.sql}, '-infinity')`, end: `coalesce(${queryable.end ?? 'null'}, 'infinity')` };
      }
    }
    const instant = this.instantOrOpen(e, null);
    return { start: instant, end: instant };
  }

  private instantOrOpen(e: Cql2Expression, open: '-infinity' | 'infinity' | null): string {
    if (e === '..' && open) return `'${open}'::timestamptz`;
    if (typeof e === 'string') return this.bound(this.scalar({ timestamp: e }), 'timestamptz');
    const value = this.scalar(e);
    if (family(value.type) !== 'time') throw refuse(`a temporal operator needs times, got ${describe(value)}`);
    return `coalesce(${this.bound(value, 'timestamptz')}::timestamptz, '${open ?? 'infinity'}')`;
  }

  private geometric(e: Cql2Expression): string {
    if (e !== null && typeof e === 'object' && 'bbox' in e) {
      if (!Array.isArray(e.bbox) || e.bbox.length !== 4 || e.bbox.some((n) => typeof n !== 'number'))
        throw refuse('BBOX takes four numbers');
      return this.c.box(e.bbox);
    }
    if (e !== null && typeof e === 'object' && 'type' in e && 'coordinates' in e) return this.c.geometry(e as Geometry);
    const value = this.scalar(e);
    if (value.type !== 'geometry') throw refuse(`a spatial operator needs geometries, got ${describe(value)}`);
    return value.sql!;
  }

  /** An operand that is not a predicate: a property, a literal, CASEI(…). */
  private scalar(e: Cql2Expression): Operand {
    if (e !== null && typeof e === 'object' && !Array.isArray(e)) {
      if ('property' in e) {
        const q = this.queryable(e.property);
        return { sql: q.sql, type: q.type, enum: q.enum, name: e.property };
      }
      if ('timestamp' in e) return { literal: instant(e.timestamp, 'TIMESTAMP'), type: 'timestamp' };
      if ('date' in e) return { literal: day(e.date), type: 'date' };
      if ('op' in e && String(e.op).toLowerCase() === 'casei') {
        const value = this.scalar(only(e.args, 1, 'CASEI')[0]!);
        if (value.type !== 'string') throw refuse(`CASEI needs text, got ${describe(value)}`);
        return { sql: `lower(${this.bound(value, 'text')})`, type: 'string' };
      }
    }
    if (typeof e === 'string') return { literal: e, type: 'string' };
    if (typeof e === 'number' && Number.isFinite(e)) return { literal: e, type: 'number' };
    if (typeof e === 'boolean') return { literal: e, type: 'boolean' };
    throw refuse(`has an operand that is not a property or a value: ${JSON.stringify(e)?.slice(0, 80)}`);
  }

  /** Two operands as SQL of one type family; a literal bound with the cast of the other's type. */
  private comparable(a: Operand, b: Operand, op: string): [string, string] {
    if (family(a.type) !== family(b.type) || family(a.type) === undefined) {
      throw refuse(`${op} compares ${describe(a)} with ${describe(b)}`);
    }
    const type = a.literal === undefined ? a.type : b.type;
    const cast = FAMILIES[family(type)!]!.cast[type] ?? 'text';
    for (const [property, other] of [
      [a, b],
      [b, a],
    ] as const) {
      if (property.enum && typeof other.literal === 'string' && !property.enum.includes(other.literal)) {
        throw refuse(`${property.name} is one of ${property.enum.join(', ')}, got ${JSON.stringify(other.literal)}`);
      }
      if (type === 'uuid' && typeof other.literal === 'string' && !UUID.test(other.literal)) {
        throw refuse(`${property.name ?? 'an id'} is a UUID, got ${JSON.stringify(other.literal)}`);
      }
    }
    return [this.bound(a, cast), this.bound(b, cast)];
  }

  private bound(operand: Operand, cast: string): string {
    return operand.sql ?? this.c.w.param(operand.literal, cast);
  }

  private queryable(name: string): Queryable {
    const queryable = Object.hasOwn(this.c.queryables, name) ? this.c.queryables[name] : undefined;
    if (!queryable)
      throw refuse(`names ${JSON.stringify(name)}, which is not a queryable; these are: ${Object.keys(this.c.queryables).join(', ')}`);
    return queryable;
  }
}

function operation(e: Cql2Expression): { op: string; args: Cql2Expression[] } {
  if (e === null || typeof e !== 'object' || Array.isArray(e) || !('op' in e) || typeof e.op !== 'string' || !Array.isArray(e.args)) {
    throw refuse(`has ${JSON.stringify(e)?.slice(0, 80)} where a condition was expected`);
  }
  return { op: e.op.toLowerCase(), args: e.args };
}

function only(args: Cql2Expression[], count: number, op: string): Cql2Expression[] {
  if (args.length !== count) throw refuse(`${op.toUpperCase()} takes ${count} argument${count === 1 ? '' : 's'}, got ${args.length}`);
  return args;
}

function family(type: QueryableType): string | undefined {
  return Object.keys(FAMILIES).find((name) => FAMILIES[name]!.types.includes(type));
}

function describe(operand: Operand): string {
  return operand.name ? `${operand.name} (${operand.type})` : `a ${operand.type}`;
}

function instant(text: string, what: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(text) || Number.isNaN(Date.parse(text))) {
    throw refuse(`${what} needs an RFC 3339 time such as 2024-01-01T00:00:00Z, got ${JSON.stringify(text)}`);
  }
  return text;
}

function day(text: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(Date.parse(text)))
    throw refuse(`DATE needs YYYY-MM-DD, got ${JSON.stringify(text)}`);
  return text;
}

function refuse(what: string): Cql2FilterError {
  return new Cql2FilterError(`filter ${what}`);
}

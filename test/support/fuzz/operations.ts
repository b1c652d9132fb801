import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';

/** One GraphQL operation as a client sends it, with every argument passed as a variable. */
export interface GraphQLOperation {
  kind: 'query' | 'mutation' | 'subscription';
  rootField: string;
  query: string;
  variables: Record<string, unknown>;
}

/** One request to a non-GraphQL route. */
export interface RouteRequest {
  path: string;
  /** The token goes in `?access_token=` instead of the header. */
  tokenInQuery: boolean;
}

/** The committed SDL: what a client outside sees. */
export function loadPublicSchema(): GraphQLSchema {
  return buildSchema(readFileSync(join(__dirname, '..', '..', '..', 'schema', 'schema.graphql'), 'utf8'));
}

/**
 * Operations over every root field of the schema: arguments of every input type, filled with
 * valid values, the world's ids, and the odd values the fuzzing run used (NUL characters, dates
 * outside PostgreSQL's range, extreme numbers, bad geometries, names of Object.prototype), and
 * selections of up to `maxDepth` levels under each field, their arguments drawn the same way.
 */
export function graphqlOperations(schema: GraphQLSchema, ids: readonly string[], maxDepth = 3): fc.Arbitrary<GraphQLOperation> {
  const values = new ValueArbitraries(ids);
  const roots: Array<['query' | 'mutation' | 'subscription', GraphQLObjectType]> = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ] as const) {
    if (type) roots.push([kind, type]);
  }
  const fields = roots.flatMap(([kind, type]) => Object.values(type.getFields()).map((field) => ({ kind, field })));
  return fc
    .constantFrom(...fields)
    .chain(({ kind, field }) => selectionOf(field, values, maxDepth).map((tree) => render(kind, field.name, tree)));
}

/** Requests to every route, with valid, odd and hostile parameters. */
export function routeRequests(ids: readonly string[]): fc.Arbitrary<RouteRequest> {
  const odd = fc.constantFrom(
    '',
    'x',
    '-1',
    '1e3',
    '99999999999999999999',
    'constructor',
    '__proto__',
    '%00',
    'a%00b',
    '%E0%A4%A',
    "'; drop table scene; --",
    'NaN',
    '0000-01-01T00:00:00Z',
  );
  const id = fc.oneof(fc.constantFrom(...ids), fc.uuid(), odd);
  const number = fc.oneof(fc.integer({ min: -5, max: 30 }).map(String), odd);
  const moment = fc.oneof(
    fc.constantFrom('2024-06-01T18:00:00Z', '2020-01-01', '..', '2024-01-01T00:00:00Z/..', '../2025-01-01T00:00:00Z'),
    odd,
  );
  const crs = fc.constantFrom(
    'EPSG:3006',
    'EPSG_3011',
    'http://www.opengis.net/def/crs/EPSG/0/3006',
    'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
    'EPSG:9999',
    'constructor',
  );
  const bbox = fc.oneof(
    fc.constantFrom('17.9,59.2,18.2,59.4', '59.2,17.9,59.4,18.2', '660000,6570000,690000,6600000', '1,2,3', '18,59,17,58'),
    odd,
  );
  const params = (entries: Record<string, fc.Arbitrary<string>>) =>
    fc.record(entries, { requiredKeys: [] }).map((record) =>
      Object.entries(record)
        .map(([name, value]) => `${name}=${keepEscapes(String(value))}`)
        .join('&'),
    );
  const query = (path: string, search: string) => (search ? `${path}?${search}` : path);
  const tile = fc
    .tuple(fc.constantFrom('scenes', 'interventions', 'constructor', '__proto__', 'hasOwnProperty', 'x'), number, number, number)
    .map(([layer, z, x, y]) => `/tiles/${layer}/${z}/${x}/${y}.mvt`);
  const exportPath = fc
    .tuple(
      fc.constantFrom('scenes', 'interventions', 'operators', 'constructor'),
      fc.constantFrom('geojson', 'csv', 'json'),
      params({
        status: fc.constantFrom('ACTIVE', 'ACTIVE,CLOSED', 'constructor'),
        municipality: fc.oneof(fc.constant('Stockholm'), odd),
        sceneId: id,
        ownerId: id,
        operatorId: id,
        agreementId: id,
        activeAt: moment,
        kind: odd,
        category: fc.constantFrom('FORMAL_CONTROL', 'toString'),
        sensitivity: fc.constantFrom('OPEN', 'RESTRICTED', 'valueOf'),
        bbox,
        'bbox-crs': crs,
        crs,
        includeArchived: fc.constantFrom('true', 'yes'),
      }),
    )
    .map(([layer, format, search]) => query(`/export/${layer}.${format}`, search));
  const collection = fc.constantFrom('scenes', 'interventions', 'agreements', '__proto__', 'constructor', 'nothing');
  const ogc = fc.oneof(
    fc.constantFrom('/ogc', '/ogc/api', '/ogc/conformance', '/ogc/collections'),
    collection.map((name) => `/ogc/collections/${name}`),
    fc
      .tuple(
        collection,
        params({
          limit: number,
          offset: number,
          bbox,
          'bbox-crs': crs,
          crs,
          datetime: moment,
          f: fc.constantFrom('json', 'html'),
          unknown: odd,
        }),
      )
      .map(([name, search]) => query(`/ogc/collections/${name}/items`, search)),
    fc.tuple(collection, id).map(([name, feature]) => `/ogc/collections/${name}/items/${feature}`),
  );
  const other = fc.constantFrom(
    '/health',
    '/ready',
    '/board',
    '/board/board.js',
    '/nothing/here',
    '/%E0%A4%A',
    '/graphql?query=%7B__typename%7D',
  );
  return fc.record({ path: fc.oneof(tile, exportPath, ogc, other), tokenInQuery: fc.boolean() });
}

// Private:

/** Percent-encodes what a URL cannot carry, but leaves the odd values' own escapes (%00, %E0%A4%A) as they are. */
function keepEscapes(value: string): string {
  return value.replace(/[^A-Za-z0-9%._~:,/+-]/g, (c) => encodeURIComponent(c));
}

interface FieldTree {
  field: string;
  args: Array<{ name: string; type: GraphQLInputType; value: unknown }>;
  children: FieldTree[];
}

function selectionOf(field: GraphQLField<unknown, unknown>, values: ValueArbitraries, depth: number): fc.Arbitrary<FieldTree> {
  const args = fc.tuple(...field.args.map((arg) => argumentOf(arg, values)));
  const children = childrenOf(field.type, values, depth - 1);
  return fc.tuple(args, children).map(([argList, childList]) => ({
    field: field.name,
    args: argList.filter((arg): arg is NonNullable<typeof arg> => arg !== null),
    children: childList,
  }));
}

function argumentOf(arg: GraphQLArgument, values: ValueArbitraries) {
  const value = values.of(arg.type);
  const omitted = isNonNullType(arg.type) ? [] : [fc.constant(undefined)];
  return fc.oneof(...omitted, value).map((v) => (v === undefined ? null : { name: arg.name, type: arg.type, value: v }));
}

function childrenOf(type: GraphQLOutputType, values: ValueArbitraries, depth: number): fc.Arbitrary<FieldTree[]> {
  const named = getNamedType(type);
  if (isLeafType(named) || !isObjectType(named)) return fc.constant([]);
  const fields = Object.values(named.getFields());
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)));
  const objects = depth > 0 ? fields.filter((f) => !isLeafType(getNamedType(f.type))) : [];
  const chosen = fc.tuple(
    fc.subarray(leaves, { minLength: Math.min(1, leaves.length), maxLength: Math.min(4, leaves.length) }),
    fc.subarray(objects, { maxLength: Math.min(2, objects.length) }),
  );
  return chosen.chain(([leafFields, objectFields]) => {
    const picked = [...leafFields, ...objectFields];
    if (picked.length === 0) return fc.constant([{ field: '__typename', args: [], children: [] }]);
    return fc.tuple(...picked.map((f) => selectionOf(f, values, depth)));
  });
}

function render(kind: GraphQLOperation['kind'], rootField: string, tree: FieldTree): GraphQLOperation {
  const definitions: string[] = [];
  const variables: Record<string, unknown> = {};
  const selection = (node: FieldTree): string => {
    const args = node.args.map((arg) => {
      const name = `v${definitions.length}`;
      definitions.push(`$${name}: ${String(arg.type)}`);
      variables[name] = arg.value;
      return `${arg.name}: $${name}`;
    });
    const head = args.length ? `${node.field}(${args.join(', ')})` : node.field;
    return node.children.length ? `${head} { ${node.children.map(selection).join(' ')} }` : head;
  };
  const body = selection(tree);
  return { kind, rootField, query: `${kind}${definitions.length ? `(${definitions.join(', ')})` : ''} { ${body} }`, variables };
}

const BAD_GEOMETRIES: unknown[] = readdirSync(join(__dirname, '..', '..', 'fixtures', 'geo', 'bad'))
  .filter((file) => file.endsWith('.geojson'))
  .map((file) => JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'geo', 'bad', file), 'utf8')));

/** Arbitrary values for each input type. */
class ValueArbitraries {
  private readonly strings = fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
    fc.constantFrom(
      '',
      'Stockholm',
      'Sergels torg',
      'a\u0000b',
      '\u0000',
      '🙂',
      "'; drop table scene; --",
      '%_',
      'constructor',
      '__proto__',
      'x'.repeat(5_000),
    ),
  );
  private readonly ids: fc.Arbitrary<string>;
  private readonly ints = fc.oneof(
    fc.integer({ min: -3, max: 30 }),
    fc.constantFrom(0, 1, 20, 100, 500, 501, 10_000, 2_147_483_647, -2_147_483_648, 180, 3650),
  );
  private readonly floats = fc.oneof(
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, 0.5, 1, 100, 500, 2_000, 50_000, 50_000.1, 1e308, -1e308, 5e-324),
  );
  private readonly dateTimes = fc.oneof(
    fc.date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
    fc.constantFrom(
      '0000-01-01T00:00:00Z',
      '0001-01-01T00:00:00Z',
      '9999-12-31T23:59:59-14:00',
      '+275760-09-13T00:00:00Z',
      '2024-02-30T00:00:00Z',
      'yesterday',
      '',
    ),
  );
  private readonly localDates = fc.oneof(
    fc
      .date({ min: new Date('1990-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10)),
    fc.constantFrom('0000-01-01', '2023-02-30', '20240101', ''),
  );
  private readonly geometries = fc.oneof(
    fc.constantFrom<unknown>(
      { type: 'Point', coordinates: [18.0636, 59.3323] },
      { type: 'Point', coordinates: [674032, 6580821] },
      {
        type: 'Polygon',
        coordinates: [
          [
            [18.05, 59.31],
            [18.08, 59.31],
            [18.08, 59.34],
            [18.05, 59.34],
            [18.05, 59.31],
          ],
        ],
      },
      {
        type: 'LineString',
        coordinates: [
          [18.06, 59.33],
          [18.07, 59.34],
        ],
      },
      { type: 'Point', coordinates: [1e308, -1e308] },
      'POINT(18 59)',
      42,
      null,
    ),
    fc.constantFrom(...BAD_GEOMETRIES),
    fc
      .tuple(fc.double({ min: -200, max: 200, noNaN: true }), fc.double({ min: -100, max: 100, noNaN: true }))
      .map((c) => ({ type: 'Point', coordinates: c })),
  );

  constructor(ids: readonly string[]) {
    this.ids = fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...ids) },
      fc.uuid(),
      fc.constantFrom('x', '', '0', '42', 'a\u0000b', '-1'),
    );
  }

  of(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) return this.of(type.ofType, depth);
    if (isListType(type)) return fc.array(this.of(type.ofType, depth + 1), { maxLength: depth > 1 ? 1 : 3 });
    if (isEnumType(type))
      return fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.value as string)) },
        fc.constant('toString'),
      );
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      if (depth > 3) return fc.constant({});
      const entries = Object.fromEntries(fields.map((f) => [f.name, this.of(f.type, depth + 1)]));
      const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
      // Required fields mostly present, so that most operations get past validation and into the server.
      return fc.oneof(
        { weight: 9, arbitrary: fc.record(entries, { requiredKeys: required }) },
        { weight: 1, arbitrary: fc.record(entries, { requiredKeys: [] }) },
      );
    }
    switch (getNamedType(type).name) {
      case 'ID':
        return this.ids;
      case 'Int':
        return this.ints;
      case 'Float':
        return this.floats;
      case 'Boolean':
        return fc.boolean();
      case 'DateTime':
        return this.dateTimes;
      case 'LocalDate':
        return this.localDates;
      case 'GeoJSON':
        return this.geometries;
      case 'JSONObject':
        return fc.object({ maxDepth: 1 });
      default:
        return this.strings;
    }
  }
}

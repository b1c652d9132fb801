import type { MapLayerName } from '../../../db/spatial/features';
import { Crs } from '../../../db/spatial/crs';
import { BadUserInputError } from '../../../schema/shared/errors';

/**
 * How a GeoJSON feature sent to OGC API - Features Part 4 becomes the GraphQL mutation that
 * makes the change: which feature property is which input field, what a PUT must carry, what
 * it clears, and which mutation deletes. No rule of the domain lives here: roles, ownership,
 * validation, the lifecycle and the audit are the mutations'.
 */

/** POST creates; PUT replaces every writable property (missing optional ones are cleared); PATCH merges (RFC 7396). */
export type WriteMode = 'create' | 'replace' | 'merge';

/** A feature as a client sends it: geometry in the Content-Crs, already in x,y order. */
export interface FeatureBody {
  geometry: unknown;
  properties: Record<string, unknown>;
}

/** A GraphQL mutation to run: its fields are aliased `w0`, `w1`…, each selecting `id version`; the last one's answer is the feature's. */
export interface PlannedWrite {
  query: string;
  variables: Record<string, unknown>;
}

/** What the route knows of the feature before writing it. */
export interface WriteContext {
  crs: Crs;
  /** The version the change is conditional on (If-Match, or the version the caller was last served). */
  expectedVersion?: number;
  /** A scene's status now, when the body names a status (a different one goes through changeSceneStatus). */
  currentStatus?: string;
}

/** Properties each collection shows but does not take: ignored in a body, since clients such as QGIS send back what they read. */
const READ_ONLY: Record<MapLayerName, readonly string[]> = {
  scenes: ['statusSince', 'areaSquareMeters', 'version'],
  interventions: ['ownerId', 'version'],
  agreements: ['version'],
};

/**
 * The writable properties. `required`: a PUT must carry it and a PATCH may not clear it;
 * `clears`: a feature property the read side shows, so a PUT that leaves it out clears it; the
 * others are written only (they are not part of the feature as read) and change only when given.
 */
interface PropertySpec {
  required?: boolean;
  clears?: boolean;
  /** The input field, when it is not the property's name. */
  field?: string;
  /** Turns the property's value into the input's (e.g. a `;`-joined list into an array). */
  convert?: (value: unknown) => unknown;
  /** What clearing it sends (default null). */
  cleared?: unknown;
}

const SCENE_PROPERTIES: Record<string, PropertySpec> = {
  name: { required: true },
  municipality: { required: true },
  district: { clears: true },
  policeArea: { clears: true },
  statAreas: { clears: true, convert: listOf, cleared: [] },
};

const WRITABLE: Record<MapLayerName, Record<string, PropertySpec>> = {
  scenes: SCENE_PROPERTIES,
  interventions: {
    title: { required: true },
    category: { required: true },
    kind: { required: true },
    sceneId: { required: true },
    startsAt: { required: true },
    // required on PUT: a replacement that forgot it must not quietly make a RESTRICTED intervention OPEN
    sensitivity: { required: true },
    agreementId: { clears: true },
    endsAt: { clears: true },
    recurrence: { clears: true },
    description: {},
    operatorIds: { convert: listOf },
  },
  agreements: {
    kind: { required: true },
    title: { required: true },
    validFrom: { required: true },
    validTo: { clears: true },
    description: {},
    sceneIds: { convert: listOf },
  },
};

/** The geometry's input field per collection. */
const GEOMETRY_FIELD: Record<MapLayerName, string> = { scenes: 'area', interventions: 'location', agreements: 'area' };

/** Which collections can delete an item, and by which mutation (a scene is archived; an agreement is ended by its validTo, never deleted). */
export const DELETE_MUTATION: Partial<Record<MapLayerName, string>> = { scenes: 'archiveScene', interventions: 'deleteIntervention' };

/** The mutation that creates a feature of the collection. */
export function planCreate(collection: MapLayerName, body: FeatureBody, context: WriteContext, callerOperatorId: string): PlannedWrite {
  const input: Record<string, unknown> = { ...inputFields(collection, body.properties, 'create'), crs: context.crs };
  input[GEOMETRY_FIELD[collection]] = requireGeometry(body.geometry);
  if (collection === 'scenes') Object.assign(input, sceneExtras(body.properties, true));
  if (collection === 'agreements') input.parties = partiesOf(body.properties.parties, callerOperatorId);
  const mutation = { scenes: 'createScene', interventions: 'createIntervention', agreements: 'createAgreement' }[collection];
  return mutationOf([{ name: mutation, input }]);
}

/**
 * The mutation(s) that replace (PUT) or merge into (PATCH) a feature. For a scene whose status
 * changes, changeSceneStatus runs first (the lifecycle decides; its `reason` property is
 * required), then updateScene for the other fields, in one transaction.
 */
export function planUpdate(collection: MapLayerName, id: string, body: FeatureBody, mode: WriteMode, context: WriteContext): PlannedWrite {
  const input: Record<string, unknown> = { id, ...inputFields(collection, body.properties, mode), crs: context.crs };
  if (mode === 'replace' || body.geometry !== undefined) input[GEOMETRY_FIELD[collection]] = requireGeometry(body.geometry);
  const fields: Array<{ name: string; input: Record<string, unknown> }> = [];
  const status = collection === 'scenes' ? statusChange(body.properties, context) : null;
  if (collection === 'agreements' && body.properties.parties != null)
    throw new BadUserInputError('An agreement’s parties are named when it is created; later ones join with addAgreementParty', 'parties');
  if (status) fields.push({ name: 'changeSceneStatus', input: { sceneId: id, ...status, expectedVersion: context.expectedVersion } });
  else input.expectedVersion = context.expectedVersion;
  const changesMore = Object.keys(input).some((field) => field !== 'id' && field !== 'crs');
  if (!status || changesMore) {
    const name = { scenes: 'updateScene', interventions: 'updateIntervention', agreements: 'updateAgreement' }[collection];
    fields.push({ name, input });
  }
  return mutationOf(fields);
}

/** The mutation that deletes (archives, for a scene) a feature, or null when the collection's items are not deleted. */
export function planDelete(collection: MapLayerName, id: string, expectedVersion: number | undefined): PlannedWrite | null {
  const name = DELETE_MUTATION[collection];
  return name ? mutationOf([{ name, input: { id, expectedVersion } }]) : null;
}

/** Whether the plan needs the scene's current status first (the body names one). */
export function namesStatus(collection: MapLayerName, body: FeatureBody): boolean {
  return collection === 'scenes' && body.properties.status !== undefined && body.properties.status !== null;
}

/**
 * A feature from a request body: a GeoJSON Feature (or, for PATCH, an object with `geometry`
 * and/or `properties`), its geometry's axes put in x,y order when the Content-Crs lists the
 * northing first.
 */
export function readFeatureBody(body: unknown, mode: WriteMode, swapAxes: boolean): FeatureBody {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new BadUserInputError('The body must be a GeoJSON Feature (Content-Type application/geo+json or application/json)');
  const feature = body as Record<string, unknown>;
  if (mode !== 'merge' && feature.type !== 'Feature')
    throw new BadUserInputError(`The body must be a GeoJSON Feature, got type ${JSON.stringify(feature.type)}`, 'type');
  const properties = feature.properties ?? {};
  if (typeof properties !== 'object' || Array.isArray(properties))
    throw new BadUserInputError('properties must be an object', 'properties');
  const geometry = swapAxes && feature.geometry ? swapped(feature.geometry) : feature.geometry;
  return { geometry, properties: properties as Record<string, unknown> };
}

// Private:

/** The input fields a set of feature properties gives; unknown properties are refused with the list of known ones. */
function inputFields(collection: MapLayerName, properties: Record<string, unknown>, mode: WriteMode): Record<string, unknown> {
  const writable = WRITABLE[collection];
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(properties)) {
    if (READ_ONLY[collection].includes(name) || isExtra(collection, name)) continue;
    const spec = writable[name];
    if (!spec)
      throw new BadUserInputError(
        `Unknown property "${name}" of ${collection}; writable: ${Object.keys(writable).join(', ')}; read only: ${READ_ONLY[collection].join(', ')}`,
        name,
      );
    if (value === null && spec.required)
      throw new BadUserInputError(`${name} is required${mode === 'merge' ? ' and cannot be cleared' : ''}`, name);
    input[spec.field ?? name] = value === null ? (spec.cleared ?? null) : spec.convert ? spec.convert(value) : value;
  }
  if (mode === 'merge') return input;
  for (const [name, spec] of Object.entries(writable)) {
    const field = spec.field ?? name;
    if (field in input) continue;
    if (spec.required)
      throw new BadUserInputError(`${name} is missing; ${mode === 'create' ? 'a new' : 'a PUT replaces the whole'} feature needs it`, name);
    if (spec.clears && mode === 'replace') input[field] = spec.cleared ?? null;
  }
  return input;
}

/**
 * Properties that are not input fields of the update mutation: a scene's status and what explains
 * a change of it (changeSceneStatus), an agreement's parties (named on creation only).
 */
function isExtra(collection: MapLayerName, name: string): boolean {
  if (collection === 'scenes') return ['status', 'reason', 'situationNote'].includes(name);
  return collection === 'agreements' && name === 'parties';
}

function sceneExtras(properties: Record<string, unknown>, creating: boolean): Record<string, unknown> {
  const extras: Record<string, unknown> = {};
  for (const name of ['reason', 'situationNote', ...(creating ? ['status'] : [])])
    if (properties[name] !== undefined && properties[name] !== null) extras[name] = properties[name];
  return extras;
}

/** The changeSceneStatus fields when the body's status differs from the scene's; a `reason` is required then. */
function statusChange(properties: Record<string, unknown>, context: WriteContext): Record<string, unknown> | null {
  const { status } = properties;
  if (status === undefined || status === null || status === context.currentStatus) return null;
  const reason = properties.reason;
  if (typeof reason !== 'string' || !reason.trim())
    throw new BadUserInputError(
      `Changing the status from ${context.currentStatus} to ${String(status)} needs a reason: add a "reason" property saying why`,
      'reason',
    );
  return { status, ...sceneExtras(properties, false) };
}

/** An agreement's parties from a `parties` property (operator ids); by default the caller's own operator, who is then party to what it registers. */
function partiesOf(value: unknown, callerOperatorId: string): Array<{ operatorId: unknown }> {
  const ids = value === undefined || value === null ? [callerOperatorId] : (listOf(value) as unknown[]);
  return ids.map((operatorId) => ({ operatorId }));
}

function requireGeometry(geometry: unknown): unknown {
  if (geometry === undefined || geometry === null) throw new BadUserInputError('The feature needs a geometry', 'geometry');
  return geometry;
}

/** A list property: a JSON array, or text joined with `;` as the read side shows it (statAreas) and GIS fields hold it. */
function listOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A GeoJSON geometry with every position's first two coordinates swapped (a Content-Crs in northing, easting order). */
function swapped(geometry: unknown): unknown {
  const swapPositions = (value: unknown): unknown =>
    Array.isArray(value) && typeof value[0] === 'number'
      ? [value[1], value[0], ...value.slice(2)]
      : Array.isArray(value)
        ? value.map(swapPositions)
        : value;
  if (!geometry || typeof geometry !== 'object') return geometry;
  const g = geometry as { coordinates?: unknown; geometries?: unknown[] };
  if (Array.isArray(g.geometries)) return { ...g, geometries: g.geometries.map(swapped) };
  return 'coordinates' in g ? { ...g, coordinates: swapPositions(g.coordinates) } : geometry;
}

/** A mutation document: each field aliased `w<i>`, with its input as a variable `$i<i>` of the mutation's input type. */
function mutationOf(fields: ReadonlyArray<{ name: string; input: Record<string, unknown> }>): PlannedWrite {
  const inputType = (name: string) => `${name[0]!.toUpperCase()}${name.slice(1)}Input!`;
  const declarations = fields.map((field, i) => `$i${i}: ${inputType(field.name)}`).join(', ');
  const selections = fields.map((field, i) => `w${i}: ${field.name}(input: $i${i}) { id version }`).join(' ');
  const variables = Object.fromEntries(fields.map((field, i) => [`i${i}`, withoutUndefined(field.input)]));
  return { query: `mutation(${declarations}) { ${selections} }`, variables };
}

function withoutUndefined(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

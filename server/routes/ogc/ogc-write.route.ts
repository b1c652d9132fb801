import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Request, type Response, type Router } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { Crs } from '../../../db/spatial/crs';
import { readFeatures, type MapLayerName } from '../../../db/spatial/features';
import { WRITERS } from '../../../schema/auth/auth.guard';
import type { Viewer } from '../../../schema/auth/role';
import { asViewer } from '../../../schema/auth/row-security';
import { BadUserInputError, NotFoundError } from '../../../schema/shared/errors';
import { crsUri, parseCrsName } from '../../../schema/spatial/crs-names';
import type { OperationOutcome, OperationRunner } from '../../operation/run-operation';
import { routeViewer, sendRouteError } from '../route-auth';
import { collectionFor, isFeatureId, ogcBaseUrl } from './collections';
import { DELETE_MUTATION, namesStatus, planCreate, planDelete, planUpdate, readFeatureBody, type WriteMode } from './feature-writes';
import { flipsAxes } from './ogc-params';
import type { SeenVersions } from './seen-versions';

export interface OgcWriteOptions {
  orm: MikroORM;
  /** Runs the GraphQL mutations in process (server/operation/run-operation.ts). */
  run: OperationRunner;
  /** The versions each user was last served: the precondition of a write without If-Match. */
  seen: SeenVersions;
  /** Largest body accepted (as for GraphQL). */
  maxBodyBytes: number;
}

/** Media types a feature may be sent as: GeoJSON, plain JSON, and JSON merge patch (PATCH, as QGIS sends it). */
const FEATURE_TYPES = ['application/geo+json', 'application/json', 'application/merge-patch+json'];

/**
 * OGC API - Features Part 4 (create, replace, update, delete) on the scenes, interventions and
 * agreements collections: a thin adapter over the GraphQL mutations, run in process through
 * the same pipeline as any GraphQL request (server/operation/run-operation.ts), so roles,
 * operator ownership, row security, geometry validation, the scene lifecycle, the audit trail
 * and the status events are theirs. A write is committed before it is answered.
 *
 * - `POST /collections/{id}/items`: 201, `Location` and `ETag`; the geometry in `Content-Crs`
 *   (CRS84 by default; EPSG URIs in their axis order, northing first for 3006/3011/4326).
 * - `PUT /items/{fid}` replaces every writable property (missing optional ones are cleared),
 *   `PATCH` merges (RFC 7396; a null clears): 200 with the feature and its `ETag`. A scene whose
 *   status changes moves through changeSceneStatus, which wants a `reason` property.
 * - `DELETE /items/{fid}`: 204 (a scene is archived; agreements are ended by `validTo`: 405).
 * - `OPTIONS` on the collection and an item: `Allow` lists what this caller may do, found by
 *   asking the mutations themselves in a transaction that is always rolled back.
 *
 * Preconditions. `ETag` is `"<version>"`. A PUT, PATCH or DELETE is always conditional: on
 * `If-Match` when sent (`*`: whatever version is current), else on the version this server last
 * served to this user for that feature (QGIS sends no `If-Match` but always reads a feature
 * before it edits it). A stale one is 412; a write without `If-Match` on a feature the user was
 * never served (here, since this instance started) is 428, asking it to read first. So no
 * client overwrites a change it has not seen.
 *
 * Status codes: BAD_USER_INPUT, INVALID_GEOMETRY, INVALID_TRANSITION 400; UNAUTHENTICATED 401;
 * FORBIDDEN 403; NOT_FOUND 404; CONFLICT 412; RATE_LIMITED 429; each with `{code, message}`.
 */
export function addOgcWriteRoutes(router: Router, options: OgcWriteOptions): void {
  const { run, seen } = options;
  const body = express.json({ type: FEATURE_TYPES, limit: options.maxBodyBytes });
  const items = '/ogc/collections/:collectionId/items';
  const item = `${items}/:featureId`;

  router.options(items, (req, res) => {
    try {
      collectionFor(String(req.params.collectionId), routeViewer(res));
      // the role the create mutations ask for (schema/auth/auth.guard.ts); what is created is checked when it is
      sendAllow(res, WRITERS.includes(routeViewer(res).role) ? ['POST'] : []);
    } catch (error) {
      sendFailure(res, error);
    }
  });
  router.options(item, async (req, res) => {
    try {
      const { collection, id, viewer } = target(req, res);
      sendAllow(res, await itemMethods(run, viewer, collection, id));
    } catch (error) {
      sendFailure(res, error);
    }
  });

  router.post(items, body, async (req, res) => {
    try {
      const viewer = routeViewer(res);
      const collection = collectionFor(String(req.params.collectionId), viewer).id;
      const { crs, swap } = contentCrs(req);
      const plan = planCreate(collection, readFeatureBody(bodyOf(req), 'create', swap), { crs }, viewer.operatorId);
      const written = await write(run, viewer, plan, false);
      seen.saw(viewer.subject, collection, written.id, written.version);
      const location = `${ogcBaseUrl(req)}/collections/${collection}/items/${written.id}`;
      res.status(201).setHeader('Location', location);
      await sendFeature(res, options.orm, viewer, collection, written, 201);
    } catch (error) {
      sendFailure(res, error);
    }
  });

  for (const [method, mode] of [
    ['put', 'replace'],
    ['patch', 'merge'],
  ] as const) {
    router[method](item, body, async (req, res) => {
      try {
        const { collection, id, viewer } = target(req, res);
        const expectedVersion = precondition(req, seen, viewer, collection, id);
        const { crs, swap } = contentCrs(req);
        const feature = readFeatureBody(bodyOf(req), mode as WriteMode, swap);
        const scene = namesStatus(collection, feature) ? await sceneNow(run, viewer, id) : undefined;
        // with `If-Match: *` a status change is still made against the version whose status was read
        const plan = planUpdate(collection, id, feature, mode, {
          crs,
          expectedVersion: expectedVersion ?? scene?.version,
          currentStatus: scene?.status,
        });
        const written = await write(run, viewer, plan, true);
        seen.saw(viewer.subject, collection, id, written.version);
        await sendFeature(res, options.orm, viewer, collection, written, 200);
      } catch (error) {
        sendFailure(res, error);
      }
    });
  }

  router.delete(item, async (req, res) => {
    try {
      const { collection, id, viewer } = target(req, res);
      if (!DELETE_MUTATION[collection]) {
        res.setHeader('Allow', 'GET, HEAD, OPTIONS, PUT, PATCH');
        res.status(405).json({ code: 'BAD_USER_INPUT', message: `Items of ${collection} are not deleted; set validTo to end one` });
        return;
      }
      const plan = planDelete(collection, id, precondition(req, seen, viewer, collection, id))!;
      await write(run, viewer, plan, true);
      seen.forget(viewer.subject, collection, id);
      res.status(204).end();
    } catch (error) {
      sendFailure(res, error);
    }
  });
}

// Private:

const READ_METHODS = ['GET', 'HEAD', 'OPTIONS'];

function sendAllow(res: Response, writes: readonly string[]): void {
  res.setHeader('Allow', [...READ_METHODS, ...writes].join(', '));
  res.status(204).end();
}

/** The collection, the feature id and the caller of an item request. */
function target(req: Request, res: Response): { collection: MapLayerName; id: string; viewer: Viewer } {
  const viewer = routeViewer(res);
  const collection = collectionFor(String(req.params.collectionId), viewer).id;
  const id = String(req.params.featureId);
  if (!isFeatureId(id)) throw new NotFoundError(`Feature of ${collection}`, id);
  return { collection, id, viewer };
}

/**
 * The write methods this caller may use on the item: the update and delete mutations asked in a
 * dry run (always rolled back), so the answer is exactly what the rules would say. NOT_FOUND
 * when the caller cannot see the item.
 */
async function itemMethods(run: OperationRunner, viewer: Viewer, collection: MapLayerName, id: string): Promise<string[]> {
  const update = { scenes: 'updateScene', interventions: 'updateIntervention', agreements: 'updateAgreement' }[collection];
  const asks = [update, DELETE_MUTATION[collection]].filter((name): name is string => name !== undefined);
  const answers = await Promise.all(asks.map((name) => ask(run, viewer, name, id)));
  const notFound = answers.find((errors) => errors.some((error) => error.extensions?.code === 'NOT_FOUND'));
  if (notFound) throw HttpFailure.of(notFound, false);
  const methods = answers[0]!.length ? [] : ['PUT', 'PATCH'];
  if (answers[1] && !answers[1].length) methods.push('DELETE');
  return methods;
}

/** The errors a mutation on `id` alone would give (none: the caller may make it). */
async function ask(run: OperationRunner, viewer: Viewer, mutation: string, id: string): Promise<readonly GraphQLFormattedError[]> {
  const inputType = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input!`;
  const { errors } = await run(
    viewer,
    `mutation($input: ${inputType}) { ${mutation}(input: $input) { id } }`,
    { input: { id } },
    { dryRun: true },
  );
  return errors;
}

/** The Content-Crs of a body (`<uri>` or a bare name) and whether its axes come northing first. */
function contentCrs(req: Request): { crs: Crs; swap: boolean } {
  const header = req.get('content-crs')?.trim();
  const uri = header?.replace(/^<(.*)>$/, '$1');
  const crs = parseCrsName(uri, 'Content-Crs');
  return { crs, swap: flipsAxes(crs, uri) };
}

function bodyOf(req: Request): unknown {
  if (!req.is(FEATURE_TYPES))
    throw new BadUserInputError(`Send the feature as ${FEATURE_TYPES.join(' or ')}, got ${req.get('content-type') ?? 'no Content-Type'}`);
  return req.body;
}

/**
 * The version a PUT, PATCH or DELETE is conditional on: If-Match's (undefined for `*`), else the
 * one last served to this user. Refused: a malformed If-Match (400), nothing to be conditional
 * on (428, Precondition Required).
 */
function precondition(req: Request, seen: SeenVersions, viewer: Viewer, collection: string, id: string): number | undefined {
  const ifMatch = req.get('if-match')?.trim();
  if (ifMatch === '*') return undefined;
  if (ifMatch !== undefined) {
    const version = /^"(\d{1,9})"$/.exec(ifMatch)?.[1];
    if (version !== undefined) return Number(version);
    throw new HttpFailure(400, 'BAD_USER_INPUT', `If-Match must be one ETag this server sent, such as "3", got ${ifMatch}`);
  }
  const lastSeen = seen.lastSeen(viewer.subject, collection, id);
  if (lastSeen !== undefined) return lastSeen;
  throw new HttpFailure(
    428,
    'BAD_USER_INPUT',
    `No If-Match, and feature ${id} of ${collection} was not read by this user here yet: GET it, then send its ETag in If-Match (or repeat the write)`,
  );
}

/** A scene's status and version now (HttpFailure when the caller cannot see the scene). */
async function sceneNow(run: OperationRunner, viewer: Viewer, id: string): Promise<{ status: string; version: number }> {
  const outcome = await run<{ scene: { status: string; version: number } }>(
    viewer,
    'query($id: ID!) { scene(id: $id) { status version } }',
    { id },
  );
  if (outcome.errors.length || !outcome.data) throw HttpFailure.of(outcome.errors, false);
  return outcome.data.scene;
}

/** Runs a planned mutation: the changed feature's id and version (HttpFailure for a refusal). */
async function write(
  run: OperationRunner,
  viewer: Viewer,
  plan: { query: string; variables: Record<string, unknown> },
  conditional: boolean,
): Promise<{ id: string; version: number }> {
  const outcome: OperationOutcome<Record<string, { id: string; version: number }>> = await run(viewer, plan.query, plan.variables);
  if (outcome.errors.length || !outcome.data) throw HttpFailure.of(outcome.errors, conditional);
  const fields = Object.values(outcome.data);
  return fields[fields.length - 1]!;
}

/** The feature as the read side shows it now, in CRS84, with its ETag; 204 when the caller can no longer see it. */
async function sendFeature(
  res: Response,
  orm: MikroORM,
  viewer: Viewer,
  collection: MapLayerName,
  written: { id: string; version: number },
  status: number,
): Promise<void> {
  const em = orm.em.fork();
  const [row] = await asViewer(em, viewer, () =>
    readFeatures(em, collectionFor(collection, viewer).layer, { crs: Crs.EPSG_4326, flip: false, limit: 1, offset: 0, id: written.id }),
  );
  res.setHeader('ETag', `"${written.version}"`);
  if (!row) {
    res.status(204).end();
    return;
  }
  res.setHeader('Content-Crs', `<${crsUri(Crs.EPSG_4326)}>`);
  res
    .status(status)
    .type('application/geo+json')
    .send({ type: 'Feature', id: row.id, geometry: row.geometry ? JSON.parse(row.geometry) : null, properties: row.properties });
}

/** HTTP statuses of the contract's error codes; CONFLICT is a stale version, so a failed precondition when there was one. */
const STATUS_OF_CODE: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/** A refusal as an HTTP status and `{code, message}`. */
class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  /** The refusal of the GraphQL pipeline's first error; `conditional`: the write carried a precondition (CONFLICT is then 412). */
  static of(errors: readonly GraphQLFormattedError[], conditional: boolean): HttpFailure {
    const code = String(errors[0]?.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    const status = code === 'CONFLICT' ? (conditional ? 412 : 409) : (STATUS_OF_CODE[code] ?? 400);
    return new HttpFailure(status, code, errors[0]?.message ?? 'The operation gave no answer');
  }
}

/** Sends a refusal: ours as it is, anything else as the data routes do (sendRouteError). */
function sendFailure(res: Response, error: unknown): void {
  if (error instanceof HttpFailure) res.status(error.status).json({ code: error.code, message: error.message });
  else sendRouteError(res, error);
}

import proj4 from 'proj4';
import { Role } from '../../../schema/auth/role';
import {
  createActors,
  createIntervention,
  createOperator,
  createScene,
  expectData,
  SERGELS_TORG,
  type Actors,
} from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';
import { subscribe } from '../../support/ws-client';

/** OGC API - Features Part 4: writes through the OGC API, replaying what QGIS sends, against the GraphQL mutations' rules. */
proj4.defs('EPSG:3006', '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs');
const SWEREF_URI = 'http://www.opengis.net/def/crs/EPSG/0/3006';

let server: TestServer;
let actors: Actors;
let ogc: string;
let sceneId: string;
/** An EDITOR of another operator. */
let outsiderToken: string;

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  ogc = server.url.replace('/graphql', '/ogc');
  sceneId = (await createScene(server, actors.editorToken, { name: 'Plattan' })).id;
  const other = await createOperator(server, actors.adminToken, { name: 'Trygghetsvärdar', kind: 'SECURITY_COMPANY' });
  outsiderToken = await server.token(Role.EDITOR, other.id, 'outsider');
});

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

/** One HTTP request to the OGC API, as a GIS client sends it. */
async function call(method: string, path: string, token: string | null, init: { body?: unknown; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...init.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] ??= 'application/geo+json';
  const response = await fetch(`${ogc}${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers } satisfies Answer;
}

function allowOf(answer: Answer): string[] {
  return (answer.headers.get('allow') ?? '').split(',').map((method) => method.trim());
}

function interventionFeature(overrides: Record<string, unknown> = {}, geometry: unknown = { type: 'Point', coordinates: SERGELS_TORG }) {
  return {
    type: 'Feature',
    geometry,
    properties: {
      title: 'Trygghetsvandring',
      category: 'SOCIAL_PREVENTION',
      kind: 'SAFETY_WALK',
      sceneId,
      startsAt: '2025-03-01T18:00:00Z',
      sensitivity: 'OPEN',
      ...overrides,
    },
  };
}

/** Metres between two lon/lat points (equirectangular: enough at a few metres). */
function metresBetween([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const x = (lon2! - lon1!) * Math.cos(((lat1! + lat2!) / 2) * (Math.PI / 180)) * 111_320;
  const y = (lat2! - lat1!) * 110_574;
  return Math.hypot(x, y);
}

describe('what the API declares', () => {
  it('conforms to Part 4 and describes the write methods in its OpenAPI document', async () => {
    const conformance = await call('GET', '/conformance', actors.editorToken);
    expect(conformance.body.conformsTo).toEqual(
      expect.arrayContaining([
        'http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete',
        'http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update',
      ]),
    );
    const api = await call('GET', '/api', actors.editorToken);
    expect(Object.keys(api.body.paths['/collections/{collectionId}/items'])).toEqual(expect.arrayContaining(['post', 'options']));
    expect(Object.keys(api.body.paths['/collections/{collectionId}/items/{featureId}'])).toEqual(
      expect.arrayContaining(['put', 'patch', 'delete', 'options']),
    );
  });
});

describe('the QGIS editing sequence under an EDITOR token', () => {
  it('creates, changes and deletes an intervention: OPTIONS, POST with Content-Crs, PATCH, PUT, DELETE', async () => {
    const before = await server.count('intervention');
    const options = await call('OPTIONS', '/collections/interventions/items', actors.editorToken);
    expect(options.status).toBe(204);
    expect(allowOf(options)).toEqual(['GET', 'HEAD', 'OPTIONS', 'POST']);

    // QGIS writes in the layer's CRS, in that CRS's axis order: SWEREF 99 TM is northing, easting.
    const [easting, northing] = proj4('EPSG:4326', 'EPSG:3006', SERGELS_TORG);
    // and every field of the layer, null where the form left it empty, the read-only ones too
    const unset = { endsAt: null, agreementId: null, recurrence: null, ownerId: null, version: null };
    const created = await call('POST', '/collections/interventions/items', actors.editorToken, {
      body: interventionFeature(unset, { type: 'Point', coordinates: [northing, easting] }),
      headers: { 'content-crs': `<${SWEREF_URI}>` },
    });
    expect(created.status).toBe(201);
    const location = created.headers.get('location')!;
    expect(location).toMatch(/\/ogc\/collections\/interventions\/items\/[0-9a-f-]{36}$/);
    const id = location.split('/').pop()!;
    expect(created.headers.get('etag')).toBe('"1"');
    expect(await server.count('intervention')).toBe(before + 1);

    const read = await call('GET', `/collections/interventions/items/${id}`, actors.editorToken);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(metresBetween(read.body.geometry.coordinates, SERGELS_TORG)).toBeLessThan(1);
    expect(read.body.properties).toMatchObject({ title: 'Trygghetsvandring', kind: 'SAFETY_WALK', ownerId: actors.editorOperatorId });

    const itemOptions = await call('OPTIONS', `/collections/interventions/items/${id}`, actors.editorToken);
    expect(allowOf(itemOptions)).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'DELETE']);

    // QGIS patches changed attributes, then a moved geometry, as merge patches without If-Match
    const renamed = await call('PATCH', `/collections/interventions/items/${id}`, actors.editorToken, {
      body: { properties: { title: 'Kvällsvandring' } },
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    expect(renamed.status).toBe(200);
    expect(renamed.headers.get('etag')).toBe('"2"');
    expect(renamed.body.properties).toMatchObject({ title: 'Kvällsvandring', kind: 'SAFETY_WALK', sensitivity: 'OPEN' });
    const moved = proj4('EPSG:4326', 'EPSG:3006', [18.07, 59.333]);
    const movedAnswer = await call('PATCH', `/collections/interventions/items/${id}`, actors.editorToken, {
      body: { geometry: { type: 'Point', coordinates: [moved[1], moved[0]] } },
      headers: { 'content-type': 'application/merge-patch+json', 'content-crs': `<${SWEREF_URI}>` },
    });
    expect(movedAnswer.status).toBe(200);
    expect(metresBetween(movedAnswer.body.geometry.coordinates, [18.07, 59.333])).toBeLessThan(1);

    // a PUT replaces: the optional endsAt it leaves out is cleared
    await call('PATCH', `/collections/interventions/items/${id}`, actors.editorToken, {
      body: { properties: { endsAt: '2025-03-01T20:00:00Z' } },
    });
    const etag = (await call('GET', `/collections/interventions/items/${id}`, actors.editorToken)).headers.get('etag')!;
    const replaced = await call('PUT', `/collections/interventions/items/${id}`, actors.editorToken, {
      body: interventionFeature({ title: 'Ersatt' }),
      headers: { 'if-match': etag },
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.properties).toMatchObject({ title: 'Ersatt', endsAt: null });

    const deleted = await call('DELETE', `/collections/interventions/items/${id}`, actors.editorToken);
    expect(deleted.status).toBe(204);
    expect((await call('GET', `/collections/interventions/items/${id}`, actors.editorToken)).status).toBe(404);
    expect(await server.count('intervention')).toBe(before);
  });

  it('lets a VIEWER only read: OPTIONS lists GET, HEAD, OPTIONS on scenes, and a POST is refused with the reason', async () => {
    const viewer = await server.token(Role.VIEWER, actors.editorOperatorId, 'viewer');
    const options = await call('OPTIONS', '/collections/scenes/items', viewer);
    expect(allowOf(options)).toEqual(['GET', 'HEAD', 'OPTIONS']);
    const item = await call('OPTIONS', `/collections/scenes/items/${sceneId}`, viewer);
    expect(allowOf(item)).toEqual(['GET', 'HEAD', 'OPTIONS']);
    const before = await server.count('scene');
    const posted = await call('POST', '/collections/scenes/items', viewer, {
      body: { type: 'Feature', geometry: squareNear(0), properties: { name: 'Ny', municipality: 'Stockholm' } },
    });
    expect(posted.status).toBe(403);
    expect(posted.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/VIEWER/) });
    expect(await server.count('scene')).toBe(before);
  });

  it('refuses a request without a token with 401', async () => {
    const answer = await call('POST', '/collections/interventions/items', null, { body: interventionFeature() });
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('UNAUTHENTICATED');
  });
});

describe('optimistic concurrency', () => {
  it('answers 412 to a stale If-Match and changes nothing', async () => {
    const { id } = await createIntervention(server, actors.editorToken, sceneId, { title: 'Original' });
    const first = await call('PATCH', `/collections/interventions/items/${id}`, actors.editorToken, {
      body: { properties: { title: 'Första' } },
      headers: { 'if-match': '"1"' },
    });
    expect(first.status).toBe(200);
    const audited = await server.count('audit_entry');
    const stale = await call('PATCH', `/collections/interventions/items/${id}`, actors.editorToken, {
      body: { properties: { title: 'Andra' } },
      headers: { 'if-match': '"1"' },
    });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/version/i) });
    const now = await call('GET', `/collections/interventions/items/${id}`, actors.editorToken);
    expect(now.body.properties.title).toBe('Första');
    expect(now.headers.get('etag')).toBe('"2"');
    expect(await server.count('audit_entry')).toBe(audited);
  });

  it('without If-Match, refuses (428) a write on a feature the user was never served', async () => {
    const { id } = await createIntervention(server, actors.editorToken, sceneId);
    const colleague = await server.token(Role.EDITOR, actors.editorOperatorId, 'colleague');
    const answer = await call('DELETE', `/collections/interventions/items/${id}`, colleague);
    expect(answer.status).toBe(428);
    expect(answer.body.message).toMatch(/If-Match/);
    expect((await call('GET', `/collections/interventions/items/${id}`, actors.editorToken)).status).toBe(200);
  });

  it('without If-Match, refuses (412) a write on a feature changed by someone else since the user read it', async () => {
    const { id } = await createIntervention(server, actors.editorToken, sceneId, { title: 'Läst' });
    const colleague = await server.token(Role.EDITOR, actors.editorOperatorId, 'colleague-2');
    expect((await call('GET', `/collections/interventions/items?limit=1000`, colleague)).status).toBe(200);
    // the editor changes it after the colleague loaded the layer
    const changed = await call('PATCH', `/collections/interventions/items/${id}`, actors.editorToken, {
      body: { properties: { title: 'Ändrad' } },
      headers: { 'if-match': '"1"' },
    });
    expect(changed.status).toBe(200);
    const blind = await call('PATCH', `/collections/interventions/items/${id}`, colleague, {
      body: { properties: { title: 'Skriver över' } },
      headers: { 'content-type': 'application/merge-patch+json' },
    });
    expect(blind.status).toBe(412);
    const now = await call('GET', `/collections/interventions/items/${id}`, actors.editorToken);
    expect(now.body.properties.title).toBe('Ändrad');
  });

  it('refuses a malformed If-Match with the reason', async () => {
    const { id } = await createIntervention(server, actors.editorToken, sceneId);
    const answer = await call('DELETE', `/collections/interventions/items/${id}`, actors.editorToken, { headers: { 'if-match': 'W/"1"' } });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/If-Match must be one ETag/);
  });
});

describe('an outsider (an EDITOR of another operator)', () => {
  it('cannot see a RESTRICTED intervention: 404 for OPTIONS, PUT, PATCH and DELETE, like an id that does not exist, and nothing changes', async () => {
    const { id } = await createIntervention(server, actors.editorToken, sceneId, { title: 'Hemlig', sensitivity: 'RESTRICTED' });
    const counts = [await server.count('intervention'), await server.count('audit_entry')];
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const target of [id, missing]) {
      const headers = { 'if-match': '"1"' };
      const answers = [
        await call('OPTIONS', `/collections/interventions/items/${target}`, outsiderToken),
        await call('PUT', `/collections/interventions/items/${target}`, outsiderToken, {
          body: interventionFeature({ title: 'X' }),
          headers,
        }),
        await call('PATCH', `/collections/interventions/items/${target}`, outsiderToken, { body: { properties: { title: 'X' } }, headers }),
        await call('DELETE', `/collections/interventions/items/${target}`, outsiderToken, { headers }),
      ];
      for (const answer of answers) {
        expect(answer.status).toBe(404);
        expect(answer.body.code).toBe('NOT_FOUND');
        expect(JSON.stringify(answer.body)).not.toMatch(/Hemlig/);
      }
    }
    // without If-Match: the same 428 for both, naming only the id asked for
    const blind = [id, missing].map((target) => call('DELETE', `/collections/interventions/items/${target}`, outsiderToken));
    const [hidden, absent] = await Promise.all(blind);
    expect([hidden!.status, absent!.status]).toEqual([428, 428]);
    expect(hidden!.body.message.replace(id, '<id>')).toBe(absent!.body.message.replace(missing, '<id>'));
    expect([await server.count('intervention'), await server.count('audit_entry')]).toEqual(counts);
    const still = await call('GET', `/collections/interventions/items/${id}`, actors.editorToken);
    expect(still.body.properties.title).toBe('Hemlig');
  });

  it('can see an OPEN intervention but not change it: OPTIONS allows reading only, PUT and DELETE are 403 with the reason', async () => {
    const { id } = await createIntervention(server, actors.editorToken, sceneId, { title: 'Öppen' });
    const counts = [await server.count('intervention'), await server.count('audit_entry')];
    const options = await call('OPTIONS', `/collections/interventions/items/${id}`, outsiderToken);
    expect(allowOf(options)).toEqual(['GET', 'HEAD', 'OPTIONS']);
    const read = await call('GET', `/collections/interventions/items/${id}`, outsiderToken);
    const headers = { 'if-match': read.headers.get('etag')! };
    const put = await call('PUT', `/collections/interventions/items/${id}`, outsiderToken, {
      body: interventionFeature({ title: 'Kapad' }),
      headers,
    });
    expect(put.status).toBe(403);
    expect(put.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/owned by operator/) });
    const deleted = await call('DELETE', `/collections/interventions/items/${id}`, outsiderToken);
    expect(deleted.status).toBe(403);
    expect([await server.count('intervention'), await server.count('audit_entry')]).toEqual(counts);
  });
});

describe('refusals carry their reason and store nothing', () => {
  it('refuses a self-intersecting polygon with PostGIS’s reason', async () => {
    const before = [await server.count('intervention'), await server.count('audit_entry')];
    const [lon, lat] = SERGELS_TORG;
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [lon, lat],
          [lon + 0.01, lat + 0.01],
          [lon + 0.01, lat],
          [lon, lat + 0.01],
          [lon, lat],
        ],
      ],
    };
    const answer = await call('POST', '/collections/interventions/items', actors.editorToken, { body: interventionFeature({}, bowTie) });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('INVALID_GEOMETRY');
    expect(answer.body.message).toMatch(/self-intersection/i);
    expect([await server.count('intervention'), await server.count('audit_entry')]).toEqual(before);
  });

  it('answers 404 to a write on an id that is not a UUID', async () => {
    const answer = await call('DELETE', '/collections/interventions/items/not-an-id', actors.editorToken, {
      headers: { 'if-match': '"1"' },
    });
    expect(answer.status).toBe(404);
    expect(answer.body.code).toBe('NOT_FOUND');
  });

  it('refuses an unknown property, listing the writable ones', async () => {
    const answer = await call('POST', '/collections/interventions/items', actors.editorToken, {
      body: interventionFeature({ colour: 'red' }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/Unknown property "colour".*writable: title/);
  });

  it('refuses a PUT that leaves out a required property', async () => {
    const { id } = await createIntervention(server, actors.editorToken, sceneId);
    const feature = interventionFeature();
    delete (feature.properties as Record<string, unknown>).sensitivity;
    const answer = await call('PUT', `/collections/interventions/items/${id}`, actors.editorToken, {
      body: feature,
      headers: { 'if-match': '"1"' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/sensitivity is missing/);
  });

  it('answers 405 to deleting an agreement, which is ended by its validTo', async () => {
    const created = await call('POST', '/collections/agreements/items', actors.editorToken, {
      body: {
        type: 'Feature',
        geometry: squareNear(1),
        properties: { kind: 'GUARD_MANDATE', title: 'Ordningsvakter', validFrom: '2025-01-01' },
      },
    });
    expect(created.status).toBe(201);
    const id = created.headers.get('location')!.split('/').pop()!;
    const answer = await call('DELETE', `/collections/agreements/items/${id}`, actors.editorToken, { headers: { 'if-match': '"1"' } });
    expect(answer.status).toBe(405);
    expect(answer.body.message).toMatch(/validTo/);
    const unconditional = await call('DELETE', `/collections/agreements/items/${id}`, outsiderToken);
    expect(unconditional.status).toBe(405);
    const options = await call('OPTIONS', `/collections/agreements/items/${id}`, actors.editorToken);
    expect(allowOf(options)).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH']);
  });
});

describe('scenes: the lifecycle, the audit trail and subscribers', () => {
  it('refuses a PUT that moves a scene from CLOSED to ACTIVE, with the lifecycle’s reason', async () => {
    const scene = await createScene(server, actors.adminToken, { name: 'Stängd' });
    expectData(
      await server.gql(
        'mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { version } }',
        { input: { sceneId: scene.id, status: 'CLOSED', reason: 'Avskriven', expectedVersion: scene.version } },
        actors.adminToken,
      ),
    );
    const read = await call('GET', `/collections/scenes/items/${scene.id}`, actors.adminToken);
    const history = await server.count('scene_status_change');
    const answer = await call('PUT', `/collections/scenes/items/${scene.id}`, actors.adminToken, {
      body: {
        type: 'Feature',
        geometry: read.body.geometry,
        properties: { ...read.body.properties, status: 'ACTIVE', reason: 'Tillbaka' },
      },
      headers: { 'if-match': read.headers.get('etag')! },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('INVALID_TRANSITION');
    expect(answer.body.message).toMatch(/CLOSED to ACTIVE/);
    expect(await server.count('scene_status_change')).toBe(history);
  });

  it('changes a status under If-Match: * against the version whose status it read', async () => {
    const scene = await createScene(server, actors.adminToken, { name: 'Vilken som helst' });
    const answer = await call('PATCH', `/collections/scenes/items/${scene.id}`, actors.adminToken, {
      body: { properties: { status: 'CLOSED', reason: 'Avfärdad' } },
      headers: { 'if-match': '*' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.properties.status).toBe('CLOSED');
    expect(answer.headers.get('etag')).toBe(`"${scene.version + 1}"`);
  });

  it('refuses a status change without a reason', async () => {
    const scene = await createScene(server, actors.adminToken, { name: 'Utan skäl' });
    const answer = await call('PATCH', `/collections/scenes/items/${scene.id}`, actors.adminToken, {
      body: { properties: { status: 'ACTIVE' } },
      headers: { 'if-match': `"${scene.version}"` },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.message).toMatch(/needs a reason/);
  });

  it('moves a scene through the lifecycle, audited, and a subscriber sees the change', async () => {
    const scene = await createScene(server, actors.adminToken, { name: 'Bevakad' });
    const events = subscribe(
      server.wsUrl,
      actors.adminToken,
      'subscription($ids: [ID!]) { sceneStatusChanged(filter: { sceneIds: $ids }) { from to reason changedBy scene { id } } }',
      { ids: [scene.id] },
    );
    try {
      await new Promise((resolve) => setTimeout(resolve, 300)); // the subscription is live
      const answer = await call('PATCH', `/collections/scenes/items/${scene.id}`, actors.adminToken, {
        body: { properties: { status: 'ACTIVE', reason: 'Klassad vid lägesbild', name: 'Bevakad plats' } },
        headers: { 'if-match': `"${scene.version}"`, 'content-type': 'application/merge-patch+json' },
      });
      expect(answer.status).toBe(200);
      expect(answer.body.properties).toMatchObject({ status: 'ACTIVE', name: 'Bevakad plats' });
      const [event] = await events.waitFor(1);
      expect(event.sceneStatusChanged).toMatchObject({
        from: 'EMERGING',
        to: 'ACTIVE',
        reason: 'Klassad vid lägesbild',
        scene: { id: scene.id },
      });
    } finally {
      await events.dispose();
    }
    const audit = expectData(
      await server.gql(
        'query($filter: AuditLogFilter) { auditLog(filter: $filter) { edges { node { operation subject role } } } }',
        { filter: { entityId: scene.id } },
        actors.adminToken,
      ),
    );
    const operations = audit.auditLog.edges.map((edge: any) => edge.node.operation);
    expect(operations).toEqual(expect.arrayContaining(['changeSceneStatus', 'updateScene', 'createScene']));
    expect(audit.auditLog.edges[0].node).toMatchObject({ subject: 'admin', role: 'ADMIN' });
  });

  it('answers OPTIONS on a scene by the rules: an EDITOR may not change scenes, an ADMIN may', async () => {
    const audited = await server.count('audit_entry');
    expect(allowOf(await call('OPTIONS', `/collections/scenes/items/${sceneId}`, actors.editorToken))).toEqual(['GET', 'HEAD', 'OPTIONS']);
    expect(allowOf(await call('OPTIONS', `/collections/scenes/items/${sceneId}`, actors.adminToken))).toEqual([
      'GET',
      'HEAD',
      'OPTIONS',
      'PUT',
      'PATCH',
      'DELETE',
    ]);
    // the rules were asked in a transaction that was rolled back
    expect(await server.count('audit_entry')).toBe(audited);
  });
});

/** A 200 m square near Sergels torg, offset by `i` steps so that features do not overlap. */
function squareNear(i: number) {
  const [lon, lat] = [SERGELS_TORG[0] + 0.01 * i, SERGELS_TORG[1]];
  const d = 0.001;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + d, lat],
        [lon + d, lat + d],
        [lon, lat + d],
        [lon, lat],
      ],
    ],
  };
}

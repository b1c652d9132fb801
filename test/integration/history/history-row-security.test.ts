import { VectorTile } from '@mapbox/vector-tile';
import Protobuf from 'pbf';
import {
  acceptParty,
  createAgreement,
  createActors,
  createIntervention,
  createOperator,
  createScene,
  expectData,
  nodes,
  squareAround,
  tileOf,
} from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';
import { executeOverWebSocket, subscribe } from '../../support/ws-client';

/**
 * Row security holds on history. Two interventions change sensitivity over time:
 *  - "Camera trial" was RESTRICTED in May 2024 and OPEN from June: an outsider sees it now, but
 *    never its RESTRICTED version;
 *  - "Guard presence" was PARTNERS in May 2024 and RESTRICTED from June: the partner saw it then,
 *    but may not see it now, so none of its versions reaches the partner.
 * Every as-of path is asked for May 2024 by each caller.
 */
const PLACE: [number, number] = [17.9497, 59.3617]; // Hässelby gård
const IN_MAY = '2024-05-15T12:00:00Z';
const TITLES = { camera: 'Camera trial', guard: 'Guard presence' };

let server: TestServer;
let sceneId: string;
let agreementId: string;
const ids: Record<keyof typeof TITLES, string> = { camera: '', guard: '' };
const tokens: Record<string, string> = {};
/** What each caller may see of May 2024. */
const EXPECTED: Record<string, string[]> = {
  owner: [TITLES.camera, TITLES.guard],
  admin: [TITLES.camera, TITLES.guard],
  partner: [],
  outsider: [],
};
/** What each caller may see now. */
const EXPECTED_NOW: Record<string, string[]> = {
  owner: [TITLES.camera, TITLES.guard],
  admin: [TITLES.camera, TITLES.guard],
  partner: [TITLES.camera],
  outsider: [TITLES.camera],
};

beforeAll(async () => {
  server = await createTestServer();
  const actors = await createActors(server);
  const [municipality, outsider] = await Promise.all(
    [
      ['Stockholms stad', 'MUNICIPALITY'],
      ['Väktarbolaget AB', 'SECURITY_COMPANY'],
    ].map(([name, kind]) => createOperator(server, actors.adminToken, { name: name!, kind: kind! })),
  );
  sceneId = (await createScene(server, actors.adminToken, { name: 'Hässelby gårds torg', area: squareAround(PLACE, 200) })).id;
  agreementId = await createAgreement(server, actors.adminToken, {
    kind: 'PLACE_COLLABORATION',
    title: 'Platssamverkan Hässelby',
    validFrom: '2024-01-01',
    sceneIds: [sceneId],
    parties: [{ operatorId: actors.editorOperatorId }, { operatorId: municipality!.id }],
  });
  tokens.owner = actors.editorToken;
  tokens.admin = actors.adminToken;
  tokens.partner = await server.token('EDITOR' as never, municipality!.id);
  tokens.outsider = await server.token('ANALYST' as never, outsider!.id);
  await acceptParty(server, actors.editorToken, agreementId);
  await acceptParty(server, tokens.partner, agreementId);
  for (const [key, from, to] of [
    ['camera', 'RESTRICTED', 'OPEN'],
    ['guard', 'PARTNERS', 'RESTRICTED'],
  ] as const) {
    ids[key] = (
      await createIntervention(server, actors.editorToken, sceneId, {
        title: TITLES[key],
        sensitivity: from,
        agreementId,
        location: { type: 'Point', coordinates: PLACE },
        startsAt: '2024-05-01T18:00:00Z',
      })
    ).id;
    expectData(
      await server.gql(
        'mutation($input: UpdateInterventionInput!) { updateIntervention(input: $input) { id } }',
        { input: { id: ids[key], sensitivity: to, effectiveAt: '2024-06-01T00:00:00Z' } },
        actors.editorToken,
      ),
    );
  }
});

const sorted = (titles: string[]) => [...titles].sort();
const titles = (items: Array<{ title: string } | null | undefined>) => sorted(items.flatMap((item) => (item ? [item.title] : [])));
const base = () => server.url.replace('/graphql', '');

describe.each(Object.keys(EXPECTED))('%s', (caller) => {
  const expected = sorted(EXPECTED[caller]!);

  it('gets by id only the versions it may see', async () => {
    const found: string[] = [];
    for (const id of Object.values(ids)) {
      const response = await server.gql(
        'query($id: ID!, $at: DateTime) { intervention(id: $id, at: $at) { title } }',
        { id, at: IN_MAY },
        tokens[caller],
      );
      if (response.data?.intervention) found.push(response.data.intervention.title);
      else expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect(sorted(found)).toEqual(expected);
  });

  it('lists, filters, counts and relates only the versions it may see', async () => {
    const query = `query($at: DateTime, $agreement: ID!, $point: GeoJSON!) {
      all: interventions(at: $at) { totalCount edges { node { title } } }
      near: interventions(at: $at, filter: { spatial: { near: { point: $point, radiusMeters: 100 } } }) { edges { node { title } } }
      agreement(id: $agreement, at: $at) { interventions(first: 10) { totalCount edges { node { title } } } }
      interventionStatistics(groupBy: SENSITIVITY, at: $at) { key count }
    }`;
    const variables = { at: IN_MAY, agreement: agreementId, point: { type: 'Point', coordinates: PLACE } };
    const data = expectData(await server.gql(query, variables, tokens[caller]));
    expect(titles(nodes(data.all))).toEqual(expected);
    expect(data.all.totalCount).toBe(expected.length);
    expect(titles(nodes(data.near))).toEqual(expected);
    expect(titles(nodes(data.agreement.interventions))).toEqual(expected);
    expect(data.agreement.interventions.totalCount).toBe(expected.length);
    expect(data.interventionStatistics.reduce((sum: number, group: any) => sum + group.count, 0)).toBe(expected.length);
  });

  it('reads the same over the WebSocket transport', async () => {
    const result = await executeOverWebSocket(
      server.wsUrl,
      tokens[caller]!,
      `{ interventions(at: "${IN_MAY}") { edges { node { title } } } }`,
    );
    expect(titles(nodes((result as any).data.interventions))).toEqual(expected);
  });

  it('sees in each intervention’s history only the versions it may see', async () => {
    const { interventions } = expectData(
      await server.gql(
        '{ interventions { edges { node { title versions { version intervention { sensitivity } } } } } }',
        {},
        tokens[caller],
      ),
    );
    const seen = nodes(interventions);
    expect(titles(seen)).toEqual(sorted(EXPECTED_NOW[caller]!));
    for (const intervention of seen) {
      const sensitivities = intervention.versions.map((v: any) => v.intervention.sensitivity);
      // an outsider sees the camera trial, but never as it was while RESTRICTED
      const full = caller === 'owner' || caller === 'admin';
      if (intervention.title === TITLES.camera) expect(sensitivities).toEqual(full ? ['RESTRICTED', 'OPEN'] : ['OPEN']);
      if (intervention.title === TITLES.guard) expect(sensitivities).toEqual(['PARTNERS', 'RESTRICTED']);
    }
  });

  it('gets only the versions it may see in tiles, exports and OGC API features', async () => {
    const headers = { authorization: `Bearer ${tokens[caller]}` };
    const [z, x, y] = tileOf(PLACE, 16);
    const tile = await fetch(`${base()}/tiles/interventions/${z}/${x}/${y}.mvt?at=${IN_MAY}`, { headers });
    const inTile: Array<{ title: string }> = [];
    if (tile.status === 200) {
      const layer = new VectorTile(new Protobuf(new Uint8Array(await tile.arrayBuffer()))).layers.interventions;
      for (let i = 0; i < (layer?.length ?? 0); i++) inTile.push({ title: String(layer!.feature(i).properties.title) });
    } else expect(tile.status).toBe(204);
    expect(titles(inTile)).toEqual(expected);

    const exported = (await (await fetch(`${base()}/export/interventions.geojson?at=${IN_MAY}`, { headers })).json()) as any;
    expect(titles(exported.features.map((f: any) => f.properties))).toEqual(expected);

    const items = (await (await fetch(`${base()}/ogc/collections/interventions/items?datetime=${IN_MAY}`, { headers })).json()) as any;
    expect(titles(items.features.map((f: any) => f.properties))).toEqual(expected);
    expect(items.numberMatched).toBe(expected.length);
    for (const [key, id] of Object.entries(ids)) {
      const one = await fetch(`${base()}/ogc/collections/interventions/items/${id}?datetime=${IN_MAY}`, { headers });
      expect(one.status).toBe(expected.includes(TITLES[key as keyof typeof TITLES]) ? 200 : 404);
    }
  });
});

it('shows the owner each version as it then stood on every map path', async () => {
  const headers = { authorization: `Bearer ${tokens.owner}` };
  const items = (await (await fetch(`${base()}/ogc/collections/interventions/items?datetime=${IN_MAY}`, { headers })).json()) as any;
  const byTitle = Object.fromEntries(items.features.map((f: any) => [f.properties.title, f.properties.sensitivity]));
  expect(byTitle).toEqual({ [TITLES.camera]: 'RESTRICTED', [TITLES.guard]: 'PARTNERS' });
  const bad = await fetch(`${base()}/export/interventions.geojson?at=tomorrow`, { headers });
  expect(bad.status).toBe(400);
});

it('gives each caller only the versions it may see in a live status event', async () => {
  const selection = `subscription($ids: [ID!]) {
    sceneStatusChanged(filter: { sceneIds: $ids }) { scene { interventions { edges { node { title versions { intervention { sensitivity } } } } } } }
  }`;
  const callers = Object.keys(EXPECTED);
  const subscriptions = callers.map((caller) => subscribe(server.wsUrl, tokens[caller]!, selection, { ids: [sceneId] }));
  await new Promise((resolve) => setTimeout(resolve, 300));
  const { scene } = expectData(await server.gql('query($id: ID!) { scene(id: $id) { version } }', { id: sceneId }, tokens.admin));
  expectData(
    await server.gql(
      'mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { version } }',
      { input: { sceneId, status: 'ACTIVE', expectedVersion: scene.version, reason: 'history leak test' } },
      tokens.admin,
    ),
  );
  for (const [index, caller] of callers.entries()) {
    const [event] = await subscriptions[index]!.waitFor(1);
    const seen = nodes(event.sceneStatusChanged.scene.interventions).map((node: any) => [
      node.title,
      node.versions.map((v: any) => v.intervention.sensitivity),
    ]);
    const full = caller === 'owner' || caller === 'admin';
    const expected: Array<[string, string[]]> = [[TITLES.camera, full ? ['RESTRICTED', 'OPEN'] : ['OPEN']]];
    if (full) expected.push([TITLES.guard, ['PARTNERS', 'RESTRICTED']]);
    expect(sorted(seen.map((s: any) => JSON.stringify(s)))).toEqual(sorted(expected.map((e) => JSON.stringify(e))));
    await subscriptions[index]!.dispose();
  }
});

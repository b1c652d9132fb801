import { VectorTile } from '@mapbox/vector-tile';
import Protobuf from 'pbf';
import {
  acceptParty,
  createActors,
  createOperator,
  createScene,
  createIntervention,
  expectData,
  squareAround,
  tileOf,
  type Actors,
  nodes,
} from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';
import { executeOverWebSocket, subscribe } from '../../support/ws-client';

/**
 * The leak test: the police's RESTRICTED and PARTNERS interventions are looked for by other
 * agencies through every read path, and each agency finds exactly what the rules allow.
 */
const PLACE: [number, number] = [17.9497, 59.3617]; // Hässelby gård
const TITLES = { open: 'Safety walk (open)', partners: 'Guard presence (partners)', restricted: 'Camera placement (restricted)' };

let server: TestServer;
let actors: Actors;
let sceneId: string;
let agreementId: string;
const interventionIds: Record<keyof typeof TITLES, string> = { open: '', partners: '', restricted: '' };
const tokens: Record<string, string> = {};
/** Which titles each caller may see. */
const EXPECTED: Record<string, string[]> = {
  owner: [TITLES.open, TITLES.partners, TITLES.restricted],
  admin: [TITLES.open, TITLES.partners, TITLES.restricted],
  partner: [TITLES.open, TITLES.partners],
  outsiderEditor: [TITLES.open],
  outsiderAnalyst: [TITLES.open],
  sharedWith: [TITLES.open, TITLES.restricted],
};

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  const [municipality, outsider, sharedWith] = await Promise.all(
    [
      ['Stockholms stad', 'MUNICIPALITY'],
      ['Väktarbolaget AB', 'SECURITY_COMPANY'],
      ['Länsstyrelsen', 'COUNTY_BOARD'],
    ].map(([name, kind]) => createOperator(server, actors.adminToken, { name: name!, kind: kind! })),
  );
  sceneId = (
    await createScene(server, actors.adminToken, { name: 'Hässelby gårds torg', area: squareAround(PLACE, 200), status: 'ACTIVE' })
  ).id;
  agreementId = expectData(
    await server.gql(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
      {
        input: {
          kind: 'PLACE_COLLABORATION',
          title: 'Platssamverkan Hässelby',
          validFrom: '2024-01-01',
          sceneIds: [sceneId],
          parties: [{ operatorId: actors.editorOperatorId }, { operatorId: municipality!.id }],
        },
      },
      actors.adminToken,
    ),
  ).createAgreement.id;
  for (const [key, sensitivity] of [
    ['open', 'OPEN'],
    ['partners', 'PARTNERS'],
    ['restricted', 'RESTRICTED'],
  ] as const) {
    interventionIds[key] = (
      await createIntervention(server, actors.editorToken, sceneId, {
        title: TITLES[key],
        kind: key === 'restricted' ? 'CAMERA_SURVEILLANCE' : 'GUARD_PRESENCE',
        sensitivity,
        agreementId,
        location: { type: 'Point', coordinates: PLACE },
        startsAt: '2024-06-01T18:00:00Z',
      })
    ).id;
  }
  expectData(
    await server.gql(
      'mutation($input: ShareInterventionInput!) { shareIntervention(input: $input) { id } }',
      { input: { interventionId: interventionIds.restricted, operatorId: sharedWith!.id } },
      actors.editorToken,
    ),
  );
  tokens.owner = actors.editorToken;
  tokens.admin = actors.adminToken;
  tokens.partner = await server.token('EDITOR' as never, municipality!.id);
  // The ADMIN named both parties; each accepts for its own operator, so PARTNERS visibility holds.
  await acceptParty(server, actors.editorToken, agreementId);
  await acceptParty(server, tokens.partner, agreementId);
  tokens.outsiderEditor = await server.token('EDITOR' as never, outsider!.id);
  tokens.outsiderAnalyst = await server.token('ANALYST' as never, outsider!.id);
  tokens.sharedWith = await server.token('ANALYST' as never, sharedWith!.id);
});

const callers = Object.keys(EXPECTED);
const sorted = (titles: string[]) => [...titles].sort();

async function titlesOf(query: string, pick: (data: any) => Array<{ title: string } | null>, caller: string, variables = {}) {
  const data = expectData(await server.gql(query, variables, tokens[caller]));
  return sorted(pick(data).flatMap((item) => (item ? [item.title] : [])));
}

describe.each(callers)('%s', (caller) => {
  const expected = sorted(EXPECTED[caller]!);

  it('finds exactly the allowed interventions by id', async () => {
    const found: string[] = [];
    for (const id of Object.values(interventionIds)) {
      const response = await server.gql('query($id: ID!) { intervention(id: $id) { title } }', { id }, tokens[caller]);
      if (response.data?.intervention) found.push(response.data.intervention.title);
      else expect(response.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect(sorted(found)).toEqual(expected);
  });

  it('lists and counts exactly the allowed interventions, with and without a spatial filter', async () => {
    const query = `query($filter: InterventionFilter) { interventions(filter: $filter) { totalCount edges { node { title } } } }`;
    for (const filter of [undefined, { spatial: { near: { point: { type: 'Point', coordinates: PLACE }, radiusMeters: 100 } } }]) {
      const { interventions } = expectData(await server.gql(query, { filter }, tokens[caller]));
      expect(sorted(interventions.edges.map((e: any) => e.node.title))).toEqual(expected);
      expect(interventions.totalCount).toBe(expected.length);
    }
  });

  it('sees exactly the allowed interventions from the scene, the owner and the agreement', async () => {
    const variables = { scene: sceneId, operator: actors.editorOperatorId, agreement: agreementId };
    const query = `query($scene: ID!, $operator: ID!, $agreement: ID!) {
      scene(id: $scene) { interventions { edges { node { title } } } near: interventions(withinMeters: 50) { edges { node { title } } } }
      operator(id: $operator) { interventions { edges { node { title } } } }
      agreement(id: $agreement) { interventions { edges { node { title } } } }
    }`;
    const data = expectData(await server.gql(query, variables, tokens[caller]));
    for (const list of [data.scene.interventions, data.scene.near, data.operator.interventions, data.agreement.interventions].map(nodes)) {
      expect(sorted(list.map((i: any) => i.title))).toEqual(expected);
    }
  });

  it('counts and pages the nested lists by what the caller may see, with every per-parent argument', async () => {
    const variables = { scene: sceneId, operator: actors.editorOperatorId };
    const query = `query($scene: ID!, $operator: ID!) {
      scene(id: $scene) {
        all: interventions { totalCount }
        one: interventions(first: 1, orderBy: TITLE_ASC) { totalCount pageInfo { hasNextPage } edges { node { title } } }
        restricted: interventions(filter: { sensitivity: [RESTRICTED] }) { totalCount edges { node { title } } }
        near: interventions(withinMeters: 50, filter: { sensitivity: [PARTNERS, RESTRICTED] }) { totalCount }
      }
      operator(id: $operator) { interventions(first: 1, orderBy: TITLE_ASC) { totalCount edges { node { title } } } }
    }`;
    const { scene, operator } = expectData(await server.gql(query, variables, tokens[caller]));
    const secret = expected.filter((title) => title !== TITLES.open);
    expect(scene.all.totalCount).toBe(expected.length);
    expect(scene.one.totalCount).toBe(expected.length);
    expect(nodes(scene.one).map((i: any) => i.title)).toEqual([sorted(expected)[0]]);
    expect(scene.one.pageInfo.hasNextPage).toBe(expected.length > 1);
    expect(nodes(scene.restricted).map((i: any) => i.title)).toEqual(expected.includes(TITLES.restricted) ? [TITLES.restricted] : []);
    expect(scene.near.totalCount).toBe(secret.length);
    expect(operator.interventions.totalCount).toBe(expected.length);
    expect(nodes(operator.interventions).map((i: any) => i.title)).toEqual([sorted(expected)[0]]);
  });

  it('finds only allowed interventions among those outside a mandate', async () => {
    const titles = await titlesOf(
      '{ interventionsOutsideMandate { intervention { title } } }',
      (data) => data.interventionsOutsideMandate.map((gap: any) => gap.intervention),
      caller,
    );
    for (const title of titles) expect(expected).toContain(title);
    expect(titles).not.toHaveLength(0);
  });

  it('gets only allowed interventions in vector tiles and OGC API features', async () => {
    const base = server.url.replace('/graphql', '');
    const [z, x, y] = tileOf(PLACE, 16);
    const headers = { authorization: `Bearer ${tokens[caller]}` };
    const tile = await fetch(`${base}/tiles/interventions/${z}/${x}/${y}.mvt`, { headers });
    const inTile: string[] = [];
    if (tile.status === 200) {
      const layer = new VectorTile(new Protobuf(new Uint8Array(await tile.arrayBuffer()))).layers.interventions;
      for (let i = 0; i < (layer?.length ?? 0); i++) inTile.push(String(layer!.feature(i).properties.title));
    }
    expect(sorted(inTile)).toEqual(expected);

    const items = (await (await fetch(`${base}/ogc/collections/interventions/items?limit=100`, { headers })).json()) as any;
    expect(sorted(items.features.map((f: any) => f.properties.title))).toEqual(expected);
    expect(items.numberMatched).toBe(expected.length);
    for (const [key, id] of Object.entries(interventionIds)) {
      const one = await fetch(`${base}/ogc/collections/interventions/items/${id}`, { headers });
      expect(one.status).toBe(expected.includes(TITLES[key as keyof typeof TITLES]) ? 200 : 404);
    }
  });

  it('counts only the allowed interventions in statistics', async () => {
    const { interventionStatistics } = expectData(
      await server.gql('{ interventionStatistics(groupBy: SENSITIVITY) { key count } }', {}, tokens[caller]),
    );
    const bySensitivity = Object.fromEntries(interventionStatistics.map((group: any) => [group.key, group.count]));
    const expectedBySensitivity = Object.fromEntries(
      (Object.keys(TITLES) as Array<keyof typeof TITLES>)
        .filter((key) => expected.includes(TITLES[key]))
        .map((key) => [key.toUpperCase(), 1]),
    );
    expect(bySensitivity).toEqual(expectedBySensitivity);
  });

  it('exports only the allowed interventions, as GeoJSON and as CSV', async () => {
    const base = server.url.replace('/graphql', '');
    const headers = { authorization: `Bearer ${tokens[caller]}` };
    const geojson = (await (await fetch(`${base}/export/interventions.geojson?sceneId=${sceneId}`, { headers })).json()) as any;
    expect(sorted(geojson.features.map((feature: any) => feature.properties.title))).toEqual(expected);
    const csv = await (await fetch(`${base}/export/interventions.csv?bbox=17.94,59.35,17.96,59.37`, { headers })).text();
    expect(sorted(Object.values(TITLES).filter((title) => csv.includes(title)))).toEqual(expected);
  });

  it('finds the same over the WebSocket as over HTTP', async () => {
    const query = `query($id: ID!) {
      interventions { totalCount edges { node { title } } }
      scene(id: $id) { interventions { edges { node { title } } } }
    }`;
    const { data } = await executeOverWebSocket(server.wsUrl, tokens[caller]!, query, { id: sceneId });
    expect(sorted(data.interventions.edges.map((e: any) => e.node.title))).toEqual(expected);
    expect(data.interventions.totalCount).toBe(expected.length);
    expect(sorted(nodes(data.scene.interventions).map((i: any) => i.title))).toEqual(expected);
    const found: string[] = [];
    for (const id of Object.values(interventionIds)) {
      const lookup = await executeOverWebSocket(server.wsUrl, tokens[caller]!, 'query($id: ID!) { intervention(id: $id) { title } }', {
        id,
      });
      if (lookup.data?.intervention) found.push(lookup.data.intervention.title);
      else expect(lookup.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    expect(sorted(found)).toEqual(expected);
  });

  it('sees only allowed interventions in a live status event', async () => {
    const sub = subscribe(
      server.wsUrl,
      tokens[caller]!,
      `subscription($ids: [ID!]) {
      sceneStatusChanged(filter: { sceneIds: $ids }) { id scene { interventions { edges { node { title } } } } }
    }`,
      { ids: [sceneId] },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const { scene } = expectData(
      await server.gql('query($id: ID!) { scene(id: $id) { version status } }', { id: sceneId }, actors.adminToken),
    );
    expectData(
      await server.gql(
        'mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { version } }',
        {
          input: {
            sceneId,
            status: scene.status === 'ACTIVE' ? 'MONITORING' : 'ACTIVE',
            expectedVersion: scene.version,
            reason: 'leak test',
          },
        },
        actors.adminToken,
      ),
    );
    const [event] = await sub.waitFor(1);
    expect(sorted(nodes(event.sceneStatusChanged.scene.interventions).map((i: any) => i.title))).toEqual(expected);
    await sub.dispose();
  });
});

it('gives a VIEWER token scenes but no interventions on any path', async () => {
  const viewer = await server.token('VIEWER' as never, actors.editorOperatorId);
  const refused = await server.gql('{ interventions { totalCount } }', {}, viewer);
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const nested = await server.gql(
    'query($id: ID!) { scene(id: $id) { name interventions { edges { node { title } } } } }',
    { id: sceneId },
    viewer,
  );
  expect(nested.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const scenes = expectData(
    await server.gql('{ scenes { totalCount edges { node { name status area statusHistory { edges { node { to } } } } } } }', {}, viewer),
  );
  expect(scenes.scenes.totalCount).toBe(1);
  const items = (await (
    await fetch(`${server.url.replace('/graphql', '')}/ogc/collections/interventions/items`, {
      headers: { authorization: `Bearer ${viewer}` },
    })
  ).json()) as any;
  expect(items.features ?? []).toHaveLength(0);
  expect(items.code).toBe('FORBIDDEN');
  const statistics = await server.gql('{ interventionStatistics(groupBy: CATEGORY) { key count } }', {}, viewer);
  expect(statistics.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

it('gives a VIEWER token the scene routes but none of the others', async () => {
  const viewer = await server.token('VIEWER' as never, actors.editorOperatorId);
  const base = server.url.replace('/graphql', '');
  const get = (path: string) => fetch(`${base}${path}`, { headers: { authorization: `Bearer ${viewer}` } });
  const [z, x, y] = tileOf(PLACE, 14);
  for (const path of [
    `/tiles/interventions/${z}/${x}/${y}.mvt`,
    '/export/interventions.geojson',
    '/ogc/collections/interventions',
    '/ogc/collections/agreements/items',
  ]) {
    const response = await get(path);
    expect([path, response.status]).toEqual([path, 403]);
    expect(((await response.json()) as any).code).toBe('FORBIDDEN');
  }
  expect((await get(`/tiles/scenes/${z}/${x}/${y}.mvt`)).status).toBe(200);
  expect(((await (await get('/export/scenes.geojson')).json()) as any).features).toHaveLength(1);
  const collections = (await (await get('/ogc/collections')).json()) as any;
  expect(collections.collections.map((c: any) => c.id)).toEqual(['scenes']);
});

it('hides a RESTRICTED intervention again once it is unshared, and refuses sharing to anyone but the owner', async () => {
  const input = {
    interventionId: interventionIds.restricted,
    operatorId: JSON.parse(Buffer.from(tokens.sharedWith!.split('.')[1]!, 'base64url').toString()).operatorId,
  };
  const SHARE = 'mutation($input: ShareInterventionInput!) { unshareIntervention(input: $input) { id } }';
  const byOther = await server.gql(SHARE, { input }, tokens.partner);
  expect(byOther.errors?.[0]?.extensions?.code).toBe('NOT_FOUND'); // the partner cannot even see it
  const shares = await server.count('intervention_share');
  expect(shares).toBe(1);
  expectData(await server.gql(SHARE, { input }, tokens.owner));
  expect(await server.count('intervention_share')).toBe(0);
  const lookup = await server.gql(
    'query($id: ID!) { intervention(id: $id) { title } }',
    { id: interventionIds.restricted },
    tokens.sharedWith,
  );
  expect(lookup.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
});

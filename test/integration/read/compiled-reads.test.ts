import { Role } from '../../../schema/auth/role';
import {
  acceptParty,
  createActors,
  createIntervention,
  createOperator,
  createScene,
  expectData,
  squareAround,
  type Actors,
} from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/**
 * The compiled read path (one statement per query, schema/read/) answers exactly what the
 * resolvers answer: the same JSON for every caller, over data with ties,
 * microsecond timestamps, every sensitivity, archived scenes and several CRSs. Two servers on one
 * database, one with compiled reads and one without.
 */

let compiled: TestServer;
let resolved: TestServer;
let actors: Actors;
const callers: Record<string, string> = {};
let ids: { scenes: string[]; partner: string; police: string; agreement: string; beforeChanges: string };

const NORRMALM: [number, number] = [18.0636, 59.3323];
const VALLINGBY: [number, number] = [17.8722, 59.3633];
const HASSELBY: [number, number] = [17.8437, 59.3663];

beforeAll(async () => {
  compiled = await createTestServer({ compiledReads: true });
  resolved = await createTestServer({ compiledReads: false, truncate: false });
  actors = await createActors(compiled);
  const admin = actors.adminToken;
  const partner = await createOperator(compiled, admin, {
    name: 'Nattvandrarna Västerort',
    kind: 'CIVIL_SOCIETY',
    municipality: 'Stockholm',
  });
  const outsider = await createOperator(compiled, admin, { name: 'Väktarbolaget AB', kind: 'SECURITY_COMPANY' });
  await createOperator(compiled, admin, { name: 'Lokalpolisområde Västerort', kind: 'POLICE', parentId: actors.editorOperatorId });
  const partnerEditor = await compiled.token(Role.EDITOR, partner.id, 'partner-editor');
  callers.ADMIN = admin;
  callers['ANALYST of a partner'] = await compiled.token(Role.ANALYST, partner.id, 'partner-analyst');
  callers['ANALYST of an outsider'] = await compiled.token(Role.ANALYST, outsider.id, 'outsider-analyst');
  callers.VIEWER = await compiled.token(Role.VIEWER, outsider.id, 'board');

  const places: Array<[string, string, [number, number], number]> = [
    ['Sergels torg', 'Stockholm', NORRMALM, 180],
    ['Plattan 100% ren_text', 'Stockholm', [18.0649, 59.3326], 60],
    ['Vällingby centrum', 'Stockholm', VALLINGBY, 250],
    ['Hässelby gårds torg', 'Stockholm', HASSELBY, 150],
    ['Järfälla station', 'Järfälla', [17.8346, 59.4231], 120],
    ['Åkermyntans centrum', 'Stockholm', [17.8176, 59.3752], 90],
  ];
  const scenes = [];
  for (const [name, municipality, centre, size] of places) {
    scenes.push(
      await createScene(compiled, admin, {
        name,
        municipality,
        area: squareAround(centre, size),
        policeArea: municipality === 'Järfälla' ? null : 'Västerort',
        statAreas: ['101 025'],
        problemProfile: { substances: ['cannabis'], tags: ['kollektivtrafik'] },
      }),
    );
  }
  const beforeChanges = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 20));
  for (const [index, status] of [
    [0, 'ACTIVE'],
    [2, 'ACTIVE'],
    [3, 'ACTIVE'],
    [4, 'CLOSED'],
  ] as const) {
    const scene = scenes[index]!;
    expectData(
      await compiled.gql(
        'mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { version } }',
        { input: { sceneId: scene.id, status, reason: `Lägesbild ${index}`, expectedVersion: scene.version } },
        admin,
      ),
    );
  }
  expectData(await compiled.gql('mutation($id: ID!) { archiveScene(input: { id: $id }) { id } }', { id: scenes[5]!.id }, admin));

  const agreement = expectData(
    await compiled.gql(
      `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`,
      {
        input: {
          kind: 'PLACE_COLLABORATION',
          title: 'Platssamverkan Västerort',
          validFrom: '2023-01-01',
          sceneIds: [scenes[2]!.id, scenes[3]!.id],
          parties: [
            { operatorId: actors.editorOperatorId, role: 'Polis' },
            { operatorId: partner.id, role: 'Nattvandring' },
          ],
          area: squareAround(VALLINGBY, 2000),
        },
      },
      admin,
    ),
  ).createAgreement;
  await acceptParty(compiled, actors.editorToken, agreement.id);
  await acceptParty(compiled, partnerEditor, agreement.id);

  const sensitivities = ['OPEN', 'PARTNERS', 'RESTRICTED', 'OPEN'];
  for (const [s, scene] of scenes.entries()) {
    for (let i = 0; i < 3 + s; i++) {
      await createIntervention(compiled, i % 2 ? partnerEditor : actors.editorToken, scene.id, {
        title: `Insats ${s}.${i}`,
        sensitivity: sensitivities[i % 4],
        startsAt: `2024-0${1 + (i % 6)}-1${i % 3}T18:00:00Z`,
        endsAt: i % 3 ? null : `2024-0${1 + (i % 6)}-2${i % 3}T02:00:00Z`,
        agreementId: s >= 2 && s <= 3 && i % 2 ? agreement.id : undefined,
        operatorIds: i % 3 === 1 ? [partner.id] : [],
        location:
          i % 4 === 3
            ? squareAround(places[s]![2], 40)
            : { type: 'Point', coordinates: [places[s]![2][0] + i * 0.0004, places[s]![2][1] + i * 0.0002] },
        description: i % 2 ? `Beskrivning "${i}" med citattecken och \\ bakstreck` : null,
      });
    }
  }
  // Microseconds the API never writes itself, and a tie in starts_at broken by id.
  const em = compiled.orm.em.fork();
  await em.execute(`update intervention set starts_at = starts_at + make_interval(secs => (random() * 0.000999)) where title like '%.1'`);
  await em.execute(
    `update intervention set starts_at = (select starts_at from intervention where title = 'Insats 2.0') where title = 'Insats 2.4'`,
  );
  ids = {
    scenes: scenes.map((scene) => scene.id),
    partner: partner.id,
    police: actors.editorOperatorId,
    agreement: agreement.id,
    beforeChanges,
  };
}, 120_000);

interface Case {
  name: string;
  query: string;
  variables?: () => Record<string, unknown>;
  /** Callers to compare for (default all but VIEWER). */
  callers?: string[];
}

const SCENE_FIELDS = `id name municipality district policeArea statAreas status statusSince archived archivedAt version createdAt updatedAt
  areaSquareMeters perimeterMeters __typename`;
const INTERVENTION_FIELDS = `id title category kind description startsAt endsAt recurrence sensitivity version createdAt updatedAt location
  owner { id name kind municipality parent { name } } scene { name } agreement { title validFrom validTo } operators { name } __typename`;

const CASES: Case[] = [
  {
    name: 'scenes with every own field',
    query: `{ scenes(first: 50) { totalCount edges { cursor node { ${SCENE_FIELDS} problemProfile { description substances crimeKinds targetGroups tags } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
    callers: ['ADMIN'],
  },
  {
    name: 'scenes as a board sees them',
    query: `{ scenes(first: 50) { totalCount edges { cursor node { ${SCENE_FIELDS} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
    callers: ['VIEWER'],
  },
  {
    name: 'scenes with archived ones, ordered by municipality',
    query: `{ scenes(filter: { includeArchived: true }, orderBy: MUNICIPALITY_ASC) { edges { node { name municipality archived } } } }`,
    callers: ['ADMIN', 'VIEWER'],
  },
  {
    name: 'areas and centroids in three CRSs',
    query: `{ scenes { edges { node { name a: area b: area(crs: EPSG_3006) c: centroid(crs: EPSG_3011) d: centroid } } } }`,
    callers: ['VIEWER'],
  },
  {
    name: 'scene filters',
    query: `{ a: scenes(filter: { status: [ACTIVE], municipality: ["Stockholm"] }) { totalCount edges { node { name } } } b: scenes(filter: { nameContains: "100%" }) { totalCount } c: scenes(filter: { nameContains: "_" }) { totalCount } hostile: scenes(filter: { nameContains: "O'Brien\\\\'); select pg_sleep(5); --", municipality: ["x' or '1'='1"] }) { totalCount } d: scenes(filter: { policeArea: ["Västerort"], statArea: "101 025" }) { totalCount } }`,
    callers: ['ADMIN'],
  },
  {
    name: 'spatial filters: near, bbox in SWEREF 99 TM, intersects, within',
    query: `query($poly: GeoJSON!) { near: scenes(filter: { spatial: { near: { point: { type: "Point", coordinates: [18.0636, 59.3323] }, radiusMeters: 300 } } }) { edges { node { name } } } box: scenes(filter: { spatial: { bbox: { minX: 660000, minY: 6570000, maxX: 690000, maxY: 6600000, crs: EPSG_3006 } } }) { totalCount } cross: scenes(filter: { spatial: { intersects: $poly } }) { edges { node { name } } } inside: scenes(filter: { spatial: { within: $poly } }) { edges { node { name } } } }`,
    variables: () => ({ poly: squareAround(VALLINGBY, 4000) }),
  },
  {
    name: 'a point in SWEREF 99 TM',
    query: `{ scenes(filter: { spatial: { crs: EPSG_3006, near: { point: { type: "Point", coordinates: [674032, 6580821] }, radiusMeters: 2000 } } }) { edges { node { name } } } }`,
  },
  {
    name: 'backward pages',
    query: `{ scenes(last: 2, orderBy: NAME_DESC) { edges { cursor node { name } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
  },
  {
    name: 'a page of nothing',
    query: `{ scenes(first: 0) { totalCount edges { node { name } } pageInfo { hasNextPage startCursor endCursor } } }`,
  },
  {
    name: 'nested interventions with every field, per caller',
    query: `{ scenes(first: 10, orderBy: NAME_ASC) { edges { node { name interventions(first: 4) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${INTERVENTION_FIELDS} } } } } } } }`,
  },
  {
    name: 'nested interventions ordered, filtered and near the area',
    query: `{ scenes { edges { node { name byTitle: interventions(orderBy: TITLE_ASC, first: 2) { edges { node { title } } } open: interventions(filter: { sensitivity: [OPEN, PARTNERS], activeAt: "2024-01-10T20:00:00Z" }) { totalCount } inside: interventions(withinMeters: 0) { totalCount edges { node { title } } } near: interventions(withinMeters: 500, orderBy: STARTS_AT_ASC) { edges { node { title startsAt } } } } } } }`,
  },
  {
    name: 'interventions, top-level, every ordering',
    query: `{ a: interventions(first: 7) { totalCount edges { cursor node { title startsAt } } } b: interventions(orderBy: STARTS_AT_ASC, first: 5) { edges { node { title } } } c: interventions(orderBy: CREATED_AT_DESC, last: 3) { edges { node { title } } pageInfo { hasPreviousPage hasNextPage } } d: interventions(orderBy: TITLE_ASC, filter: { category: [FORMAL_CONTROL], kind: ["UNIFORMED_PRESENCE"] }) { totalCount } }`,
  },
  {
    name: 'interventions near a point, in a box, by operator',
    query: `query($op: ID!) { near: interventions(filter: { spatial: { near: { point: { type: "Point", coordinates: [17.8722, 59.3633] }, radiusMeters: 200 } } }) { edges { node { title location(crs: EPSG_3006) } } } box: interventions(filter: { spatial: { bbox: { minX: 17.8, minY: 59.3, maxX: 17.9, maxY: 59.4 } } }) { totalCount } mine: interventions(filter: { operatorId: $op, startsFrom: "2024-02-01T00:00:00Z", startsBefore: "2024-06-01T00:00:00Z" }) { totalCount edges { node { title owner { name } } } } }`,
    variables: () => ({ op: ids.partner }),
  },
  {
    name: 'status history with the operator that changed it',
    query: `{ scenes(first: 3) { edges { node { name statusHistory { totalCount edges { cursor node { id sceneVersion from to reason situationNote changedAt changedBy recordedAt changedByOperator { name } } } } first: statusHistory(first: 1) { pageInfo { hasNextPage endCursor } } } } } }`,
    callers: ['ADMIN'],
  },
  {
    name: 'agreements of scenes',
    query: `{ scenes { edges { node { name agreements { totalCount edges { node { id kind title description validFrom validTo areaSquareMeters perimeterMeters isActive now: isActive(at: "2022-06-01T12:00:00Z") centroid(crs: EPSG_3006) interventions(first: 2) { edges { node { title } } } } } } } } } }`,
  },
  {
    name: 'nearest scenes with a filter',
    query: `{ a: nearestScenes(point: { type: "Point", coordinates: [17.85, 59.37] }, limit: 3) { distanceMeters scene { name status } } b: nearestScenes(point: { type: "Point", coordinates: [674032, 6580821] }, crs: EPSG_3006, filter: { status: [ACTIVE] }) { distanceMeters scene { name } } }`,
    callers: ['ADMIN', 'VIEWER'],
  },
  {
    name: 'statistics, now and in the past, filtered',
    query: `query($before: DateTime) { a: sceneStatistics(groupBy: STATUS) { key count totalAreaSquareMeters } b: sceneStatistics(groupBy: POLICE_AREA, at: "2020-01-01T00:00:00Z") { key count } c: sceneStatistics(groupBy: MUNICIPALITY, filter: { status: [ACTIVE, EMERGING] }) { key count totalAreaSquareMeters __typename } d: sceneStatistics(groupBy: STATUS, at: $before) { key count } e: sceneStatistics(groupBy: MUNICIPALITY, at: $before, filter: { status: [EMERGING], spatial: { bbox: { minX: 17.8, minY: 59.3, maxX: 17.9, maxY: 59.4 } } }) { key count } }`,
    variables: () => ({ before: ids.beforeChanges }),
    callers: ['ADMIN', 'VIEWER'],
  },
  {
    name: 'scene, intervention and operator by id',
    query: `query($scene: ID!, $op: ID!) { scene(id: $scene) { name interventions { totalCount } } operator(id: $op) { name kind parent { name } children { name } interventions(first: 3) { totalCount edges { node { title sensitivity } } } } }`,
    variables: () => ({ scene: ids.scenes[2], op: ids.police }),
  },
  {
    name: 'scenes and a scene as they stood, and as they were known',
    query: `query($before: DateTime, $scene: ID!) { a: scenes(at: $before, first: 50) { totalCount edges { cursor node { ${SCENE_FIELDS} area(crs: EPSG_3006) } } pageInfo { hasNextPage endCursor } } b: scenes(at: $before, filter: { status: [EMERGING], spatial: { bbox: { minX: 17.8, minY: 59.3, maxX: 17.9, maxY: 59.4 } } }) { edges { node { name status } } } c: scene(id: $scene, at: $before) { ${SCENE_FIELDS} centroid } d: scene(id: $scene, asRecordedAt: $before) { status version } }`,
    variables: () => ({ before: ids.beforeChanges, scene: ids.scenes[2] }),
    callers: ['ADMIN', 'VIEWER'],
  },
  {
    name: 'interventions and an intervention as they stood, under row security',
    query: `query($now: DateTime) { interventions(at: $now, first: 50) { totalCount edges { cursor node { id title sensitivity version location(crs: EPSG_3006) owner { name } } } } }`,
    variables: () => ({ now: new Date().toISOString() }),
  },
  {
    name: 'operators with filters and orderings',
    query: `{ a: operators { totalCount edges { cursor node { id name kind municipality createdAt updatedAt parent { name } } } } b: operators(orderBy: KIND_ASC, filter: { kind: [POLICE, CIVIL_SOCIETY] }) { edges { node { name } } } c: operators(filter: { nameContains: "polis" }, orderBy: NAME_DESC) { edges { node { name } } } }`,
  },
  {
    name: 'fragments, aliases, directives and type names',
    query: `query($withArea: Boolean!, $skipName: Boolean!) { __typename list: scenes(first: 2) { __typename ...Page edges { node { ...SceneBits ... on Scene { m: municipality } } } } } fragment Page on SceneConnection { pageInfo { __typename hasNextPage } } fragment SceneBits on Scene { id name @skip(if: $skipName) area @include(if: $withArea) }`,
    variables: () => ({ withArea: true, skipName: true }),
    callers: ['ADMIN', 'VIEWER'],
  },
];

describe.each(CASES)('$name', ({ query, variables, callers: who }) => {
  it.each(who ?? ['ADMIN', 'ANALYST of a partner', 'ANALYST of an outsider'])(
    'answers %s the same on both paths, from one statement',
    async (caller) => {
      const vars = variables?.() ?? {};
      let fromCompiled: unknown;
      const statements = await compiled.recordQueries(async () => {
        fromCompiled = await compiled.gql(query, vars, callers[caller]);
      });
      const fromResolvers = await resolved.gql(query, vars, callers[caller]);
      expect(JSON.stringify(fromCompiled)).toBe(JSON.stringify(fromResolvers));
      expectData(fromCompiled as never);
      // one message: begin, the viewer's settings, the one statement, commit
      expect(statements).toHaveLength(1);
      expect(statements[0]).toMatch(
        /^begin; select set_config\('role', 'app_viewer', true\).*; select (case when .* then )?json_build_object\(.* as data; commit$/s,
      );
    },
  );
});

describe('cursors', () => {
  it('are the same on both paths, and each path continues from the other’s', async () => {
    const page = (after: string | null) =>
      `{ scenes(first: 2, after: ${after ? `"${after}"` : 'null'}) { edges { node { name interventions(first: 2, after: null) { pageInfo { endCursor } } } } pageInfo { endCursor } } }`;
    const first = expectData(await compiled.gql(page(null), {}, callers.ADMIN));
    const cursor = first.scenes.pageInfo.endCursor;
    expect(JSON.stringify(await resolved.gql(page(cursor), {}, callers.ADMIN))).toBe(
      JSON.stringify(await compiled.gql(page(cursor), {}, callers.ADMIN)),
    );
  });

  it('walks the interventions of a scene in pages of 2 without gaps or repeats, across microsecond ties', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const server: TestServer = i % 2 ? resolved : compiled; // alternate the paths
      const data: any = expectData(
        await server.gql(
          'query($id: ID!, $after: String) { scene(id: $id) { interventions(first: 2, after: $after) { edges { node { title } } pageInfo { hasNextPage endCursor } } } }',
          { id: ids.scenes[2], after },
          callers.ADMIN,
        ),
      );
      seen.push(...data.scene.interventions.edges.map((edge: any) => edge.node.title));
      if (!data.scene.interventions.pageInfo.hasNextPage) break;
      after = data.scene.interventions.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen).size).toBe(5);
  });
});

describe('what goes to the resolvers instead', () => {
  it.each([
    ['a field without a writer', '{ scenes { edges { node { name indicators { name } } } } }'],
    [
      'an invalid geometry (a bow tie), folded into the statement',
      '{ scenes(filter: { spatial: { within: { type: "Polygon", coordinates: [[[17.8, 59.3], [17.9, 59.4], [17.9, 59.3], [17.8, 59.4], [17.8, 59.3]]] } } }) { totalCount } }',
    ],
    ['a page too large', '{ scenes(first: 501) { totalCount } }'],
    ['a forged cursor', '{ scenes(after: "bm90IGEgY3Vyc29y") { totalCount } }'],
    ['an unknown id', '{ scene(id: "00000000-0000-4000-8000-000000000000") { name } }'],
    [
      'a relation of a scene as it stood',
      `{ scenes(at: "${new Date().toISOString()}") { edges { node { name interventions { totalCount } } } } }`,
    ],
    ['a moment in the future', '{ scenes(at: "2999-01-01T00:00:00Z") { totalCount } }'],
    ['a scene not yet registered then', `{ scene(id: "00000000-0000-4000-8000-000000000000", at: "2020-01-01T00:00:00Z") { name } }`],
    ['a malformed id', '{ scene(id: "not-a-uuid") { name } }'],
  ])('%s: the same answer, errors included', async (_label, query) => {
    const fromCompiled = await compiled.gql(query, {}, callers.ADMIN);
    const fromResolvers = await resolved.gql(query, {}, callers.ADMIN);
    expect(
      JSON.stringify({
        ...fromCompiled,
        errors: fromCompiled.errors?.map(({ message, extensions }) => ({ message, code: extensions?.code })),
      }),
    ).toBe(
      JSON.stringify({
        ...fromResolvers,
        errors: fromResolvers.errors?.map(({ message, extensions }) => ({ message, code: extensions?.code })),
      }),
    );
  });
});

describe('over HTTP', () => {
  it.each([
    undefined,
    'application/json',
    'application/graphql-response+json',
    '*/*',
    'application/graphql-response+json;q=0.9, application/json',
    'text/plain',
  ])('answers with the status, media type and JSON Apollo Server gives, for Accept: %s', async (accept) => {
    const send = async (server: TestServer) => {
      const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${callers.ADMIN}` };
      if (accept) headers.accept = accept;
      const response = await fetch(server.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query: '{ scenes(first: 2) { edges { node { name } } } }' }),
      });
      // PostgreSQL writes JSON with spaces after its colons and commas: the same JSON, other bytes.
      return { status: response.status, type: response.headers.get('content-type'), body: JSON.parse(await response.text()) as unknown };
    };
    const fromCompiled = await send(compiled);
    expect(fromCompiled).toEqual(await send(resolved));
    expect(fromCompiled.status).toBe(accept === 'text/plain' ? 406 : 200);
  });
});

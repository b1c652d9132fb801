import {
  acceptParty,
  createActors,
  createIntervention,
  createOperator,
  createScene,
  expectData,
  squareAround,
  SERGELS_TORG,
  type Actors,
  nodes,
} from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

let server: TestServer;
let actors: Actors;

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
});

describe('operators', () => {
  it('nests operators and reads parent and children both ways', async () => {
    const region = await createOperator(server, actors.adminToken, { name: 'Polisregion Stockholm', kind: 'POLICE' });
    const local = await createOperator(server, actors.adminToken, {
      name: 'Lokalpolisområde Järfälla',
      kind: 'POLICE',
      parentId: region.id,
      municipality: 'Järfälla',
    });
    const { operator } = expectData(
      await server.gql(
        `query($id: ID!) { operator(id: $id) { name kind municipality parent { name children { name } } } }`,
        { id: local.id },
        actors.adminToken,
      ),
    );
    expect(operator).toEqual({
      name: 'Lokalpolisområde Järfälla',
      kind: 'POLICE',
      municipality: 'Järfälla',
      parent: { name: 'Polisregion Stockholm', children: [{ name: 'Lokalpolisområde Järfälla' }] },
    });
  });

  it('refuses a duplicate name with CONFLICT, a parent cycle with BAD_USER_INPUT, and an EDITOR with FORBIDDEN', async () => {
    const a = await createOperator(server, actors.adminToken, { name: 'Operator A', kind: 'OTHER' });
    const b = await createOperator(server, actors.adminToken, { name: 'Operator B', kind: 'OTHER', parentId: a.id });
    const before = await server.count('operator');
    const CREATE = 'mutation($input: CreateOperatorInput!) { createOperator(input: $input) { id } }';
    expect(
      (await server.gql(CREATE, { input: { name: 'Operator A', kind: 'OTHER' } }, actors.adminToken)).errors?.[0]?.extensions?.code,
    ).toBe('CONFLICT');
    expect(
      (await server.gql(CREATE, { input: { name: 'Editor made', kind: 'OTHER' } }, actors.editorToken)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const cycle = await server.gql(
      'mutation($input: UpdateOperatorInput!) { updateOperator(input: $input) { id } }',
      { input: { id: a.id, parentId: b.id } },
      actors.adminToken,
    );
    expect(cycle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'parentId' });
    expect(await server.count('operator')).toBe(before);
  });

  it('lists operators filtered by kind', async () => {
    const { operators } = expectData(
      await server.gql(
        '{ operators(filter: { kind: [POLICE] }, first: 100) { totalCount edges { node { kind } } } }',
        {},
        actors.adminToken,
      ),
    );
    expect(operators.totalCount).toBeGreaterThanOrEqual(3);
    expect(operators.edges.every((e: any) => e.node.kind === 'POLICE')).toBe(true);
  });
});

describe('agreements and interventions', () => {
  let sceneId: string;
  let municipalityId: string;
  let agreementId: string;
  let interventionId: string;

  beforeAll(async () => {
    sceneId = (await createScene(server, actors.editorToken, { name: 'Jakobsbergs station' })).id;
    municipalityId = (
      await createOperator(server, actors.adminToken, { name: 'Järfälla kommun', kind: 'MUNICIPALITY', municipality: 'Järfälla' })
    ).id;
  });

  it('creates an agreement with parties, scenes, an area and commitments, and reads them back', async () => {
    const response = await server.gql(
      `mutation($input: CreateAgreementInput!) {
        createAgreement(input: $input) {
          id kind title validFrom validTo isActive(at: "2020-06-01T12:00:00Z") later: isActive(at: "2021-01-01T12:00:00Z")
          parties { role status operator { id } } scenes { id } commitments { position description dueDate status }
          area areaSweref: area(crs: EPSG_3006)
        }
      }`,
      {
        input: {
          kind: 'CITIZEN_PROMISE',
          title: 'Medborgarlöfte Järfälla 2019–2020',
          validFrom: '2019-01-01',
          validTo: '2020-12-31',
          sceneIds: [sceneId],
          parties: [
            { operatorId: actors.editorOperatorId, role: 'local police' },
            { operatorId: municipalityId, role: 'municipality' },
          ],
          area: squareAround([17.8336, 59.4229], 400),
          commitments: [
            { description: 'Yearly safety inspection', dueDate: '2019-12-31', status: 'DONE' },
            { description: 'Night walks on weekends' },
          ],
        },
      },
      actors.editorToken,
    );
    const { createAgreement: agreement } = expectData(response);
    agreementId = agreement.id;
    expect(agreement).toMatchObject({
      kind: 'CITIZEN_PROMISE',
      validFrom: '2019-01-01',
      validTo: '2020-12-31',
      isActive: true,
      later: false,
      scenes: [{ id: sceneId }],
    });
    expect(agreement.parties).toEqual(
      expect.arrayContaining([
        // The caller's own operator has consented by naming itself; the municipality has not yet.
        { role: 'local police', status: 'ACCEPTED', operator: { id: actors.editorOperatorId } },
        { role: 'municipality', status: 'PENDING', operator: { id: municipalityId } },
      ]),
    );
    await acceptParty(server, await server.token('EDITOR' as never, municipalityId), agreementId);
    expect(agreement.commitments).toEqual([
      { position: 1, description: 'Yearly safety inspection', dueDate: '2019-12-31', status: 'DONE' },
      { position: 2, description: 'Night walks on weekends', dueDate: null, status: 'PLANNED' },
    ]);
    expect(agreement.area.type).toBe('MultiPolygon');
    // SWEREF 99 TM puts Jakobsberg near E 660 000, N 6 590 000 (metres)
    const [e, n] = agreement.areaSweref.coordinates[0][0][0];
    expect(e).toBeGreaterThan(650_000);
    expect(e).toBeLessThan(670_000);
    expect(n).toBeGreaterThan(6_580_000);
    expect(n).toBeLessThan(6_600_000);
  });

  it('creates an intervention owned by the caller, with participants and agreement, and reads every relation', async () => {
    const response = await server.gql(
      `mutation($input: CreateInterventionInput!) {
        createIntervention(input: $input) {
          id title category kind sensitivity recurrence startsAt endsAt location
          owner { id } operators { id } agreement { id } scene { id }
        }
      }`,
      {
        input: {
          sceneId,
          title: 'Police presence Friday and Saturday evenings',
          category: 'FORMAL_CONTROL',
          kind: 'UNIFORMED_PRESENCE',
          location: {
            type: 'LineString',
            coordinates: [
              [17.833, 59.422],
              [17.835, 59.423],
            ],
          },
          startsAt: '2019-06-01T16:00:00Z',
          endsAt: '2020-12-31T22:00:00Z',
          recurrence: 'Fridays and Saturdays, evenings',
          sensitivity: 'PARTNERS',
          agreementId,
          operatorIds: [municipalityId, actors.editorOperatorId],
        },
      },
      actors.editorToken,
    );
    const { createIntervention: intervention } = expectData(response);
    interventionId = intervention.id;
    expect(intervention).toMatchObject({
      category: 'FORMAL_CONTROL',
      kind: 'UNIFORMED_PRESENCE',
      sensitivity: 'PARTNERS',
      recurrence: 'Fridays and Saturdays, evenings',
      startsAt: '2019-06-01T16:00:00.000Z',
      endsAt: '2020-12-31T22:00:00.000Z',
      owner: { id: actors.editorOperatorId },
      operators: [{ id: municipalityId }],
      agreement: { id: agreementId },
      scene: { id: sceneId },
      location: {
        type: 'LineString',
        coordinates: [
          [17.833, 59.422],
          [17.835, 59.423],
        ],
      },
    });
  });

  it('reaches the intervention and agreement from the scene, the operator and the agreement', async () => {
    const { scene, operator, agreement } = expectData(
      await server.gql(
        `query($scene: ID!, $operator: ID!, $agreement: ID!) {
          scene(id: $scene) { interventions { edges { node { id } } } agreements { edges { node { id } } } }
          operator(id: $operator) { interventions { edges { node { id } } } agreements { id } }
          agreement(id: $agreement) { interventions { edges { node { id } } } }
        }`,
        { scene: sceneId, operator: municipalityId, agreement: agreementId },
        actors.editorToken,
      ),
    );
    expect([nodes(scene.interventions), nodes(scene.agreements)]).toEqual([[{ id: interventionId }], [{ id: agreementId }]]);
    expect([nodes(operator.interventions), operator.agreements]).toEqual([[{ id: interventionId }], [{ id: agreementId }]]);
    expect(nodes(agreement.interventions)).toEqual([{ id: interventionId }]);
  });

  it('filters lists by the relations', async () => {
    const { interventions, agreements } = expectData(
      await server.gql(
        `query($op: ID!, $scene: ID!) {
          interventions(filter: { operatorId: $op, activeAt: "2020-01-03T18:00:00Z" }) { totalCount edges { node { id } } }
          agreements(filter: { sceneId: $scene, activeOn: "2020-06-01" }) { totalCount edges { node { id } } }
        }`,
        { op: municipalityId, scene: sceneId },
        actors.editorToken,
      ),
    );
    expect(interventions.edges).toEqual([{ node: { id: interventionId } }]);
    expect(agreements.edges).toEqual([{ node: { id: agreementId } }]);
    const { agreements: none } = expectData(
      await server.gql(
        `query($scene: ID!) { agreements(filter: { sceneId: $scene, activeOn: "2022-01-01" }) { totalCount } }`,
        { scene: sceneId },
        actors.editorToken,
      ),
    );
    expect(none.totalCount).toBe(0);
  });

  it('counts interventions per category, owner and scene, with names, largest group first', async () => {
    const other = (await createScene(server, actors.editorToken, { name: 'Barkarby' })).id;
    for (const category of ['SOCIAL_PREVENTION', 'SOCIAL_PREVENTION'])
      await createIntervention(server, actors.editorToken, other, { category });
    const { byCategory, byOwner, byScene } = expectData(
      await server.gql(
        `query($scenes: [ID!]) {
          byCategory: interventionStatistics(groupBy: CATEGORY, filter: { sceneId: $scenes }) { key label count }
          byOwner: interventionStatistics(groupBy: OWNER, filter: { sceneId: $scenes }) { key label count }
          byScene: interventionStatistics(groupBy: SCENE, filter: { sceneId: $scenes }) { key label count }
        }`,
        { scenes: [sceneId, other] },
        actors.editorToken,
      ),
    );
    const { interventions } = expectData(
      await server.gql(
        'query($ids: [ID!]) { interventions(filter: { sceneId: $ids }) { edges { node { category owner { id name } } } } }',
        { ids: [sceneId, other] },
        actors.editorToken,
      ),
    );
    const tally = (keyOf: (node: any) => string) =>
      Object.entries(
        interventions.edges.reduce(
          (counts: Record<string, number>, { node }: any) => ({ ...counts, [keyOf(node)]: (counts[keyOf(node)] ?? 0) + 1 }),
          {},
        ),
      ).sort(([a, x], [b, y]) => (y as number) - (x as number) || a.localeCompare(b));
    expect(byCategory.map((g: any) => [g.key, g.count])).toEqual(tally((node) => node.category));
    expect(byCategory.every((g: any) => g.label === null)).toBe(true);
    expect(byOwner.map((g: any) => [g.key, g.count])).toEqual(tally((node) => node.owner.id));
    expect(byOwner[0].label).toBe(interventions.edges.find(({ node }: any) => node.owner.id === byOwner[0].key).node.owner.name);
    expect(byScene).toEqual([
      { key: other, label: 'Barkarby', count: 2 },
      { key: sceneId, label: 'Jakobsbergs station', count: 1 },
    ]);
  });

  it('updates the agreement, adds a party and a commitment, and updates a commitment', async () => {
    const partner = await createOperator(server, actors.adminToken, { name: 'SL Trygghetsvärdar', kind: 'PUBLIC_TRANSPORT' });
    const { updateAgreement } = expectData(
      await server.gql(
        'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { validTo version } }',
        { input: { id: agreementId, expectedVersion: 1, validTo: '2021-06-30' } },
        actors.editorToken,
      ),
    );
    expect(updateAgreement).toEqual({ validTo: '2021-06-30', version: 2 });
    // A later end widens what the parties share: the municipality must accept again.
    const { agreement: widened } = expectData(
      await server.gql(
        'query($id: ID!) { agreement(id: $id) { parties { status operator { id } } } }',
        { id: agreementId },
        actors.adminToken,
      ),
    );
    expect(widened.parties).toEqual(
      expect.arrayContaining([
        { status: 'ACCEPTED', operator: { id: actors.editorOperatorId } },
        { status: 'PENDING', operator: { id: municipalityId } },
      ]),
    );
    await acceptParty(server, await server.token('EDITOR' as never, municipalityId), agreementId);
    const { addAgreementParty } = expectData(
      await server.gql(
        'mutation($input: AddAgreementPartyInput!) { addAgreementParty(input: $input) { parties { role operator { name } } } }',
        { input: { agreementId, operatorId: partner.id, role: 'public transport' } },
        actors.editorToken,
      ),
    );
    expect(addAgreementParty.parties).toContainEqual({ role: 'public transport', operator: { name: 'SL Trygghetsvärdar' } });
    const { addCommitment } = expectData(
      await server.gql(
        'mutation($input: AddCommitmentInput!) { addCommitment(input: $input) { commitments { id position description } } }',
        { input: { agreementId, description: 'Open a safety centre' } },
        actors.editorToken,
      ),
    );
    const added = addCommitment.commitments[2];
    expect(added).toMatchObject({ position: 3, description: 'Open a safety centre' });
    const { updateCommitment } = expectData(
      await server.gql(
        'mutation($input: UpdateCommitmentInput!) { updateCommitment(input: $input) { status dueDate } }',
        { input: { id: added.id, status: 'DONE', dueDate: '2020-12-31' } },
        actors.editorToken,
      ),
    );
    expect(updateCommitment).toEqual({ status: 'DONE', dueDate: '2020-12-31' });
  });

  it('refuses an agreement whose validTo is before validFrom, an EDITOR not party to it, and an unknown scene, storing nothing', async () => {
    const before = {
      agreement: await server.count('agreement'),
      party: await server.count('agreement_party'),
      commitment: await server.count('commitment'),
    };
    const CREATE = 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }';
    const base = {
      kind: 'GUARD_MANDATE',
      title: 'LOV §3 Vällingby centrum',
      validFrom: '2023-06-01',
      parties: [{ operatorId: actors.editorOperatorId }],
      commitments: [{ description: 'x' }],
    };
    expect(
      (await server.gql(CREATE, { input: { ...base, validTo: '2023-01-01' } }, actors.editorToken)).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'validTo' });
    expect(
      (await server.gql(CREATE, { input: { ...base, parties: [{ operatorId: municipalityId }] } }, actors.editorToken)).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await server.gql(CREATE, { input: { ...base, sceneIds: ['00000000-0000-4000-8000-000000000000'] } }, actors.editorToken)).errors?.[0]
        ?.extensions?.code,
    ).toBe('NOT_FOUND');
    expect(
      (await server.gql(CREATE, { input: { ...base, validFrom: '2023-02-30' } }, actors.editorToken)).errors?.[0]?.extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect({
      agreement: await server.count('agreement'),
      party: await server.count('agreement_party'),
      commitment: await server.count('commitment'),
    }).toEqual(before);
  });

  it('updates an intervention (owner only) and deletes it', async () => {
    const otherEditor = await server.token('EDITOR' as never, municipalityId);
    const UPDATE =
      'mutation($input: UpdateInterventionInput!) { updateIntervention(input: $input) { title version operators { id } location(crs: EPSG_3006) } }';
    const refused = await server.gql(UPDATE, { input: { id: interventionId, title: 'Hijacked' } }, otherEditor);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { updateIntervention } = expectData(
      await server.gql(
        UPDATE,
        {
          input: {
            id: interventionId,
            expectedVersion: 1,
            title: 'Evening presence',
            operatorIds: [],
            location: { type: 'Point', coordinates: [660_500, 6_589_000] },
            crs: 'EPSG_3006',
          },
        },
        actors.editorToken,
      ),
    );
    expect(updateIntervention.title).toBe('Evening presence');
    expect(updateIntervention.version).toBe(2);
    expect(updateIntervention.operators).toEqual([]);
    expect(updateIntervention.location.coordinates[0]).toBeCloseTo(660_500, 2);
    expect(updateIntervention.location.coordinates[1]).toBeCloseTo(6_589_000, 2);
    const endsBeforeStart = await server.gql(UPDATE, { input: { id: interventionId, endsAt: '2001-01-01T00:00:00Z' } }, actors.editorToken);
    expect(endsBeforeStart.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'endsAt' });

    const before = await server.count('intervention');
    const { deleteIntervention } = expectData(
      await server.gql(
        'mutation($input: DeleteInterventionInput!) { deleteIntervention(input: $input) { id title location(crs: EPSG_3006) wgs: location } }',
        { input: { id: interventionId } },
        actors.editorToken,
      ),
    );
    // answered as it was, its location in the CRS asked for too
    expect(deleteIntervention).toMatchObject({ id: interventionId, title: 'Evening presence', wgs: { type: 'Point' } });
    expect(deleteIntervention.location.coordinates[0]).toBeCloseTo(660_500, 2);
    expect(deleteIntervention.location.coordinates[1]).toBeCloseTo(6_589_000, 2);
    expect(await server.count('intervention')).toBe(before - 1);
    const gone = await server.gql('query($id: ID!) { intervention(id: $id) { id } }', { id: interventionId }, actors.editorToken);
    expect(gone.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses an intervention kind that is not an UPPER_SNAKE code', async () => {
    const before = await server.count('intervention');
    const response = await server.gql(
      'mutation($input: CreateInterventionInput!) { createIntervention(input: $input) { id } }',
      {
        input: {
          sceneId,
          title: 'x',
          category: 'SOCIAL_PREVENTION',
          kind: 'walk around',
          location: { type: 'Point', coordinates: SERGELS_TORG },
          startsAt: '2024-01-01T00:00:00Z',
        },
      },
      actors.editorToken,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind' });
    expect(await server.count('intervention')).toBe(before);
  });
});

describe('scenes in other coordinate systems', () => {
  it('reads the area and centroid in SWEREF 99 TM and SWEREF 99 18 00, and areaSquareMeters on the spheroid', async () => {
    const scene = await createScene(server, actors.editorToken, { area: squareAround(SERGELS_TORG, 200) });
    const { scene: read } = expectData(
      await server.gql(
        'query($id: ID!) { scene(id: $id) { areaSquareMeters centroid c3006: centroid(crs: EPSG_3006) c3011: centroid(crs: EPSG_3011) } }',
        { id: scene.id },
        actors.editorToken,
      ),
    );
    expect(read.areaSquareMeters).toBeGreaterThan(39_000);
    expect(read.areaSquareMeters).toBeLessThan(41_000);
    expect(read.centroid.coordinates[0]).toBeCloseTo(SERGELS_TORG[0], 5);
    expect(read.centroid.coordinates[1]).toBeCloseTo(SERGELS_TORG[1], 5);
    // Sergels torg: SWEREF 99 TM ≈ (674 100, 6 580 800); SWEREF 99 18 00 ≈ (153 600, 6 580 500)
    expect(read.c3006.coordinates[0]).toBeGreaterThan(673_500);
    expect(read.c3006.coordinates[0]).toBeLessThan(674_700);
    expect(read.c3011.coordinates[0]).toBeGreaterThan(152_000);
    expect(read.c3011.coordinates[0]).toBeLessThan(155_000);
  });
});

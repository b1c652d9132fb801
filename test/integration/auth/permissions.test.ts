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
 * The permission matrix: every role against every write, and the read surface per role. A
 * refused write answers FORBIDDEN and leaves the table it would have changed as it was.
 */
type Caller = 'ADMIN' | 'EDITOR_OWN' | 'EDITOR_OTHER' | 'ANALYST' | 'VIEWER';
const CALLERS: Caller[] = ['ADMIN', 'EDITOR_OWN', 'EDITOR_OTHER', 'ANALYST', 'VIEWER'];

let server: TestServer;
let actors: Actors;
let tokens: Record<Caller, string>;

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  const municipality = await createOperator(server, actors.adminToken, { name: 'Sundbybergs stad', kind: 'MUNICIPALITY' });
  tokens = {
    ADMIN: actors.adminToken,
    EDITOR_OWN: actors.editorToken, // the police: owns the interventions, party to the agreements
    EDITOR_OTHER: await server.token('EDITOR' as never, municipality.id, 'other-editor'),
    ANALYST: await server.token('ANALYST' as never, actors.editorOperatorId, 'analyst'),
    VIEWER: await server.token('VIEWER' as never, actors.editorOperatorId, 'viewer'),
  };
});

/** Fresh things to act on, made by those allowed to, so each case starts from the same state. */
async function fixtures() {
  const scene = await createScene(server, actors.adminToken, { area: squareAround([17.98, 59.36], 150) });
  const intervention = await createIntervention(server, actors.editorToken, scene.id, { sensitivity: 'OPEN' });
  const agreement = expectData(
    await server.gql(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
      {
        input: {
          kind: 'PLACE_COLLABORATION',
          title: 'Samverkan',
          validFrom: '2025-01-01',
          sceneIds: [scene.id],
          parties: [{ operatorId: actors.editorOperatorId }],
        },
      },
      actors.adminToken,
    ),
  ).createAgreement as { id: string };
  await acceptParty(server, actors.editorToken, agreement.id); // the ADMIN named it: EDITOR_OWN accepts to act as a party
  return { scene, intervention, agreement };
}

type Fixtures = Awaited<ReturnType<typeof fixtures>>;
interface WriteCase {
  mutation: string;
  table: string;
  allowed: Caller[];
  input(f: Fixtures): Record<string, unknown>;
  /** How the table shows the write (row count or a changed column). */
  probe?: (f: Fixtures) => string;
}

const WRITES: WriteCase[] = [
  {
    mutation: 'createScene',
    table: 'scene',
    allowed: ['ADMIN', 'EDITOR_OWN', 'EDITOR_OTHER'],
    input: () => ({ name: 'Proposed', municipality: 'Solna', area: squareAround([18.0, 59.36], 100) }),
  },
  {
    mutation: 'updateScene',
    table: 'scene',
    allowed: ['ADMIN'],
    input: (f) => ({ id: f.scene.id, name: 'Renamed' }),
    probe: (f) => `select name from scene where id = '${f.scene.id}'`,
  },
  {
    mutation: 'changeSceneStatus',
    table: 'scene_status_change',
    allowed: ['ADMIN'],
    input: (f) => ({ sceneId: f.scene.id, status: 'ACTIVE', reason: 'matrix', expectedVersion: 1 }),
  },
  {
    mutation: 'archiveScene',
    table: 'scene',
    allowed: ['ADMIN'],
    input: (f) => ({ id: f.scene.id }),
    probe: (f) => `select archived_at from scene where id = '${f.scene.id}'`,
  },
  { mutation: 'createOperator', table: 'operator', allowed: ['ADMIN'], input: () => ({ name: 'Nattvandrarna', kind: 'CIVIL_SOCIETY' }) },
  {
    mutation: 'createAgreement',
    table: 'agreement',
    allowed: ['ADMIN', 'EDITOR_OWN'],
    input: () => ({
      kind: 'CITIZEN_PROMISE',
      title: 'Medborgarlöfte',
      validFrom: '2025-01-01',
      parties: [{ operatorId: actors.editorOperatorId }],
    }),
  },
  {
    mutation: 'updateAgreement',
    table: 'agreement',
    allowed: ['ADMIN', 'EDITOR_OWN'],
    input: (f) => ({ id: f.agreement.id, title: 'Changed' }),
    probe: (f) => `select title from agreement where id = '${f.agreement.id}'`,
  },
  {
    mutation: 'createIntervention',
    table: 'intervention',
    allowed: ['ADMIN', 'EDITOR_OWN', 'EDITOR_OTHER'],
    input: (f) => ({
      sceneId: f.scene.id,
      title: 'Cleaning',
      category: 'SITUATIONAL_PREVENTION',
      kind: 'CLEANING',
      location: { type: 'Point', coordinates: [17.98, 59.36] },
      startsAt: '2025-05-01T08:00:00Z',
    }),
  },
  {
    mutation: 'updateIntervention',
    table: 'intervention',
    allowed: ['ADMIN', 'EDITOR_OWN'],
    input: (f) => ({ id: f.intervention.id, title: 'Changed' }),
    probe: (f) => `select title from intervention where id = '${f.intervention.id}'`,
  },
  { mutation: 'deleteIntervention', table: 'intervention', allowed: ['ADMIN', 'EDITOR_OWN'], input: (f) => ({ id: f.intervention.id }) },
  {
    mutation: 'shareIntervention',
    table: 'intervention_share',
    allowed: ['ADMIN', 'EDITOR_OWN'],
    input: (f) => ({ interventionId: f.intervention.id, operatorId: actors.adminOperatorId }),
  },
];

const INPUT_TYPES: Record<string, string> = {
  createScene: 'CreateSceneInput',
  updateScene: 'UpdateSceneInput',
  changeSceneStatus: 'ChangeSceneStatusInput',
  archiveScene: 'ArchiveSceneInput',
  createOperator: 'CreateOperatorInput',
  createAgreement: 'CreateAgreementInput',
  updateAgreement: 'UpdateAgreementInput',
  createIntervention: 'CreateInterventionInput',
  updateIntervention: 'UpdateInterventionInput',
  deleteIntervention: 'DeleteInterventionInput',
  shareIntervention: 'ShareInterventionInput',
};

async function state(write: WriteCase, f: Fixtures): Promise<string> {
  const rows = await server.orm.em.fork().execute(write.probe?.(f) ?? `select count(*) as n from "${write.table}"`);
  return JSON.stringify(rows);
}

describe.each(WRITES)('$mutation', (write) => {
  it.each(CALLERS)('as %s', async (caller) => {
    const f = await fixtures();
    const before = await state(write, f);
    const response = await server.gql(
      `mutation($input: ${INPUT_TYPES[write.mutation]}!) { ${write.mutation}(input: $input) { __typename } }`,
      { input: write.input(f) },
      tokens[caller],
    );
    if (write.allowed.includes(caller)) {
      expect(response.errors).toBeUndefined();
      expect(await state(write, f)).not.toBe(before);
    } else {
      // Not allowed: FORBIDDEN, or NOT_FOUND where the caller may not even see the target.
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(response.errors?.[0]?.extensions?.code);
      expect(await state(write, f)).toBe(before);
    }
  });
});

describe('reads', () => {
  const READS: Array<[string, string, Caller[]]> = [
    ['scenes', '{ scenes { totalCount } }', CALLERS],
    ['operators', '{ operators { totalCount } }', ['ADMIN', 'EDITOR_OWN', 'EDITOR_OTHER', 'ANALYST']],
    ['agreements', '{ agreements { totalCount } }', ['ADMIN', 'EDITOR_OWN', 'EDITOR_OTHER', 'ANALYST']],
    ['interventions', '{ interventions { totalCount } }', ['ADMIN', 'EDITOR_OWN', 'EDITOR_OTHER', 'ANALYST']],
    ['auditLog', '{ auditLog { totalCount } }', ['ADMIN']],
  ];
  it.each(READS)('%s', async (_name, query, allowed) => {
    for (const caller of CALLERS) {
      const response = await server.gql(query, {}, tokens[caller]);
      if (allowed.includes(caller)) expect(response.errors).toBeUndefined();
      else expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

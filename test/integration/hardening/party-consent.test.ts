import { Role } from '../../../schema/auth/role';
import {
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
 * No operator can widen its own visibility: a party named by another operator is PENDING until
 * an EDITOR or ADMIN of that operator accepts, and PARTNERS visibility follows accepted parties only.
 */
let server: TestServer;
let actors: Actors;
let sceneId: string;
let otherSceneId: string;
let policeInterventionId: string;
let guards: { id: string; editor: string };
let police: { id: string; editor: string; analyst: string };

const PLACE: [number, number] = [17.9497, 59.3617];
const CREATE = 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id parties { status operator { id } } } }';
const ACCEPT =
  'mutation($input: AgreementPartyResponseInput!) { acceptAgreementParty(input: $input) { parties { status respondedBy operator { id } } } }';
const DECLINE =
  'mutation($input: AgreementPartyResponseInput!) { declineAgreementParty(input: $input) { parties { status operator { id } } } }';

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
  police = { id: actors.editorOperatorId, editor: actors.editorToken, analyst: await server.token(Role.ANALYST, actors.editorOperatorId) };
  const company = await createOperator(server, actors.adminToken, { name: 'Väktarbolaget AB', kind: 'SECURITY_COMPANY' });
  guards = { id: company.id, editor: await server.token(Role.EDITOR, company.id, 'guard-editor') };
  otherSceneId = (await createScene(server, actors.adminToken, { area: squareAround([17.96, 59.37], 200) })).id;
});

// Each case on a scene and a police intervention of its own: visibility left over from another case cannot leak in.
beforeEach(async () => {
  sceneId = (await createScene(server, actors.adminToken, { area: squareAround(PLACE, 200), status: 'ACTIVE' })).id;
  policeInterventionId = (
    await createIntervention(server, police.editor, sceneId, {
      title: 'Plain-clothes surveillance',
      sensitivity: 'PARTNERS',
      location: { type: 'Point', coordinates: PLACE },
      startsAt: '2025-03-01T18:00:00Z',
    })
  ).id;
});

/** What the security company's editor finds of the police's PARTNERS intervention, by id and in the list. */
async function guardsSee(): Promise<{ byId: string; listed: number }> {
  const byId = await server.gql('query($id: ID!) { intervention(id: $id) { id } }', { id: policeInterventionId }, guards.editor);
  const { interventions } = expectData(
    await server.gql(
      'query($scene: ID!) { interventions(filter: { sceneId: [$scene] }) { totalCount } }',
      { scene: sceneId },
      guards.editor,
    ),
  );
  return { byId: byId.errors?.[0]?.extensions?.code ?? 'FOUND', listed: interventions.totalCount };
}

async function guardsAgreement(): Promise<string> {
  const response = await server.gql(
    CREATE,
    {
      input: {
        kind: 'GUARD_MANDATE',
        title: 'Förordnande Hässelby',
        validFrom: '2025-01-01',
        sceneIds: [sceneId],
        parties: [{ operatorId: guards.id }, { operatorId: police.id }],
      },
    },
    guards.editor,
  );
  const { createAgreement } = expectData(response);
  expect(createAgreement.parties).toEqual(
    expect.arrayContaining([
      { status: 'ACCEPTED', operator: { id: guards.id } },
      { status: 'PENDING', operator: { id: police.id } },
    ]),
  );
  return createAgreement.id;
}

it('keeps the police’s PARTNERS interventions hidden from a company that named itself and the police as parties', async () => {
  expect(await guardsSee()).toEqual({ byId: 'NOT_FOUND', listed: 0 });
  await guardsAgreement();
  expect(await guardsSee()).toEqual({ byId: 'NOT_FOUND', listed: 0 });
});

it('shows them once an EDITOR of the police accepts, and hides them again when the police withdraw', async () => {
  const agreementId = await guardsAgreement();
  const accepted = expectData(await server.gql(ACCEPT, { input: { agreementId } }, police.editor)).acceptAgreementParty;
  expect(accepted.parties).toContainEqual({ status: 'ACCEPTED', respondedBy: 'editor', operator: { id: police.id } });
  expect(await guardsSee()).toEqual({ byId: 'FOUND', listed: 1 });
  const declined = expectData(await server.gql(DECLINE, { input: { agreementId } }, police.editor)).declineAgreementParty;
  expect(declined.parties).toContainEqual({ status: 'DECLINED', operator: { id: police.id } });
  expect(await guardsSee()).toEqual({ byId: 'NOT_FOUND', listed: 0 });
});

it('asks the police again when the company widens the agreement to another scene', async () => {
  const agreementId = await guardsAgreement();
  expectData(await server.gql(ACCEPT, { input: { agreementId } }, police.editor));
  expect((await guardsSee()).listed).toBe(1);
  const { agreement } = expectData(
    await server.gql('query($id: ID!) { agreement(id: $id) { version } }', { id: agreementId }, guards.editor),
  );
  expectData(
    await server.gql(
      'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { id } }',
      { input: { id: agreementId, expectedVersion: agreement.version, sceneIds: [sceneId, otherSceneId] } },
      guards.editor,
    ),
  );
  const { agreement: widened } = expectData(
    await server.gql('query($id: ID!) { agreement(id: $id) { parties { status operator { id } } } }', { id: agreementId }, guards.editor),
  );
  expect(widened.parties).toContainEqual({ status: 'PENDING', operator: { id: police.id } });
  expect(await guardsSee()).toEqual({ byId: 'NOT_FOUND', listed: 0 });
});

it('does not ask again for a change that narrows the agreement or renames it', async () => {
  const agreementId = await guardsAgreement();
  expectData(await server.gql(ACCEPT, { input: { agreementId } }, police.editor));
  const { agreement } = expectData(
    await server.gql('query($id: ID!) { agreement(id: $id) { version } }', { id: agreementId }, guards.editor),
  );
  expectData(
    await server.gql(
      'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { id } }',
      { input: { id: agreementId, expectedVersion: agreement.version, title: 'Förordnande Hässelby gård', validTo: '2025-12-31' } },
      guards.editor,
    ),
  );
  expect((await guardsSee()).listed).toBe(1);
});

it('lets only a writer of the named operator answer, and stores nothing otherwise', async () => {
  const agreementId = await guardsAgreement();
  const before = JSON.stringify(
    (await server.orm.em.fork().execute('select * from agreement_party order by agreement_id, operator_id')) as unknown[],
  );
  const analyst = await server.gql(ACCEPT, { input: { agreementId } }, police.analyst);
  expect(analyst.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  // An ADMIN of another operator has no party here to answer for.
  const admin = await server.gql(ACCEPT, { input: { agreementId } }, actors.adminToken);
  expect(admin.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  const after = JSON.stringify(
    (await server.orm.em.fork().execute('select * from agreement_party order by agreement_id, operator_id')) as unknown[],
  );
  expect(after).toBe(before);
  expect(await guardsSee()).toEqual({ byId: 'NOT_FOUND', listed: 0 });
});

it('keeps a PENDING party from editing the agreement until it accepts', async () => {
  const agreementId = await guardsAgreement();
  const UPDATE = 'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { title } }';
  const refused = await server.gql(UPDATE, { input: { id: agreementId, title: 'Taken over' } }, police.editor);
  expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' }, message: expect.stringMatching(/PENDING/) });
  expectData(await server.gql(ACCEPT, { input: { agreementId } }, police.editor));
  expect(
    expectData(await server.gql(UPDATE, { input: { id: agreementId, title: 'Förordnande, reviewed' } }, police.editor)).updateAgreement,
  ).toEqual({
    title: 'Förordnande, reviewed',
  });
});

it('lists the invitations an operator has not answered', async () => {
  const agreementId = await guardsAgreement();
  const { agreements } = expectData(
    await server.gql(
      'query($op: ID!) { agreements(filter: { operatorId: $op, partyStatus: PENDING }, first: 100) { edges { node { id } } } }',
      { op: police.id },
      police.editor,
    ),
  );
  expect(agreements.edges.map((edge: any) => edge.node.id)).toContain(agreementId);
  expectData(await server.gql(ACCEPT, { input: { agreementId } }, police.editor));
  const { agreements: afterwards } = expectData(
    await server.gql(
      'query($op: ID!) { agreements(filter: { operatorId: $op, partyStatus: PENDING }, first: 100) { edges { node { id } } } }',
      { op: police.id },
      police.editor,
    ),
  );
  expect(afterwards.edges.map((edge: any) => edge.node.id)).not.toContain(agreementId);
});

it('makes a party added later PENDING too, and a declined party PENDING again when it is named again', async () => {
  const agreementId = await guardsAgreement();
  const ADD = 'mutation($input: AddAgreementPartyInput!) { addAgreementParty(input: $input) { parties { status operator { id } } } }';
  const third = await createOperator(server, actors.adminToken, { name: 'Stockholms stad', kind: 'MUNICIPALITY' });
  const added = expectData(await server.gql(ADD, { input: { agreementId, operatorId: third.id } }, guards.editor)).addAgreementParty;
  expect(added.parties).toContainEqual({ status: 'PENDING', operator: { id: third.id } });
  expectData(await server.gql(DECLINE, { input: { agreementId } }, police.editor));
  const again = expectData(
    await server.gql(ADD, { input: { agreementId, operatorId: police.id, role: 'police' } }, guards.editor),
  ).addAgreementParty;
  expect(again.parties).toContainEqual({ status: 'PENDING', operator: { id: police.id } });
});

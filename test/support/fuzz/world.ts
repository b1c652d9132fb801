import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { Role } from '../../../schema/auth/role';
import { acceptParty, createActors, createIntervention, createOperator, createScene, expectData, squareAround } from '../factories';
import { TEST_JWT_SECRET, type TestServer } from '../test-server';

/** Which of the world's secrets a caller may see: RESTRICTED and PARTNERS interventions of the secret zone. */
export type Secret = 'RESTRICTED' | 'PARTNERS';

export interface Caller {
  name: string;
  /** Null sends no token. */
  token: string | null;
  sees: ReadonlySet<Secret>;
  /** A token the server must refuse (missing, expired, forged, odd role). */
  refused?: boolean;
}

export interface FuzzWorld {
  callers: Caller[];
  /** Ids the fuzzer may use: the playground's scenes, agreements, interventions, operators, commitments. */
  ids: string[];
  /** For each secret, the strings that must never reach a caller who may not see it (titles, descriptions, ids). */
  markers: Record<Secret, string[]>;
}

const SECRET_ZONE: [number, number] = [18.0075, 59.3617];
const PLAYGROUND: [number, number] = [18.0636, 59.3323];

/**
 * Builds the world the fuzz test runs in, through the API: operators of every kind of caller, a
 * playground the fuzzer may change (its ids are given to it), and a secret zone it never learns
 * the ids of. There the police own a RESTRICTED intervention (shared with the county board) and a
 * PARTNERS one (seen by the municipality, an accepted party; not by the security company, whose
 * party is PENDING). Who may see what there is therefore fixed, whatever the fuzzer does.
 */
export async function buildFuzzWorld(server: TestServer): Promise<FuzzWorld> {
  const actors = await createActors(server);
  const operator = (name: string, kind: string) => createOperator(server, actors.adminToken, { name, kind });
  const [municipality, county, company, research] = await Promise.all([
    operator('Stockholms stad', 'MUNICIPALITY'),
    operator('Länsstyrelsen', 'COUNTY_BOARD'),
    operator('Väktarbolaget AB', 'SECURITY_COMPANY'),
    operator('Forskargruppen', 'RESEARCH'),
  ]);
  const police = actors.editorOperatorId;
  const token = (role: Role, operatorId: string, subject: string) => server.token(role, operatorId, subject);
  const municipalityEditor = await token(Role.EDITOR, municipality.id, 'municipality-editor');
  const companyEditor = await token(Role.EDITOR, company.id, 'company-editor');

  const secretScene = await createScene(server, actors.adminToken, {
    name: 'Secret zone',
    area: squareAround(SECRET_ZONE, 300),
    status: 'ACTIVE',
  });
  const secretAgreement = expectData(
    await server.gql(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
      {
        input: {
          kind: 'PLACE_COLLABORATION',
          title: 'Platssamverkan (secret zone)',
          validFrom: '2020-01-01',
          sceneIds: [secretScene.id],
          parties: [{ operatorId: police }, { operatorId: municipality.id }, { operatorId: company.id }],
        },
      },
      actors.editorToken,
    ),
  ).createAgreement.id as string;
  await acceptParty(server, municipalityEditor, secretAgreement); // the company's party stays PENDING
  const secret = async (sensitivity: Secret) => {
    const mark = `SECRET-${sensitivity}-${randomUUID()}`;
    const { id } = await createIntervention(server, actors.editorToken, secretScene.id, {
      title: mark,
      description: `${mark}-description`,
      kind: sensitivity === 'RESTRICTED' ? 'CAMERA_SURVEILLANCE' : 'PLAIN_CLOTHES',
      sensitivity,
      agreementId: secretAgreement,
      location: { type: 'Point', coordinates: SECRET_ZONE },
      startsAt: '2024-06-01T18:00:00Z',
    });
    return { id, markers: [mark, `${mark}-description`, id] };
  };
  const restricted = await secret('RESTRICTED');
  const partners = await secret('PARTNERS');
  expectData(
    await server.gql(
      'mutation($input: ShareInterventionInput!) { shareIntervention(input: $input) { id } }',
      { input: { interventionId: restricted.id, operatorId: county.id } },
      actors.editorToken,
    ),
  );

  const playScene = await createScene(server, actors.adminToken, {
    name: 'Playground',
    area: squareAround(PLAYGROUND, 200),
    status: 'ACTIVE',
  });
  const playScene2 = await createScene(server, actors.editorToken, { name: 'Playground 2', area: squareAround([18.07, 59.34], 150) });
  const playAgreement = expectData(
    await server.gql(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id commitments { id } } }',
      {
        input: {
          kind: 'GUARD_MANDATE',
          title: 'Förordnande (playground)',
          validFrom: '2024-01-01',
          sceneIds: [playScene.id],
          parties: [{ operatorId: police }, { operatorId: company.id }],
          area: squareAround(PLAYGROUND, 400),
          commitments: [{ description: 'Weekly walk', dueDate: '2025-12-31' }],
        },
      },
      actors.editorToken,
    ),
  ).createAgreement as { id: string; commitments: Array<{ id: string }> };
  const playInterventions = await Promise.all(
    (['OPEN', 'PARTNERS', 'RESTRICTED'] as const).map((sensitivity) =>
      createIntervention(server, actors.editorToken, playScene.id, {
        title: `Playground ${sensitivity}`,
        sensitivity,
        agreementId: playAgreement.id,
      }),
    ),
  );

  const both = new Set<Secret>(['RESTRICTED', 'PARTNERS']);
  const none = new Set<Secret>();
  const callers: Caller[] = [
    { name: 'ADMIN', token: actors.adminToken, sees: both },
    { name: 'EDITOR of the owner', token: actors.editorToken, sees: both },
    { name: 'ANALYST of the owner', token: await token(Role.ANALYST, police, 'police-analyst'), sees: both },
    { name: 'EDITOR of an accepted party', token: municipalityEditor, sees: new Set(['PARTNERS']) },
    {
      name: 'ANALYST of an accepted party',
      token: await token(Role.ANALYST, municipality.id, 'municipality-analyst'),
      sees: new Set(['PARTNERS']),
    },
    { name: 'ANALYST shared with', token: await token(Role.ANALYST, county.id, 'county-analyst'), sees: new Set(['RESTRICTED']) },
    { name: 'EDITOR of a pending party', token: companyEditor, sees: none },
    { name: 'ANALYST of an outsider', token: await token(Role.ANALYST, research.id, 'researcher'), sees: none },
    { name: 'VIEWER', token: await token(Role.VIEWER, municipality.id, 'wall-board'), sees: none },
    ...(await oddTokens(police)).map((odd) => ({ ...odd, sees: none, refused: true })),
  ];
  return {
    callers,
    ids: [
      playScene.id,
      playScene2.id,
      playAgreement.id,
      ...playAgreement.commitments.map((c) => c.id),
      ...playInterventions.map((i) => i.id),
      police,
      municipality.id,
      county.id,
      company.id,
      research.id,
      actors.adminOperatorId,
    ],
    markers: { RESTRICTED: restricted.markers, PARTNERS: partners.markers },
  };
}

/** Tokens that must all be refused: none, expired, unsigned, wrongly signed, odd roles, garbage. */
async function oddTokens(operatorId: string): Promise<Array<{ name: string; token: string | null }>> {
  const sign = (claims: Record<string, unknown>, secret = TEST_JWT_SECRET, expires: string | number = '1h') =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setExpirationTime(expires)
      .sign(new TextEncoder().encode(secret));
  const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'mallory', operatorId, role: 'ADMIN' })).toString('base64url')}.`;
  return [
    { name: 'no token', token: null },
    {
      name: 'an expired ADMIN token',
      token: await sign({ operatorId, role: 'ADMIN' }, TEST_JWT_SECRET, Math.floor(Date.now() / 1000) - 60),
    },
    { name: 'an unsigned ADMIN token', token: unsigned },
    {
      name: 'an ADMIN token signed with another secret',
      token: await sign({ operatorId, role: 'ADMIN' }, 'another-secret-that-is-long-enough-0000'),
    },
    { name: 'a token with role constructor', token: await sign({ operatorId, role: 'constructor' }) },
    { name: 'a token with role __proto__', token: await sign({ operatorId, role: '__proto__' }) },
    { name: 'garbage', token: 'not.a.jwt' },
  ];
}

import { randomUUID } from 'node:crypto';
import { Role } from '../../schema/auth/role';
import type { TestServer } from './test-server';

/** A square polygon of about `sizeM` metres around [lon, lat], as GeoJSON (for test areas). */
export function squareAround([lon, lat]: [number, number], sizeM = 200): { type: 'Polygon'; coordinates: number[][][] } {
  const dLat = sizeM / 2 / 111_320;
  const dLon = sizeM / 2 / (111_320 * Math.cos((lat * Math.PI) / 180));
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon - dLon, lat - dLat],
        [lon + dLon, lat - dLat],
        [lon + dLon, lat + dLat],
        [lon - dLon, lat + dLat],
        [lon - dLon, lat - dLat],
      ],
    ],
  };
}

export const SERGELS_TORG: [number, number] = [18.0636, 59.3323];

/** The XYZ (slippy map) tile that holds [lon, lat] at zoom z, computed here, not by the server: [z, x, y]. */
export function tileOf([lon, lat]: [number, number], z: number): [number, number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [z, Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)];
}

/** Throws with the server's errors unless the response has data and no errors. */
export function expectData<T = any>(response: { data?: unknown; errors?: unknown[] }): T {
  if (response.errors?.length || !response.data) throw new Error(`GraphQL errors: ${JSON.stringify(response.errors)}`);
  return response.data as T;
}

export interface Actors {
  adminToken: string;
  adminOperatorId: string;
  /** An EDITOR of a police operator. */
  editorToken: string;
  editorOperatorId: string;
}

/** Registers an ADMIN's operator and a police operator with an EDITOR, through the API. */
export async function createActors(server: TestServer): Promise<Actors> {
  const bootstrap = await server.token(Role.ADMIN, randomUUID(), 'bootstrap-admin');
  const admin = await createOperator(server, bootstrap, {
    name: `Coordination office ${randomUUID().slice(0, 6)}`,
    kind: 'COORDINATION_OFFICE',
  });
  const adminToken = await server.token(Role.ADMIN, admin.id, 'admin');
  const police = await createOperator(server, adminToken, { name: `Lokalpolisområde ${randomUUID().slice(0, 6)}`, kind: 'POLICE' });
  return {
    adminToken,
    adminOperatorId: admin.id,
    editorToken: await server.token(Role.EDITOR, police.id, 'editor'),
    editorOperatorId: police.id,
  };
}

export async function createOperator(
  server: TestServer,
  token: string,
  input: Record<string, unknown>,
): Promise<{ id: string; name: string }> {
  const response = await server.gql<{ createOperator: { id: string; name: string } }>(
    'mutation($input: CreateOperatorInput!) { createOperator(input: $input) { id name } }',
    { input },
    token,
  );
  return expectData(response).createOperator;
}

export async function createScene(
  server: TestServer,
  token: string,
  input: Partial<Record<string, unknown>> = {},
): Promise<{ id: string; name: string; version: number; status: string }> {
  const response = await server.gql<{ createScene: { id: string; name: string; version: number; status: string } }>(
    'mutation($input: CreateSceneInput!) { createScene(input: $input) { id name version status } }',
    { input: { name: `Scene ${randomUUID().slice(0, 8)}`, municipality: 'Stockholm', area: squareAround(SERGELS_TORG), ...input } },
    token,
  );
  return expectData(response).createScene;
}

export async function createIntervention(
  server: TestServer,
  token: string,
  sceneId: string,
  input: Partial<Record<string, unknown>> = {},
): Promise<{ id: string }> {
  const response = await server.gql<{ createIntervention: { id: string } }>(
    'mutation($input: CreateInterventionInput!) { createIntervention(input: $input) { id } }',
    {
      input: {
        sceneId,
        title: 'Uniformed presence',
        category: 'FORMAL_CONTROL',
        kind: 'UNIFORMED_PRESENCE',
        location: { type: 'Point', coordinates: SERGELS_TORG },
        startsAt: '2024-05-01T18:00:00Z',
        ...input,
      },
    },
    token,
  );
  return expectData(response).createIntervention;
}

/** Records an agreement through the API (`input`: CreateAgreementInput) and returns its id. */
export async function createAgreement(server: TestServer, token: string, input: Record<string, unknown>): Promise<string> {
  const response = await server.gql<{ createAgreement: { id: string } }>(
    'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
    { input },
    token,
  );
  return expectData(response).createAgreement.id;
}

/** The token's operator accepts its party to the agreement (parties others name start PENDING). */
export async function acceptParty(server: TestServer, token: string, agreementId: string): Promise<void> {
  const response = await server.gql(
    'mutation($input: AgreementPartyResponseInput!) { acceptAgreementParty(input: $input) { id } }',
    { input: { agreementId } },
    token,
  );
  expectData(response);
}

/** The nodes of a connection, in order (`interventions { edges { node { … } } }`). */
export function nodes<T = any>(connection: { edges: Array<{ node: T }> } | null | undefined): T[] {
  return (connection?.edges ?? []).map((edge) => edge.node);
}

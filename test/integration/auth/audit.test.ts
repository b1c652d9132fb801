import { createActors, createIntervention, createScene, expectData, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/** The append-only audit trail: one entry per successful mutation, readable by ADMIN only. */
let server: TestServer;
let actors: Actors;

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
});

const AUDIT = `query($filter: AuditLogFilter) {
  auditLog(filter: $filter, first: 50) { totalCount edges { node { operation subject operatorId role entityIds before after requestId at } } }
}`;

it('records who changed what, with the values before and after', async () => {
  const scene = await createScene(server, actors.editorToken, { name: 'Audited scene' });
  const intervention = await createIntervention(server, actors.editorToken, scene.id, { title: 'Before' });
  expectData(
    await server.gql(
      'mutation($input: UpdateInterventionInput!) { updateIntervention(input: $input) { id } }',
      { input: { id: intervention.id, title: 'After' } },
      actors.editorToken,
    ),
  );
  const { auditLog } = expectData(await server.gql(AUDIT, { filter: { entityId: intervention.id } }, actors.adminToken));
  expect(auditLog.edges.map((e: any) => e.node.operation)).toEqual(['updateIntervention', 'createIntervention']);
  const [update, create] = auditLog.edges.map((e: any) => e.node);
  expect(update).toMatchObject({ subject: 'editor', operatorId: actors.editorOperatorId, role: 'EDITOR' });
  expect(update.entityIds).toContain(intervention.id);
  expect(update.before[`Intervention:${intervention.id}`]).toMatchObject({ title: 'Before' });
  expect(update.after[`Intervention:${intervention.id}`]).toMatchObject({ title: 'After' });
  expect(create.before).toEqual({});
  expect(create.after[`Intervention:${intervention.id}`]).toMatchObject({ title: 'Before', sensitivity: 'OPEN' });
  expect(update.requestId).toMatch(/^[0-9a-f-]{36}$/);

  const status = await server.gql(
    'mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { id } }',
    { input: { sceneId: scene.id, status: 'ACTIVE', reason: 'audit', expectedVersion: 1 } },
    actors.adminToken,
  );
  expectData(status);
  const changes = expectData(
    await server.gql(AUDIT, { filter: { operation: ['changeSceneStatus'], entityId: scene.id } }, actors.adminToken),
  );
  expect(changes.auditLog.edges[0].node.after[`Scene:${scene.id}`]).toMatchObject({ status: 'ACTIVE' });
  expect(changes.auditLog.edges[0].node.before[`Scene:${scene.id}`]).toMatchObject({ status: 'EMERGING' });
});

it('writes nothing for a refused mutation', async () => {
  const before = await server.count('audit_entry');
  const refused = await server.gql(
    'mutation($input: CreateOperatorInput!) { createOperator(input: $input) { id } }',
    { input: { name: 'Not allowed', kind: 'OTHER' } },
    actors.editorToken,
  );
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect(await server.count('audit_entry')).toBe(before);
  expect(await server.count('operator')).toBe(2);
});

it('shows the audit log to ADMIN only', async () => {
  for (const role of ['EDITOR', 'ANALYST', 'VIEWER']) {
    const token = await server.token(role as never, actors.editorOperatorId);
    const response = await server.gql(AUDIT, {}, token);
    expect(response.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  }
});

it('cannot be changed by any role, the table owner included', async () => {
  const count = await server.count('audit_entry');
  expect(count).toBeGreaterThan(0);
  const em = server.orm.em.fork();
  await expect(em.execute('update audit_entry set subject = ?', ['forged'])).rejects.toThrow(/append-only/);
  await expect(em.execute('delete from audit_entry')).rejects.toThrow(/append-only/);
  await expect(em.execute('truncate audit_entry')).rejects.toThrow(/append-only/);
  await expect(
    em.transactional(async (tx) => {
      await tx.execute(`select set_config('role', 'app_viewer', true)`);
      await tx.execute('delete from audit_entry');
    }),
  ).rejects.toThrow(/permission denied/);
  expect(await server.count('audit_entry')).toBe(count);
  const [row] = await em.execute<Array<{ n: string }>>(`select count(*) as n from audit_entry where subject = 'forged'`);
  expect(Number(row!.n)).toBe(0);
});

import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main, GraphQLRequestError } from '../../../client-codegen/example/partner-client';
import { Role } from '../../../schema/auth/role';
import { createActors, createScene, expectData, type Actors } from '../../support/factories';
import { createTestServer, type TestServer } from '../../support/test-server';

/** The partner example (client-codegen/example) against the real server: typed query over HTTP, typed subscription over graphql-ws. */
/** The example as a partner runs it: its own file, with ts-node. */
const SCRIPT = join(__dirname, '..', '..', '..', 'client-codegen', 'example', 'partner-client.ts');
let server: TestServer;
let actors: Actors;

beforeAll(async () => {
  server = await createTestServer();
  actors = await createActors(server);
});

async function changeStatus(sceneId: string, status: string, expectedVersion: number, reason: string) {
  return expectData(
    await server.gql(
      'mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { version } }',
      { input: { sceneId, status, expectedVersion, reason } },
      actors.adminToken, // only an ADMIN classifies scenes
    ),
  );
}

it('lists the scenes and receives a status change made through the API as a typed event', async () => {
  const scene = await createScene(server, actors.editorToken, { name: 'Partner example' });
  const viewerToken = await server.token(Role.VIEWER, actors.editorOperatorId, 'partner-board');
  const lines: string[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));

  const run = main({ url: server.url, token: viewerToken, events: 1, log: (line) => lines.push(line), onReady: ready });
  await isReady;
  await changeStatus(scene.id, 'ACTIVE', scene.version, 'Classified after weekly picture');
  const events = await run;

  expect(events).toHaveLength(1);
  const [event] = events;
  expect(event).toMatchObject({
    from: 'EMERGING',
    to: 'ACTIVE',
    reason: 'Classified after weekly picture',
    changedBy: 'admin',
    scene: { id: scene.id, name: 'Partner example', municipality: 'Stockholm', status: 'ACTIVE', version: scene.version + 1 },
  });
  expect(new Date(event!.changedAt).getTime()).not.toBeNaN();
  expect(lines[0]).toBe('1 scenes');
  expect(lines[1]).toMatch(/^ {2}Partner example \(Stockholm\): EMERGING since .+, MultiPolygon area$/);
  expect(lines.at(-1)).toContain(`#${event!.id} Partner example: EMERGING → ACTIVE`);
});

it('receives only the changes its filter names, in commit order, and stops when aborted', async () => {
  const watched = await createScene(server, actors.editorToken, { name: 'Watched' });
  const other = await createScene(server, actors.editorToken, { name: 'Other' });
  const received: string[] = [];
  const controller = new AbortController();
  let ready!: () => void;
  const isReady = new Promise<void>((resolve) => (ready = resolve));

  const run = main({
    url: server.url,
    token: actors.editorToken,
    filter: { sceneIds: [watched.id] },
    signal: controller.signal,
    log: (line) => received.push(line),
    onReady: ready,
  });
  await isReady;
  await changeStatus(other.id, 'ACTIVE', other.version, 'Not watched');
  await changeStatus(watched.id, 'ACTIVE', watched.version, 'First');
  await changeStatus(watched.id, 'MONITORING', watched.version + 1, 'Second');
  for (let i = 0; i < 50 && received.filter((line) => line.includes(' Watched: ')).length < 2; i++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  controller.abort();

  const events = await run;
  expect(events.map((event) => `${event.scene.name} ${event.from}>${event.to} ${event.reason}`)).toEqual([
    'Watched EMERGING>ACTIVE First',
    'Watched ACTIVE>MONITORING Second',
  ]);
  expect(BigInt(events[1]!.id) > BigInt(events[0]!.id)).toBe(true);
});

it('rejects with the error code when the token is not accepted', async () => {
  const attempt = main({ url: server.url, token: 'not-a-token', events: 1, log: () => undefined });
  await expect(attempt).rejects.toBeInstanceOf(GraphQLRequestError);
  await expect(attempt).rejects.toMatchObject({ codes: ['UNAUTHENTICATED'] });
});

it('runs from the command line as the README says: TOKEN and GRAPHQL_URL from the environment, --events 1', async () => {
  const scene = await createScene(server, actors.editorToken, { name: 'Command line' });
  const token = await server.token(Role.VIEWER, actors.editorOperatorId, 'cli-board');
  const child = spawn(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), SCRIPT, '--events', '1'], {
    env: { ...process.env, TOKEN: token, GRAPHQL_URL: server.url },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  for (let i = 0; i < 150 && !output.includes('Status changes after event'); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(output).toContain('Status changes after event');
  await changeStatus(scene.id, 'ACTIVE', scene.version, 'Seen from the command line');

  expect(await exited).toBe(0);
  expect(output).toMatch(/Command line: EMERGING → ACTIVE at .+ by admin: Seen from the command line/);
}, 30_000);

it('exits with 1 and says what to set when TOKEN is missing', async () => {
  const { TOKEN: _unset, ...env } = process.env;
  const result = spawnSync(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), SCRIPT], { env, encoding: 'utf8' });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('Set TOKEN to a bearer token');
}, 30_000);

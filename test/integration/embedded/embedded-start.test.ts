import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The zero-setup start as a new user runs it: server/main.ts with no DATABASE_URL, a fresh data
 * folder, port 0. The first start loads the demo data; the second reuses it.
 */
const ROOT = join(__dirname, '..', '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'embedded-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  url: string;
  token: string;
  output: string;
  seconds: number;
}

function start(): Promise<Started> {
  const began = Date.now();
  const env = { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', TEST_DATABASE_URL: '', NODE_ENV: 'development' };
  // What `npm start` runs: the compiled server (npm test builds it first when the sources changed).
  const child = spawn(process.execPath, ['dist/server/main.js'], { cwd: ROOT, env });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line after 90 s:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /GraphQL ready in [\d.]+ s at (\S+)/.exec(output)?.[1];
      const token = /Development token[^\n]*\n(\S+)/.exec(output)?.[1];
      if (url && token) {
        clearTimeout(timer);
        resolve({ child, url, token, output, seconds: (Date.now() - began) / 1000 });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

async function stop({ child }: Started): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

async function query(started: Started, text: string): Promise<any> {
  const response = await fetch(started.url, {
    method: 'POST',
    signal: AbortSignal.timeout(20_000), // a request that waits on the database forever fails here
    headers: { 'content-type': 'application/json', authorization: `Bearer ${started.token}` },
    body: JSON.stringify({ query: text }),
  });
  return response.json();
}

const SUMMARY = `{
  scenes { totalCount }
  operators { totalCount }
  interventions { totalCount }
  agreements(filter: { kind: [CITIZEN_PROMISE] }) { edges { node { title validFrom validTo commitments { description } scenes { name } } } }
  mandates: agreements(filter: { kind: [GUARD_MANDATE] }) { totalCount }
  sergel: scenes(filter: { nameContains: "Sergels" }) { edges { node { status statAreas areaSquareMeters statusHistory { edges { node { to changedAt } } } } } }
  closed: scenes(filter: { status: [CLOSED] }) { totalCount }
}`;

it('starts with no configuration, loads the demo data once, and reuses it on the next start', async () => {
  const first = await start();
  const cold = await query(first, SUMMARY);
  expect(first.output).toContain('demo data loaded: 16 scenes');
  expect(await stop(first)).toBe(0);

  const second = await start();
  const warm = await query(second, SUMMARY);
  // a write, then the live logs' cursors: each request on the one embedded connection it holds
  const written = await query(
    second,
    'mutation { createWatchArea(input: { name: "Around a school", radiusMeters: 500, area: { type: "Point", coordinates: [18.02, 59.34] } }) { name } }',
  );
  const cursors = await query(second, '{ watchAreas { name } changeEventCursor watchAreaAlertCursor sceneStatusEventCursor }');
  expect(await stop(second)).toBe(0);
  expect(written).toEqual({ data: { createWatchArea: { name: 'Around a school' } } });
  expect(cursors.data.watchAreas).toEqual([{ name: 'Around a school' }]);
  expect(Number(cursors.data.changeEventCursor)).toBeGreaterThan(0); // the demo data's changes are logged
  expect(second.output).not.toContain('demo data loaded');
  console.log(`embedded start: first (cold) ${first.seconds.toFixed(1)} s, second (warm) ${second.seconds.toFixed(1)} s`);

  expect(warm).toEqual(cold);
  const { data } = warm;
  expect(data.scenes.totalCount).toBe(16);
  expect(data.closed.totalCount).toBe(10);
  expect(data.mandates.totalCount).toBe(3);
  expect(data.operators.totalCount).toBeGreaterThanOrEqual(15);
  expect(data.interventions.totalCount).toBeGreaterThanOrEqual(20);
  const jarfalla = data.agreements.edges
    .map((e: any) => e.node)
    .find((a: any) => a.scenes.some((s: any) => s.name.startsWith('Jakobsberg')));
  expect(jarfalla).toMatchObject({ validFrom: '2019-01-01', validTo: '2020-12-31' });
  expect(jarfalla.commitments).toHaveLength(9);
  const sergel = data.sergel.edges[0].node;
  expect(sergel).toMatchObject({ status: 'ACTIVE', statAreas: ['101 025'] });
  // a demo polygon of radius 180 m: π·180² ≈ 101 800 m², less a little for the 32-gon
  expect(sergel.areaSquareMeters).toBeGreaterThan(99_000);
  expect(sergel.areaSquareMeters).toBeLessThan(102_000);
}, 240_000);

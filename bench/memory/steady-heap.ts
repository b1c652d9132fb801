/**
 * Does the server's memory creep under the same non-writing requests? Starts the real server
 * (in this process, so the heap can be measured after full garbage collections) on
 * BENCH_DATABASE_URL with the demo data, sends rounds of the same reads, and prints heap and RSS
 * after each round. A leak grows by the same amount every round; a cache filling up grows and then
 * stops.
 *
 *   node --expose-gc -r ts-node/register/transpile-only bench/memory/steady-heap.ts --rounds 30 --per-round 300
 */
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { seedDemoDataIfEmpty } from '../../db/seeders/demo.seeder';
import { Role } from '../../schema/auth/role';
import { signToken } from '../../schema/auth/token.service';
import { startServer } from '../../server';

const SECRET = 'bench-secret-that-is-long-enough-0123456789';
const QUERIES = [
  '{ scenes(first: 20) { totalCount edges { node { id name area centroid(crs: EPSG_3006) interventions { edges { node { title owner { name } } } } } } } }',
  '{ nearestScenes(point: { type: "Point", coordinates: [18.06, 59.33] }, limit: 5) { distanceMeters scene { name } } }',
  '{ sceneStatistics(groupBy: STATUS) { key count totalAreaSquareMeters } }',
];

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { rounds: { type: 'string', default: '30' }, 'per-round': { type: 'string', default: '300' } } });
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Run with node --expose-gc (see the comment at the top)');
  const databaseUrl = await ensureDatabase(process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/bench_memory');
  const server = await startServer({
    databaseUrl,
    dataDir: '',
    jwtSecret: SECRET,
    port: 0,
    limits: { operationsPerMinute: 1e9 },
    sharedRateLimit: false,
  });
  await seedDemoDataIfEmpty(server.app.orm);
  const [operator] = await server.app.orm.em.fork().execute<Array<{ id: string }>>('select id from operator order by name limit 1');
  const token = await signToken({ subject: 'bench', operatorId: operator!.id, role: Role.ADMIN }, SECRET);
  const send = (query: string) =>
    fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    }).then((response) => response.text());
  const round = async (requests: number) => {
    for (let i = 0; i < requests; i += QUERIES.length) await Promise.all(QUERIES.map(send));
  };
  const measure = () => {
    gc();
    gc();
    return process.memoryUsage();
  };
  const perRound = Number(values['per-round']);
  await round(perRound); // warm-up: JIT, Apollo's document cache, pools
  const start = measure();
  let last = start;
  console.log('round  heap MB  Δheap/request  rss MB');
  for (let r = 1; r <= Number(values.rounds); r++) {
    await round(perRound);
    const now = measure();
    const perRequest = (now.heapUsed - last.heapUsed) / perRound;
    console.log(
      `${String(r).padStart(5)}  ${(now.heapUsed / 1e6).toFixed(2).padStart(7)}  ${perRequest.toFixed(0).padStart(10)} B  ${(now.rss / 1e6).toFixed(0).padStart(6)}`,
    );
    last = now;
  }
  const total = (last.heapUsed - start.heapUsed) / (perRound * Number(values.rounds));
  console.log(`over ${perRound * Number(values.rounds)} requests after the warm-up: ${total.toFixed(0)} B of heap per request`);
  await server.stop();
}

async function ensureDatabase(url: string): Promise<string> {
  const target = new URL(url);
  const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const name = target.pathname.slice(1);
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database "${name.replace(/"/g, '')}"`);
  await admin.end();
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('create extension if not exists postgis');
  await client.end();
  return url;
}

void main();

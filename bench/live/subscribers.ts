/**
 * N concurrent sceneStatusChanged subscribers on one server instance: time from each mutation's
 * response to the last subscriber's delivery (p50, p99), missed events, and server memory per
 * subscriber. Uses the bench database (load it with bench/spatial/dataset.ts first).
 *
 *   npx ts-node --transpile-only bench/live/subscribers.ts [--subscribers 1000,5000] [--changes 20]
 */
import { parseArgs } from 'node:util';
import { createClient, type Client } from 'graphql-ws';
import { Client as PgClient } from 'pg';
import WebSocket from 'ws';
import { Role } from '../../schema/auth/role';
import { signToken } from '../../schema/auth/token.service';
import { BENCH_DATABASE_URL } from '../spatial/dataset';
import { graphqlOverHttp, percentile, round, SECRET, startServerProcess } from './harness';

const SUBSCRIPTION = 'subscription($ids: [ID!]) { sceneStatusChanged(filter: { sceneIds: $ids }) { id to } }';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { subscribers: { type: 'string', default: '1000,5000' }, changes: { type: 'string', default: '20' } },
  });
  const db = new PgClient({ connectionString: BENCH_DATABASE_URL });
  await db.connect();
  const {
    rows: [operator],
  } = await db.query('select id from operator order by name limit 1');
  await db.end();
  const token = await signToken({ subject: 'bench', operatorId: operator.id, role: Role.ADMIN, ttl: '2h' }, SECRET);
  for (const count of values.subscribers!.split(',').map(Number)) {
    console.log(JSON.stringify(await run(count, Number(values.changes), token)));
  }
}

async function run(subscribers: number, changes: number, token: string) {
  const server = await startServerProcess();
  const { port } = server;
  const gql = graphqlOverHttp(port, token);
  const created = await gql('mutation($input: CreateSceneInput!) { createScene(input: $input) { id version } }', {
    input: {
      name: `Bench live ${Date.now()}`,
      municipality: 'Stockholm',
      status: 'ACTIVE',
      area: {
        type: 'Polygon',
        coordinates: [
          [
            [18, 59.3],
            [18.001, 59.3],
            [18.001, 59.301],
            [18, 59.3],
          ],
        ],
      },
    },
  });
  const sceneId: string = created.createScene.id;
  const before = (await server.stats()).memory;

  const arrivals: Array<Map<string, number>> = Array.from({ length: subscribers }, () => new Map());
  const clients: Client[] = [];
  let subscribed = 0;
  await Promise.all(
    Array.from(
      { length: subscribers },
      (_, i) =>
        new Promise<void>((resolve, reject) => {
          const client = createClient({
            url: `ws://127.0.0.1:${port}/graphql`,
            webSocketImpl: WebSocket,
            lazy: false,
            retryAttempts: 0,
            connectionParams: { authorization: `Bearer ${token}` },
            on: { connected: () => resolve(), error: reject },
          });
          clients.push(client);
          client.subscribe(
            { query: SUBSCRIPTION, variables: { ids: [sceneId] } },
            {
              next: (value) =>
                arrivals[i]!.set((value.data as { sceneStatusChanged: { id: string } }).sceneStatusChanged.id, performance.now()),
              error: reject,
              complete: () => undefined,
            },
          );
          subscribed += 1;
        }),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 2000)); // every subscription registered with the hub
  const after = (await server.stats()).memory;

  const lastDelivery: number[] = [];
  let version: number = created.createScene.version;
  const eventIds: string[] = [];
  for (let c = 0; c < changes; c++) {
    const status = c % 2 === 0 ? 'MONITORING' : 'ACTIVE';
    const sent = await gql('mutation($input: ChangeSceneStatusInput!) { changeSceneStatus(input: $input) { version } }', {
      input: { sceneId, status, expectedVersion: version, reason: 'bench' },
    });
    const respondedAt = performance.now();
    version = sent.changeSceneStatus.version;
    const deadline = respondedAt + 10_000;
    const expectedCount = c + 1;
    while (performance.now() < deadline && arrivals.some((seen) => seen.size < expectedCount))
      await new Promise((resolve) => setTimeout(resolve, 5));
    const latest = Math.max(...arrivals.map((seen) => [...seen.values()].pop() ?? Infinity));
    lastDelivery.push(Math.max(0, latest - respondedAt));
    eventIds.push([...arrivals[0]!.keys()].pop() ?? '');
  }
  const missed = arrivals.reduce((sum, seen) => sum + Math.max(0, changes - seen.size), 0);
  await Promise.all(clients.map((client) => client.dispose()));
  await server.stop();
  return {
    subscribers: subscribed,
    changes,
    lastDeliveryP50Ms: round(percentile(lastDelivery, 50)),
    lastDeliveryP99Ms: round(percentile(lastDelivery, 99)),
    missed,
    serverHeapPerSubscriberKiB: round((after.heapUsed - before.heapUsed) / subscribers / 1024),
    serverRssPerSubscriberKiB: round((after.rss - before.rss) / subscribers / 1024),
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

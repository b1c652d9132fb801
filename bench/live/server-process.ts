/** The server under test, in its own process so that the clients' work is not counted as its own. */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { startServer } from '../../server';

async function main(): Promise<void> {
  const server = await startServer({
    databaseUrl: process.env.BENCH_DATABASE_URL!,
    dataDir: '',
    jwtSecret: process.env.BENCH_JWT_SECRET!,
    port: 0,
    host: '127.0.0.1',
    limits: { operationsPerMinute: 1_000_000 }, // benchmark clients share a few tokens
  });
  const { live } = server.app;
  process.on('message', (message) => {
    if (message === 'stats') {
      const cpu = process.cpuUsage(); // before the collection, which is ours, not the server's
      global.gc?.();
      process.send!({ stats: { memory: process.memoryUsage(), cpu } });
    }
    if (message === 'subscriptions')
      process.send!({ subscriptions: { status: live.status.subscriptions, alerts: live.watchAlerts.subscriptions } });
    if (message === 'stop') void server.stop().then(() => process.exit(0));
    if (typeof message === 'object' && message && 'profile' in message) void profile(message.profile as string | null);
  });
  process.send!({ port: server.port });
}

const inspector = new Session();
inspector.connect();
const post = (method: string) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the inspector protocol's results are untyped here
  new Promise<any>((resolve, reject) => inspector.post(method, (error, result) => (error ? reject(error) : resolve(result))));

/**
 * A V8 CPU profile of a window of the run (`--cpu-prof` would also take in ts-node compiling the
 * server at start): `{ profile: null }` starts it, `{ profile: file }` writes it there.
 */
async function profile(file: string | null): Promise<void> {
  if (file === null) {
    await post('Profiler.enable');
    await post('Profiler.start');
  } else writeFileSync(file, JSON.stringify((await post('Profiler.stop')).profile));
  process.send!({ profiled: file });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

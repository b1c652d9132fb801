/** The server under test, in its own process so that the clients' work is not counted as its own. */
import { startServer } from '../../server';

async function main(): Promise<void> {
  const server = await startServer({
    databaseUrl: process.env.BENCH_DATABASE_URL!,
    dataDir: '',
    jwtSecret: process.env.BENCH_JWT_SECRET!,
    port: 0,
    host: '127.0.0.1',
    limits: { operationsPerMinute: 1_000_000 }, // every benchmark client shares one token
  });
  process.on('message', (message) => {
    if (message === 'memory') {
      global.gc?.();
      process.send!({ memory: process.memoryUsage() });
    }
    if (message === 'stop') void server.stop().then(() => process.exit(0));
  });
  process.send!({ port: server.port });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

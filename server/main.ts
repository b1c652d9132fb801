/** `npm start`: reads the environment, starts the server, seeds the demo data on a first embedded start. */
import { seedDemoDataIfEmpty } from '../db/seeders/demo.seeder';
import { Role } from '../schema/auth/role';
import { signToken } from '../schema/auth/token.service';
import { loadConfig, loadExternalKeys } from './config';
import { startServer, type RunningServer } from './index';

async function main(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const running: { server?: RunningServer } = {};
  // Registered first, so a signal that arrives while the server starts still shuts it down cleanly.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    (running.server?.stop() ?? Promise.resolve()).then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  const server = await startServer({ ...config, port: config.port, externalKeys: await loadExternalKeys(config.externalKeySource) });
  running.server = server;
  const seeded = config.seedDemoData ? await seedDemoDataIfEmpty(server.app.orm) : null;
  const mode = server.app.embedded ? `embedded PGlite + PostGIS in ${config.dataDir}` : 'PostgreSQL + PostGIS from DATABASE_URL';
  // The token is made before "ready" is printed: whoever waits for that line finds the token with it.
  const tokenLines = config.production ? [] : await developmentTokenLines(server, config.jwtSecret);
  console.log(`Database: ${mode}${seeded ? ` (demo data loaded: ${seeded.scenes} scenes)` : ''}`);
  console.log(`GraphQL ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s at ${server.url}`);
  for (const line of tokenLines) console.log(line);
}

/** Outside production, an ADMIN token for the coordination office, so the API can be tried at once. */
async function developmentTokenLines(server: RunningServer, secret: string): Promise<string[]> {
  const em = server.app.orm.em.fork();
  const [operator] = await em.execute<Array<{ id: string; name: string }>>(
    `select id, name from operator order by (kind = 'COORDINATION_OFFICE') desc, name limit 1`,
  );
  if (!operator) return ['No operators yet: run `npm run db:seed`, or create one and use `npm run token`.'];
  const token = await signToken({ subject: 'developer', operatorId: operator.id, role: Role.ADMIN, ttl: '30d' }, secret);
  return [`Development token (ADMIN for ${operator.name}, 30 days):`, token, `Send it as the header  Authorization: Bearer <token>`];
}

main().catch((error: Error) => {
  console.error(`Could not start: ${error.message}`);
  process.exit(1);
});

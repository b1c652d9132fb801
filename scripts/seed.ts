/** `npm run db:seed`: migrates DATABASE_URL (or the embedded database) and loads the demo data if it is empty. */
import { seedDemoDataIfEmpty } from '../db/seeders/demo.seeder';
import { createApp } from '../server/app';
import { loadConfig } from '../server/config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  try {
    const summary = await seedDemoDataIfEmpty(app.orm);
    console.log(summary ? `Demo data loaded: ${JSON.stringify(summary)}` : 'The database already has data; nothing loaded.');
  } finally {
    await app.stop();
  }
}

main().catch((error: Error) => {
  console.error(`Seeding failed: ${error.message}`);
  process.exit(1);
});

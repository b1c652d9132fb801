import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';

/** `GET /health`: the process is alive. `GET /ready`: the database answers and no migration is pending. */
export function createHealthRouter(orm: MikroORM): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    try {
      await orm.em.fork().execute('select 1');
      const pending = await orm.migrator.getPendingMigrations();
      if (pending.length > 0) {
        res.status(503).json({ status: 'migrations pending', pending: pending.map((m) => m.name) });
        return;
      }
      res.json({ status: 'ready' });
    } catch (error) {
      res.status(503).json({ status: 'database unreachable', error: (error as Error).message });
    }
  });
  return router;
}

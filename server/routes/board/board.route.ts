import { dirname, join } from 'node:path';
import express, { Router } from 'express';

/**
 * `GET /board`: the live status board, a static page (no CDN: its scripts and styles come from
 * here, graphql-ws's browser client from node_modules, its map background from build/geography.json
 * written by scripts/build.js). It needs no token to load; it asks for one in a form (never in the
 * address) and then talks GraphQL and graphql-ws like any partner client.
 */
export function createBoardRouter(): Router {
  const router = Router();
  const graphqlWsDist = dirname(require.resolve('graphql-ws/client'));
  router.use('/board/vendor/graphql-ws', express.static(graphqlWsDist, { index: false, maxAge: '1h' }));
  router.use('/board', express.static(join(__dirname, 'public'), { index: 'index.html', maxAge: 0 }));
  return router;
}

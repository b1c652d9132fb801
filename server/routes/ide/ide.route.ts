import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router, type Request } from 'express';

const PUBLIC = join(__dirname, 'public');
/**
 * Only what the page itself serves: scripts, styles and fonts from this server (fonts are inlined
 * as data URLs), requests to this server's /graphql over HTTP and WebSocket. A page that tried to
 * load anything from elsewhere would be refused by the browser.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The GraphQL IDE: `GET /graphql` from a browser (it asks for HTML and sends no query) gets
 * GraphiQL, bundled from npm at build time (scripts/build.js) and served from here, so that it
 * works on networks that block CDNs. API clients asking for JSON go on to the GraphQL server.
 */
export function createIdeRouter(): Router {
  const router = Router();
  if (!existsSync(join(PUBLIC, 'build', 'ide.js'))) {
    console.warn('[ide] the IDE bundle is missing: run `npm run build` (npm install does it); GET /graphql will answer 503');
  }
  router.get('/graphql', (req, res, next) => {
    if (!wantsPage(req)) return next();
    if (!existsSync(join(PUBLIC, 'build', 'ide.js'))) {
      res.status(503).type('text/plain').send('The GraphQL IDE has not been built: run `npm run build`.');
      return;
    }
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(PUBLIC, 'index.html'));
  });
  router.use('/graphql/ide', express.static(PUBLIC, { index: false, maxAge: 0, fallthrough: true }));
  return router;
}

/** A browser opening the page: a GET with no query that prefers HTML to JSON. */
function wantsPage(req: Request): boolean {
  if (req.query.query !== undefined || req.query.extensions !== undefined) return false;
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

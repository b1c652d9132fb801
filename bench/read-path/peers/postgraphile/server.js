// @ts-check
/**
 * PostGraphile 5 as the third peer of bench/read-path: grafserv on `node:http`, in production
 * form (no GraphiQL/Ruru, no watch mode, no `explain`, `GRAPHILE_ENV=production`), on the same
 * database as the other two servers and under the same row security. Started by run.ts;
 * prints "ready" when it answers.
 *
 *   npm ci --prefix bench/read-path/peers/postgraphile
 *   DATABASE_URL=… PORT=… OPERATOR_ID=… node bench/read-path/peers/postgraphile/server.js
 *
 * Plain JavaScript (checked by `tsc -p bench/read-path/peers/postgraphile`): the project's own
 * `tsc` and CI never install this folder's packages, so they must not see imports of them.
 *
 * PostGraphile says once at start that it cannot build a codec for `public.geometry`: without a
 * PostGIS plugin it leaves the `area` and `location` columns out of the schema, and the
 * workloads read them through setup.sql's functions.
 */
// Grafast reads this when it loads; production is its default too, but say it rather than rely on it.
process.env.GRAPHILE_ENV ??= 'production';
require('./polyfills');
const { readFileSync } = require('node:fs');
const { createServer } = require('node:http');
const { join } = require('node:path');
const pg = require('pg');
const { postgraphile } = require('postgraphile');
const { makePgService } = require('postgraphile/adaptors/pg');
const { jsonPgSmartTags } = require('postgraphile/utils');
const { grafserv } = require('postgraphile/grafserv/node');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { PgAggregatesPreset } = require('@graphile/pg-aggregates');

const DATABASE_URL = required('DATABASE_URL');
const OPERATOR_ID = required('OPERATOR_ID');
const PORT = Number(required('PORT'));
/** The roles the workloads use; anything else is refused rather than run with no role. */
const ROLES = new Set(['ADMIN', 'ANALYST']);

/** @param {string} name */
function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/**
 * Every request in a transaction as `app_viewer` with the caller's operator and role, as the
 * other two servers do (PostGraphile sets `pgSettings` with `set_config(…, true)` after `begin`).
 * The role comes in the `x-bench-role` header, which run.ts sends for the workload's role.
 *
 * @param {Grafast.RequestContext} requestContext
 */
function pgSettings(requestContext) {
  const role = String(requestContext.node?.req.headers['x-bench-role'] ?? '');
  if (!ROLES.has(role)) throw new Error(`x-bench-role must be one of ${[...ROLES].join(', ')}`);
  return { role: 'app_viewer', 'app.operator_id': OPERATOR_ID, 'app.role': role };
}

/**
 * PostGraphile orders and filters only by indexed columns unless told otherwise; the workloads
 * list scenes by name (not indexed, as for the other servers) and leave out archived ones.
 */
const sceneTags = jsonPgSmartTags({
  version: 1,
  config: {
    class: {
      'public.scene': { attribute: { name: { tags: { behavior: ['+orderBy'] } }, archived_at: { tags: { behavior: ['+filterBy'] } } } },
    },
  },
});

/**
 * The recommended preset (Amber) as it is, with the settings of a production deployment, and the
 * maintainers' aggregates plugin (@graphile/pg-aggregates, a v5 release candidate) for the
 * statistics by municipality (`groupedAggregates`, one GROUP BY statement). A pool of 10
 * connections, as the other two servers have. The schema `bench_pg` (setup.sql) holds the
 * functions for the spatial workloads.
 *
 * @type {GraphileConfig.Preset}
 */
const preset = {
  extends: [PostGraphileAmberPreset, PgAggregatesPreset],
  plugins: [sceneTags],
  pgServices: [
    makePgService({ connectionString: DATABASE_URL, schemas: ['public', 'bench_pg'], poolConfig: { max: 10 }, pubsub: false, pgSettings }),
  ],
  grafserv: { port: PORT, host: '127.0.0.1', graphiql: false, graphiqlOnGraphQLGET: false, watch: false, websockets: false },
  grafast: { explain: false },
};

/** Creates (or replaces) the `bench_pg` functions, as the connecting superuser. */
async function setUp() {
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    await client.query(readFileSync(join(__dirname, 'setup.sql'), 'utf8'));
  } finally {
    await client.end();
  }
}

async function main() {
  await setUp();
  const instance = postgraphile(preset);
  await instance.getSchema(); // built before "ready", not on the first request
  const serv = instance.createServ(grafserv);
  const server = createServer();
  await serv.addTo(server);
  await serv.ready();
  server.listen(PORT, '127.0.0.1', () => console.log(`PostGraphile ready on ${PORT}`));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

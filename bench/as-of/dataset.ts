/**
 * The as-of benchmark's dataset (issue "the record remembers": 20 000 scenes with 10 versions
 * each) in BENCH_ASOF_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/bench_asof,
 * created if missing).
 *
 * 1. The spatial benchmark's generator (bench/spatial/dataset.ts) migrates the database and fills
 *    it: `--scenes` scenes, `--interventions` interventions, reproducible from `--seed`. It runs
 *    with the session settings `app.effective_at` = 2015-01-01 and `app.subject` = bench
 *    (PGOPTIONS), so the version trigger dates every scene's first version then, not today.
 * 2. `--versions` − 1 more versions of every scene, at moments spread evenly from 2016-01-01 to
 *    2025-01-01, oldest first (the trigger refuses a change dated before a scene's latest version,
 *    SQLSTATE GE002). Each is one UPDATE of all scenes, through the trigger, in a transaction that
 *    first names its moment and subject: every area is scaled about its centroid by 0.92–1.08
 *    (the same vertices, another size), and about 30 % of the scenes change status (40 % draw
 *    one of the four statuses at random).
 * 3. A check that every scene has exactly `--versions` versions, then VACUUM FULL of `scene` and
 *    `scene_version` and VACUUM ANALYZE. The bulk updates leave `scene` ten times its live size
 *    (each UPDATE of all rows writes a new copy of each before any vacuum could free the old one),
 *    which would make every read of current state pay for nine dead copies; a table changed
 *    row by row under autovacuum reuses that space. Rewritten, both tables are as compact as
 *    routine vacuuming keeps them.
 *
 *   npx ts-node --transpile-only bench/as-of/dataset.ts [--seed 42] [--scenes 20000] [--interventions 20000] [--versions 10]
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

export const BENCH_ASOF_DATABASE_URL = process.env.BENCH_ASOF_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/bench_asof';
/** When every scene's first version took effect. */
export const REGISTERED_AT = '2015-01-01T00:00:00.000Z';
/** The span the later versions are spread over. */
const FIRST_CHANGE = Date.UTC(2016, 0, 1);
const LAST_CHANGE = Date.UTC(2025, 0, 1);
const ROOT = join(__dirname, '..', '..');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '42' },
      scenes: { type: 'string', default: '20000' },
      interventions: { type: 'string', default: '20000' },
      versions: { type: 'string', default: '10' },
    },
  });
  const versions = Number(values.versions);
  const started = Date.now();
  await generate(values.seed!, values.scenes!, values.interventions!);
  const client = new pg.Client({ connectionString: BENCH_ASOF_DATABASE_URL });
  await client.connect();
  try {
    await checkFirstVersions(client);
    const moments = changeMoments(versions - 1);
    for (const [index, moment] of moments.entries()) await addVersion(client, values.seed!, index + 2, moment);
    await checkVersions(client, versions);
    await timed(client, 'vacuum full (scenes, versions)', 'vacuum full scene, scene_version');
    await timed(client, 'vacuum analyze', 'vacuum analyze');
  } finally {
    await client.end();
  }
  console.log(`as-of dataset ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** The spatial generator, in a child process, on this database, with the first versions dated REGISTERED_AT. */
function generate(seed: string, scenes: string, interventions: string): Promise<void> {
  const args = [
    '-r',
    'ts-node/register/transpile-only',
    'bench/spatial/dataset.ts',
    '--seed',
    seed,
    '--scenes',
    scenes,
    '--interventions',
    interventions,
  ];
  const env = {
    ...process.env,
    BENCH_DATABASE_URL: BENCH_ASOF_DATABASE_URL,
    // session settings of every connection it opens (node-postgres reads PGOPTIONS), seen by the version triggers
    PGOPTIONS: `-c app.effective_at=${REGISTERED_AT} -c app.subject=bench`,
  };
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bench/spatial/dataset.ts exited with ${code}`))));
  });
}

/** The generator's scenes each have one version, from REGISTERED_AT (else the later moments would be refused). */
async function checkFirstVersions(client: pg.Client): Promise<void> {
  const { rows } = await client.query(
    `select count(*)::int as scenes, (select count(*)::int from scene_version where version = 1 and valid_from = $1::timestamptz) as dated
       from scene`,
    [REGISTERED_AT],
  );
  const { scenes, dated } = rows[0] as { scenes: number; dated: number };
  if (scenes === 0 || dated !== scenes)
    throw new Error(`Expected a first version from ${REGISTERED_AT} for each of the ${scenes} scenes; found ${dated}`);
}

/** `count` moments, evenly from FIRST_CHANGE to LAST_CHANGE (one: FIRST_CHANGE), as ISO text. */
export function changeMoments(count: number): string[] {
  const step = count > 1 ? (LAST_CHANGE - FIRST_CHANGE) / (count - 1) : 0;
  return Array.from({ length: count }, (_, i) => new Date(FIRST_CHANGE + Math.round(i * step)).toISOString());
}

/**
 * Version `version` of every scene, at `moment`: one UPDATE through the trigger, in a transaction
 * that names the moment and the subject first. Deterministic for a seed (keyed by the scene's
 * name, which the generator numbers).
 */
async function addVersion(client: pg.Client, seed: string, version: number, moment: string): Promise<void> {
  await client.query('begin');
  try {
    await client.query(`select set_config('app.effective_at', $1, true), set_config('app.subject', 'bench', true)`, [moment]);
    await timed(
      client,
      `version ${version} (${moment.slice(0, 10)})`,
      `update scene s
          set area = ST_Scale(s.area, ST_MakePoint(c.factor, c.factor), ST_Centroid(s.area)),
              status = coalesce(c.status, s.status),
              status_since = case when c.status is not null and c.status <> s.status then $3::timestamptz else s.status_since end,
              version = s.version + 1,
              updated_at = $3::timestamptz
         from (select id,
                      0.92 + 0.16 * bench_random($1, $2, name || ':area') as factor,
                      case when bench_random($1, $2, name || ':moves') < 0.4
                           then (array['EMERGING', 'ACTIVE', 'MONITORING', 'CLOSED'])[1 + floor(bench_random($1, $2, name || ':to') * 4)::int] end as status
                 from scene) c
        where c.id = s.id`,
      [seed, version, moment],
    );
    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
}

/** Every scene has `versions` versions, exactly one of them current; prints the row count. */
async function checkVersions(client: pg.Client, versions: number): Promise<void> {
  const { rows } = await client.query(
    `select (select count(*)::int from scene_version) as rows,
            (select count(*)::int from scene) as scenes,
            (select count(*)::int from (select id from scene_version group by id having count(*) <> $1 or count(*) filter (where valid_to is null) <> 1) odd) as odd`,
    [versions],
  );
  const { rows: count, scenes, odd } = rows[0] as { rows: number; scenes: number; odd: number };
  console.log(`scene_version: ${count} rows for ${scenes} scenes (${(count / scenes).toFixed(2)} each)`);
  if (odd > 0) throw new Error(`${odd} scenes do not have exactly ${versions} versions with one current`);
}

async function timed(client: pg.Client, label: string, sql: string, params: unknown[] = []): Promise<void> {
  const t0 = Date.now();
  const result = await client.query(sql, params);
  console.log(`${label.padEnd(28)} ${String(result.rowCount ?? '').padStart(9)} rows  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

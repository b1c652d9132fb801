/**
 * Loads a large synthetic dataset for the spatial benchmark into BENCH_DATABASE_URL
 * (default postgresql://postgres@127.0.0.1:5432/bench, created if missing): scenes clustered
 * around real Stockholm-county centres, their status history, operators, agreements with areas
 * and interventions near the scenes (5 % RESTRICTED and 15 % PARTNERS, so that requests under
 * row security pay for the policy's checks). Reproducible: the same --seed gives the same rows (a
 * md5-based generator in SQL). Heavy inserts are single INSERT ... SELECT statements.
 *
 *   npx ts-node --transpile-only bench/spatial/dataset.ts [--seed 42] [--scenes 20000] [--interventions 1000000]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { createOrmConfig } from '../../db/mikro-orm.config';

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/bench';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '42' },
      scenes: { type: 'string', default: '20000' },
      interventions: { type: 'string', default: '1000000' },
    },
  });
  const seed = values.seed!;
  const scenes = Number(values.scenes);
  const interventions = Number(values.interventions);
  const started = Date.now();
  await createDatabaseIfMissing(BENCH_DATABASE_URL);
  const orm = await MikroORM.init(createOrmConfig({ clientUrl: BENCH_DATABASE_URL }));
  await orm.migrator.up();
  await orm.close();

  const db = new Client({ connectionString: BENCH_DATABASE_URL });
  await db.connect();
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t0 = Date.now();
    const result = await db.query(sql, params);
    console.log(`${label.padEnd(28)} ${String(result.rowCount ?? '').padStart(9)} rows  ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  const centres = JSON.parse(readFileSync(join(__dirname, '..', '..', 'db', 'seeders', 'data', 'scenes.json'), 'utf8')).scenes.map(
    (s: { center: number[] }) => s.center,
  );

  await step(
    'truncate',
    'truncate indicator, intervention_operator, intervention, commitment, agreement_scene, agreement_party, agreement, scene_status_change, scene, operator cascade',
  );
  await step(
    'random function',
    `create or replace function bench_random(seed text, n bigint, salt text) returns float8 language sql immutable as
     $$ select ('x' || substr(md5(seed || ':' || n || ':' || salt), 1, 12))::bit(48)::bigint / 281474976710656.0 $$`,
  );
  await step(
    'centres',
    `create temporary table centre as select row_number() over () - 1 as n, c[1] as lon, c[2] as lat from jsonb_to_recordset($1::jsonb) as x(c float8[])`,
    [JSON.stringify(centres.map((c: number[]) => ({ c })))],
  );
  await step(
    'operators',
    `insert into operator (id, name, kind, municipality, created_at, updated_at)
     select gen_random_uuid(), 'Bench operator ' || g, (array['POLICE','MUNICIPALITY','SECURITY_COMPANY','CIVIL_SOCIETY','DISTRICT_ADMINISTRATION'])[1 + g % 5], 'Stockholm', now(), now()
     from generate_series(1, 300) g`,
  );
  await step(
    'scenes',
    `insert into scene (id, name, municipality, police_area, stat_areas, problem_substances, problem_crime_kinds, problem_target_groups, problem_tags, area, status, status_since, version, created_at, updated_at)
     select gen_random_uuid(), 'Bench scene ' || g, (array['Stockholm','Huddinge','Botkyrka','Järfälla','Nacka','Solna','Södertälje'])[1 + g % 7],
            'Area ' || (g % 40), '{}', '{}', '{}', '{}', '{}',
            ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(c.lon + (bench_random($1, g, 'x') - 0.5) * 0.3, c.lat + (bench_random($1, g, 'y') - 0.5) * 0.15), 4326)::geography,
                               40 + bench_random($1, g, 'r') * 260, 'quad_segs=4')::geometry),
            (array['EMERGING','ACTIVE','ACTIVE','MONITORING','CLOSED'])[1 + g % 5],
            timestamptz '2015-01-01' + bench_random($1, g, 't') * interval '3500 days', 1, now(), now()
       from generate_series(1, $2::int) g join centre c on c.n = g % (select count(*) from centre)`,
    [seed, scenes],
  );
  await step(
    'scene numbers',
    'create temporary table numbered as select row_number() over (order by name) - 1 as n, id, ST_X(ST_Centroid(area)) as lon, ST_Y(ST_Centroid(area)) as lat from scene',
  );
  await step(
    'status history',
    `insert into scene_status_change (id, scene_id, scene_version, "from", "to", reason, changed_at, changed_by, recorded_at) select gen_random_uuid(), id, 1, null, status, 'Bench', status_since, 'bench', now() from scene`,
  );
  await step(
    'agreements',
    `insert into agreement (id, kind, title, valid_from, valid_to, area, version, created_at, updated_at)
     select gen_random_uuid(), (array['GUARD_MANDATE','CAMERA_PERMIT','PLACE_COLLABORATION'])[1 + g % 3], 'Bench agreement ' || g, date '2018-01-01' + (g % 1500),
            case when g % 4 = 0 then null else date '2018-01-01' + (g % 1500) + 730 end,
            ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(s.lon, s.lat), 4326)::geography, 300, 'quad_segs=4')::geometry), 1, now(), now()
       from generate_series(1, greatest($1::int / 10, 1)) g join numbered s on s.n = (g * 7) % $1::int`,
    [scenes],
  );
  await step(
    'interventions',
    `insert into intervention (id, scene_id, owner_id, category, kind, title, location, starts_at, ends_at, sensitivity, version, created_at, updated_at)
     select gen_random_uuid(), s.id, o.id, (array['FORMAL_CONTROL','INFORMAL_CONTROL','SITUATIONAL_PREVENTION','SOCIAL_PREVENTION'])[1 + g % 4],
            (array['UNIFORMED_PRESENCE','GUARD_PRESENCE','CAMERA_SURVEILLANCE','CLEANING','SAFETY_WALK','FIELD_WORKERS'])[1 + g % 6], 'Bench intervention ' || g,
            ST_SetSRID(ST_MakePoint(s.lon + (bench_random($1, g, 'ix') - 0.5) * 0.01, s.lat + (bench_random($1, g, 'iy') - 0.5) * 0.005), 4326),
            timestamptz '2016-01-01' + bench_random($1, g, 'it') * interval '3200 days', null,
            coalesce((array['RESTRICTED','PARTNERS','PARTNERS','PARTNERS'])[1 + g % 20], 'OPEN') /* 5 % RESTRICTED, 15 % PARTNERS, 80 % OPEN */, 1, now(), now()
       from generate_series(1, $2::int) g
       join numbered s on s.n = g % $3::int
       join (select row_number() over (order by name) - 1 as n, id from operator) o on o.n = g % 300`,
    [seed, interventions, scenes],
  );
  // Vacuum too: the first reads of freshly inserted rows set hint bits and would be measured as query time.
  await step('vacuum and analyze', 'vacuum analyze');
  await db.end();
  console.log(
    `dataset ready in ${((Date.now() - started) / 1000).toFixed(0)} s: ${scenes} scenes, ${interventions} interventions, seed ${seed}`,
  );
}

async function createDatabaseIfMissing(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`create database "${name.replace(/"/g, '')}"`);
  await admin.end();
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

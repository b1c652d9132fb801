import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The PostGIS functions that spatial filters apply to `intervention.location`, each named by its
 * signature.
 *
 * Why they must be LEAKPROOF: under row-level security PostgreSQL evaluates the policy before any
 * condition of the query whose functions are not LEAKPROOF, and such a condition cannot then be
 * an index condition. PostGIS ships its functions without the mark, so every spatial filter on
 * interventions became a scan of the whole table, running the policy on every row (11.7 s for a
 * 200 m radius over 1 000 000 interventions, against 12.7 ms with the GIST index).
 *
 * Why marking them is safe here: LEAKPROOF promises that a function reveals nothing about its
 * arguments but its result, which mainly means its errors. These functions fail only on invalid
 * or out-of-range geometries. The API refuses such geometries before they are stored
 * (geometry.service.ts), and any failure reaches a client only as a masked
 * INTERNAL_SERVER_ERROR, never with its message.
 */
export const INDEXED_SPATIAL_FUNCTIONS = [
  'st_intersects(geometry, geometry)',
  'st_within(geometry, geometry)',
  'st_dwithin(geography, geography, double precision, boolean)',
  'geography(geometry)',
  'geometry_overlaps(geometry, geometry)',
] as const;

export interface LeakproofReport {
  /** Functions this call marked LEAKPROOF. */
  marked: string[];
  /** Functions still not LEAKPROOF: the connecting user is not a superuser. */
  missing: string[];
}

/**
 * Marks INDEXED_SPATIAL_FUNCTIONS LEAKPROOF where they are not. Runs at every start, not once
 * in a migration, because upgrading PostGIS recreates its functions without the mark. Only a
 * superuser may do it. For anyone else it reports what is missing and changes nothing.
 */
export async function ensureLeakproofSpatialFunctions(em: EntityManager): Promise<LeakproofReport> {
  const rows = await em.execute<Array<{ signature: string; leakproof: boolean }>>(
    `select s.signature, p.proleakproof as leakproof
       from unnest(array[?]::text[]) as s(signature) join pg_proc p on p.oid = to_regprocedure(s.signature)`,
    [INDEXED_SPATIAL_FUNCTIONS],
  );
  const notYet = rows.filter((row) => !row.leakproof).map((row) => row.signature);
  if (notYet.length === 0) return { marked: [], missing: [] };
  const [{ superuser }] = await em.execute<Array<{ superuser: boolean }>>(
    'select rolsuper as superuser from pg_roles where rolname = current_user',
  );
  if (!superuser) return { marked: [], missing: notYet };
  for (const signature of notYet) await em.execute(`alter function ${signature} leakproof`);
  return { marked: notYet, missing: [] };
}

/** The sentence to log when some functions could not be marked: what it costs and what to run. */
export function leakproofWarning(missing: string[]): string {
  return (
    `Spatial filters on interventions cannot use their GIST index under row-level security, so they scan the whole table. ` +
    `A superuser can fix this once: ${missing.map((signature) => `ALTER FUNCTION ${signature} LEAKPROOF;`).join(' ')}`
  );
}

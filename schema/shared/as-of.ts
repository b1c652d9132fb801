import { ArgsType, Field } from 'type-graphql';
import { literal } from '../../db/sql-writer';
import { CLOCK_SKEW_MS } from './change-moment';
import { BadUserInputError } from './errors';

@ArgsType()
export class AsOfArgs {
  @Field(() => Date, {
    nullable: true,
    description: 'Valid time: as things stood in the world at this moment (default: now, or `asRecordedAt`)',
  })
  at?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Recorded time: as the platform knew it at this moment (default: as it knows now)' })
  asRecordedAt?: Date | null;
}

/** The moment to read at, or undefined for things as they are now. */
export function asOfFrom({ at, asRecordedAt }: AsOfArgs): AsOf | undefined {
  if (!at && !asRecordedAt) return undefined;
  return { at: at ?? asRecordedAt!, asRecordedAt: asRecordedAt ?? null };
}

/**
 * A moment of the record to read at (issue "the record remembers"): `at` is valid time (how things
 * stood in the world then), `asRecordedAt` is recorded time (what the platform knew then).
 * Either or both; with only `asRecordedAt`, things as they stood then, as known then.
 */
export interface AsOf {
  at: Date;
  asRecordedAt: Date | null;
}

/**
 * Checks that a moment to read at is not in the future.
 * @throws BadUserInputError naming `atField` (default `at`) or `asRecordedAt`
 */
export function checkNotFuture(asOf: AsOf, atField = 'at'): void {
  const limit = Date.now() + CLOCK_SKEW_MS;
  if (asOf.at.getTime() > limit) throw new BadUserInputError(`${atField} ${asOf.at.toISOString()} is in the future`, atField);
  if (asOf.asRecordedAt && asOf.asRecordedAt.getTime() > limit)
    throw new BadUserInputError(`asRecordedAt ${asOf.asRecordedAt.toISOString()} is in the future`, 'asRecordedAt');
}

/**
 * The rows of a version table (`scene_version`, `agreement_version`, `intervention_version`; see
 * db/migrations/row-versions.ts) as they stood at `asOf.at` (valid time), as the record says now
 * or as it said at `asOf.asRecordedAt`: one per row then registered and not deleted, with
 * `columns` (SQL over the alias `v`). A subquery to read from in place of the table. Moments are
 * written as literals of our own ISO text; the table's row security applies.
 */
export function versionsAsOfSql(versionTable: string, columns: string, asOf: AsOf): string {
  const at = `${literal(asOf.at.toISOString())}::timestamptz`;
  if (!asOf.asRecordedAt) return `(select ${columns} from ${versionTable} v where tstzrange(v.valid_from, v.valid_to) @> ${at})`;
  const recorded = `${literal(asOf.asRecordedAt.toISOString())}::timestamptz`;
  // Known then (migration VersionReadIndexes): the versions then latest that had taken effect by
  // `at`, or those already superseded then (their recorded time wholly before it) whose valid time
  // holds `at`. A deletion known then superseded the last version. One condition, so that a list
  // by name still reads in index order; the two halves are GiST lookups.
  return `(select ${columns} from ${versionTable} v
            where (tstzrange(v.recorded_at, v.superseded_at) @> ${recorded} and v.valid_from <= ${at})
               or (tstzrange(v.valid_from, v.valid_to) @> ${at} and tstzrange(v.recorded_at, v.superseded_at) << tstzrange(${recorded}, null)))`;
}

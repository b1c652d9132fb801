import { ArgsType, Field, registerEnumType } from 'type-graphql';

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

export enum TrendInterval {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

registerEnumType(TrendInterval, { name: 'TrendInterval', description: 'The step between the moments of a trend' });

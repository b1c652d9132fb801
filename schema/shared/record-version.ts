import { Field, Int, ObjectType } from 'type-graphql';
import { isoMomentSql } from '../../db/sql-writer';

/**
 * What every version of a record (a scene, an agreement, an intervention) tells beside the record
 * as it then stood: its number, its valid time, its recorded time and who recorded it, and the
 * fields it changed. The version tables share these columns (db/migrations/row-versions.ts).
 */
@ObjectType({ description: 'Not in the schema itself: the fields every version type has' })
export abstract class RecordVersion {
  /** The record's id. */
  id!: string;

  @Field(() => Int, { description: 'The version’s number, counting from 1' })
  version!: number;

  @Field(() => Date, { nullable: true, description: 'When this version took effect in the world; null: before the record begins' })
  validFrom!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the next version took effect (or the record was deleted); null while it still holds',
  })
  validTo!: Date | null;

  @Field(() => Date, { description: 'When the platform recorded it' })
  recordedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Subject (user) who recorded it' })
  recordedBy!: string | null;

  recordedByOperatorId!: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The fields this version changed (all of them for the first); null when not known (versions rebuilt from older data)',
  })
  changedFields!: string[] | null;
}

/** A version row's history columns as read by historyColumnsSql. */
export interface HistoryRow {
  id: string;
  version: number;
  validFrom: string | null;
  validTo: string | null;
  recordedAt: string;
  recordedBy: string | null;
  recordedByOperatorId: string | null;
  changedFields: string[] | null;
}

/** The history columns of the version row `alias`, named as RecordVersion's fields (moments as ISO text). */
export function historyColumnsSql(alias: string): string {
  return `${alias}.id, ${alias}.version,
          case when ${alias}.valid_from = '-infinity' then null else ${isoMomentSql(`${alias}.valid_from`)} end as "validFrom",
          ${isoMomentSql(`${alias}.valid_to`)} as "validTo", ${isoMomentSql(`${alias}.recorded_at`)} as "recordedAt",
          ${alias}.recorded_by as "recordedBy", ${alias}.recorded_by_operator_id as "recordedByOperatorId",
          ${alias}.changed_fields as "changedFields"`;
}

/** The history of a version row as RecordVersion's fields. */
export function recordVersionFields(row: HistoryRow): Pick<RecordVersion, keyof RecordVersion> {
  return {
    id: row.id,
    version: row.version,
    validFrom: row.validFrom === null ? null : new Date(row.validFrom),
    validTo: row.validTo === null ? null : new Date(row.validTo),
    recordedAt: new Date(row.recordedAt),
    recordedBy: row.recordedBy,
    recordedByOperatorId: row.recordedByOperatorId,
    changedFields: row.changedFields,
  };
}

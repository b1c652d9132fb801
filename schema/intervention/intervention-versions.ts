import { versionsAsOfSql, type AsOf } from '../shared/as-of';
import { showAsOf } from '../shared/as-of-object';
import { historyColumnsSql, type HistoryRow } from '../shared/record-version';
import type { Intervention } from './intervention.entity';
import { interventionColumns, toIntervention, type InterventionRow } from './intervention.rows';

/**
 * Interventions as they stood (table `intervention_version`, migration
 * AgreementInterventionVersions). A version row has the intervention's column names and its
 * operators (`operator_ids`), so the intervention filters, orderings and map layers read it as
 * they read an intervention. Row security on `intervention_version` decides which versions a
 * caller sees: only of interventions it may see now, and only versions it could see under their
 * own sensitivity.
 */

/** Every intervention as it stood at `asOf` that the caller may see: a subquery with the columns of `intervention`. */
export function interventionsAsOfSql(asOf: AsOf): string {
  return versionsAsOfSql('intervention_version', '*', asOf);
}

/** Every field of an intervention and its version's history, of the version row `x`. */
export function interventionVersionColumnsSql(): string {
  return [
    ...interventionColumns(ALL_FIELDS).filter((column) => column !== 'x.id'),
    'x.operator_ids as "operatorIds"',
    historyColumnsSql('x'),
  ].join(', ');
}

export interface InterventionVersionRow extends HistoryRow, InterventionRow {
  operatorIds: string[];
}

/**
 * An intervention as a version row shows it (schema/shared/as-of-object.ts), read at `asOf`
 * (null: a version listed in a history). Its operators are the version's (`operatorIds`).
 */
export function interventionAsOf(row: InterventionVersionRow, asOf: AsOf | null): Intervention {
  return showAsOf(toIntervention(row), row.version, asOf);
}

/** The operators (besides the owner) an as-of intervention shows; undefined for one as it is now. */
export function operatorIdsShown(intervention: object): string[] | undefined {
  return (intervention as { operatorIds?: string[] }).operatorIds;
}

// Private:

const ALL_FIELDS = new Set([
  'category',
  'kind',
  'title',
  'description',
  'startsAt',
  'endsAt',
  'recurrence',
  'sensitivity',
  'createdAt',
  'updatedAt',
  'location',
]);

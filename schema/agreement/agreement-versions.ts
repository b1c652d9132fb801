import { areaSquareMetersSql } from '../../db/spatial/geometry-sql';
import { isoMomentSql } from '../../db/sql-writer';
import { versionsAsOfSql, type AsOf } from '../shared/as-of';
import { historyColumnsSql, type HistoryRow } from '../shared/record-version';
import type { AgreementPartyStatus, CommitmentStatus } from './agreement-kind';
import type { Agreement } from './agreement.entity';

/**
 * Agreements as they stood (table `agreement_version`, migration AgreementInterventionVersions).
 * A version holds the agreement's columns, its parties, commitments and scenes; its own validity
 * is stored as `agreement_valid_from`/`_to` (the version's valid time has the names `valid_from`/
 * `valid_to`), so agreementsAsOfSql renames them back and the agreement filters, orderings,
 * coverage and map layers read a version as they read an agreement.
 */

/** Every agreement as it stood at `asOf`: a subquery with the columns of `agreement`, and `parties` and `scene_ids`. */
export function agreementsAsOfSql(asOf: AsOf): string {
  return versionsAsOfSql(
    'agreement_version',
    `v.id, v.version, v.kind, v.title, v.description, v.agreement_valid_from as valid_from, v.agreement_valid_to as valid_to,
     v.area, ${areaSquareMetersSql('v.area')} as area_square_meters, v.parties, v.commitments, v.scene_ids, v.created_at, v.updated_at`,
    asOf,
  );
}

/** The version rows of the agreements as they stood at `asOf`, with every column (for agreementVersionColumnsSql). */
export function agreementVersionsAtSql(asOf: AsOf): string {
  return versionsAsOfSql('agreement_version', 'v.*', asOf);
}

/** Every field of an agreement version row `x` and its history, named as the fields. */
export function agreementVersionColumnsSql(): string {
  return `x.kind, x.title, x.description, to_char(x.agreement_valid_from, 'YYYY-MM-DD') as "agreementValidFrom",
          to_char(x.agreement_valid_to, 'YYYY-MM-DD') as "agreementValidTo", ${areaSquareMetersSql('x.area')} as "areaSquareMeters",
          x.area is null as "withoutArea", x.parties, x.commitments, x.scene_ids as "sceneIds",
          ${isoMomentSql('x.created_at')} as "createdAt", ${isoMomentSql('x.updated_at')} as "updatedAt",
          ${historyColumnsSql('x')}`;
}

export interface AgreementVersionRow extends HistoryRow {
  kind: Agreement['kind'];
  title: string;
  description: string | null;
  agreementValidFrom: string;
  agreementValidTo: string | null;
  areaSquareMeters: number | null;
  withoutArea: boolean;
  parties: Array<{
    operatorId: string;
    role: string | null;
    status: AgreementPartyStatus;
    respondedAt: string | null;
    respondedBy: string | null;
  }>;
  commitments: Array<{ id: string; position: number; description: string; dueDate: string | null; status: CommitmentStatus }>;
  sceneIds: string[];
  createdAt: string;
  updatedAt: string;
}

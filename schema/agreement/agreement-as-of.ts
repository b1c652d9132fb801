import type { Operator } from '../operator/operator.entity';
import type { AsOf } from '../shared/as-of';
import { showAsOf } from '../shared/as-of-object';
import type { AgreementParty } from './agreement-party.entity';
import type { AgreementVersionRow } from './agreement-versions';
import { Agreement } from './agreement.entity';
import type { Commitment } from './commitment.entity';

/** What an as-of agreement shows of its parts, by object. */
const PARTS_SHOWN = new WeakMap<object, Pick<AgreementVersionRow, 'parties' | 'commitments' | 'sceneIds'>>();

/**
 * An agreement as a version row shows it (schema/shared/as-of-object.ts), read at `asOf` (null: a
 * version listed in a history), with its parties, commitments and scenes as they then were.
 */
export function agreementAsOf(row: AgreementVersionRow, asOf: AsOf | null): Agreement {
  const agreement = Object.create(Agreement.prototype) as Agreement;
  Object.assign(agreement, {
    id: row.id,
    version: row.version,
    kind: row.kind,
    title: row.title,
    description: row.description,
    validFrom: row.agreementValidFrom,
    validTo: row.agreementValidTo,
    areaSquareMeters: row.areaSquareMeters,
    area: row.withoutArea ? null : undefined,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  });
  PARTS_SHOWN.set(agreement, { parties: row.parties, commitments: row.commitments, sceneIds: row.sceneIds });
  return showAsOf(agreement, row.version, asOf);
}

/** The parties an as-of agreement shows (their operators by id only); undefined for one as it is now. */
export function partiesShown(agreement: Agreement): AgreementParty[] | undefined {
  return PARTS_SHOWN.get(agreement)?.parties.map(
    (party) =>
      ({
        agreement: { id: agreement.id },
        operator: { id: party.operatorId } as unknown as Operator,
        role: party.role,
        status: party.status,
        respondedAt: party.respondedAt === null ? null : new Date(party.respondedAt),
        respondedBy: party.respondedBy,
      }) as unknown as AgreementParty,
  );
}

/** The commitments an as-of agreement shows; undefined for one as it is now. */
export function commitmentsShown(agreement: Agreement): Commitment[] | undefined {
  return PARTS_SHOWN.get(agreement)?.commitments.map(
    (commitment) => ({ ...commitment, agreement: { id: agreement.id } }) as unknown as Commitment,
  );
}

/** The scenes' ids an as-of agreement shows; undefined for one as it is now. */
export function sceneIdsShown(agreement: Agreement): string[] | undefined {
  return PARTS_SHOWN.get(agreement)?.sceneIds;
}

import { registerEnumType } from 'type-graphql';

export enum AgreementKind {
  CITIZEN_PROMISE = 'CITIZEN_PROMISE',
  PLACE_COLLABORATION = 'PLACE_COLLABORATION',
  GUARD_MANDATE = 'GUARD_MANDATE',
  CAMERA_PERMIT = 'CAMERA_PERMIT',
  REGIONAL_PROGRAMME = 'REGIONAL_PROGRAMME',
  OTHER = 'OTHER',
}

/** Intervention kinds that may only happen inside a valid mandate of an agreement kind (coverage, db/spatial/coverage.ts). */
export const MANDATE_REQUIRED: Readonly<Record<string, AgreementKind>> = {
  GUARD_PRESENCE: AgreementKind.GUARD_MANDATE,
  CAMERA_SURVEILLANCE: AgreementKind.CAMERA_PERMIT,
};

registerEnumType(AgreementKind, {
  name: 'AgreementKind',
  valuesConfig: {
    CITIZEN_PROMISE: { description: 'Medborgarlöfte: municipality and local police promise concrete commitments' },
    PLACE_COLLABORATION: { description: 'Platssamverkan, with strategic and operational forums' },
    GUARD_MANDATE: { description: 'LOV §3-förordnande: security guards may act inside the area' },
    CAMERA_PERMIT: { description: 'Camera surveillance over the area' },
    REGIONAL_PROGRAMME: { description: 'County-wide work coordinated regionally' },
  },
});

export enum CommitmentStatus {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

registerEnumType(CommitmentStatus, { name: 'CommitmentStatus' });

/**
 * Whether an operator has consented to being party to an agreement. Only ACCEPTED parties count:
 * for PARTNERS visibility (row security) and for editing the agreement. An operator's own party
 * is ACCEPTED when it names itself; every other party starts PENDING until an EDITOR or ADMIN of
 * that operator accepts, so that no operator can widen its visibility of another's work alone.
 */
export enum AgreementPartyStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

registerEnumType(AgreementPartyStatus, {
  name: 'AgreementPartyStatus',
  valuesConfig: {
    PENDING: { description: 'Named by another party; waits for an EDITOR or ADMIN of this operator to accept' },
    ACCEPTED: { description: 'This operator takes part: shares PARTNERS interventions at the scenes, may edit the agreement' },
    DECLINED: { description: 'This operator declined or withdrew; counts for nothing until named again and accepted' },
  },
});

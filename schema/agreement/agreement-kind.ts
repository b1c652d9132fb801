import { registerEnumType } from 'type-graphql';

export enum AgreementKind {
  CITIZEN_PROMISE = 'CITIZEN_PROMISE',
  PLACE_COLLABORATION = 'PLACE_COLLABORATION',
  GUARD_MANDATE = 'GUARD_MANDATE',
  CAMERA_PERMIT = 'CAMERA_PERMIT',
  REGIONAL_PROGRAMME = 'REGIONAL_PROGRAMME',
  OTHER = 'OTHER',
}

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

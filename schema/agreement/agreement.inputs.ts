import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { LocalDateScalar } from '../shared/date-time.scalar';
import { Crs } from '../../db/spatial/crs';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
import { SpatialFilter } from '../spatial/spatial-filter.inputs';
import { AgreementKind, AgreementPartyStatus, CommitmentStatus } from './agreement-kind';

@InputType()
export class AgreementPartyInput {
  @Field(() => ID) operatorId!: string;
  @Field(() => String, { nullable: true, description: 'e.g. "issuing authority", "permit holder", "party"' }) role?: string | null;
}

@InputType()
export class CommitmentInput {
  @Field() description!: string;
  @Field(() => LocalDateScalar, { nullable: true }) dueDate?: string | null;
  @Field(() => CommitmentStatus, { defaultValue: CommitmentStatus.PLANNED }) status!: CommitmentStatus;
}

@InputType()
export class CreateAgreementInput {
  @Field(() => AgreementKind) kind!: AgreementKind;
  @Field() title!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => LocalDateScalar) validFrom!: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Last valid day, inclusive; omit for open-ended' }) validTo?: string | null;
  @Field(() => [ID], { nullable: true }) sceneIds?: string[];
  @Field(() => [AgreementPartyInput], { nullable: true, description: 'An EDITOR must list its own operator' })
  parties?: AgreementPartyInput[];
  @Field(() => GeoJSONScalar, { nullable: true, description: 'Where it applies (Polygon or MultiPolygon)' }) area?: unknown;
  @Field(() => Crs, { defaultValue: Crs.EPSG_4326 }) crs!: Crs;
  @Field(() => [CommitmentInput], { nullable: true }) commitments?: CommitmentInput[];
}

@InputType({ description: 'Fields to change; omitted fields stay, null clears validTo, description and area. sceneIds replaces the list.' })
export class UpdateAgreementInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
  @Field(() => AgreementKind, { nullable: true }) kind?: AgreementKind;
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) validFrom?: string;
  @Field(() => LocalDateScalar, { nullable: true }) validTo?: string | null;
  @Field(() => [ID], { nullable: true }) sceneIds?: string[];
  @Field(() => GeoJSONScalar, { nullable: true }) area?: unknown;
  @Field(() => Crs, { defaultValue: Crs.EPSG_4326 }) crs!: Crs;
  @Field(() => Date, {
    nullable: true,
    description:
      'When the change took effect in the world (it makes a new version from then); default now. Not in the future, not before the agreement’s latest version.',
  })
  effectiveAt?: Date;
}

@InputType()
export class AddAgreementPartyInput {
  @Field(() => ID) agreementId!: string;
  @Field(() => ID) operatorId!: string;
  @Field(() => String, { nullable: true }) role?: string | null;
}

@InputType({ description: "The caller's operator answers for its own party to the agreement" })
export class AgreementPartyResponseInput {
  @Field(() => ID) agreementId!: string;
}

@InputType()
export class AddCommitmentInput extends CommitmentInput {
  @Field(() => ID) agreementId!: string;
}

@InputType()
export class UpdateCommitmentInput {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => LocalDateScalar, { nullable: true }) dueDate?: string | null;
  @Field(() => CommitmentStatus, { nullable: true }) status?: CommitmentStatus;
  @Field(() => Date, {
    nullable: true,
    description:
      'When the change took effect in the world (it makes a new version from then); default now. Not in the future, not before the agreement’s latest version.',
  })
  effectiveAt?: Date;
}

@InputType()
export class AgreementFilter {
  @Field(() => [AgreementKind], { nullable: true }) kind?: AgreementKind[];
  @Field(() => ID, { nullable: true, description: 'Agreements this operator is party to' }) operatorId?: string;
  @Field(() => AgreementPartyStatus, {
    nullable: true,
    description: 'With operatorId: only where that party is in this status (PENDING: invitations it has not answered)',
  })
  partyStatus?: AgreementPartyStatus;
  @Field(() => ID, { nullable: true, description: 'Agreements about this scene' }) sceneId?: string;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Valid on this day' }) activeOn?: string;
  @Field(() => SpatialFilter, { nullable: true, description: 'Conditions on the agreement area (agreements without one never match)' })
  spatial?: SpatialFilter;
}

export enum AgreementOrderBy {
  VALID_FROM_DESC = 'VALID_FROM_DESC',
  VALID_FROM_ASC = 'VALID_FROM_ASC',
  TITLE_ASC = 'TITLE_ASC',
}

registerEnumType(AgreementOrderBy, { name: 'AgreementOrderBy' });

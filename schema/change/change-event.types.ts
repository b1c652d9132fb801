import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Crs } from '../../db/spatial/crs';
import { AgreementKind, CommitmentStatus } from '../agreement/agreement-kind';
import { InterventionCategory, Sensitivity } from '../intervention/intervention-enums';
import { LocalDateScalar } from '../shared/date-time.scalar';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
import { NearInput } from '../spatial/spatial-filter.inputs';
import type { ChangePayload } from './change-log';

export enum InterventionChange {
  CREATED = 'CREATED',
  CHANGED = 'CHANGED',
  SHARED = 'SHARED',
  DELETED = 'DELETED',
}
registerEnumType(InterventionChange, {
  name: 'InterventionChange',
  valuesConfig: { SHARED: { description: 'A RESTRICTED intervention was shared with one more operator' } },
});

export enum AgreementChange {
  CREATED = 'CREATED',
  CHANGED = 'CHANGED',
  DELETED = 'DELETED',
  EXPIRING = 'EXPIRING',
}
registerEnumType(AgreementChange, {
  name: 'AgreementChange',
  valuesConfig: { EXPIRING: { description: 'The day has come when the agreement ends within the days a subscriber asked for' } },
});

/**
 * What every logged change carries, whatever its subject. The payload rides along (not a field)
 * so that field resolvers reach the subject, its scenes and its location under the subscriber's
 * row security.
 */
@ObjectType({ description: 'Not in the schema itself: the fields every logged change has' })
export abstract class LoggedChange {
  @Field(() => ID, { description: 'Increases with every committed change; pass the last one seen as `after` to resume' }) id!: string;
  @Field(() => [String], { description: 'The fields this change set (GraphQL names)' }) changedFields!: string[];
  @Field(() => Date, { description: 'When the change took effect (a notice: when it was given)' }) changedAt!: Date;
  @Field(() => Date, { description: 'When the platform recorded it' }) recordedAt!: Date;
  @Field(() => String, { nullable: true, description: 'Subject (user) who made the change' }) changedBy!: string | null;
  payload!: ChangePayload;
}

@ObjectType({ description: 'A committed change of an intervention, delivered in id order' })
export class InterventionChangeEvent extends LoggedChange {
  @Field(() => InterventionChange) change!: InterventionChange;
  @Field(() => ID) interventionId!: string;
  @Field(() => Int, { description: 'The version this change made (see Intervention.versions)' }) version!: number;
  @Field() title!: string;
  @Field() kind!: string;
  @Field(() => InterventionCategory) category!: InterventionCategory;
  @Field(() => Sensitivity) sensitivity!: Sensitivity;
}

@ObjectType({ description: 'A committed change of an agreement, or the day it comes within the days asked of its end' })
export class AgreementChangeEvent extends LoggedChange {
  @Field(() => AgreementChange) change!: AgreementChange;
  @Field(() => ID) agreementId!: string;
  @Field(() => Int, { nullable: true, description: 'The version this change made, or the latest at a notice' }) version!: number | null;
  @Field() title!: string;
  @Field(() => AgreementKind) kind!: AgreementKind;
  @Field(() => LocalDateScalar, { nullable: true, description: 'Its last day in force' }) validTo!: string | null;
  @Field(() => Int, { nullable: true, description: 'EXPIRING: days from the notice to validTo (0: it ends today)' }) daysLeft!:
    number | null;
}

@ObjectType({ description: 'The day has come when an open commitment falls due within the days asked' })
export class CommitmentDueEvent extends LoggedChange {
  @Field(() => ID) commitmentId!: string;
  @Field() description!: string;
  @Field(() => LocalDateScalar) dueDate!: string;
  @Field(() => Int, { description: 'Days from the notice to the due date (0: due today)' }) daysLeft!: number;
  @Field(() => CommitmentStatus, { description: 'Its status when the notice was given' }) status!: CommitmentStatus;
}

@InputType({ description: 'Which intervention changes to receive; all given conditions must hold' })
export class InterventionChangedFilter {
  @Field(() => GeoJSONScalar, {
    nullable: true,
    description: 'Its location, before or after the change, lies inside this Polygon or MultiPolygon (a mandate area)',
  })
  within?: unknown;
  @Field(() => NearInput, { nullable: true, description: 'Its location, before or after the change, is within radiusMeters of the point' })
  near?: NearInput;
  @Field(() => Crs, { defaultValue: Crs.EPSG_4326, description: 'CRS of within and near.point' }) crs!: Crs;
  @Field(() => [ID], { nullable: true }) sceneIds?: string[];
  @Field(() => [String], { nullable: true, description: 'Kind codes, e.g. CAMERA_SURVEILLANCE' }) kinds?: string[];
  @Field(() => [InterventionCategory], { nullable: true }) categories?: InterventionCategory[];
  @Field(() => [InterventionChange], { nullable: true, description: 'Default: all' }) changes?: InterventionChange[];
}

@InputType({ description: 'Which agreement changes to receive; all given conditions must hold' })
export class AgreementChangedFilter {
  @Field(() => GeoJSONScalar, {
    nullable: true,
    description: 'Its area, before or after the change, lies inside this Polygon or MultiPolygon',
  })
  within?: unknown;
  @Field(() => NearInput, { nullable: true, description: 'Its area, before or after the change, is within radiusMeters of the point' })
  near?: NearInput;
  @Field(() => Crs, { defaultValue: Crs.EPSG_4326, description: 'CRS of within and near.point' }) crs!: Crs;
  @Field(() => [ID], { nullable: true }) agreementIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Agreements covering any of these scenes' }) sceneIds?: string[];
  @Field(() => [AgreementKind], { nullable: true }) kinds?: AgreementKind[];
  @Field(() => [ID], { nullable: true, description: 'Agreements any of these operators is party to' }) partyOperatorIds?: string[];
  @Field(() => Boolean, { nullable: true, description: "Only agreements the caller's operator is party to" }) mine?: boolean;
  @Field(() => Int, {
    nullable: true,
    description:
      'Also deliver EXPIRING, once per agreement and end date, on the day it comes within this many days of its end (0–90; 0: the last day)',
  })
  expiresWithinDays?: number;
  @Field(() => [AgreementChange], {
    nullable: true,
    description: 'Default: CREATED, CHANGED, DELETED, and EXPIRING with expiresWithinDays',
  })
  changes?: AgreementChange[];
}

@InputType({ description: 'Which commitments to be told of; all given conditions must hold' })
export class CommitmentDueFilter {
  @Field(() => [ID], { nullable: true }) agreementIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Commitments of agreements any of these operators is party to' })
  partyOperatorIds?: string[];
  @Field(() => Boolean, { nullable: true, description: "Only commitments of agreements the caller's operator is party to" }) mine?: boolean;
}

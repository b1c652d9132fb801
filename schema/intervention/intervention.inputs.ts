import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { Crs } from '../../db/spatial/crs';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
import { SpatialFilter } from '../spatial/spatial-filter.inputs';
import { InterventionCategory, Sensitivity } from './intervention-enums';

@InputType({ description: 'The owner is always the caller’s operator' })
export class CreateInterventionInput {
  @Field(() => ID) sceneId!: string;
  @Field() title!: string;
  @Field(() => InterventionCategory) category!: InterventionCategory;
  @Field({ description: 'Short UPPER_SNAKE method code, e.g. UNIFORMED_PRESENCE, CAMERA_SURVEILLANCE, CLEANING, SAFETY_WALK' })
  kind!: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => GeoJSONScalar, { description: 'Point, LineString, Polygon or their Multi* forms' }) location!: unknown;
  @Field(() => Crs, { defaultValue: Crs.EPSG_4326 }) crs!: Crs;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date, { nullable: true }) endsAt?: Date | null;
  @Field(() => String, { nullable: true, description: 'e.g. "Fridays and Saturdays 18:00–02:00"' }) recurrence?: string | null;
  @Field(() => Sensitivity, { defaultValue: Sensitivity.OPEN }) sensitivity!: Sensitivity;
  @Field(() => ID, { nullable: true }) agreementId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'Participating operators besides the owner' }) operatorIds?: string[];
}

@InputType({ description: 'Fields to change; omitted fields stay, null clears the optional ones. operatorIds replaces the list.' })
export class UpdateInterventionInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
  @Field(() => ID, { nullable: true }) sceneId?: string;
  @Field(() => String, { nullable: true }) title?: string;
  @Field(() => InterventionCategory, { nullable: true }) category?: InterventionCategory;
  @Field(() => String, { nullable: true }) kind?: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => GeoJSONScalar, { nullable: true }) location?: unknown;
  @Field(() => Crs, { defaultValue: Crs.EPSG_4326 }) crs!: Crs;
  @Field(() => Date, { nullable: true }) startsAt?: Date;
  @Field(() => Date, { nullable: true }) endsAt?: Date | null;
  @Field(() => String, { nullable: true }) recurrence?: string | null;
  @Field(() => Sensitivity, { nullable: true }) sensitivity?: Sensitivity;
  @Field(() => ID, { nullable: true }) agreementId?: string | null;
  @Field(() => [ID], { nullable: true }) operatorIds?: string[];
  @Field(() => Date, {
    nullable: true,
    description:
      'When the change took effect in the world (it makes a new version from then); default now. Not in the future, not before the intervention’s latest version.',
  })
  effectiveAt?: Date;
}

@InputType()
export class DeleteInterventionInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
}

@InputType({ description: 'An intervention and an operator to share it with, or to stop sharing it with' })
export class ShareInterventionInput {
  @Field(() => ID) interventionId!: string;
  @Field(() => ID) operatorId!: string;
}

@InputType()
export class InterventionFilter {
  @Field(() => [ID], { nullable: true }) sceneId?: string[];
  @Field(() => ID, { nullable: true, description: 'Owned by this operator' }) ownerId?: string;
  @Field(() => ID, { nullable: true, description: 'Owned by or with the participation of this operator' }) operatorId?: string;
  @Field(() => ID, { nullable: true }) agreementId?: string;
  @Field(() => [InterventionCategory], { nullable: true }) category?: InterventionCategory[];
  @Field(() => [String], { nullable: true }) kind?: string[];
  @Field(() => [Sensitivity], { nullable: true }) sensitivity?: Sensitivity[];
  @Field(() => Date, { nullable: true, description: 'Running at this moment (started, not yet ended)' }) activeAt?: Date;
  @Field(() => Date, { nullable: true, description: 'Starting at or after this moment' }) startsFrom?: Date;
  @Field(() => Date, { nullable: true, description: 'Starting before this moment' }) startsBefore?: Date;
  @Field(() => SpatialFilter, { nullable: true, description: 'Conditions on the intervention location' }) spatial?: SpatialFilter;
}

export enum InterventionOrderBy {
  STARTS_AT_DESC = 'STARTS_AT_DESC',
  STARTS_AT_ASC = 'STARTS_AT_ASC',
  CREATED_AT_DESC = 'CREATED_AT_DESC',
  TITLE_ASC = 'TITLE_ASC',
}

registerEnumType(InterventionOrderBy, { name: 'InterventionOrderBy' });

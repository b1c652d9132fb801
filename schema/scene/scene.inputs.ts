import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
import { Crs } from '../../db/spatial/crs';
import { SpatialFilter } from '../spatial/spatial-filter.inputs';
import { SceneStatus } from './scene-status';

@InputType({ description: 'The problem profile: free text and tags' })
export class ProblemProfileInput {
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true }) substances?: string[];
  @Field(() => [String], { nullable: true }) crimeKinds?: string[];
  @Field(() => [String], { nullable: true }) targetGroups?: string[];
  @Field(() => [String], { nullable: true }) tags?: string[];
}

@InputType()
export class CreateSceneInput {
  @Field() name!: string;
  @Field() municipality!: string;
  @Field(() => String, { nullable: true }) district?: string | null;
  @Field(() => String, { nullable: true }) policeArea?: string | null;
  @Field(() => [String], { nullable: true, description: 'Statistical-area codes, e.g. "101 025"' }) statAreas?: string[];
  @Field(() => ProblemProfileInput, { nullable: true }) problemProfile?: ProblemProfileInput;

  @Field(() => GeoJSONScalar, { description: 'Polygon or MultiPolygon' })
  area!: unknown;

  @Field(() => Crs, { defaultValue: Crs.EPSG_4326, description: 'CRS of `area`' })
  crs!: Crs;

  @Field(() => SceneStatus, { nullable: true, description: 'Initial status; only ADMIN may set anything but EMERGING' })
  status?: SceneStatus;

  @Field(() => String, { nullable: true, description: 'Why the scene is registered; written to its status history' })
  reason?: string;

  @Field(() => String, { nullable: true, description: 'The situation picture (lägesbild) the registration rests on' })
  situationNote?: string;
}

@InputType({ description: 'Fields to change; omitted fields stay as they are. The status changes only through changeSceneStatus.' })
export class UpdateSceneInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true, description: 'Refuse with CONFLICT unless the scene still has this version' })
  expectedVersion?: number;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) municipality?: string;
  @Field(() => String, { nullable: true }) district?: string | null;
  @Field(() => String, { nullable: true }) policeArea?: string | null;
  @Field(() => [String], { nullable: true }) statAreas?: string[];
  @Field(() => ProblemProfileInput, { nullable: true }) problemProfile?: ProblemProfileInput;
  @Field(() => GeoJSONScalar, { nullable: true }) area?: unknown;
  @Field(() => Crs, { defaultValue: Crs.EPSG_4326 }) crs!: Crs;
  @Field(() => Date, {
    nullable: true,
    description:
      'When the change took effect in the world (it makes a new version from then); default now. Not in the future, not before the scene’s latest version.',
  })
  effectiveAt?: Date;
}

@InputType()
export class ChangeSceneStatusInput {
  @Field(() => ID) sceneId!: string;
  @Field(() => SceneStatus) status!: SceneStatus;
  @Field({ description: 'Why; required' }) reason!: string;
  @Field(() => String, { nullable: true, description: 'The situation picture (lägesbild) the change rests on' })
  situationNote?: string;
  @Field(() => Int, { description: 'The version the caller saw; a stale one is refused with CONFLICT' })
  expectedVersion!: number;
  @Field(() => Date, {
    nullable: true,
    description: 'When the change took effect (a decision date); default now. Not in the future, not before the previous change.',
  })
  effectiveAt?: Date;
}

@InputType()
export class ArchiveSceneInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
}

@InputType()
export class SceneFilter {
  @Field(() => [SceneStatus], { nullable: true, description: 'Any of these statuses' }) status?: SceneStatus[];
  @Field(() => [String], { nullable: true, description: 'Any of these municipalities' }) municipality?: string[];
  @Field(() => [String], { nullable: true, description: 'Any of these local police areas' }) policeArea?: string[];
  @Field(() => [String], { nullable: true }) district?: string[];
  @Field(() => String, { nullable: true, description: 'Case-insensitive substring of the name' }) nameContains?: string;
  @Field(() => String, { nullable: true, description: 'Scenes whose statistical areas include this code' }) statArea?: string;
  @Field({ defaultValue: false, description: 'Include archived scenes' }) includeArchived!: boolean;
  @Field(() => SpatialFilter, { nullable: true, description: 'Conditions on the scene area' }) spatial?: SpatialFilter;
}

export enum SceneOrderBy {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
  CREATED_AT_DESC = 'CREATED_AT_DESC',
  UPDATED_AT_DESC = 'UPDATED_AT_DESC',
  MUNICIPALITY_ASC = 'MUNICIPALITY_ASC',
}

registerEnumType(SceneOrderBy, { name: 'SceneOrderBy' });

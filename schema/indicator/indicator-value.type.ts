import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An indicator for a scene’s statistical area and year, with the municipality’s average beside it' })
export class IndicatorValue {
  @Field({ description: 'e.g. narcotics_total, assault_outdoors_total, robbery' }) name!: string;
  @Field(() => Int) year!: number;
  @Field(() => Float) value!: number;
  @Field({ description: 'The statistical area (basområde) code' }) statArea!: string;
  @Field({ description: 'The place as the source names it' }) place!: string;
  @Field(() => Float, { nullable: true, description: 'Average per statistical area in the scene’s municipality, same indicator and year' })
  municipalityAverage!: number | null;
  @Field(() => Float, { nullable: true, description: 'value / municipalityAverage' }) ratioToAverage!: number | null;
}

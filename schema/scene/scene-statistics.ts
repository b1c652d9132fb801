import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum SceneStatisticsGroupBy {
  STATUS = 'STATUS',
  MUNICIPALITY = 'MUNICIPALITY',
  POLICE_AREA = 'POLICE_AREA',
}

registerEnumType(SceneStatisticsGroupBy, { name: 'SceneStatisticsGroupBy' });

@ObjectType({ description: 'Scenes counted together, with their total area' })
export class SceneStatisticsGroup {
  @Field(() => String, { nullable: true, description: 'The status, municipality or police area; null for scenes without one' })
  key!: string | null;

  @Field(() => Int) count!: number;

  @Field(() => Float, { description: 'Sum of the scenes’ areas on the spheroid, in square metres' })
  totalAreaSquareMeters!: number;
}

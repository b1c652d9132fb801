import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum InterventionStatisticsGroupBy {
  CATEGORY = 'CATEGORY',
  KIND = 'KIND',
  SENSITIVITY = 'SENSITIVITY',
  OWNER = 'OWNER',
  SCENE = 'SCENE',
}

registerEnumType(InterventionStatisticsGroupBy, { name: 'InterventionStatisticsGroupBy' });

@ObjectType({ description: 'Interventions counted together' })
export class InterventionStatisticsGroup {
  @Field({ description: 'The category, kind or sensitivity; for OWNER and SCENE the operator’s or scene’s id' })
  key!: string;

  @Field(() => String, { nullable: true, description: 'For OWNER and SCENE, the operator’s or scene’s name' })
  label!: string | null;

  @Field(() => Int) count!: number;
}

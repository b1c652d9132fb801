import { ArgsType, Field, ObjectType } from 'type-graphql';
import { createConnectionType, ForwardPageArgs } from '../shared/pagination';
import { Intervention } from './intervention.entity';
import { InterventionFilter, InterventionOrderBy } from './intervention.inputs';

@ObjectType()
export class InterventionConnection extends createConnectionType(Intervention, 'Intervention') {}

/** The arguments of a list of interventions inside an object: a page per parent, its order and filter. */
@ArgsType()
export class NestedInterventionArgs extends ForwardPageArgs {
  @Field(() => InterventionOrderBy, { defaultValue: InterventionOrderBy.STARTS_AT_DESC })
  orderBy!: InterventionOrderBy;

  @Field(() => InterventionFilter, { nullable: true, description: 'Conditions on the interventions, as for the top-level list' })
  filter?: InterventionFilter;
}

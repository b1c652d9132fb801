import { Field, ObjectType } from 'type-graphql';
import { recordVersionFields, RecordVersion } from '../shared/record-version';
import { Intervention } from './intervention.entity';
import { interventionAsOf, type InterventionVersionRow } from './intervention-versions';

@ObjectType({
  description: 'One version of an intervention: a change, when it took effect, who recorded it, and the intervention as it then stood',
})
export class InterventionVersion extends RecordVersion {
  @Field(() => Intervention, { description: 'The intervention as it stood in this version' })
  intervention!: Intervention;
}

/** A version row as the GraphQL type InterventionVersion. */
export function interventionVersionOf(row: InterventionVersionRow): InterventionVersion {
  return Object.assign(new InterventionVersion(), recordVersionFields(row), { intervention: interventionAsOf(row, null) });
}

import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Operator } from '../operator/operator.entity';
import type { Context } from '../shared/context';
import { InterventionVersion } from './intervention-version.type';
import { Intervention } from './intervention.entity';
import { InterventionService } from './intervention.service';

/** An intervention's history: `Intervention.versions`, and who recorded each. */
@Resolver(() => Intervention)
export class InterventionHistoryResolver {
  @FieldResolver(() => [InterventionVersion], {
    description:
      'Every version of the intervention (location, window, recurrence, kind, operators, sensitivity…) you may see, oldest first: a version you could not see under its own sensitivity is left out',
  })
  versions(@Root() intervention: Pick<Intervention, 'id'>, @Ctx() ctx: Context): Promise<InterventionVersion[]> {
    return new InterventionService(ctx).versions(intervention.id);
  }
}

@Resolver(() => InterventionVersion)
export class InterventionVersionResolver {
  @FieldResolver(() => Operator, { nullable: true, description: 'The operator of the subject who recorded it' })
  recordedByOperator(@Root() version: InterventionVersion, @Ctx() ctx: Context) {
    return version.recordedByOperatorId ? ctx.loaders.operatorById.load(version.recordedByOperatorId) : null;
  }
}

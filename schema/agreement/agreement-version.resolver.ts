import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Operator } from '../operator/operator.entity';
import type { Context } from '../shared/context';
import { AgreementVersion } from './agreement-version.type';
import { Agreement } from './agreement.entity';
import { AgreementService } from './agreement.service';

/** An agreement's history: `Agreement.versions`, and who recorded each. */
@Resolver(() => Agreement)
export class AgreementHistoryResolver {
  @FieldResolver(() => [AgreementVersion], {
    description: 'Every version of the agreement (kind, title, validity, area, parties, commitments, scenes), oldest first',
  })
  versions(@Root() agreement: Agreement, @Ctx() ctx: Context): Promise<AgreementVersion[]> {
    return new AgreementService(ctx).versions(agreement.id);
  }
}

@Resolver(() => AgreementVersion)
export class AgreementVersionResolver {
  @FieldResolver(() => Operator, { nullable: true, description: 'The operator of the subject who recorded it' })
  recordedByOperator(@Root() version: AgreementVersion, @Ctx() ctx: Context) {
    return version.recordedByOperatorId ? ctx.loaders.operatorById.load(version.recordedByOperatorId) : null;
  }
}

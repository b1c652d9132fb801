import { ArgsType, Field, ObjectType } from 'type-graphql';
import type { AsOf } from '../shared/as-of';
import { agreementsAsOfSql } from './agreement-versions';
import type { Context } from '../shared/context';
import { createNestedPageLoader } from '../shared/nested-pagination';
import { AGREEMENT_ORDERINGS } from './agreement.repository';
import { createConnectionType, ForwardPageArgs, type ConnectionResult } from '../shared/pagination';
import { Agreement } from './agreement.entity';
import { AgreementOrderBy } from './agreement.inputs';

@ObjectType()
export class AgreementConnection extends createConnectionType(Agreement, 'Agreement') {}

/** The arguments of a list of agreements inside an object: a page per parent and its order. */
@ArgsType()
export class NestedAgreementArgs extends ForwardPageArgs {
  @Field(() => AgreementOrderBy, { defaultValue: AgreementOrderBy.VALID_FROM_DESC })
  orderBy!: AgreementOrderBy;
}

/** A scene's page of agreements, every scene of the request answered in one statement. */
export async function agreementsOfScene(
  ctx: Context,
  sceneId: string,
  args: NestedAgreementArgs,
  count: boolean,
  asOf?: AsOf,
): Promise<ConnectionResult<Agreement>> {
  const moment = asOf ? [asOf.at, asOf.asRecordedAt] : null;
  const key = `agreements:scene:${JSON.stringify([args.first, args.after, args.orderBy, count, moment])}`;
  const byId = asOf ? ctx.loaders.agreementAsOf(asOf) : ctx.loaders.agreementById;
  const loader = await ctx.loaders.lists(key, async () =>
    createNestedPageLoader(ctx.em, {
      table: asOf ? agreementsAsOfSql(asOf) : 'agreement',
      conditions: (alias) => [
        asOf
          ? `p.parent_id = any(${alias}.scene_ids)`
          : `exists (select 1 from agreement_scene link where link.agreement_id = ${alias}.id and link.scene_id = p.parent_id)`,
      ],
      ordering: AGREEMENT_ORDERINGS[args.orderBy],
      page: args,
      count,
      nodes: { load: (ids) => byId.loadMany(ids) as Promise<Array<Agreement | null | Error>> },
    }),
  );
  return loader.load(sceneId);
}

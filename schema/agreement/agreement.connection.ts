import { ArgsType, Field, ObjectType } from 'type-graphql';
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
): Promise<ConnectionResult<Agreement>> {
  const key = `agreements:scene:${JSON.stringify([args.first, args.after, args.orderBy, count])}`;
  const loader = await ctx.loaders.lists(key, async () =>
    createNestedPageLoader(ctx.em, {
      table: 'agreement',
      conditions: (alias) => [
        `exists (select 1 from agreement_scene link where link.agreement_id = ${alias}.id and link.scene_id = p.parent_id)`,
      ],
      ordering: AGREEMENT_ORDERINGS[args.orderBy],
      page: args,
      count,
      nodes: { load: (ids) => ctx.loaders.agreementById.loadMany(ids) as Promise<Array<Agreement | null | Error>> },
    }),
  );
  return loader.load(sceneId);
}

import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Agreement } from '../agreement/agreement.entity';
import { InterventionConnection, NestedInterventionArgs } from '../intervention/intervention.connection';
import { interventionsUnder } from '../intervention/nested-interventions';
import type { Context } from '../shared/context';
import { nodeFields, selects } from '../shared/selection';
import { createConnectionType, PageArgs } from '../shared/pagination';
import { Operator } from './operator.entity';
import { CreateOperatorInput, OperatorFilter, OperatorOrderBy, UpdateOperatorInput } from './operator.inputs';
import { OperatorService } from './operator.service';

@ObjectType()
export class OperatorConnection extends createConnectionType(Operator, 'Operator') {}

/** What the field resolvers read of an operator: an entity or a plain row (operator.rows.ts), handed over as it is. */
type OperatorNode = Pick<Operator, 'id' | 'parent'>;

@Resolver(() => Operator)
export class OperatorResolver {
  @Query(() => Operator)
  operator(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Operator> {
    return new OperatorService(ctx).findById(id);
  }

  @Query(() => OperatorConnection)
  operators(
    @Arg('filter', () => OperatorFilter, { nullable: true }) filter: OperatorFilter | undefined,
    @Arg('orderBy', () => OperatorOrderBy, { defaultValue: OperatorOrderBy.NAME_ASC }) orderBy: OperatorOrderBy,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ) {
    return new OperatorService(ctx).list(filter, orderBy, page, selects(info, 'totalCount'));
  }

  @Mutation(() => Operator, { description: 'Registers an operator (ADMIN)' })
  createOperator(@Arg('input') input: CreateOperatorInput, @Ctx() ctx: Context): Promise<Operator> {
    return new OperatorService(ctx).create(input);
  }

  @Mutation(() => Operator, { description: 'Changes an operator (ADMIN)' })
  updateOperator(@Arg('input') input: UpdateOperatorInput, @Ctx() ctx: Context): Promise<Operator> {
    return new OperatorService(ctx).update(input);
  }

  @FieldResolver(() => Operator, { nullable: true })
  parent(@Root() operator: OperatorNode, @Ctx() ctx: Context) {
    return operator.parent ? ctx.loaders.operatorRowById.load(operator.parent.id) : null;
  }

  @FieldResolver(() => [Operator], { description: 'Operators that belong to this one' })
  children(@Root() operator: OperatorNode, @Ctx() ctx: Context) {
    return ctx.loaders.childrenByOperatorId.load(operator.id);
  }

  @FieldResolver(() => InterventionConnection, {
    description: 'Interventions it owns or takes part in, a page at a time (newest first by default)',
  })
  interventions(
    @Root() operator: OperatorNode,
    @Args() args: NestedInterventionArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ) {
    return interventionsUnder(ctx, 'operator', operator.id, args, selects(info, 'totalCount'), nodeFields(info));
  }

  @FieldResolver(() => [Agreement], { description: 'Agreements it is party to, newest first' })
  async agreements(@Root() operator: OperatorNode, @Ctx() ctx: Context): Promise<Agreement[]> {
    const parties = await ctx.loaders.agreementsByOperatorId.load(operator.id);
    return parties.map((party) => party.agreement.getEntity());
  }
}

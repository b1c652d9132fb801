import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Agreement } from '../agreement/agreement.entity';
import { Intervention } from '../intervention/intervention.entity';
import type { Context } from '../shared/context';
import { createConnectionType, PageArgs } from '../shared/pagination';
import { Operator } from './operator.entity';
import { CreateOperatorInput, OperatorFilter, OperatorOrderBy, UpdateOperatorInput } from './operator.inputs';
import { OperatorService } from './operator.service';

@ObjectType()
export class OperatorConnection extends createConnectionType(Operator, 'Operator') {}

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
    @Ctx() ctx: Context,
  ) {
    return new OperatorService(ctx).list(filter, orderBy, page);
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
  parent(@Root() operator: Operator, @Ctx() ctx: Context) {
    return operator.parent ? ctx.loaders.operatorById.load(operator.parent.id) : null;
  }

  @FieldResolver(() => [Operator], { description: 'Operators that belong to this one' })
  children(@Root() operator: Operator, @Ctx() ctx: Context) {
    return ctx.loaders.childrenByOperatorId.load(operator.id);
  }

  @FieldResolver(() => [Intervention], { description: 'Interventions it owns or takes part in, newest first' })
  async interventions(@Root() operator: Operator, @Ctx() ctx: Context): Promise<Intervention[]> {
    const rows = await ctx.loaders.interventionsByOperatorId.load(operator.id);
    return rows.map((row) => row.intervention);
  }

  @FieldResolver(() => [Agreement], { description: 'Agreements it is party to, newest first' })
  async agreements(@Root() operator: Operator, @Ctx() ctx: Context): Promise<Agreement[]> {
    const parties = await ctx.loaders.agreementsByOperatorId.load(operator.id);
    return parties.map((party) => party.agreement.getEntity());
  }
}

import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Operator } from '../operator/operator.entity';
import type { Context } from '../shared/context';
import { SceneStatusChange } from './scene-status-change.entity';

@Resolver(() => SceneStatusChange)
export class SceneStatusChangeResolver {
  @FieldResolver(() => Operator, { nullable: true, description: 'The operator on whose behalf the change was recorded' })
  changedByOperator(@Root() change: SceneStatusChange, @Ctx() ctx: Context) {
    return change.changedByOperator ? ctx.loaders.operatorRowById.load(change.changedByOperator.id) : null;
  }
}

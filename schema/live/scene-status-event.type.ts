import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Operator } from '../operator/operator.entity';
import { SceneStatus } from '../scene/scene-status';
import { Scene } from '../scene/scene.entity';
import { BBoxInput } from '../spatial/spatial-filter.inputs';

@ObjectType({ description: 'A committed status change, delivered in id order' })
export class SceneStatusEvent {
  @Field(() => ID, { description: 'Increases with every committed change; pass the last one seen as `after` to resume' }) id!: string;
  @Field(() => Scene) scene!: Scene;
  @Field(() => SceneStatus, { nullable: true, description: 'Null when the scene was just registered' }) from!: SceneStatus | null;
  @Field(() => SceneStatus) to!: SceneStatus;
  @Field() reason!: string;
  @Field(() => Date, { description: 'When the change took effect' }) changedAt!: Date;
  @Field(() => String, { nullable: true, description: 'Subject (user) who made the change' }) changedBy!: string | null;
  @Field(() => Operator, { nullable: true }) changedByOperator!: Operator | null;
}

@InputType({ description: 'Which changes to receive; all given conditions must hold' })
export class SceneStatusChangedFilter {
  @Field(() => [ID], { nullable: true }) sceneIds?: string[];
  @Field(() => [String], { nullable: true }) municipality?: string[];
  @Field(() => [SceneStatus], { nullable: true, description: 'Changes into or out of any of these statuses' }) statuses?: SceneStatus[];
  @Field(() => BBoxInput, { nullable: true, description: 'Scenes whose area intersects this box' }) bbox?: BBoxInput;
}

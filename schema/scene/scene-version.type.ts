import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Scene } from './scene.entity';

/** One version of a scene: what changed, who recorded it, when it took effect, and the scene as it then stood. */
@ObjectType({ description: 'One version of a scene: a change, when it took effect, who recorded it, and the scene as it then stood' })
export class SceneVersion {
  /** The scene's id. */
  id!: string;

  @Field(() => Int, { description: 'The scene’s version number after this change' })
  version!: number;

  @Field(() => Date, { nullable: true, description: 'When this version took effect in the world; null: before the record begins' })
  validFrom!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When the next version took effect; null while it still holds' })
  validTo!: Date | null;

  @Field(() => Date, { description: 'When the platform recorded it' })
  recordedAt!: Date;

  @Field(() => String, { nullable: true, description: 'Subject (user) who recorded it' })
  recordedBy!: string | null;

  recordedByOperatorId!: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'The fields this version changed (all of them for the first); null when not known (versions rebuilt from the status history)',
  })
  changedFields!: string[] | null;

  @Field(() => Scene, { description: 'The scene as it stood in this version' })
  scene!: Scene;
}

@ObjectType({ description: 'Scenes counted together at one moment of a trend, with their total area as it then stood' })
export class SceneAreaTrendPoint {
  @Field(() => Date, { description: 'The moment: things as they stood then (current knowledge)' })
  at!: Date;

  @Field(() => String, { nullable: true, description: 'The status, municipality or police area; null for scenes without one' })
  key!: string | null;

  @Field(() => Int) count!: number;

  @Field(() => Float, { description: 'Sum of the scenes’ areas as they then stood, on the spheroid, in square metres' })
  totalAreaSquareMeters!: number;
}

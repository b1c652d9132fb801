import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RecordVersion } from '../shared/record-version';
import { Scene } from './scene.entity';

/** One version of a scene: what changed, who recorded it, when it took effect, and the scene as it then stood. */
@ObjectType({ description: 'One version of a scene: a change, when it took effect, who recorded it, and the scene as it then stood' })
export class SceneVersion extends RecordVersion {
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

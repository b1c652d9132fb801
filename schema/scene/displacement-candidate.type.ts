import { Field, Float, ObjectType } from 'type-graphql';
import { Scene } from './scene.entity';
import { SceneStatus } from './scene-status';

@ObjectType({
  description: 'A scene that became ACTIVE or EMERGING near a scene that had left ACTIVE shortly before: a possible displacement',
})
export class DisplacementCandidate {
  @Field(() => Scene, { description: 'The scene that appeared or came back' }) scene!: Scene;
  @Field(() => SceneStatus, { description: 'ACTIVE or EMERGING' }) became!: SceneStatus;
  @Field(() => SceneStatus, { nullable: true, description: 'What it was before: null for a new scene, MONITORING for a resurgence' })
  becameFrom!: SceneStatus | null;
  @Field(() => Date) becameAt!: Date;
  @Field(() => Scene, { description: 'The scene that had left ACTIVE' }) origin!: Scene;
  @Field(() => SceneStatus, { description: 'What the origin moved to (MONITORING)' }) originLeftTo!: SceneStatus;
  @Field(() => Date) originLeftAt!: Date;
  @Field(() => Float, { description: 'Shortest distance between the two areas, metres on the spheroid' }) distanceMeters!: number;
  @Field(() => Float, { description: 'Days from the origin leaving ACTIVE to the other scene’s change' }) daysBetween!: number;
}

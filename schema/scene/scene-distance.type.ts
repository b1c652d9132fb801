import { Field, Float, ObjectType } from 'type-graphql';
import { Scene } from './scene.entity';

@ObjectType({ description: 'A scene and its distance from a point or another scene' })
export class SceneDistance {
  @Field(() => Scene) scene!: Scene;
  @Field(() => Float, { description: 'Shortest distance on the spheroid, in metres (0 when touching or inside)' }) distanceMeters!: number;
}

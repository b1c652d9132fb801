import { Embeddable, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';

/** What the problem at a scene is: substances, kinds of crime, target groups, as tags and free text. */
@ObjectType({ description: 'The problem profile of a scene' })
@Embeddable()
export class ProblemProfile {
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => [String])
  @Property({ type: 'text[]' })
  substances: string[] = [];

  @Field(() => [String])
  @Property({ type: 'text[]' })
  crimeKinds: string[] = [];

  @Field(() => [String])
  @Property({ type: 'text[]' })
  targetGroups: string[] = [];

  @Field(() => [String])
  @Property({ type: 'text[]' })
  tags: string[] = [];
}

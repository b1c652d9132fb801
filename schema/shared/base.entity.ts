import { Entity, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/** `createdAt` and `updatedAt`, for every entity a person edits. */
@ObjectType() // abstract: inherited by subclasses, never served on its own
@Entity({ abstract: true })
export abstract class TimestampedEntity {
  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** Adds an optimistic-concurrency `version`, bumped by every update; writers may pass `expectedVersion`. */
@ObjectType()
@Entity({ abstract: true })
export abstract class VersionedEntity extends TimestampedEntity {
  @Field(() => Int, {
    description:
      'Optimistic-concurrency version; pass it as expectedVersion when changing this object. On an object read as it stood (`at` or `asRecordedAt`), the number of that version in its `versions` instead, which expectedVersion does not take',
  })
  @Property({ type: 'integer', version: true })
  version!: number;
}

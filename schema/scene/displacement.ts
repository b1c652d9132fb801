import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, Float, ObjectType } from 'type-graphql';
import { BadUserInputError } from '../shared/errors';
import { checkRadius } from '../spatial/spatial-filter';
import { Scene } from './scene.entity';
import { SceneStatus } from './scene-status';

/** Longest window `displacementCandidates` looks across, in days (ten years). */
export const MAX_WINDOW_DAYS = 3650;

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

interface CandidateRow {
  sceneId: string;
  became: SceneStatus;
  becameFrom: SceneStatus | null;
  becameAt: Date;
  originId: string;
  originLeftTo: SceneStatus;
  originLeftAt: Date;
  distanceMeters: number;
  daysBetween: number;
}

/**
 * Pairs (origin, scene): the origin left ACTIVE, and within `withinDays` after that the other
 * scene, within `radiusMeters` of the origin's area, became ACTIVE or EMERGING. Only dated
 * history rows take part. Newest first, then nearest.
 */
export async function findDisplacementCandidates(em: EntityManager, radiusMeters: number, withinDays: number): Promise<CandidateRow[]> {
  const radius = checkRadius(radiusMeters, 'radiusMeters');
  if (!Number.isFinite(withinDays) || withinDays <= 0 || withinDays > MAX_WINDOW_DAYS) {
    throw new BadUserInputError(`withinDays must be more than 0 and at most ${MAX_WINDOW_DAYS}, got ${withinDays}`, 'withinDays');
  }
  return em.execute<CandidateRow[]>(
    `select arrived.scene_id as "sceneId", arrived."to" as became, arrived."from" as "becameFrom", arrived.changed_at as "becameAt",
            departed.scene_id as "originId", departed."to" as "originLeftTo", departed.changed_at as "originLeftAt",
            ST_Distance(origin.area::geography, scene.area::geography) as "distanceMeters",
            extract(epoch from arrived.changed_at - departed.changed_at) / 86400.0 as "daysBetween"
       from scene_status_change departed
       join scene origin on origin.id = departed.scene_id
       join scene_status_change arrived
         on arrived.scene_id <> departed.scene_id
        and arrived."to" in ('ACTIVE', 'EMERGING')
        and arrived.changed_at >= departed.changed_at
        and arrived.changed_at <= departed.changed_at + make_interval(secs => ? * 86400)
       join scene scene on scene.id = arrived.scene_id and scene.archived_at is null
      where departed."from" = 'ACTIVE' and departed.changed_at is not null
        and ST_DWithin(origin.area::geography, scene.area::geography, ?)
      order by arrived.changed_at desc, "distanceMeters", arrived.scene_id`,
    [withinDays, radius],
  );
}

import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Crs } from '../../db/spatial/crs';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
import type { WatchAlertPayload } from './watch-area.repository';

export enum WatchSubject {
  SCENE = 'SCENE',
  AGREEMENT = 'AGREEMENT',
  INTERVENTION = 'INTERVENTION',
}
registerEnumType(WatchSubject, { name: 'WatchSubject', description: 'What a watch area reports on' });

export enum WatchMovement {
  ENTERED = 'ENTERED',
  INSIDE = 'INSIDE',
  LEFT = 'LEFT',
}
registerEnumType(WatchMovement, {
  name: 'WatchMovement',
  description: 'Where the subject is against the area',
  valuesConfig: {
    ENTERED: { description: 'Created inside, or moved in' },
    INSIDE: { description: 'Changed, shared or deleted while inside' },
    LEFT: { description: 'Moved out' },
  },
});

export enum WatchedChange {
  CREATED = 'CREATED',
  CHANGED = 'CHANGED',
  SHARED = 'SHARED',
  DELETED = 'DELETED',
}
registerEnumType(WatchedChange, { name: 'WatchedChange' });

@ObjectType({
  description: 'A named area an operator watches: everything entering or changing within its reach raises an alert for the operator',
})
export class WatchArea {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Float, { description: 'The reach beyond the area, in metres on the spheroid (0: the area itself)' }) radiusMeters!: number;
  @Field(() => [WatchSubject]) subjects!: WatchSubject[];
  @Field(() => Int, { description: 'Increases with every change; pass it as expectedVersion' }) version!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { nullable: true }) createdBy!: string | null;
  @Field(() => Date) updatedAt!: Date;
}

@ObjectType({ description: 'Something created, changed, shared or deleted within the reach of one of your watch areas' })
export class WatchAreaAlert {
  @Field(() => ID, { description: 'Increases with every alert; pass the last one seen as `after` to resume' }) id!: string;
  @Field(() => ID) watchAreaId!: string;
  @Field({ description: "The area's name when the alert was raised" }) watchAreaName!: string;
  @Field(() => WatchSubject) subject!: WatchSubject;
  @Field(() => ID) subjectId!: string;
  @Field(() => WatchedChange, { description: 'What happened' }) change!: WatchedChange;
  @Field(() => WatchMovement) movement!: WatchMovement;
  @Field(() => Float, { description: 'Metres on the spheroid from the watched area (or point) to the subject: 0 inside a watched polygon' })
  distanceMeters!: number;
  @Field({ description: "The subject's name or title" }) title!: string;
  @Field(() => String, { nullable: true, description: "An intervention's or agreement's kind, a scene's status" }) kind!: string | null;
  @Field(() => [String]) changedFields!: string[];
  @Field(() => Date, { description: 'When it happened' }) changedAt!: Date;
  @Field(() => String, { nullable: true }) changedBy!: string | null;
  payload!: WatchAlertPayload;
}

@InputType()
export class CreateWatchAreaInput {
  @Field() name!: string;
  @Field(() => GeoJSONScalar, {
    description: 'A Polygon or MultiPolygon (a mandate area), or a Point or LineString with radiusMeters (a school)',
  })
  area!: unknown;
  @Field(() => Crs, { defaultValue: Crs.EPSG_4326 }) crs!: Crs;
  @Field(() => Float, {
    nullable: true,
    description: 'Reach beyond the area in metres (0–50 000; more than 0 for a point or line). Default 0',
  })
  radiusMeters?: number;
  @Field(() => [WatchSubject], { nullable: true, description: 'Default: all' }) subjects?: WatchSubject[];
}

@InputType()
export class UpdateWatchAreaInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { description: 'The version you read (CONFLICT if it changed since)' }) expectedVersion!: number;
  @Field({ nullable: true }) name?: string;
  @Field(() => GeoJSONScalar, { nullable: true }) area?: unknown;
  @Field(() => Crs, { defaultValue: Crs.EPSG_4326 }) crs!: Crs;
  @Field(() => Float, { nullable: true }) radiusMeters?: number;
  @Field(() => [WatchSubject], { nullable: true }) subjects?: WatchSubject[];
}

@InputType()
export class DeleteWatchAreaInput {
  @Field(() => ID) id!: string;
}

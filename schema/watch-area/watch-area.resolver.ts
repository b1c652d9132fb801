import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Crs } from '../../db/spatial/crs';
import { Agreement } from '../agreement/agreement.entity';
import { Intervention } from '../intervention/intervention.entity';
import { Scene } from '../scene/scene.entity';
import type { Context } from '../shared/context';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
import type { WatchAlertPayload } from './watch-area.repository';
import { WatchAreaService } from './watch-area.service';
import {
  CreateWatchAreaInput,
  DeleteWatchAreaInput,
  UpdateWatchAreaInput,
  WatchArea,
  WatchAreaAlert,
  WatchedChange,
  WatchMovement,
  WatchSubject,
} from './watch-area.types';

@Resolver(() => WatchArea)
export class WatchAreaResolver {
  @Query(() => [WatchArea], { description: "Your operator's watch areas, by name" })
  watchAreas(@Ctx() ctx: Context): Promise<WatchArea[]> {
    return new WatchAreaService(ctx).list();
  }

  @Query(() => ID, { description: 'The newest alert id ("0" if none): subscribe to watchAreaAlerts with `after` set to it' })
  watchAreaAlertCursor(@Ctx() ctx: Context): Promise<string> {
    return new WatchAreaService(ctx).cursor();
  }

  @Mutation(() => WatchArea)
  createWatchArea(@Arg('input', () => CreateWatchAreaInput) input: CreateWatchAreaInput, @Ctx() ctx: Context): Promise<WatchArea> {
    return new WatchAreaService(ctx).create(input);
  }

  @Mutation(() => WatchArea)
  updateWatchArea(@Arg('input', () => UpdateWatchAreaInput) input: UpdateWatchAreaInput, @Ctx() ctx: Context): Promise<WatchArea> {
    return new WatchAreaService(ctx).update(input);
  }

  @Mutation(() => WatchArea, { description: 'Deletes the area and its alerts; returns it as it was' })
  deleteWatchArea(@Arg('input', () => DeleteWatchAreaInput) input: DeleteWatchAreaInput, @Ctx() ctx: Context): Promise<WatchArea> {
    return new WatchAreaService(ctx).delete(input.id);
  }

  @FieldResolver(() => GeoJSONScalar, { description: 'The watched geometry' })
  area(@Root() area: WatchArea, @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs, @Ctx() ctx: Context) {
    return ctx.loaders.spatial.geometry('watch_area.area', 'self', crs).load(area.id);
  }

  @Subscription(() => WatchAreaAlert, {
    description:
      "Alerts of your operator's watch areas about what you may see, in order: with `after` (an alert id), first every later one you missed, then live ones, with no gap and no duplicate.",
    subscribe: ({ args, context }) => new WatchAreaService(context as Context).subscribe((args as { after?: string | null }).after),
  })
  watchAreaAlerts(@Root() alert: WatchAlertPayload, @Arg('after', () => ID, { nullable: true }) _after?: string): WatchAreaAlert {
    return Object.assign(new WatchAreaAlert(), {
      id: alert.id,
      payload: alert,
      watchAreaId: alert.watchAreaId,
      watchAreaName: alert.watchAreaName,
      subject: alert.subject as WatchSubject,
      subjectId: alert.subjectId,
      change: alert.action as WatchedChange,
      movement: alert.movement as WatchMovement,
      distanceMeters: alert.distanceMeters,
      title: alert.title,
      kind: alert.subject === WatchSubject.SCENE ? alert.status : alert.kind,
      changedFields: alert.changedFields,
      changedAt: new Date(alert.occurredAt),
      changedBy: alert.recordedBy,
    });
  }
}

/** Where and what an alert is about, read now under the subscriber's row security. */
@Resolver(() => WatchAreaAlert)
export class WatchAreaAlertResolver {
  @FieldResolver(() => WatchArea, { nullable: true, description: 'The area as it is now' })
  watchArea(@Root() alert: WatchAreaAlert, @Ctx() ctx: Context) {
    return new WatchAreaService(ctx).find(alert.watchAreaId);
  }

  @FieldResolver(() => GeoJSONScalar, { nullable: true, description: 'Where the subject is after the change (a deletion: where it was)' })
  location(@Root() alert: WatchAreaAlert, @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs, @Ctx() ctx: Context) {
    return ctx.loaders.spatial.geometry('change_event.location', 'self', crs).load(alert.payload.eventId);
  }

  @FieldResolver(() => Scene, { nullable: true, description: 'The scene, or the scene of the intervention' })
  scene(@Root() alert: WatchAreaAlert, @Ctx() ctx: Context) {
    const id = alert.payload.subject === 'AGREEMENT' ? null : alert.payload.sceneIds[0];
    return id ? ctx.loaders.sceneById.load(id) : null;
  }

  @FieldResolver(() => Intervention, {
    nullable: true,
    description: 'The intervention as it is now (null once deleted, or for other subjects)',
  })
  intervention(@Root() alert: WatchAreaAlert, @Ctx() ctx: Context) {
    return alert.payload.subject === 'INTERVENTION' ? ctx.loaders.interventionById.load(alert.subjectId) : null;
  }

  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement as it is now (null for other subjects)' })
  agreement(@Root() alert: WatchAreaAlert, @Ctx() ctx: Context) {
    return alert.payload.subject === 'AGREEMENT' ? ctx.loaders.agreementById.load(alert.subjectId) : null;
  }
}

import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { Crs } from '../../db/spatial/crs';
import { Agreement } from '../agreement/agreement.entity';
import { AgreementKind, CommitmentStatus } from '../agreement/agreement-kind';
import { Intervention } from '../intervention/intervention.entity';
import { InterventionCategory, Sensitivity } from '../intervention/intervention-enums';
import { Operator } from '../operator/operator.entity';
import { Scene } from '../scene/scene.entity';
import type { Context } from '../shared/context';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
import type { ChangePayload } from './change-log';
import {
  AgreementChange,
  AgreementChangedFilter,
  AgreementChangeEvent,
  CommitmentDueEvent,
  CommitmentDueFilter,
  InterventionChange,
  InterventionChangedFilter,
  InterventionChangeEvent,
  LoggedChange,
} from './change-event.types';
import { ChangeEventService } from './change-event.service';

type Args<F> = { filter?: F; after?: string | null };

/** The subscriptions over the change log, and the cursor to start them from. */
@Resolver()
export class ChangeEventResolver {
  @Query(() => ID, {
    description:
      'The newest committed change id ("0" if none), for interventionChanged, agreementChanged and commitmentDue: read it before loading, then subscribe with `after` set to it.',
  })
  changeEventCursor(@Ctx() ctx: Context): Promise<string> {
    return new ChangeEventService(ctx).cursor();
  }

  @Subscription(() => InterventionChangeEvent, {
    description:
      'Every committed creation, change, share and deletion of an intervention matching the filter and visible to the caller, in order; with `after`, first every later one the caller missed.',
    subscribe: ({ args, context }) => {
      const { filter, after } = args as Args<InterventionChangedFilter>;
      return new ChangeEventService(context as Context).interventionChanges(filter, after);
    },
  })
  interventionChanged(
    @Root() event: ChangePayload,
    @Arg('filter', () => InterventionChangedFilter, { nullable: true }) _filter?: InterventionChangedFilter,
    @Arg('after', () => ID, { nullable: true }) _after?: string,
  ): InterventionChangeEvent {
    return Object.assign(new InterventionChangeEvent(), loggedFields(event), {
      change: event.action as InterventionChange,
      interventionId: event.subjectId,
      version: event.version!,
      title: event.title,
      kind: event.kind!,
      category: event.category as InterventionCategory,
      sensitivity: event.sensitivity as Sensitivity,
    });
  }

  @Subscription(() => AgreementChangeEvent, {
    description:
      'Every committed change of an agreement matching the filter, in order, and with `expiresWithinDays` the day each comes within that many days of its end; with `after`, first every later one the caller missed.',
    subscribe: ({ args, context }) => {
      const { filter, after } = args as Args<AgreementChangedFilter>;
      return new ChangeEventService(context as Context).agreementChanges(filter, after);
    },
  })
  agreementChanged(
    @Root() event: ChangePayload,
    @Arg('filter', () => AgreementChangedFilter, { nullable: true }) _filter?: AgreementChangedFilter,
    @Arg('after', () => ID, { nullable: true }) _after?: string,
  ): AgreementChangeEvent {
    return Object.assign(new AgreementChangeEvent(), loggedFields(event), {
      change: event.action as AgreementChange,
      agreementId: event.subjectId,
      version: event.version,
      title: event.title,
      kind: event.kind as AgreementKind,
      validTo: event.dueDate,
      daysLeft: event.daysLeft,
    });
  }

  @Subscription(() => CommitmentDueEvent, {
    description:
      'The day each open commitment (PLANNED or IN_PROGRESS) comes within `withinDays` (0–90) of its due date, once per commitment and due date; with `after`, first every later one the caller missed.',
    subscribe: ({ args, context }) => {
      const { withinDays, filter, after } = args as Args<CommitmentDueFilter> & { withinDays: number };
      return new ChangeEventService(context as Context).commitmentsDue(withinDays, filter, after);
    },
  })
  commitmentDue(
    @Root() event: ChangePayload,
    @Arg('withinDays', () => Int) _withinDays: number,
    @Arg('filter', () => CommitmentDueFilter, { nullable: true }) _filter?: CommitmentDueFilter,
    @Arg('after', () => ID, { nullable: true }) _after?: string,
  ): CommitmentDueEvent {
    return Object.assign(new CommitmentDueEvent(), loggedFields(event), {
      commitmentId: event.subjectId,
      description: event.title,
      dueDate: event.dueDate!,
      daysLeft: event.daysLeft!,
      status: event.status as CommitmentStatus,
    });
  }
}

/** What a logged change shows of its subject, read now under the subscriber's row security. */
@Resolver(() => InterventionChangeEvent)
export class InterventionChangeEventResolver {
  @FieldResolver(() => Intervention, { nullable: true, description: 'The intervention as it is now; null once deleted' })
  intervention(@Root() event: LoggedChange, @Ctx() ctx: Context) {
    return ctx.loaders.interventionById.load(event.payload.subjectId);
  }

  @FieldResolver(() => Scene, { nullable: true })
  scene(@Root() event: LoggedChange, @Ctx() ctx: Context) {
    return ctx.loaders.sceneById.load(event.payload.sceneIds[0]!);
  }

  @FieldResolver(() => GeoJSONScalar, { nullable: true, description: 'Where, as this change left it (a deletion: where it was)' })
  location(@Root() event: LoggedChange, @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs, @Ctx() ctx: Context) {
    return ctx.loaders.spatial.geometry('change_event.location', 'self', crs).load(event.id);
  }

  @FieldResolver(() => Operator, { nullable: true })
  changedByOperator(@Root() event: LoggedChange, @Ctx() ctx: Context) {
    return operatorOf(event, ctx);
  }
}

@Resolver(() => AgreementChangeEvent)
export class AgreementChangeEventResolver {
  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement as it is now' })
  agreement(@Root() event: LoggedChange, @Ctx() ctx: Context) {
    return ctx.loaders.agreementById.load(event.payload.subjectId);
  }

  @FieldResolver(() => GeoJSONScalar, { nullable: true, description: 'Its area as this change left it' })
  area(@Root() event: LoggedChange, @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs, @Ctx() ctx: Context) {
    return ctx.loaders.spatial.geometry('change_event.location', 'self', crs).load(event.id);
  }

  @FieldResolver(() => Operator, { nullable: true })
  changedByOperator(@Root() event: LoggedChange, @Ctx() ctx: Context) {
    return operatorOf(event, ctx);
  }
}

@Resolver(() => CommitmentDueEvent)
export class CommitmentDueEventResolver {
  @FieldResolver(() => Agreement, { nullable: true, description: 'The agreement the commitment belongs to, as it is now' })
  agreement(@Root() event: LoggedChange, @Ctx() ctx: Context) {
    return ctx.loaders.agreementById.load(event.payload.agreementId!);
  }
}

function loggedFields(event: ChangePayload) {
  return {
    id: event.id,
    payload: event,
    changedFields: event.changedFields,
    changedAt: new Date(event.occurredAt),
    recordedAt: new Date(event.recordedAt),
    changedBy: event.recordedBy,
  };
}

function operatorOf(event: LoggedChange, ctx: Context) {
  const id = event.payload.recordedByOperatorId;
  return id ? ctx.loaders.operatorById.load(id) : null;
}

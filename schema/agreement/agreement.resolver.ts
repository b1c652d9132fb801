import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InterventionConnection, NestedInterventionArgs } from '../intervention/intervention.connection';
import { interventionsUnder } from '../intervention/nested-interventions';
import { Operator } from '../operator/operator.entity';
import { Scene } from '../scene/scene.entity';
import { AsOfArgs, asOfFrom, type AsOf } from '../shared/as-of';
import { geometryKey, momentShown, versionShown } from '../shared/as-of-object';
import type { Context } from '../shared/context';
import { nodeFields, selects } from '../shared/selection';
import { PageArgs } from '../shared/pagination';
import { Crs } from '../../db/spatial/crs';
import { geometryAsStored } from '../../db/spatial/geometry.type';
import type { GeometrySource } from '../../db/spatial/geometry-sql';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
import { commitmentsShown, partiesShown, sceneIdsShown } from './agreement-as-of';
import { AgreementParty } from './agreement-party.entity';
import { AgreementConnection } from './agreement.connection';
import { Agreement } from './agreement.entity';
import { AgreementPartyStatus } from './agreement-kind';
import {
  AgreementPartyResponseInput,
  AddAgreementPartyInput,
  AddCommitmentInput,
  AgreementFilter,
  AgreementOrderBy,
  CreateAgreementInput,
  UpdateAgreementInput,
  UpdateCommitmentInput,
} from './agreement.inputs';
import { AgreementService, isActiveAt } from './agreement.service';
import { Commitment } from './commitment.entity';

@Resolver(() => Agreement)
export class AgreementResolver {
  @Query(() => Agreement, {
    description:
      'An agreement by id; with `at` and/or `asRecordedAt`, as it stood then (validity, area, parties, commitments, scenes). NOT_FOUND if there is none (then)',
  })
  agreement(@Arg('id', () => ID) id: string, @Args() moment: AsOfArgs, @Ctx() ctx: Context): Promise<Agreement> {
    return new AgreementService(ctx).findById(id, asOfFrom(moment));
  }

  @Query(() => AgreementConnection)
  agreements(
    @Arg('filter', () => AgreementFilter, { nullable: true }) filter: AgreementFilter | undefined,
    @Arg('orderBy', () => AgreementOrderBy, { defaultValue: AgreementOrderBy.VALID_FROM_DESC }) orderBy: AgreementOrderBy,
    @Args() page: PageArgs,
    @Args() moment: AsOfArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ) {
    return new AgreementService(ctx).list(filter, orderBy, page, selects(info, 'totalCount'), asOfFrom(moment));
  }

  @Mutation(() => Agreement, {
    description:
      "Records an agreement with its parties, scenes and commitments (EDITOR, ADMIN). Parties other than the caller's own operator are PENDING until they accept",
  })
  createAgreement(@Arg('input') input: CreateAgreementInput, @Ctx() ctx: Context): Promise<Agreement> {
    return new AgreementService(ctx).create(input);
  }

  @Mutation(() => Agreement)
  updateAgreement(@Arg('input') input: UpdateAgreementInput, @Ctx() ctx: Context): Promise<Agreement> {
    return new AgreementService(ctx).update(input);
  }

  @Mutation(() => Agreement, {
    description: 'Adds a party to an agreement (PENDING until that operator accepts, unless it is your own), or changes its role',
  })
  addAgreementParty(@Arg('input') input: AddAgreementPartyInput, @Ctx() ctx: Context): Promise<Agreement> {
    return new AgreementService(ctx).addParty(input);
  }

  @Mutation(() => Agreement, {
    description:
      "The caller's operator accepts its party to the agreement (EDITOR, ADMIN of that operator). Only then does it share PARTNERS interventions with the other accepted parties, and may edit the agreement",
  })
  acceptAgreementParty(@Arg('input') input: AgreementPartyResponseInput, @Ctx() ctx: Context): Promise<Agreement> {
    return new AgreementService(ctx).respond(input, AgreementPartyStatus.ACCEPTED);
  }

  @Mutation(() => Agreement, {
    description: "The caller's operator declines its party to the agreement, or withdraws an acceptance (EDITOR, ADMIN of that operator)",
  })
  declineAgreementParty(@Arg('input') input: AgreementPartyResponseInput, @Ctx() ctx: Context): Promise<Agreement> {
    return new AgreementService(ctx).respond(input, AgreementPartyStatus.DECLINED);
  }

  @Mutation(() => Agreement)
  addCommitment(@Arg('input') input: AddCommitmentInput, @Ctx() ctx: Context): Promise<Agreement> {
    return new AgreementService(ctx).addCommitment(input);
  }

  @Mutation(() => Commitment)
  updateCommitment(@Arg('input') input: UpdateCommitmentInput, @Ctx() ctx: Context): Promise<Commitment> {
    return new AgreementService(ctx).updateCommitment(input);
  }

  @FieldResolver(() => Boolean, { description: 'Valid on the Stockholm calendar day of `at` (default now)' })
  isActive(@Root() agreement: Agreement, @Arg('at', () => Date, { nullable: true }) at: Date | undefined): boolean {
    return isActiveAt(agreement, at ?? new Date());
  }

  @FieldResolver(() => GeoJSONScalar, { nullable: true, description: 'Where the agreement applies, a MultiPolygon' })
  area(@Root() agreement: Agreement, @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs, @Ctx() ctx: Context) {
    // The area is read only when asked for (a lazy property): here, in the CRS asked for, unless the entity holds it as stored.
    const held = geometryAsStored(agreement.area);
    if (held !== undefined && (held === null || crs === Crs.EPSG_4326)) return held;
    return ctx.loaders.spatial.geometry(areaSource(agreement), 'self', crs).load(geometryKey(agreement));
  }

  @FieldResolver(() => GeoJSONScalar, { nullable: true, description: 'The area’s centroid, a Point; null without an area' })
  centroid(@Root() agreement: Agreement, @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs, @Ctx() ctx: Context) {
    return agreement.area === null
      ? null
      : ctx.loaders.spatial.geometry(areaSource(agreement), 'centroid', crs).load(geometryKey(agreement));
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Perimeter on the spheroid, in metres; null without an area' })
  perimeterMeters(@Root() agreement: Agreement, @Ctx() ctx: Context): Promise<number | null> | null {
    return agreement.area === null ? null : ctx.loaders.spatial.perimeter(areaSource(agreement)).load(geometryKey(agreement));
  }

  @FieldResolver(() => [AgreementParty])
  parties(@Root() agreement: Agreement, @Ctx() ctx: Context) {
    return partiesShown(agreement) ?? ctx.loaders.partiesByAgreementId.load(agreement.id);
  }

  @FieldResolver(() => [Scene])
  async scenes(@Root() agreement: Agreement, @Ctx() ctx: Context): Promise<Scene[]> {
    const shown = sceneIdsShown(agreement);
    if (shown) return scenesAsOf(ctx, shown, momentShown(agreement));
    const links = await ctx.loaders.scenesByAgreementId.load(agreement.id);
    return links.map((link) => link.scene.getEntity());
  }

  @FieldResolver(() => [Commitment])
  commitments(@Root() agreement: Agreement, @Ctx() ctx: Context) {
    return commitmentsShown(agreement) ?? ctx.loaders.commitmentsByAgreementId.load(agreement.id);
  }

  @FieldResolver(() => InterventionConnection, {
    description: 'Interventions carried out under this agreement, a page at a time (newest first by default)',
  })
  interventions(@Root() agreement: Agreement, @Args() args: NestedInterventionArgs, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    const fields = nodeFields(info);
    return interventionsUnder(ctx, 'agreement', agreement.id, args, selects(info, 'totalCount'), fields, { asOf: momentShown(agreement) });
  }
}

@Resolver(() => AgreementParty)
export class AgreementPartyResolver {
  @FieldResolver(() => Operator)
  operator(@Root() party: AgreementParty, @Ctx() ctx: Context) {
    // a party an as-of agreement shows names its operator by id only
    const operator = party.operator as Partial<typeof party.operator> & { id: string };
    return operator.isInitialized?.() ? party.operator.getEntity() : ctx.loaders.operatorById.load(operator.id);
  }
}

/** Where an agreement's area is read: the agreement row, or the version an as-of agreement shows. */
function areaSource(agreement: Agreement): GeometrySource {
  return versionShown(agreement) === undefined ? 'agreement.area' : 'agreement_version.area';
}

/** Scenes by id, as they stood at `asOf` when given (one registered later: as it is now). */
async function scenesAsOf(ctx: Context, ids: readonly string[], asOf: AsOf | undefined): Promise<Scene[]> {
  const then = asOf ? await ctx.loaders.sceneAsOf(asOf).loadMany(ids) : ids.map(() => null);
  const scenes = await Promise.all(ids.map((id, i) => (then[i] instanceof Scene ? then[i] : ctx.loaders.sceneById.load(id))));
  return scenes.filter((scene): scene is Scene => scene instanceof Scene).sort((a, b) => a.name.localeCompare(b.name));
}

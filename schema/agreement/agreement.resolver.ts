import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { InterventionConnection, NestedInterventionArgs } from '../intervention/intervention.connection';
import { interventionsUnder } from '../intervention/nested-interventions';
import { Operator } from '../operator/operator.entity';
import { Scene } from '../scene/scene.entity';
import type { Context } from '../shared/context';
import { nodeFields, selects } from '../shared/selection';
import { PageArgs } from '../shared/pagination';
import { Crs } from '../../db/spatial/crs';
import { geometryAsStored } from '../../db/spatial/geometry.type';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
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
  @Query(() => Agreement)
  agreement(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Agreement> {
    return new AgreementService(ctx).findById(id);
  }

  @Query(() => AgreementConnection)
  agreements(
    @Arg('filter', () => AgreementFilter, { nullable: true }) filter: AgreementFilter | undefined,
    @Arg('orderBy', () => AgreementOrderBy, { defaultValue: AgreementOrderBy.VALID_FROM_DESC }) orderBy: AgreementOrderBy,
    @Args() page: PageArgs,
    @Info() info: GraphQLResolveInfo,
    @Ctx() ctx: Context,
  ) {
    return new AgreementService(ctx).list(filter, orderBy, page, selects(info, 'totalCount'));
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
    return ctx.loaders.spatial.geometry('agreement.area', 'self', crs).load(agreement.id);
  }

  @FieldResolver(() => GeoJSONScalar, { nullable: true, description: 'The area’s centroid, a Point; null without an area' })
  centroid(@Root() agreement: Agreement, @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs, @Ctx() ctx: Context) {
    return agreement.area === null ? null : ctx.loaders.spatial.geometry('agreement.area', 'centroid', crs).load(agreement.id);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Perimeter on the spheroid, in metres; null without an area' })
  perimeterMeters(@Root() agreement: Agreement, @Ctx() ctx: Context): Promise<number | null> | null {
    return agreement.area === null ? null : ctx.loaders.spatial.perimeter('agreement.area').load(agreement.id);
  }

  @FieldResolver(() => [AgreementParty])
  parties(@Root() agreement: Agreement, @Ctx() ctx: Context) {
    return ctx.loaders.partiesByAgreementId.load(agreement.id);
  }

  @FieldResolver(() => [Scene])
  async scenes(@Root() agreement: Agreement, @Ctx() ctx: Context): Promise<Scene[]> {
    const links = await ctx.loaders.scenesByAgreementId.load(agreement.id);
    return links.map((link) => link.scene.getEntity());
  }

  @FieldResolver(() => [Commitment])
  commitments(@Root() agreement: Agreement, @Ctx() ctx: Context) {
    return ctx.loaders.commitmentsByAgreementId.load(agreement.id);
  }

  @FieldResolver(() => InterventionConnection, {
    description: 'Interventions carried out under this agreement, a page at a time (newest first by default)',
  })
  interventions(@Root() agreement: Agreement, @Args() args: NestedInterventionArgs, @Info() info: GraphQLResolveInfo, @Ctx() ctx: Context) {
    return interventionsUnder(ctx, 'agreement', agreement.id, args, selects(info, 'totalCount'), nodeFields(info));
  }
}

@Resolver(() => AgreementParty)
export class AgreementPartyResolver {
  @FieldResolver(() => Operator)
  operator(@Root() party: AgreementParty, @Ctx() ctx: Context) {
    return party.operator.isInitialized() ? party.operator.getEntity() : ctx.loaders.operatorById.load(party.operator.id);
  }
}

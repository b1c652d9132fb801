import { Arg, Args, Ctx, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Intervention } from '../intervention/intervention.entity';
import { Operator } from '../operator/operator.entity';
import { Scene } from '../scene/scene.entity';
import type { Context } from '../shared/context';
import { createConnectionType, PageArgs } from '../shared/pagination';
import { Crs } from '../spatial/crs';
import { GeoJSONScalar } from '../spatial/geojson.scalar';
import { AgreementParty } from './agreement-party.entity';
import { Agreement } from './agreement.entity';
import {
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

@ObjectType()
export class AgreementConnection extends createConnectionType(Agreement, 'Agreement') {}

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
    @Ctx() ctx: Context,
  ) {
    return new AgreementService(ctx).list(filter, orderBy, page);
  }

  @Mutation(() => Agreement, { description: 'Records an agreement with its parties, scenes and commitments (EDITOR, ADMIN)' })
  createAgreement(@Arg('input') input: CreateAgreementInput, @Ctx() ctx: Context): Promise<Agreement> {
    return new AgreementService(ctx).create(input);
  }

  @Mutation(() => Agreement)
  updateAgreement(@Arg('input') input: UpdateAgreementInput, @Ctx() ctx: Context): Promise<Agreement> {
    return new AgreementService(ctx).update(input);
  }

  @Mutation(() => Agreement, { description: 'Adds a party to an agreement, or changes its role' })
  addAgreementParty(@Arg('input') input: AddAgreementPartyInput, @Ctx() ctx: Context): Promise<Agreement> {
    return new AgreementService(ctx).addParty(input);
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
    if (agreement.area === null || crs === Crs.EPSG_4326) return agreement.area;
    return ctx.loaders.spatial.geometry('agreement.area', 'self', crs).load(agreement.id);
  }

  @FieldResolver(() => GeoJSONScalar, { nullable: true, description: 'The area’s centroid, a Point; null without an area' })
  centroid(@Root() agreement: Agreement, @Arg('crs', () => Crs, { defaultValue: Crs.EPSG_4326 }) crs: Crs, @Ctx() ctx: Context) {
    return agreement.area === null ? null : ctx.loaders.spatial.geometry('agreement.area', 'centroid', crs).load(agreement.id);
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

  @FieldResolver(() => [Intervention], { description: 'Interventions carried out under this agreement' })
  interventions(@Root() agreement: Agreement, @Ctx() ctx: Context) {
    return ctx.loaders.interventionsByAgreementId.load(agreement.id);
  }
}

@Resolver(() => AgreementParty)
export class AgreementPartyResolver {
  @FieldResolver(() => Operator)
  operator(@Root() party: AgreementParty, @Ctx() ctx: Context) {
    return party.operator.isInitialized() ? party.operator.getEntity() : ctx.loaders.operatorById.load(party.operator.id);
  }
}

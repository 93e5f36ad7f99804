import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/actor';
import type { RequestContext } from '../context';
import { ConnectionArgs, toConnection } from '../../shared/connection';
import { BsnScalar } from '../../shared/scalars';
import {
  BetalingsregelingConnection,
  BetalingsregelingFilter,
  BetalingsregelingNode,
} from '../betalingsregeling/betalingsregeling.types';
import { SchuldenOverzichtType } from '../schuld/schulden-overzicht.types';
import { SchuldConnection, SchuldFilter, SchuldNode } from '../schuld/schuld.types';
import { ToeslagConnection, ToeslagFilter, ToeslagNode } from '../toeslag/toeslag.types';
import {
  getHousehold,
  getHouseholdByBsn,
  getMyHousehold,
  householdBetalingsregelingen,
  householdSchulden,
  householdSchuldenOverzicht,
  householdToeslagen,
  listHouseholds,
} from './household.service';
import { HouseholdConnection, HouseholdFilter, HouseholdMemberType, HouseholdNode } from './household.types';
import './household.loaders'; // registers the ctx.loaders it reads
import { householdPrefetches } from './household-selection';

@Authorized()
@Resolver(() => HouseholdNode)
export class HouseholdResolver {
  @Authorized(Role.BURGER)
  @Query(() => HouseholdNode, {
    nullable: true,
    description: 'BURGER: the household in which you are aanvrager or toeslagpartner (from your token); null if none.',
  })
  async myHousehold(@Ctx() ctx: RequestContext): Promise<HouseholdNode | null> {
    const household = await getMyHousehold(ctx);
    return household && HouseholdNode.from(household);
  }

  @Query(() => HouseholdNode, {
    description: 'A household by id. MEDEWERKER: any household; BURGER: only your own. Otherwise FORBIDDEN.',
  })
  async household(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext, @Info() info: GraphQLResolveInfo): Promise<HouseholdNode> {
    return HouseholdNode.from(await getHousehold(ctx, id, householdPrefetches(info)));
  }

  @Query(() => HouseholdConnection, {
    description: 'Households within your reach, in a stable order (by id). MEDEWERKER: all; BURGER: your own; otherwise FORBIDDEN.',
  })
  async households(
    @Args() args: ConnectionArgs,
    @Arg('filter', () => HouseholdFilter, { nullable: true }) filter: HouseholdFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(await listHouseholds(ctx, args, filter), HouseholdNode.from);
  }

  @Authorized(Role.MEDEWERKER)
  @Query(() => HouseholdNode, {
    nullable: true,
    description:
      'MEDEWERKER: the household in which this BSN is a current member (always logged); NOT_FOUND if none. ' +
      'Send it in the POST body: a GET request carrying a Bsn is refused (no BSN in URLs).',
  })
  async householdByBsn(@Arg('bsn', () => BsnScalar) bsn: string, @Ctx() ctx: RequestContext): Promise<HouseholdNode | null> {
    return HouseholdNode.from(await getHouseholdByBsn(ctx, bsn));
  }

  @FieldResolver(() => [HouseholdMemberType], { description: 'Current members, aanvrager first.' })
  async members(@Root() household: HouseholdNode, @Ctx() ctx: RequestContext): Promise<HouseholdMemberType[]> {
    return (await ctx.loaders.members.load(household.dbId)).map(HouseholdMemberType.from);
  }

  @FieldResolver(() => ToeslagConnection, { description: 'Toeslagen, newest berekeningsjaar first, then by soort.' })
  async toeslagen(
    @Root() household: HouseholdNode,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => ToeslagFilter, { nullable: true }) filter: ToeslagFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(await householdToeslagen(ctx, household.dbId, args, filter), ToeslagNode.from);
  }

  @FieldResolver(() => SchuldConnection, { description: 'Schulden, earliest vervaldatum first.' })
  async schulden(
    @Root() household: HouseholdNode,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => SchuldFilter, { nullable: true }) filter: SchuldFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(await householdSchulden(ctx, household.dbId, args, filter), SchuldNode.from);
  }

  @FieldResolver(() => BetalingsregelingConnection, { description: 'Betalingsregelingen, newest first.' })
  async betalingsregelingen(
    @Root() household: HouseholdNode,
    @Args() args: ConnectionArgs,
    @Arg('filter', () => BetalingsregelingFilter, { nullable: true }) filter: BetalingsregelingFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return toConnection(await householdBetalingsregelingen(ctx, household.dbId, args, filter), BetalingsregelingNode.from);
  }

  @FieldResolver(() => SchuldenOverzichtType, {
    description: 'The one total overview of the schulden still to be paid, each with a plain-language explanation.',
  })
  async schuldenOverzicht(@Root() household: HouseholdNode, @Ctx() ctx: RequestContext): Promise<SchuldenOverzichtType> {
    return SchuldenOverzichtType.from(await householdSchuldenOverzicht(ctx, household.dbId));
  }
}

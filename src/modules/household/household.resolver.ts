import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/actor';
import type { RequestContext } from '../../server/context';
import { ConnectionArgs, pageSize, toConnection } from '../../shared/connection';
import { BetalingsregelingConnection, BetalingsregelingNode } from '../betalingsregeling/betalingsregeling.types';
import { SchuldConnection, SchuldNode } from '../schuld/schuld.types';
import { ToeslagConnection, ToeslagNode } from '../toeslag/toeslag.types';
import { getHousehold, getMyHousehold } from './household.service';
import { HouseholdMemberType, HouseholdNode } from './household.types';

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
  async household(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<HouseholdNode> {
    return HouseholdNode.from(await getHousehold(ctx, id));
  }

  @FieldResolver(() => [HouseholdMemberType], { description: 'Current members, aanvrager first.' })
  async members(@Root() household: HouseholdNode, @Ctx() ctx: RequestContext): Promise<HouseholdMemberType[]> {
    return (await ctx.loaders.members.load(household.dbId)).map(HouseholdMemberType.from);
  }

  @FieldResolver(() => ToeslagConnection, { description: 'Toeslagen, newest berekeningsjaar first.' })
  async toeslagen(@Root() household: HouseholdNode, @Args() args: ConnectionArgs, @Ctx() ctx: RequestContext) {
    const page = await ctx.loaders.toeslagPages.load({ householdId: household.dbId, first: pageSize(args.first), after: args.after ?? null });
    return toConnection(page, ToeslagNode.from);
  }

  @FieldResolver(() => SchuldConnection, { description: 'Schulden, earliest vervaldatum first.' })
  async schulden(@Root() household: HouseholdNode, @Args() args: ConnectionArgs, @Ctx() ctx: RequestContext) {
    const page = await ctx.loaders.schuldPages.load({ householdId: household.dbId, first: pageSize(args.first), after: args.after ?? null });
    return toConnection(page, SchuldNode.from);
  }

  @FieldResolver(() => BetalingsregelingConnection, { description: 'Betalingsregelingen, newest first.' })
  async betalingsregelingen(@Root() household: HouseholdNode, @Args() args: ConnectionArgs, @Ctx() ctx: RequestContext) {
    const page = await ctx.loaders.betalingsregelingPages.load({
      householdId: household.dbId,
      first: pageSize(args.first),
      after: args.after ?? null,
    });
    return toConnection(page, BetalingsregelingNode.from);
  }
}

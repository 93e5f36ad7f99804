import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { ToeslagNode } from '../toeslag/toeslag.types';
import { BeschikkingNode } from './beschikking.types';
import '../toeslag/toeslag.loaders'; // registers the ctx.loaders it reads

@Authorized()
@Resolver(() => BeschikkingNode)
export class BeschikkingResolver {
  @FieldResolver(() => ToeslagNode, { description: 'The toeslag and berekeningsjaar this beschikking decides on.' })
  async toeslag(@Root() beschikking: BeschikkingNode, @Ctx() ctx: RequestContext): Promise<ToeslagNode> {
    const toeslag = await ctx.loaders.toeslagById.load(beschikking.toeslagDbId);
    // Same household as the beschikking, so within reach whenever the beschikking was.
    if (!toeslag) throw new Error(`toeslag of beschikking ${beschikking.dbId} not found`);
    return ToeslagNode.from(toeslag);
  }
}

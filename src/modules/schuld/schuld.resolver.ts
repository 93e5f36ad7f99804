import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { ToeslagNode } from '../toeslag/toeslag.types';
import { SchuldNode } from './schuld.types';

@Authorized()
@Resolver(() => SchuldNode)
export class SchuldResolver {
  @FieldResolver(() => ToeslagNode, { description: 'The toeslag and berekeningsjaar this schuld was recovered from.' })
  async toeslag(@Root() schuld: SchuldNode, @Ctx() ctx: RequestContext): Promise<ToeslagNode> {
    const toeslag = await ctx.loaders.toeslagById.load(schuld.toeslagDbId);
    // Same household as the schuld, so within reach whenever the schuld was.
    if (!toeslag) throw new Error(`toeslag of schuld ${schuld.dbId} not found`);
    return ToeslagNode.from(toeslag);
  }

  @FieldResolver(() => String, { description: 'Number of the terugvorderingsbeschikking this schuld comes from.' })
  async beschikkingsnummer(@Root() schuld: SchuldNode, @Ctx() ctx: RequestContext): Promise<string> {
    const beschikking = await ctx.loaders.beschikkingById.load(schuld.beschikkingDbId);
    if (!beschikking) throw new Error(`beschikking of schuld ${schuld.dbId} not found`);
    return beschikking.nummer;
  }
}

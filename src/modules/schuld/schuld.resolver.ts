import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { BeschikkingNode } from '../beschikking/beschikking.types';
import { BetalingsregelingNode } from '../betalingsregeling/betalingsregeling.types';
import { ToeslagNode } from '../toeslag/toeslag.types';
import { SchuldEventType, SchuldNode } from './schuld.types';
import '../beschikking/beschikking.loaders'; // registers the ctx.loaders it reads
import '../betalingsregeling/betalingsregeling.loaders'; // registers the ctx.loaders it reads
import './schuld.loaders'; // registers the ctx.loaders it reads
import '../toeslag/toeslag.loaders'; // registers the ctx.loaders it reads

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

  @FieldResolver(() => BeschikkingNode, { description: 'The terugvorderingsbeschikking this schuld comes from.' })
  async beschikking(@Root() schuld: SchuldNode, @Ctx() ctx: RequestContext): Promise<BeschikkingNode> {
    const beschikking = await ctx.loaders.beschikkingById.load(schuld.beschikkingDbId);
    if (!beschikking) throw new Error(`beschikking of schuld ${schuld.dbId} not found`);
    return BeschikkingNode.from(beschikking);
  }

  @FieldResolver(() => String, { description: 'Number of the terugvorderingsbeschikking this schuld comes from.' })
  async beschikkingsnummer(@Root() schuld: SchuldNode, @Ctx() ctx: RequestContext): Promise<string> {
    const beschikking = await ctx.loaders.beschikkingById.load(schuld.beschikkingDbId);
    if (!beschikking) throw new Error(`beschikking of schuld ${schuld.dbId} not found`);
    return beschikking.nummer;
  }

  @FieldResolver(() => [SchuldEventType], { description: 'The history: every state change, cost and payment, oldest first.' })
  async geschiedenis(@Root() schuld: SchuldNode, @Ctx() ctx: RequestContext): Promise<SchuldEventType[]> {
    return (await ctx.loaders.eventsOfSchuld.load(schuld.dbId)).map(SchuldEventType.from);
  }

  @FieldResolver(() => BetalingsregelingNode, { nullable: true, description: 'The ACTIEF betalingsregeling covering this schuld, if any.' })
  async betalingsregeling(@Root() schuld: SchuldNode, @Ctx() ctx: RequestContext): Promise<BetalingsregelingNode | null> {
    const regeling = await ctx.loaders.activeRegelingOfSchuld.load(schuld.dbId);
    return regeling && BetalingsregelingNode.from(regeling);
  }
}

import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { SchuldNode } from '../schuld/schuld.types';
import { BetalingsregelingNode } from './betalingsregeling.types';

@Authorized()
@Resolver(() => BetalingsregelingNode)
export class BetalingsregelingResolver {
  @FieldResolver(() => [SchuldNode], { description: 'The schulden this arrangement covers.' })
  async schulden(@Root() regeling: BetalingsregelingNode, @Ctx() ctx: RequestContext): Promise<SchuldNode[]> {
    return (await ctx.loaders.schuldenOfRegeling.load(regeling.dbId)).map(SchuldNode.from);
  }
}

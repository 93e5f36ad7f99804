import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { Node } from '../../shared/node';
import { resolveNode } from './node.service';

@Authorized()
@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    description: 'Any object by its global id, under the same access rules as the typed queries.',
  })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Node> {
    return resolveNode(ctx, id);
  }
}

import { Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../server/context';
import { todayInNL } from '../../shared/dates';
import { SchuldNode } from '../schuld/schuld.types';
import { isBijOpDatum } from './betalingsregeling.rules';
import { BetalingsregelingNode, TermijnType } from './betalingsregeling.types';

@Authorized()
@Resolver(() => BetalingsregelingNode)
export class BetalingsregelingResolver {
  @FieldResolver(() => [SchuldNode], { description: 'The schulden this arrangement covers.' })
  async schulden(@Root() regeling: BetalingsregelingNode, @Ctx() ctx: RequestContext): Promise<SchuldNode[]> {
    return (await ctx.loaders.schuldenOfRegeling.load(regeling.dbId)).map(SchuldNode.from);
  }

  @FieldResolver(() => [TermijnType], { description: 'The instalments, by volgnummer.' })
  async termijnen(@Root() regeling: BetalingsregelingNode, @Ctx() ctx: RequestContext): Promise<TermijnType[]> {
    return (await ctx.loaders.termijnenOfRegeling.load(regeling.dbId)).map(TermijnType.from);
  }

  @FieldResolver(() => Boolean, {
    description: 'Paid up today (Europe/Amsterdam): every termijn that fell due before today has been paid in full.',
  })
  async bijOpDatum(@Root() regeling: BetalingsregelingNode, @Ctx() ctx: RequestContext): Promise<boolean> {
    return isBijOpDatum(await ctx.loaders.termijnenOfRegeling.load(regeling.dbId), todayInNL());
  }
}

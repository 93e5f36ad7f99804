import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { UserError } from '../../shared/user-error';
import { SchuldNode } from '../schuld/schuld.types';
import { isBijOpDatum } from './betalingsregeling.rules';
import { requestStandaardBetalingsregeling } from './betalingsregeling.service';
import {
  BetalingsregelingNode,
  RequestStandaardBetalingsregelingInput,
  RequestStandaardBetalingsregelingPayload,
  TermijnType,
} from './betalingsregeling.types';
import './betalingsregeling.loaders'; // registers the ctx.loaders it reads

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
    return isBijOpDatum(await ctx.loaders.termijnenOfRegeling.load(regeling.dbId), ctx.clock.today());
  }

  @Mutation(() => RequestStandaardBetalingsregelingPayload, {
    description:
      'Standaard betalingsregeling (Leidraad art. 79.7) for one or more schulden of a household, also after the 6-week term: ' +
      'one arrangement, termijnen of €20 or more finishing within 24 months, from the first day of next month. ' +
      'BURGER: own household; INTERMEDIAIR: with an active HANDELEN machtiging; MEDEWERKER: any. Refusals come back as userErrors and change nothing.',
  })
  async requestStandaardBetalingsregeling(
    @Arg('input', () => RequestStandaardBetalingsregelingInput) input: RequestStandaardBetalingsregelingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RequestStandaardBetalingsregelingPayload> {
    const result = await requestStandaardBetalingsregeling(ctx, input);
    return Object.assign(new RequestStandaardBetalingsregelingPayload(), {
      betalingsregeling: result.betalingsregeling && BetalingsregelingNode.from(result.betalingsregeling),
      userErrors: result.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
    });
  }
}

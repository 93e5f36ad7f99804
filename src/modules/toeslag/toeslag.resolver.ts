import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../context';
import { UserError } from '../../shared/user-error';
import { BeschikkingNode } from '../beschikking/beschikking.types';
import { setVoorschotpercentage } from './toeslag.service';
import { SetVoorschotpercentageInput, SetVoorschotpercentagePayload, ToeslagNode } from './toeslag.types';
import '../beschikking/beschikking.loaders'; // registers the ctx.loaders it reads

@Authorized()
@Resolver(() => ToeslagNode)
export class ToeslagResolver {
  @FieldResolver(() => [BeschikkingNode], { description: 'Every beschikking on this toeslag, oldest dagtekening first.' })
  async beschikkingen(@Root() toeslag: ToeslagNode, @Ctx() ctx: RequestContext): Promise<BeschikkingNode[]> {
    return (await ctx.loaders.beschikkingenOfToeslag.load(toeslag.dbId)).map(BeschikkingNode.from);
  }

  @Mutation(() => SetVoorschotpercentagePayload, {
    description:
      'Instelbaar voorschot: receive 0–100 % of the calculated voorschot of a running toeslag, from the first day of next month. ' +
      'BURGER: own household; MEDEWERKER: any. Creates a WIJZIGING beschikking. Refusals come back as userErrors and change nothing.',
  })
  async setVoorschotpercentage(
    @Arg('input', () => SetVoorschotpercentageInput) input: SetVoorschotpercentageInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SetVoorschotpercentagePayload> {
    const result = await setVoorschotpercentage(ctx, input);
    return Object.assign(new SetVoorschotpercentagePayload(), {
      toeslag: result.toeslag && ToeslagNode.from(result.toeslag),
      beschikking: result.beschikking && BeschikkingNode.from(result.beschikking),
      userErrors: result.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
    });
  }
}

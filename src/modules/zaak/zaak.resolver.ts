import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/actor';
import type { RequestContext } from '../../server/context';
import { ConnectionArgs, toConnection } from '../../shared/connection';
import { todayInNL } from '../../shared/dates';
import { UserError } from '../../shared/user-error';
import { HouseholdNode } from '../household/household.types';
import { householdZaken, listZaken, referToPersoonlijkeBegeleiding } from './zaak.service';
import { ReferToPersoonlijkeBegeleidingInput, ReferToPersoonlijkeBegeleidingPayload, ZaakConnection, ZaakFilter, ZaakNode } from './zaak.types';

@Authorized()
@Resolver(() => ZaakNode)
export class ZaakResolver {
  @Authorized(Role.MEDEWERKER)
  @Query(() => ZaakConnection, {
    description:
      'MEDEWERKER: the zaken of all households to work on, earliest uiterlijkeBeslisdatum first (none last), then oldest first. ' +
      'FORBIDDEN for other roles (they see zaken through Household.zaken).',
  })
  async zaken(
    @Args() args: ConnectionArgs,
    @Arg('filter', () => ZaakFilter, { nullable: true }) filter: ZaakFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    const today = todayInNL();
    return toConnection(await listZaken(ctx, args, filter), (z) => ZaakNode.from(z, today));
  }

  @Authorized(Role.BURGER, Role.INTERMEDIAIR, Role.MEDEWERKER)
  @Mutation(() => ReferToPersoonlijkeBegeleidingPayload, {
    description:
      'Refer a household to persoonlijke begeleiding: creates a zaak (NIEUW) for a medewerker. BURGER: own household; ' +
      'INTERMEDIAIR: under an active machtiging with scope HANDELEN; MEDEWERKER: any. Refusals come back as userErrors and change nothing.',
  })
  async referToPersoonlijkeBegeleiding(
    @Arg('input', () => ReferToPersoonlijkeBegeleidingInput) input: ReferToPersoonlijkeBegeleidingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ReferToPersoonlijkeBegeleidingPayload> {
    const result = await referToPersoonlijkeBegeleiding(ctx, input);
    return Object.assign(new ReferToPersoonlijkeBegeleidingPayload(), {
      zaak: result.zaak && ZaakNode.from(result.zaak, todayInNL()),
      userErrors: result.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
    });
  }
}

@Authorized()
@Resolver(() => HouseholdNode)
export class HouseholdZakenResolver {
  @FieldResolver(() => [ZaakNode], {
    description:
      'Zaken of the household, newest first. BURGER and MEDEWERKER: all; INTERMEDIAIR: only those its own organisation submitted.',
  })
  async zaken(@Root() household: HouseholdNode, @Ctx() ctx: RequestContext): Promise<ZaakNode[]> {
    const today = todayInNL();
    return (await householdZaken(ctx, household.dbId)).map((z) => ZaakNode.from(z, today));
  }
}

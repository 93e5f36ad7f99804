import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/actor';
import type { RequestContext } from '../context';
import { ConnectionArgs, toConnection } from '../../shared/connection';
import { UserError } from '../../shared/user-error';
import { BeschikkingNode } from '../beschikking/beschikking.types';
import { BetalingsregelingNode } from '../betalingsregeling/betalingsregeling.types';
import { HouseholdNode } from '../household/household.types';
import { SchuldNode } from '../schuld/schuld.types';
import { decideMatiging, decideZienswijze, requestMatiging, submitZienswijze, type ZaakResult } from './verzoek.service';
import { householdZaken, listZaken, referToPersoonlijkeBegeleiding } from './zaak.service';
import {
  DecideMatigingInput,
  DecideZienswijzeInput,
  ReferToPersoonlijkeBegeleidingInput,
  ReferToPersoonlijkeBegeleidingPayload,
  RequestMatigingInput,
  SubmitZienswijzeInput,
  ZaakConnection,
  ZaakFilter,
  ZaakNode,
  ZaakPayload,
} from './zaak.types';
import '../beschikking/beschikking.loaders'; // registers the ctx.loaders it reads
import '../betalingsregeling/betalingsregeling.loaders'; // registers the ctx.loaders it reads
import './zaak.loaders'; // registers the ctx.loaders it reads

const payload = (r: ZaakResult, today: string) =>
  Object.assign(new ZaakPayload(), {
    zaak: r.zaak && ZaakNode.from(r.zaak, today),
    userErrors: r.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
  });

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
    const today = ctx.clock.today();
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
      zaak: result.zaak && ZaakNode.from(result.zaak, ctx.clock.today()),
      userErrors: result.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
    });
  }
}

@Authorized()
@Resolver(() => ZaakNode)
export class ZaakVerzoekResolver {
  @FieldResolver(() => [SchuldNode], { description: 'The schulden the zaak is about (persoonlijke betalingsregeling: all it covers; matiging, zienswijze: one).' })
  async schulden(@Root() zaak: ZaakNode, @Ctx() ctx: RequestContext): Promise<SchuldNode[]> {
    return (await ctx.loaders.schuldenOfZaak.load(zaak.dbId)).map(SchuldNode.from);
  }

  @FieldResolver(() => BeschikkingNode, { nullable: true, description: 'ZIENSWIJZE about a beschikking: that beschikking; null otherwise.' })
  async beschikking(@Root() zaak: ZaakNode, @Ctx() ctx: RequestContext): Promise<BeschikkingNode | null> {
    if (!zaak.beschikkingDbId) return null;
    const b = await ctx.loaders.beschikkingById.load(zaak.beschikkingDbId);
    return b && BeschikkingNode.from(b);
  }

  @FieldResolver(() => BetalingsregelingNode, {
    nullable: true,
    description: 'PERSOONLIJKE_BETALINGSREGELING decided with a regeling: that regeling (STANDAARD, PERSOONLIJK or VERLENGD); null otherwise.',
  })
  async betalingsregeling(@Root() zaak: ZaakNode, @Ctx() ctx: RequestContext): Promise<BetalingsregelingNode | null> {
    if (!zaak.betalingsregelingDbId) return null;
    const r = await ctx.loaders.betalingsregelingById.load(zaak.betalingsregelingDbId);
    return r && BetalingsregelingNode.from(r);
  }

  @Authorized(Role.BURGER, Role.INTERMEDIAIR, Role.MEDEWERKER)
  @Mutation(() => ZaakPayload, {
    description:
      'A zienswijze on a schuld or a beschikking (exactly one), before or after an adverse decision: creates a ZIENSWIJZE zaak (NIEUW) for a medewerker ' +
      'with an answer term. BURGER: own household; INTERMEDIAIR: active HANDELEN machtiging; MEDEWERKER: any. Refusals are userErrors and change nothing.',
  })
  async submitZienswijze(@Arg('input', () => SubmitZienswijzeInput) input: SubmitZienswijzeInput, @Ctx() ctx: RequestContext): Promise<ZaakPayload> {
    return payload(await submitZienswijze(ctx, input), ctx.clock.today());
  }

  @Authorized(Role.BURGER, Role.INTERMEDIAIR, Role.MEDEWERKER)
  @Mutation(() => ZaakPayload, {
    description:
      'A hardheidsverzoek (Awir art. 13b): ask to lower (matigen) a schuld. Creates a HARDHEIDSVERZOEK zaak (NIEUW) with a beslistermijn of 8 weeks. ' +
      'BURGER: own household; INTERMEDIAIR: active HANDELEN machtiging; MEDEWERKER: any. Refusals are userErrors and change nothing.',
  })
  async requestMatiging(@Arg('input', () => RequestMatigingInput) input: RequestMatigingInput, @Ctx() ctx: RequestContext): Promise<ZaakPayload> {
    return payload(await requestMatiging(ctx, input), ctx.clock.today());
  }

  @Authorized(Role.MEDEWERKER)
  @Mutation(() => ZaakPayload, {
    description:
      'MEDEWERKER: decide a hardheidsverzoek. TOEGEWEZEN lowers the schuld to nieuwOpenstaandBedrag (history event MATIGING; 0.00 → KWIJTGESCHOLDEN), ' +
      'AFGEWEZEN rejects it; always with a reason. Refusals are userErrors and change nothing.',
  })
  async decideMatiging(@Arg('input', () => DecideMatigingInput) input: DecideMatigingInput, @Ctx() ctx: RequestContext): Promise<ZaakPayload> {
    return payload(await decideMatiging(ctx, input), ctx.clock.today());
  }

  @Authorized(Role.MEDEWERKER)
  @Mutation(() => ZaakPayload, {
    description: 'MEDEWERKER: answer a zienswijze (GEGROND or ONGEGROND, with the answer the citizen sees). Refusals are userErrors and change nothing.',
  })
  async decideZienswijze(@Arg('input', () => DecideZienswijzeInput) input: DecideZienswijzeInput, @Ctx() ctx: RequestContext): Promise<ZaakPayload> {
    return payload(await decideZienswijze(ctx, input), ctx.clock.today());
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
    const today = ctx.clock.today();
    return (await householdZaken(ctx, household.dbId)).map((z) => ZaakNode.from(z, today));
  }
}

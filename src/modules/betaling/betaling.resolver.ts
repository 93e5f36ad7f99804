import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/actor';
import type { RequestContext } from '../context';
import { MoneyScalar } from '../../shared/scalars';
import { UserError } from '../../shared/user-error';
import { achterstand, volgendeBetaling } from '../betalingsregeling/betalingsregeling.rules';
import { BetalingsregelingNode, TermijnType } from '../betalingsregeling/betalingsregeling.types';
import { grantBetaalpauze, registerBetaling } from './betaling.service';
import {
  BetaalpauzeType,
  BetalingType,
  GrantBetaalpauzeInput,
  GrantBetaalpauzePayload,
  RegisterBetalingInput,
  RegisterBetalingPayload,
  VolgendeTermijnType,
} from './betaling.types';
import type Decimal from 'decimal.js';
import './betaling.loaders'; // registers the ctx.loaders it reads
import '../betalingsregeling/betalingsregeling.loaders'; // registers the ctx.loaders it reads

/** Payments and betaalpauze: MEDEWERKER only (they register events; domain.md §1). */
@Authorized(Role.MEDEWERKER)
@Resolver()
export class BetalingResolver {
  @Mutation(() => RegisterBetalingPayload, {
    description:
      'MEDEWERKER: book a received payment on a schuld or a betalingsregeling. Idempotent by bankReferentie. Allocated to the termijnen oldest first ' +
      'and per schuld to costs before principal; a paid schuld becomes VOLDAAN, a fully paid regeling VOLDAAN; an overpayment is kept as a credit (overschot).',
  })
  async registerBetaling(@Arg('input', () => RegisterBetalingInput) input: RegisterBetalingInput, @Ctx() ctx: RequestContext): Promise<RegisterBetalingPayload> {
    const r = await registerBetaling(ctx, input);
    return Object.assign(new RegisterBetalingPayload(), {
      betaling: r.betaling && BetalingType.from(r.betaling),
      alGeregistreerd: r.alGeregistreerd,
      betalingsregeling: r.betaling?.betalingsregeling ? BetalingsregelingNode.from(r.betaling.betalingsregeling) : null,
      userErrors: r.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
    });
  }

  @Mutation(() => GrantBetaalpauzePayload, {
    description:
      'MEDEWERKER: a betaalpauze on an ACTIEF betalingsregeling through `tot`: no missed termijn counts meanwhile, and the unpaid termijnen shift by whole months so the first falls after the pause.',
  })
  async grantBetaalpauze(@Arg('input', () => GrantBetaalpauzeInput) input: GrantBetaalpauzeInput, @Ctx() ctx: RequestContext): Promise<GrantBetaalpauzePayload> {
    const r = await grantBetaalpauze(ctx, input);
    return Object.assign(new GrantBetaalpauzePayload(), {
      betalingsregeling: r.betalingsregeling && BetalingsregelingNode.from(r.betalingsregeling),
      userErrors: r.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
    });
  }
}

/** Fields of Betalingsregeling: payments, misses, pause, arrears and next payment. */
@Authorized()
@Resolver(() => BetalingsregelingNode)
export class BetalingsregelingBetalingenResolver {
  @FieldResolver(() => [BetalingType], { description: 'The payments booked on this arrangement, oldest first.' })
  async betalingen(@Root() r: BetalingsregelingNode, @Ctx() ctx: RequestContext): Promise<BetalingType[]> {
    return (await ctx.loaders.betalingenOfRegeling.load(r.dbId)).map(BetalingType.from);
  }

  @FieldResolver(() => [TermijnType], { description: 'The termijnen counted as missed (gemistOp set), by volgnummer.' })
  async gemisteTermijnen(@Root() r: BetalingsregelingNode, @Ctx() ctx: RequestContext): Promise<TermijnType[]> {
    return (await ctx.loaders.termijnenOfRegeling.load(r.dbId)).filter((t) => t.gemistOp).map(TermijnType.from);
  }

  @FieldResolver(() => BetaalpauzeType, { nullable: true, description: 'The betaalpauze granted last (also when it is over); null when none.' })
  betaalpauze(@Root() r: BetalingsregelingNode): BetaalpauzeType | null {
    if (!r.betaalpauzeVanaf || !r.betaalpauzeTot) return null;
    return Object.assign(new BetaalpauzeType(), { vanaf: r.betaalpauzeVanaf, tot: r.betaalpauzeTot, reden: r.betaalpauzeReden ?? '' });
  }

  @FieldResolver(() => MoneyScalar, { description: 'Unpaid amount of the termijnen that fell due before today.' })
  async achterstand(@Root() r: BetalingsregelingNode, @Ctx() ctx: RequestContext): Promise<Decimal> {
    return achterstand(await ctx.loaders.termijnenOfRegeling.load(r.dbId), ctx.clock.today());
  }

  @FieldResolver(() => VolgendeTermijnType, { nullable: true, description: 'The next payment: the first termijn not paid in full that falls due today or later; null when none. Overdue termijnen are in `achterstand`.' })
  async volgendeBetaling(@Root() r: BetalingsregelingNode, @Ctx() ctx: RequestContext): Promise<VolgendeTermijnType | null> {
    const v = volgendeBetaling(await ctx.loaders.termijnenOfRegeling.load(r.dbId), ctx.clock.today());
    return v && Object.assign(new VolgendeTermijnType(), v);
  }
}

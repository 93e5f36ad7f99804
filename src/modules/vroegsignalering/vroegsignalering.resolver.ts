import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/actor';
import type { RequestContext } from '../context';
import { toConnection } from '../../shared/connection';
import { GemeentecodeScalar } from '../../shared/scalars';
import { UserError } from '../../shared/user-error';
import { HouseholdNode } from '../household/household.types';
import type { RuleError } from '../toeslag/toeslag.rules';
import {
  acknowledgeVroegsignalen,
  changeDeelname,
  listDeelnames,
  listVroegsignalen,
  recordVroegsignaalOpvolging,
  registerDeelname,
  vroegsignaleringStatistics,
} from './vroegsignalering.service';
import {
  AcknowledgeVroegsignalenInput,
  AcknowledgeVroegsignalenPayload,
  ChangeVroegsignaleringDeelnameInput,
  RecordVroegsignaalOpvolgingInput,
  RecordVroegsignaalOpvolgingPayload,
  RegisterVroegsignaleringDeelnameInput,
  VerstuurdVroegsignaal,
  VroegsignaalConnection,
  VroegsignaalNode,
  VroegsignalenArgs,
  VroegsignaleringDeelnameNode,
  VroegsignaleringDeelnamePayload,
  VroegsignaleringPeriode,
  VroegsignaleringStatistiek,
} from './vroegsignalering.types';
import './vroegsignalering.loaders'; // registers the ctx.loaders it reads

const userErrors = (errors: RuleError[]) => errors.map((e) => UserError.of(e.code, e.message, e.field));

@Authorized()
@Resolver(() => VroegsignaalNode)
export class VroegsignaleringResolver {
  @Authorized(Role.GEMEENTE)
  @Query(() => VroegsignaalConnection, {
    description:
      'GEMEENTE: the vroegsignalen sent to your gemeente (from the token), in feed order. Store `pageInfo.endCursor` and pass it as ' +
      '`after` next time to get exactly what is new since: nothing is missed or repeated, also while signals are being created. ' +
      'GEMEENTE_NEEMT_NIET_DEEL when your gemeente does not take part in the experiment today; FORBIDDEN for other roles.',
  })
  async vroegsignalen(@Args() args: VroegsignalenArgs, @Ctx() ctx: RequestContext) {
    return toConnection(await listVroegsignalen(ctx, args), VroegsignaalNode.from);
  }

  @Authorized(Role.MEDEWERKER, Role.GEMEENTE)
  @Query(() => [VroegsignaleringStatistiek], {
    description:
      'Anonymous counts per gemeente for signals with a signaaldatum in the period (default: all). MEDEWERKER: every gemeente, or ' +
      'the one given; GEMEENTE: only itself (another gemeentecode is FORBIDDEN).',
  })
  async vroegsignaleringStatistics(
    @Arg('gemeentecode', () => GemeentecodeScalar, { nullable: true }) gemeentecode: string | null,
    @Arg('periode', () => VroegsignaleringPeriode, { nullable: true }) periode: VroegsignaleringPeriode | null,
    @Ctx() ctx: RequestContext,
  ): Promise<VroegsignaleringStatistiek[]> {
    return (await vroegsignaleringStatistics(ctx, { gemeentecode, periode })).map((s) => Object.assign(new VroegsignaleringStatistiek(), s));
  }

  @Authorized(Role.MEDEWERKER, Role.GEMEENTE)
  @Query(() => [VroegsignaleringDeelnameNode], {
    description: 'The register of gemeenten taking part in the vroegsignalering experiment. MEDEWERKER: all; GEMEENTE: its own periods.',
  })
  async vroegsignaleringDeelnames(@Ctx() ctx: RequestContext): Promise<VroegsignaleringDeelnameNode[]> {
    const today = ctx.clock.today();
    return (await listDeelnames(ctx)).map((d) => VroegsignaleringDeelnameNode.from(d, today));
  }

  @Authorized(Role.GEMEENTE)
  @Mutation(() => AcknowledgeVroegsignalenPayload, {
    description:
      'GEMEENTE: acknowledge receipt of signals (NIEUW → ONTVANGEN; again is harmless). All or nothing: an id of another gemeente ' +
      'makes the call FORBIDDEN and nothing is written.',
  })
  async acknowledgeVroegsignalen(
    @Arg('input', () => AcknowledgeVroegsignalenInput) input: AcknowledgeVroegsignalenInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AcknowledgeVroegsignalenPayload> {
    const r = await acknowledgeVroegsignalen(ctx, input);
    return Object.assign(new AcknowledgeVroegsignalenPayload(), { vroegsignalen: r.vroegsignalen.map(VroegsignaalNode.from), userErrors: userErrors(r.userErrors) });
  }

  @Authorized(Role.GEMEENTE)
  @Mutation(() => RecordVroegsignaalOpvolgingPayload, {
    description: 'GEMEENTE: record the outcome of your follow-up of a signal (the latest counts), with an optional note. Status becomes OPGEVOLGD.',
  })
  async recordVroegsignaalOpvolging(
    @Arg('input', () => RecordVroegsignaalOpvolgingInput) input: RecordVroegsignaalOpvolgingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RecordVroegsignaalOpvolgingPayload> {
    const r = await recordVroegsignaalOpvolging(ctx, input);
    return Object.assign(new RecordVroegsignaalOpvolgingPayload(), {
      vroegsignaal: r.vroegsignaal && VroegsignaalNode.from(r.vroegsignaal),
      userErrors: userErrors(r.userErrors),
    });
  }

  @Authorized(Role.MEDEWERKER)
  @Mutation(() => VroegsignaleringDeelnamePayload, {
    description: 'MEDEWERKER: register a period in which a gemeente takes part (vanaf inclusive, tot exclusive). Periods of one gemeente never overlap.',
  })
  async registerVroegsignaleringDeelname(
    @Arg('input', () => RegisterVroegsignaleringDeelnameInput) input: RegisterVroegsignaleringDeelnameInput,
    @Ctx() ctx: RequestContext,
  ): Promise<VroegsignaleringDeelnamePayload> {
    const r = await registerDeelname(ctx, input);
    return Object.assign(new VroegsignaleringDeelnamePayload(), {
      deelname: r.deelname && VroegsignaleringDeelnameNode.from(r.deelname, ctx.clock.today()),
      userErrors: userErrors(r.userErrors),
    });
  }

  @Authorized(Role.MEDEWERKER)
  @Mutation(() => VroegsignaleringDeelnamePayload, {
    description: 'MEDEWERKER: move the end (tot, exclusive) of a participation period: earlier ends it, later extends it.',
  })
  async changeVroegsignaleringDeelname(
    @Arg('input', () => ChangeVroegsignaleringDeelnameInput) input: ChangeVroegsignaleringDeelnameInput,
    @Ctx() ctx: RequestContext,
  ): Promise<VroegsignaleringDeelnamePayload> {
    const r = await changeDeelname(ctx, input);
    return Object.assign(new VroegsignaleringDeelnamePayload(), {
      deelname: r.deelname && VroegsignaleringDeelnameNode.from(r.deelname, ctx.clock.today()),
      userErrors: userErrors(r.userErrors),
    });
  }
}

@Authorized()
@Resolver(() => HouseholdNode)
export class HouseholdVroegsignalenResolver {
  @FieldResolver(() => [VerstuurdVroegsignaal], {
    description:
      'The vroegsignalen sent about this household to a gemeente, newest first: what was sent, to which gemeente and when ' +
      '(not the gemeente’s follow-up: that is the gemeente’s own record). Signals past the retention period are erased and no longer listed.',
  })
  async vroegsignalen(@Root() household: HouseholdNode, @Ctx() ctx: RequestContext): Promise<VerstuurdVroegsignaal[]> {
    const { signalen, namen } = await ctx.loaders.vroegsignalenOfHousehold.load(household.dbId);
    return signalen.map((v) => VerstuurdVroegsignaal.from(v, namen.get(v.gemeentecode) ?? null));
  }
}

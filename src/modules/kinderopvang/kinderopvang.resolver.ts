import Decimal from 'decimal.js';
import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/actor';
import { Purpose, requireKooReach, type Grant } from '../../auth/reach';
import { requireActor, type RequestContext } from '../context';
import { ConnectionArgs, pageSize, toConnection } from '../../shared/connection';
import { UserError } from '../../shared/user-error';
import { HouseholdNode } from '../household/household.types';
import {
  listConvenantBetalingen,
  listConvenanttegoeden,
  payConvenanttegoedToParent,
  setKinderopvangtoeslagBetalingAanKoo,
  settleConvenanttegoed,
  type TegoedResult,
} from './convenant.service';
import { ConvenanttegoedStatus, LeveringStatus, RecordFoutCode, SoortOpvang } from './kinderopvang.enums';
import { foutPages, mutatievoorstellenOfHousehold, recordPages } from './kinderopvang.loaders';
import { ouderReferentie, requireKoo } from './koo-access';
import {
  appendBulkKinderopvangChunk,
  commitBulkKinderopvangLevering,
  createBulkKinderopvangLevering,
  deliverKinderopvangGegevens,
  listLeveringen,
  type LeveringResult,
} from './levering.service';
import { blockMutatievoorstel } from './mutatie.service';
import { mijnOrganisatie } from './organisatie.service';
import {
  AppendBulkKinderopvangChunkInput,
  AppendBulkKinderopvangChunkPayload,
  BetalingAanKooPayload,
  BetalingAanKooType,
  BlockMutatievoorstelInput,
  CommitBulkKinderopvangLeveringInput,
  ConvenantBetalingConnection,
  ConvenantBetalingType,
  ConvenanttegoedConnection,
  ConvenanttegoedInput,
  ConvenanttegoedPayload,
  CreateBulkKinderopvangLeveringInput,
  DeliverKinderopvangGegevensInput,
  KinderopvangChunkType,
  KinderopvangLeveringConnection,
  KinderopvangLeveringNode,
  KinderopvangLeveringPayload,
  KinderopvangOrganisatieType,
  KinderopvangRecordConnection,
  KinderopvangRecordType,
  MutatievoorstelNode,
  MutatievoorstelPayload,
  RecordFoutConnection,
  RecordFoutType,
  SetKinderopvangtoeslagBetalingAanKooInput,
  tegoedNode,
} from './kinderopvang.types';

@ArgsType()
class LeveringenArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Only this month (YYYY-MM).' })
  periode?: string | null;

  @Field(() => [LeveringStatus], { nullable: true })
  status?: LeveringStatus[] | null;
}

@ArgsType()
class BetalingenArgs extends ConnectionArgs {
  @Field(() => String, { nullable: true, description: 'Only this month (YYYY-MM).' })
  periode?: string | null;
}

@ArgsType()
class TegoedenArgs extends ConnectionArgs {
  @Field(() => [ConvenanttegoedStatus], { nullable: true, description: 'Only these statuses, e.g. [OPEN].' })
  status?: ConvenanttegoedStatus[] | null;
}

const dateText = (d: Date | string | null) => (d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

function leveringPayload(r: LeveringResult): KinderopvangLeveringPayload {
  return Object.assign(new KinderopvangLeveringPayload(), {
    levering: r.levering && KinderopvangLeveringNode.from(r.levering),
    recordFouten: r.recordFouten.map(RecordFoutType.of),
    userErrors: r.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
  });
}

function tegoedPayload(ctx: RequestContext, r: TegoedResult): ConvenanttegoedPayload {
  return Object.assign(new ConvenanttegoedPayload(), {
    convenanttegoed: r.tegoed && tegoedNode(ctx, r.tegoed),
    userErrors: r.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
  });
}

@Authorized()
@Resolver(() => KinderopvangLeveringNode)
export class KinderopvangResolver {
  @Authorized(Role.KOO)
  @Query(() => KinderopvangOrganisatieType, { description: 'KOO: your organisation, its LRK locations, its agreement and whether it qualifies for a new agreement.' })
  async kinderopvangOrganisatie(@Ctx() ctx: RequestContext): Promise<KinderopvangOrganisatieType> {
    const o = await mijnOrganisatie(ctx);
    return Object.assign(new KinderopvangOrganisatieType(), {
      organisationId: o.organisatie.organisationId,
      naam: o.organisatie.naam,
      overeenkomstStatus: o.organisatie.overeenkomstStatus,
      locaties: o.locaties.map((l) => ({ lrkNummer: l.lrkNummer, naam: l.naam, actief: l.actief })),
      nieuweOvereenkomst: o.nieuweOvereenkomst,
    });
  }

  @Authorized(Role.KOO, Role.MEDEWERKER)
  @Query(() => KinderopvangLeveringConnection, { description: 'KOO: your deliveries, every version, newest first. MEDEWERKER: every KOO’s.' })
  async kinderopvangLeveringen(@Args() args: LeveringenArgs, @Ctx() ctx: RequestContext) {
    const page = await listLeveringen(ctx, { first: pageSize(args.first), after: args.after ?? null, periode: args.periode, status: args.status });
    return toConnection(page, KinderopvangLeveringNode.from);
  }

  @Authorized(Role.KOO)
  @Query(() => ConvenantBetalingConnection, {
    description: 'KOO: the kinderopvangtoeslag you received per parent and month (convenant), newest month first. Parents are identified by a reference, never a BSN.',
  })
  async convenantBetalingen(@Args() args: BetalingenArgs, @Ctx() ctx: RequestContext) {
    const page = await listConvenantBetalingen(ctx, { first: pageSize(args.first), after: args.after ?? null, periode: args.periode });
    const org = (await requireKoo(ctx)).organisatie.organisationId;
    return toConnection(page, (b) => ConvenantBetalingType.from(b, ouderReferentie(ctx, org, b.household.id)));
  }

  @Authorized(Role.KOO, Role.MEDEWERKER)
  @Query(() => ConvenanttegoedConnection, { description: 'KOO: your convenanttegoeden (filter status: [OPEN] for the open ones). MEDEWERKER: every KOO’s.' })
  async convenanttegoeden(@Args() args: TegoedenArgs, @Ctx() ctx: RequestContext) {
    const page = await listConvenanttegoeden(ctx, { first: pageSize(args.first), after: args.after ?? null, status: args.status });
    return toConnection(page, (t) => tegoedNode(ctx, t));
  }

  @FieldResolver(() => KinderopvangRecordConnection, { description: 'The stored records of this delivery, by index (empty unless committed).' })
  async records(@Root() levering: KinderopvangLeveringNode, @Args() args: ConnectionArgs, @Ctx() ctx: RequestContext) {
    const page = await recordPages(ctx).load({ leveringId: levering.dbId, first: pageSize(args.first), after: args.after ?? null });
    const actor = requireActor(ctx);
    const access = requireKooReach(actor) as Grant;
    const org = actor.role === Role.KOO ? actor.organisationId : null;
    return toConnection(page, (r) => {
      if (r.household_id) ctx.scope.recordAccess(r.household_id, 'KinderopvangRecord', access);
      return Object.assign(new KinderopvangRecordType(), {
        index: r.idx,
        periode: r.periode,
        lrkNummer: r.lrk_nummer,
        soortOpvang: r.soort_opvang as SoortOpvang,
        kindBsn: r.kind_bsn,
        kindNaam: r.kind_naam,
        kindGeboortedatum: dateText(r.kind_geboortedatum),
        ouderBsn: r.ouder_bsn,
        partnerBsn: r.partner_bsn,
        uren: new Decimal(r.uren).toFixed(2),
        uurprijs: new Decimal(r.uurprijs),
        factuurbedrag: new Decimal(r.factuurbedrag),
        contracteinddatum: dateText(r.contracteinddatum),
        uurprijsBovenMaximum: r.boven_max_uurprijs,
        ouderReferentie: r.household_id && org ? ouderReferentie(ctx, org, r.household_id) : null,
      });
    });
  }

  @FieldResolver(() => RecordFoutConnection, { description: 'Per-record errors of this delivery, by index, page by page.' })
  async fouten(@Root() levering: KinderopvangLeveringNode, @Args() args: ConnectionArgs, @Ctx() ctx: RequestContext) {
    const page = await foutPages(ctx).load({ leveringId: levering.dbId, first: pageSize(args.first), after: args.after ?? null });
    return toConnection(page, (f) => RecordFoutType.of({ index: f.idx, code: f.code as RecordFoutCode, veld: f.veld, melding: f.melding }));
  }

  @Authorized(Role.KOO)
  @Mutation(() => KinderopvangLeveringPayload, {
    description:
      'KOO: a monthly delivery of at most 2,000 records in one request. Atomic: one invalid record refuses the whole delivery (recordFouten by index) and nothing is stored. ' +
      'Idempotent per idempotencyKey. A delivery for a period already delivered supersedes the earlier version.',
  })
  async deliverKinderopvangGegevens(@Arg('input', () => DeliverKinderopvangGegevensInput) input: DeliverKinderopvangGegevensInput, @Ctx() ctx: RequestContext) {
    return leveringPayload(await deliverKinderopvangGegevens(ctx, input));
  }

  @Authorized(Role.KOO)
  @Mutation(() => KinderopvangLeveringPayload, {
    description: 'KOO: start a large delivery (staged upload): then appendBulkKinderopvangChunk (≤ 2,000 records each) and commitBulkKinderopvangLevering. Idempotent per key.',
  })
  async createBulkKinderopvangLevering(@Arg('input', () => CreateBulkKinderopvangLeveringInput) input: CreateBulkKinderopvangLeveringInput, @Ctx() ctx: RequestContext) {
    return leveringPayload(await createBulkKinderopvangLevering(ctx, input));
  }

  @Authorized(Role.KOO)
  @Mutation(() => AppendBulkKinderopvangChunkPayload, { description: 'KOO: one chunk of a bulk delivery; idempotent per volgnummer.' })
  async appendBulkKinderopvangChunk(@Arg('input', () => AppendBulkKinderopvangChunkInput) input: AppendBulkKinderopvangChunkInput, @Ctx() ctx: RequestContext) {
    const r = await appendBulkKinderopvangChunk(ctx, input);
    return Object.assign(new AppendBulkKinderopvangChunkPayload(), {
      levering: r.levering && KinderopvangLeveringNode.from(r.levering),
      chunk: r.chunk && KinderopvangChunkType.from(r.chunk),
      userErrors: r.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
    });
  }

  @Authorized(Role.KOO)
  @Mutation(() => KinderopvangLeveringPayload, {
    description: 'KOO: commit a bulk delivery as one operation in one transaction: all records or none. Any invalid record makes it AFGEWEZEN.',
  })
  async commitBulkKinderopvangLevering(@Arg('input', () => CommitBulkKinderopvangLeveringInput) input: CommitBulkKinderopvangLeveringInput, @Ctx() ctx: RequestContext) {
    return leveringPayload(await commitBulkKinderopvangLevering(ctx, input));
  }

  @Authorized(Role.KOO)
  @Mutation(() => ConvenanttegoedPayload, { description: 'KOO: report that you paid this open convenanttegoed to the parent.' })
  async reportConvenanttegoedPaid(@Arg('input', () => ConvenanttegoedInput) input: ConvenanttegoedInput, @Ctx() ctx: RequestContext) {
    return tegoedPayload(ctx, await settleConvenanttegoed(ctx, input, ConvenanttegoedStatus.UITBETAALD_DOOR_KOO));
  }

  @Authorized(Role.KOO)
  @Mutation(() => ConvenanttegoedPayload, { description: 'KOO: hand this open convenanttegoed over to Dienst Toeslagen, which pays the parent.' })
  async transferConvenanttegoed(@Arg('input', () => ConvenanttegoedInput) input: ConvenanttegoedInput, @Ctx() ctx: RequestContext) {
    return tegoedPayload(ctx, await settleConvenanttegoed(ctx, input, ConvenanttegoedStatus.OVERGEDRAGEN));
  }

  @Authorized(Role.MEDEWERKER)
  @Mutation(() => ConvenanttegoedPayload, { description: 'MEDEWERKER: pay a convenanttegoed that the KOO handed over to the parent.' })
  async payConvenanttegoedToParent(@Arg('input', () => ConvenanttegoedInput) input: ConvenanttegoedInput, @Ctx() ctx: RequestContext) {
    return tegoedPayload(ctx, await payConvenanttegoedToParent(ctx, input));
  }

  @Authorized(Role.BURGER, Role.INTERMEDIAIR, Role.MEDEWERKER)
  @Mutation(() => MutatievoorstelPayload, { description: 'The parent (or an intermediair with HANDELEN) blocks a mutatievoorstel, up to and including its blokkerenTot.' })
  async blockMutatievoorstel(@Arg('input', () => BlockMutatievoorstelInput) input: BlockMutatievoorstelInput, @Ctx() ctx: RequestContext) {
    const r = await blockMutatievoorstel(ctx, input);
    return Object.assign(new MutatievoorstelPayload(), {
      mutatievoorstel: r.voorstel && MutatievoorstelNode.from(r.voorstel),
      userErrors: r.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
    });
  }

  @Authorized(Role.BURGER, Role.INTERMEDIAIR, Role.MEDEWERKER)
  @Mutation(() => BetalingAanKooPayload, {
    description: 'The parent (or an intermediair with HANDELEN) has the kinderopvangtoeslag paid to the KOO of an LRK number (convenant), or to themselves again.',
  })
  async setKinderopvangtoeslagBetalingAanKoo(
    @Arg('input', () => SetKinderopvangtoeslagBetalingAanKooInput) input: SetKinderopvangtoeslagBetalingAanKooInput,
    @Ctx() ctx: RequestContext,
  ) {
    const r = await setKinderopvangtoeslagBetalingAanKoo(ctx, input);
    return Object.assign(new BetalingAanKooPayload(), {
      betalingAanKoo: r.keuze && BetalingAanKooType.from(r.keuze),
      userErrors: r.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
    });
  }
}

@Authorized()
@Resolver(() => HouseholdNode)
export class HouseholdKinderopvangResolver {
  @FieldResolver(() => [MutatievoorstelNode], { description: 'Mutatievoorstellen (kinderopvangtoeslag lowered after KOO data), newest first.' })
  async mutatievoorstellen(@Root() household: HouseholdNode, @Ctx() ctx: RequestContext): Promise<MutatievoorstelNode[]> {
    return (await mutatievoorstellenOfHousehold(ctx).load(household.dbId)).map(MutatievoorstelNode.from);
  }
}


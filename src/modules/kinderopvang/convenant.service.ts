import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../auth/actor';
import { Purpose, requireKooReach, type Grant } from '../../auth/reach';
import { requireActor, type RequestContext } from '../context';
import { decodeCursor, encodeCursor, type Page } from '../../shared/connection';
import { firstOfNextMonth, yearOf } from '../../shared/dates';
import { badInput, forbidden, notFound } from '../../shared/errors';
import { fromGlobalIdOfType } from '../../shared/global-id';
import { UserErrorCode } from '../../shared/user-error';
import { Toeslag } from '../toeslag/toeslag.entity';
import { ToeslagSoort, ToeslagStatus } from '../toeslag/toeslag.enums';
import { KooBetalingAanKoo, KooConvenantBetaling, KooConvenanttegoed } from './convenant.entity';
import { BETAALT_AAN_KOO, ConvenanttegoedStatus } from './kinderopvang.enums';
import type { RuleError } from './kinderopvang.rules';
import { requireKoo } from './koo-access';
import { KooLocatie } from './koo.entity';

export interface BetalingAanKooResult {
  keuze: KooBetalingAanKoo | null;
  userErrors: RuleError[];
}

/**
 * The parent (BURGER, or an INTERMEDIAIR with HANDELEN; a medewerker too) chooses whether the monthly
 * kinderopvangtoeslag is paid to the childcare organisation of an LRK number (convenant, domain.md
 * §5) or to themselves. Needs a running kinderopvangtoeslag and, to switch on, a KOO with a convenant
 * or new agreement. A new choice ends the previous one today. The running kinderopvangtoeslag is the
 * one that pays next month's voorschot (in December: next year's).
 */
export async function setKinderopvangtoeslagBetalingAanKoo(
  ctx: RequestContext,
  input: { householdId: string; aanKoo: boolean; lrkNummer?: string | null },
): Promise<BetalingAanKooResult> {
  const householdId = fromGlobalIdOfType(input.householdId, 'Household');
  if (input.aanKoo && !/^\d{9}$/.test(input.lrkNummer ?? '')) throw badInput('lrkNummer (9 digits) is required to pay to a KOO', 'lrkNummer');
  const today = ctx.clock.today();
  return ctx.scope.transactional(async (tx) => {
    const household = await tx.household(householdId, Purpose.ACT);
    const [toeslag] = await tx.owned(Toeslag, {
      household: household.id,
      soort: ToeslagSoort.KINDEROPVANGTOESLAG,
      status: ToeslagStatus.VOORLOPIG_TOEGEKEND,
      // The choice is about the voorschotten still to come: the first is next month's (in December,
      // next year's toeslag pays it).
      berekeningsjaar: yearOf(firstOfNextMonth(today)),
    }, Purpose.ACT);
    if (!toeslag) {
      return refused(UserErrorCode.GEEN_KINDEROPVANGTOESLAG, ['input', 'householdId'], 'Dit huishouden heeft geen lopende kinderopvangtoeslag.');
    }
    const [huidig] = await tx.owned(KooBetalingAanKoo, { household: household.id, tot: null }, Purpose.ACT, { populate: ['organisatie'] });
    const em: EntityManager = tx.entityManager;
    if (!input.aanKoo) {
      if (!huidig) return refused(UserErrorCode.ONGEWIJZIGD, ['input', 'aanKoo'], 'De toeslag wordt al aan u zelf betaald.');
      huidig.tot = today;
      tx.persist(huidig);
      return { keuze: huidig, userErrors: [] };
    }
    const locatie = await em.findOne(KooLocatie, { lrkNummer: input.lrkNummer!, actief: true }, { populate: ['organisatie'] });
    if (!locatie || !(BETAALT_AAN_KOO as readonly string[]).includes(locatie.organisatie.overeenkomstStatus)) {
      return refused(
        UserErrorCode.KOO_ZONDER_OVEREENKOMST,
        ['input', 'lrkNummer'],
        'Aan de kinderopvangorganisatie van dit LRK-nummer kan de toeslag niet worden betaald: zij heeft geen (lopend) convenant of overeenkomst.',
      );
    }
    if (huidig && huidig.organisatie.id === locatie.organisatie.id) {
      return refused(UserErrorCode.ONGEWIJZIGD, ['input', 'lrkNummer'], 'De toeslag wordt al aan deze kinderopvangorganisatie betaald.');
    }
    if (huidig) {
      huidig.tot = today;
      tx.persist(huidig);
    }
    const keuze = em.create(KooBetalingAanKoo, { household, organisatie: locatie.organisatie, lrkNummer: locatie.lrkNummer, vanaf: today });
    tx.persist(keuze);
    return { keuze, userErrors: [] };
  });
}

const refused = (code: UserErrorCode, field: string[] | null, message: string) => ({ keuze: null, userErrors: [{ code, field, message }] });

function keysetAfter(after: string | null, conditions: object[], dateField: string) {
  if (!after) return;
  const [v, lastId] = decodeCursor(after, 2);
  if (typeof v !== 'string' || typeof lastId !== 'string' || !/^[0-9a-f-]{36}$/.test(lastId)) throw badInput('after is not a valid cursor', 'after');
  conditions.push({ $or: [{ [dateField]: { $lt: v } }, { [dateField]: v, id: { $gt: lastId } }] });
}

/** KOO: the toeslag it received per parent and month (only its own), newest month first. */
export async function listConvenantBetalingen(
  ctx: RequestContext,
  args: { first: number; after: string | null; periode?: string | null },
): Promise<Page<KooConvenantBetaling>> {
  const koo = await requireKoo(ctx);
  const conditions: object[] = [{ organisatie: koo.organisatie }];
  if (args.periode) conditions.push({ periode: args.periode });
  keysetAfter(args.after, conditions, 'periode');
  const rows = await ctx.em.find(KooConvenantBetaling, { $and: conditions } as never, { orderBy: { periode: 'desc', id: 'asc' }, limit: args.first + 1 });
  const items = rows.slice(0, args.first);
  for (const r of items) ctx.scope.recordAccess(r.household.id, 'ConvenantBetaling', koo.reach);
  return { items, cursors: items.map((r) => encodeCursor([r.periode, r.id])), hasNextPage: rows.length > args.first };
}

/** KOO: its own convenanttegoeden; MEDEWERKER: every KOO's (e.g. those handed over, to pay the parents). */
export async function listConvenanttegoeden(
  ctx: RequestContext,
  args: { first: number; after: string | null; status?: ConvenanttegoedStatus[] | null },
): Promise<Page<KooConvenanttegoed>> {
  const actor = requireActor(ctx);
  const conditions: object[] = [];
  if (actor.role !== Role.MEDEWERKER) conditions.push({ organisatie: (await requireKoo(ctx)).organisatie });
  if (args.status) conditions.push({ status: { $in: args.status } });
  keysetAfter(args.after, conditions, 'ontstaanOp');
  const rows = await ctx.em.find(KooConvenanttegoed, { $and: conditions } as never, {
    orderBy: { ontstaanOp: 'desc', id: 'asc' },
    limit: args.first + 1,
    populate: ['organisatie'],
  });
  const items = rows.slice(0, args.first);
  const access = requireKooReach(actor) as Grant;
  for (const r of items) ctx.scope.recordAccess(r.household.id, 'Convenanttegoed', access);
  return { items, cursors: items.map((r) => encodeCursor([r.ontstaanOp, r.id])), hasNextPage: rows.length > args.first };
}

/** A tegoed by id: a KOO its own, a medewerker any; null otherwise. */
export async function findConvenanttegoed(ctx: RequestContext, id: string): Promise<KooConvenanttegoed | null> {
  const actor = requireActor(ctx);
  if (actor.role === Role.MEDEWERKER) {
    const [t] = await ctx.scope.owned(KooConvenanttegoed, { id }, Purpose.READ, { populate: ['organisatie'] });
    return t ?? null;
  }
  if (actor.role !== Role.KOO) return null;
  const koo = await requireKoo(ctx);
  const t = await ctx.em.findOne(KooConvenanttegoed, { id, organisatie: koo.organisatie }, { populate: ['organisatie'] });
  if (t) ctx.scope.recordAccess(t.household.id, 'Convenanttegoed', koo.reach);
  return t;
}

export interface TegoedResult {
  tegoed: KooConvenanttegoed | null;
  userErrors: RuleError[];
}

/** KOO: settles one of its OPEN tegoeden, paid to the parent (UITBETAALD_DOOR_KOO) or handed to the agency (OVERGEDRAGEN). */
export async function settleConvenanttegoed(
  ctx: RequestContext,
  input: { convenanttegoedId: string },
  naar: ConvenanttegoedStatus.UITBETAALD_DOOR_KOO | ConvenanttegoedStatus.OVERGEDRAGEN,
): Promise<TegoedResult> {
  const id = fromGlobalIdOfType(input.convenanttegoedId, 'Convenanttegoed');
  const koo = await requireKoo(ctx);
  return ctx.scope.transactional(async (tx) => {
    const em = tx.entityManager;
    const t = await em.findOne(KooConvenanttegoed, { id, organisatie: koo.organisatie }, { populate: ['organisatie'] });
    if (!t) throw forbidden('this convenanttegoed is not one of your organisation');
    if (t.status !== ConvenanttegoedStatus.OPEN) {
      return { tegoed: t, userErrors: [{ code: UserErrorCode.CONVENANTTEGOED_NIET_OPEN, field: ['input', 'convenanttegoedId'], message: 'Dit convenanttegoed is al afgehandeld.' }] };
    }
    t.status = naar;
    t.afgehandeldOp = ctx.clock.today();
    tx.recordAccess(t.household.id, 'Convenanttegoed', koo.reach, true);
    await em.flush();
    return { tegoed: t, userErrors: [] };
  });
}

/** MEDEWERKER: the agency pays a tegoed the KOO handed over (OVERGEDRAGEN) to the parent. */
export async function payConvenanttegoedToParent(ctx: RequestContext, input: { convenanttegoedId: string }): Promise<TegoedResult> {
  const id = fromGlobalIdOfType(input.convenanttegoedId, 'Convenanttegoed');
  const actor = requireActor(ctx);
  if (actor.role !== Role.MEDEWERKER) throw forbidden('only a medewerker pays a convenanttegoed to the parent');
  return ctx.scope.transactional(async (tx) => {
    const [t] = await tx.owned(KooConvenanttegoed, { id }, Purpose.ACT, { populate: ['organisatie'] });
    if (!t) throw notFound('no convenanttegoed with this id');
    if (t.status !== ConvenanttegoedStatus.OVERGEDRAGEN) {
      return {
        tegoed: t,
        userErrors: [
          {
            code: UserErrorCode.CONVENANTTEGOED_NIET_OVERGEDRAGEN,
            field: ['input', 'convenanttegoedId'],
            message: 'Alleen een convenanttegoed dat de organisatie heeft overgedragen, betaalt Dienst Toeslagen uit.',
          },
        ],
      };
    }
    t.status = ConvenanttegoedStatus.UITBETAALD_DOOR_DIENST;
    t.afgehandeldOp = ctx.clock.today();
    tx.persist(t);
    return { tegoed: t, userErrors: [] };
  });
}

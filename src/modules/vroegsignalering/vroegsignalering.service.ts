import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Actor, type GemeenteActor } from '../../auth/actor';
import { vroegsignaalReach, type GrantedAccess } from '../../auth/reach';
import { requireActor, type RequestContext } from '../context';
import { decodeCursor, encodeCursor, pageSize, type Page } from '../../shared/connection';
import { badInput, forbidden, gemeenteNeemtNietDeel, notFound } from '../../shared/errors';
import { fromGlobalIdOfType } from '../../shared/global-id';
import { ProcessingActivityId } from '../accesslog/processing-activities';
import type { RuleError } from '../toeslag/toeslag.rules';
import { UserErrorCode } from '../../shared/user-error';
import { Vroegsignaal, VroegsignaleringDeelname } from './vroegsignaal.entity';
import { publishVroegsignalen } from './vroegsignalering.engine';
import { VroegsignaalStatus, VroegsignaalUitkomst } from './vroegsignalering.enums';
import { checkAcknowledgeIds, checkDeelnamePeriode, checkNotitie, neemtDeel } from './vroegsignalering.rules';

function requireGemeente(ctx: RequestContext): GemeenteActor {
  const actor = requireActor(ctx);
  const reach = vroegsignaalReach(actor);
  if (!reach.allowed) throw forbidden(reach.reason);
  return actor as GemeenteActor;
}

/**
 * A gemeente receives signals only while it takes part in the experiment (domain.md §1, §4); outside
 * a participation period every signal operation is refused with GEMEENTE_NEEMT_NIET_DEEL.
 */
async function requireDeelname(em: EntityManager, gemeentecode: string, today: string): Promise<void> {
  const perioden = await em.find(VroegsignaleringDeelname, { gemeentecode }, { fields: ['vanaf', 'tot'] });
  if (!neemtDeel(perioden, today)) {
    throw gemeenteNeemtNietDeel(
      `gemeente ${gemeentecode} does not take part in the vroegsignalering experiment today, so it receives no vroegsignalen ` +
        '(participation is registered by Dienst Toeslagen; see vroegsignaleringDeelnames)',
    );
  }
}

/** Records the households whose signal data the gemeente processed (erased signals have none). */
function recordGemeente(scope: RequestContext['scope'], rows: readonly Vroegsignaal[], write = false): void {
  for (const v of rows) if (v.household) scope.recordAccess(v.household.id, 'Vroegsignaal', vroegsignaalReach(scope.viewer!) as GrantedAccess, write);
}

const VOLGNUMMER = /^[1-9]\d{0,17}$/;

/**
 * The gemeente's feed (GEMEENTE only, its own gemeentecode from the token): signals in feed order
 * (volgnummer), a keyset cursor on it. The numbers are assigned after commit in one serialized step
 * (publishVroegsignalen), so an integration that stores `endCursor` and asks `after` it next time
 * gets exactly the signals published since: none missed, none repeated. Signals not yet numbered are
 * numbered first (without waiting for a numbering already running elsewhere).
 */
export async function listVroegsignalen(
  ctx: RequestContext,
  args: { first?: number | null; after?: string | null; status?: VroegsignaalStatus[] | null },
): Promise<Page<Vroegsignaal>> {
  const actor = requireGemeente(ctx);
  const first = pageSize(args.first);
  let after = '0';
  if (args.after) {
    const [v] = decodeCursor(args.after, 1);
    if (typeof v !== 'string' || !VOLGNUMMER.test(v)) throw badInput('after is not a valid cursor', 'after');
    after = v;
  }
  await requireDeelname(ctx.em, actor.gemeentecode, ctx.clock.today());
  await publishVroegsignalen(ctx.em, { wait: false });
  const rows = await ctx.em.find(
    Vroegsignaal,
    {
      gemeentecode: actor.gemeentecode,
      volgnummer: { $gt: after, $ne: null },
      ...(args.status ? { status: { $in: args.status } } : {}),
    },
    { orderBy: { volgnummer: 'asc' }, limit: first + 1 },
  );
  const items = rows.slice(0, first);
  recordGemeente(ctx.scope, items);
  return { items, cursors: items.map((v) => encodeCursor([String(v.volgnummer)])), hasNextPage: rows.length > first };
}

/** node(id) of a Vroegsignaal: only the gemeente it was sent to (while participating); FORBIDDEN for anyone else. */
export async function vroegsignaalById(ctx: RequestContext, id: string): Promise<Vroegsignaal> {
  const actor = requireActor(ctx);
  if (actor.role !== Role.GEMEENTE) {
    throw forbidden('a Vroegsignaal is for its gemeente; citizens and medewerkers see signals through Household.vroegsignalen');
  }
  await requireDeelname(ctx.em, actor.gemeentecode, ctx.clock.today());
  const v = await ctx.em.findOne(Vroegsignaal, { id, gemeentecode: actor.gemeentecode });
  if (!v) throw forbidden('this Vroegsignaal is outside your access');
  recordGemeente(ctx.scope, [v]);
  return v;
}

export interface VroegsignalenResult {
  vroegsignalen: Vroegsignaal[];
  userErrors: RuleError[];
}

/**
 * The gemeente acknowledges receipt (domain.md §4): NIEUW → ONTVANGEN, `ontvangenOp` set once
 * (acknowledging again changes nothing). All or nothing: one id outside the gemeente makes the whole
 * call FORBIDDEN and nothing is written; bad lists are userErrors.
 */
export async function acknowledgeVroegsignalen(ctx: RequestContext, input: { ids: string[] }): Promise<VroegsignalenResult> {
  const actor = requireGemeente(ctx);
  const errors = checkAcknowledgeIds(input.ids);
  if (errors.length) return { vroegsignalen: [], userErrors: errors };
  const ids = input.ids.map((g) => fromGlobalIdOfType(g, 'Vroegsignaal'));
  await requireDeelname(ctx.em, actor.gemeentecode, ctx.clock.today());
  const rows = await ctx.scope.transactional(async (scope) => {
    const tx = scope.entityManager;
    const found = await tx.find(Vroegsignaal, { id: { $in: ids }, gemeentecode: actor.gemeentecode }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (found.length !== ids.length) throw forbidden('one or more of these vroegsignalen are outside your access');
    const now = ctx.clock.now();
    for (const v of found) {
      if (!v.ontvangenOp) v.ontvangenOp = now;
      if (v.status === VroegsignaalStatus.NIEUW) v.status = VroegsignaalStatus.ONTVANGEN;
    }
    recordGemeente(scope, found, true);
    return found;
  });
  const byId = new Map(rows.map((v) => [v.id, v]));
  return { vroegsignalen: ids.map((id) => byId.get(id)!), userErrors: [] };
}

export interface VroegsignaalResult {
  vroegsignaal: Vroegsignaal | null;
  userErrors: RuleError[];
}

/**
 * The gemeente records the outcome of its follow-up (BEREIKT, NIET_BEREIKT, HULP_GEACCEPTEERD,
 * HULP_AFGEWEZEN) with an optional note; the latest outcome counts (a NIET_BEREIKT can later become
 * BEREIKT). Implies receipt. Refused for an erased signal (VROEGSIGNAAL_GEWIST) and for a bad note.
 */
export async function recordVroegsignaalOpvolging(
  ctx: RequestContext,
  input: { id: string; outcome: VroegsignaalUitkomst; note?: string | null },
): Promise<VroegsignaalResult> {
  const actor = requireGemeente(ctx);
  const id = fromGlobalIdOfType(input.id, 'Vroegsignaal');
  const { notitie, errors } = checkNotitie(input.note);
  await requireDeelname(ctx.em, actor.gemeentecode, ctx.clock.today());
  return ctx.scope.transactional(async (scope): Promise<VroegsignaalResult> => {
    const tx = scope.entityManager;
    const v = await tx.findOne(Vroegsignaal, { id, gemeentecode: actor.gemeentecode }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!v) throw forbidden('this Vroegsignaal is outside your access');
    if (errors.length) return { vroegsignaal: null, userErrors: errors };
    if (v.gewistOp) {
      return {
        vroegsignaal: null,
        userErrors: [{ code: UserErrorCode.VROEGSIGNAAL_GEWIST, field: ['input', 'id'], message: 'De bewaartermijn van dit signaal is verstreken; de gegevens zijn gewist.' }],
      };
    }
    const now = ctx.clock.now();
    v.uitkomst = input.outcome;
    v.notitie = notitie;
    v.opgevolgdOp = now;
    v.ontvangenOp ??= now;
    v.status = VroegsignaalStatus.OPGEVOLGD;
    recordGemeente(scope, [v], true);
    return { vroegsignaal: v, userErrors: [] };
  });
}

// --- The participation register ---------------------------------------------------------------

/** MEDEWERKER: the whole register; GEMEENTE: its own periods (also when it does not take part now). */
export async function listDeelnames(ctx: RequestContext): Promise<VroegsignaleringDeelname[]> {
  const actor = requireActor(ctx);
  const where = actor.role === Role.GEMEENTE ? { gemeentecode: actor.gemeentecode } : actor.role === Role.MEDEWERKER ? {} : null;
  if (!where) throw forbidden('the participation register is for medewerkers and gemeenten');
  return ctx.em.find(VroegsignaleringDeelname, where, { orderBy: { gemeentecode: 'asc', vanaf: 'asc' } });
}

export async function deelnameById(ctx: RequestContext, id: string): Promise<VroegsignaleringDeelname> {
  const actor = requireActor(ctx);
  if (actor.role !== Role.MEDEWERKER && actor.role !== Role.GEMEENTE) throw forbidden('the participation register is for medewerkers and gemeenten');
  const d = await ctx.em.findOne(VroegsignaleringDeelname, { id });
  if (actor.role === Role.MEDEWERKER) {
    if (!d) throw notFound('no VroegsignaleringDeelname with this id');
    return d;
  }
  if (!d || d.gemeentecode !== actor.gemeentecode) throw forbidden('this VroegsignaleringDeelname is outside your access');
  return d;
}

export interface DeelnameResult {
  deelname: VroegsignaleringDeelname | null;
  userErrors: RuleError[];
}

/** Serializes changes to one gemeente's periods, so two concurrent registrations cannot overlap. */
async function lockGemeente(tx: EntityManager, gemeentecode: string): Promise<void> {
  await tx.getConnection().execute(`select pg_advisory_xact_lock(hashtext('vroegsignalering_deelname:' || ?))`, [gemeentecode], 'all', tx.getTransactionContext());
}

function employee(actor: Actor): string {
  if (actor.role !== Role.MEDEWERKER) throw forbidden('only a medewerker maintains the participation register');
  return actor.employeeId;
}

/** MEDEWERKER: registers a period in which a gemeente takes part (vanaf inclusive, tot exclusive; no overlap). */
export async function registerDeelname(
  ctx: RequestContext,
  input: { gemeentecode: string; naam: string; vanaf: string; tot: string },
): Promise<DeelnameResult> {
  const door = employee(requireActor(ctx));
  const naam = input.naam.trim();
  if (naam.length === 0 || naam.length > 100) throw badInput('naam must be 1 to 100 characters', 'naam');
  return ctx.em.transactional(async (tx) => {
    await lockGemeente(tx as EntityManager, input.gemeentecode);
    const andere = await tx.find(VroegsignaleringDeelname, { gemeentecode: input.gemeentecode });
    const errors = checkDeelnamePeriode(input, andere);
    if (errors.length) return { deelname: null, userErrors: errors };
    const deelname = tx.create(VroegsignaleringDeelname, { gemeentecode: input.gemeentecode, naam, vanaf: input.vanaf, tot: input.tot, gewijzigdDoor: door });
    return { deelname, userErrors: [] };
  });
}

/** MEDEWERKER: moves the end of a period (earlier ends the participation, later extends it). */
export async function changeDeelname(ctx: RequestContext, input: { deelnameId: string; tot: string }): Promise<DeelnameResult> {
  const door = employee(requireActor(ctx));
  const id = fromGlobalIdOfType(input.deelnameId, 'VroegsignaleringDeelname');
  return ctx.em.transactional(async (tx) => {
    const current = await tx.findOne(VroegsignaleringDeelname, { id });
    if (!current) throw notFound('no VroegsignaleringDeelname with this id');
    await lockGemeente(tx as EntityManager, current.gemeentecode);
    await tx.refresh(current);
    const andere = await tx.find(VroegsignaleringDeelname, { gemeentecode: current.gemeentecode, id: { $ne: id } });
    const errors = checkDeelnamePeriode({ vanaf: current.vanaf, tot: input.tot }, andere);
    if (errors.length) return { deelname: null, userErrors: errors };
    current.tot = input.tot;
    current.gewijzigdDoor = door;
    return { deelname: current, userErrors: [] };
  });
}

// --- Statistics -------------------------------------------------------------------------------

export interface Statistiek {
  gemeentecode: string;
  signalen: number;
  ontvangen: number;
  bereikt: number;
  hulpGeaccepteerd: number;
  crisissignalen: number;
}

/**
 * Anonymous counts per gemeente (signals, acknowledged, reached, help accepted, crisis) for signals
 * with a signaaldatum in the period; they survive the erasure of the personal fields. MEDEWERKER:
 * every gemeente (or the one asked for); GEMEENTE: only itself, also after its participation ended.
 */
export async function vroegsignaleringStatistics(
  ctx: RequestContext,
  args: { gemeentecode?: string | null; periode?: { van?: string | null; tot?: string | null } | null },
): Promise<Statistiek[]> {
  const actor = requireActor(ctx);
  let gemeentecode = args.gemeentecode ?? null;
  if (actor.role === Role.GEMEENTE) {
    if (gemeentecode && gemeentecode !== actor.gemeentecode) throw forbidden('a gemeente sees only its own statistics');
    gemeentecode = actor.gemeentecode;
  } else if (actor.role !== Role.MEDEWERKER) {
    throw forbidden('the statistics are for medewerkers and gemeenten');
  }
  const van = args.periode?.van ?? null;
  const tot = args.periode?.tot ?? null;
  if (van && tot && tot < van) throw badInput('periode.tot must not be before periode.van', 'periode');
  const where: string[] = [];
  const params: unknown[] = [];
  if (gemeentecode) (where.push('gemeentecode = ?'), params.push(gemeentecode));
  if (van) (where.push('signaaldatum >= ?::date'), params.push(van));
  if (tot) (where.push('signaaldatum <= ?::date'), params.push(tot));
  const rows = await ctx.em.getConnection().execute<Array<Statistiek>>(
    `select gemeentecode, count(*)::int as signalen, count(ontvangen_op)::int as ontvangen,
            count(*) filter (where uitkomst in ('BEREIKT', 'HULP_GEACCEPTEERD', 'HULP_AFGEWEZEN'))::int as bereikt,
            count(*) filter (where uitkomst = 'HULP_GEACCEPTEERD')::int as "hulpGeaccepteerd",
            count(*) filter (where crisissignaal)::int as crisissignalen
       from vroegsignaal ${where.length ? `where ${where.join(' and ')}` : ''}
      group by gemeentecode order by gemeentecode`,
    params,
  );
  if (gemeentecode && rows.length === 0) return [{ gemeentecode, signalen: 0, ontvangen: 0, bereikt: 0, hulpGeaccepteerd: 0, crisissignalen: 0 }];
  return rows;
}

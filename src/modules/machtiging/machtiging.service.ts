import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type IntermediairActor } from '../../auth/actor';
import { householdAccess, Purpose } from '../../auth/reach';
import { requireActor, type RequestContext } from '../context';
import { decodeCursor, encodeCursor, type Page } from '../../shared/connection';
import { badInput, forbidden, notFound } from '../../shared/errors';
import { fromGlobalIdOfType } from '../../shared/global-id';
import { UserErrorCode } from '../../shared/user-error';
import { HouseholdMember } from '../household/household-member.entity';
import { CITIZEN_ROLES } from '../household/household.enums';
import type { Household } from '../household/household.entity';
import { Machtiging } from './machtiging.entity';
import { MachtigingOpslagStatus, MachtigingScope, MachtigingStatus, MachtigingVerleendVia } from './machtiging.enums';
import { checkGeldigTot, checkOrganisatie, effectiveStatus, newActiveringscode, normaliseActiveringscode, type RuleError } from './machtiging.rules';

export interface MachtigingResult {
  machtiging: Machtiging | null;
  userErrors: RuleError[];
}

const refused = (error: RuleError): MachtigingResult => ({ machtiging: null, userErrors: [error] });

type Scope = RequestContext['scope'];

/** Machtigingen through the household scope (policy filter in the query). A Machtiging's household may be null, hence the casts. */
async function scopedMachtigingen(scope: Scope, where: object, purpose: Purpose, populate = false): Promise<Machtiging[]> {
  return (await scope.owned(Machtiging as never, where as never, purpose, (populate ? { populate: ['household'] } : undefined) as never)) as unknown as Machtiging[];
}

/** Records an intermediary's processing of a household it cannot (yet) reach through the scope. */
function recordIntermediairWrite(tx: Scope, actor: IntermediairActor, householdId: string): void {
  const access = householdAccess(actor, Purpose.READ, tx.clock.today());
  if (access.allowed) tx.recordAccess(householdId, 'Machtiging', access, true);
}

/**
 * An intermediary organisation asks a citizen for a machtiging (domain.md §1, like the doorlopende
 * machtiging toeslagen). The citizen receives a letter with an activation code (simulated: the code
 * is shown to the citizen in their own session and to medewerkers). The answer is the same whether
 * or not the BSN belongs to a household, so the mutation cannot be used to find out who receives
 * toeslagen: for an unknown BSN a request is stored that can never be activated and expires.
 */
export async function requestMachtiging(
  ctx: RequestContext,
  input: { bsn: string; scope: MachtigingScope; geldigTot: string; clientReferentie?: string | null },
): Promise<MachtigingResult> {
  const actor = requireActor(ctx);
  if (actor.role !== Role.INTERMEDIAIR) throw forbidden('only an intermediair can request a machtiging');
  const today = ctx.clock.today();
  const geldigheid = checkGeldigTot(input.geldigTot, today);
  if (geldigheid) return refused(geldigheid);
  const referentie = input.clientReferentie?.trim() || null;
  if (referentie && (referentie.length > 100 || /\d{9}/.test(referentie))) {
    return refused({
      code: UserErrorCode.CLIENTREFERENTIE_ONGELDIG,
      message: 'Een klantreferentie is hoogstens 100 tekens en bevat nooit een BSN.',
      field: ['input', 'clientReferentie'],
    });
  }

  return ctx.scope.transactional(async (tx) => {
    const em = tx.entityManager;
    // Deliberately outside the scope: the organisation cannot reach this household yet. Nothing
    // about the household is returned to the caller.
    const member = await em.findOne(
      HouseholdMember,
      { person: { bsn: input.bsn }, rol: { $in: [...CITIZEN_ROLES] }, tot: null },
      { fields: ['household'] },
    );
    const household = member?.household ?? null;
    if (household) {
      const active = await em.count(Machtiging, {
        household,
        organisationId: actor.organisationId,
        status: MachtigingOpslagStatus.ACTIEF,
        geldigTot: { $gte: today },
      });
      // Only an ACTIEF one is refused: the organisation already sees that client in `clients`.
      if (active > 0) {
        return refused({
          code: UserErrorCode.MACHTIGING_BESTAAT_AL,
          message: 'Uw organisatie heeft al een actieve machtiging voor dit huishouden.',
          field: ['input', 'bsn'],
        });
      }
      recordIntermediairWrite(tx, actor, household.id);
    }
    const machtiging = em.create(Machtiging, {
      createdAt: ctx.clock.now(),
      household,
      organisationId: actor.organisationId,
      clientReferentie: referentie,
      scope: input.scope,
      status: MachtigingOpslagStatus.AANGEVRAAGD,
      geldigTot: input.geldigTot,
      activeringscode: household ? newActiveringscode() : null,
      aangevraagdDoor: actor.employeeId,
    });
    await em.flush();
    return { machtiging, userErrors: [] };
  });
}

/** Revokes every other ACTIEF machtiging of the same organisation for the household (a new one replaces it). */
async function replaceActive(em: EntityManager, household: Household, organisationId: string, keepId: string | null, now: Date): Promise<void> {
  const old = await em.find(Machtiging, { household, organisationId, status: MachtigingOpslagStatus.ACTIEF });
  for (const m of old) {
    if (m.id === keepId) continue;
    m.status = MachtigingOpslagStatus.INGETROKKEN;
    m.ingetrokkenOp = now;
    m.ingetrokkenDoor = Role.BURGER;
  }
}

/**
 * The citizen (aanvrager or toeslagpartner) activates a requested machtiging with the code from the
 * letter. A code of another household, a wrong, used or expired code all give the same userError.
 */
export async function activateMachtiging(ctx: RequestContext, input: { activeringscode: string }): Promise<MachtigingResult> {
  const code = normaliseActiveringscode(input.activeringscode);
  const invalid = refused({
    code: UserErrorCode.ACTIVERINGSCODE_ONGELDIG,
    message: 'Deze activeringscode is onbekend, al gebruikt of verlopen.',
    field: ['input', 'activeringscode'],
  });
  if (!code) return invalid;
  const today = ctx.clock.today();
  return ctx.scope.transactional(async (tx) => {
    const [m] = await scopedMachtigingen(
      tx,
      { activeringscode: code, status: MachtigingOpslagStatus.AANGEVRAAGD, geldigTot: { $gte: today } },
      Purpose.ACT,
      true,
    );
    if (!m) return invalid;
    await replaceActive(tx.entityManager, m.household!, m.organisationId, m.id, ctx.clock.now());
    m.status = MachtigingOpslagStatus.ACTIEF;
    m.verleendVia = MachtigingVerleendVia.ACTIVERINGSCODE;
    m.geactiveerdOp = ctx.clock.now();
    m.activeringscode = null; // single use
    tx.persist(m as never);
    return { machtiging: m, userErrors: [] };
  });
}

/** The citizen grants a machtiging directly in their own session (no letter needed). */
export async function grantMachtiging(
  ctx: RequestContext,
  input: { organisationId: string; scope: MachtigingScope; geldigTot: string },
): Promise<MachtigingResult> {
  const organisatie = checkOrganisatie(input.organisationId);
  if (organisatie) return refused(organisatie);
  const today = ctx.clock.today();
  const geldigheid = checkGeldigTot(input.geldigTot, today);
  if (geldigheid) return refused(geldigheid);
  return ctx.scope.transactional(async (tx) => {
    const [household] = await tx.households({}, Purpose.ACT);
    if (!household) throw forbidden('you are not the aanvrager or toeslagpartner of a household');
    const existing = await scopedMachtigingen(
      tx,
      { household: household.id, organisationId: input.organisationId, status: MachtigingOpslagStatus.ACTIEF, geldigTot: { $gte: today } },
      Purpose.ACT,
    );
    if (existing.length > 0) {
      return refused({
        code: UserErrorCode.MACHTIGING_BESTAAT_AL,
        message: 'Deze organisatie heeft al een actieve machtiging voor uw huishouden. Trek die eerst in om de machtiging te wijzigen.',
        field: ['input', 'organisationId'],
      });
    }
    const m = tx.entityManager.create(Machtiging, {
      createdAt: ctx.clock.now(),
      household,
      organisationId: input.organisationId,
      scope: input.scope,
      status: MachtigingOpslagStatus.ACTIEF,
      geldigTot: input.geldigTot,
      verleendVia: MachtigingVerleendVia.DIRECT,
      geactiveerdOp: ctx.clock.now(),
    });
    tx.persist(m as never);
    return { machtiging: m, userErrors: [] };
  });
}

/**
 * Revokes a machtiging at once: by the citizen (their household's), the intermediary (its own
 * organisation's) or a medewerker. Takes effect on the very next request: the policy checks the
 * machtiging in SQL on every query.
 */
export async function revokeMachtiging(ctx: RequestContext, input: { machtigingId: string }): Promise<MachtigingResult> {
  const actor = requireActor(ctx);
  const id = fromGlobalIdOfType(input.machtigingId, 'Machtiging');
  const today = ctx.clock.today();
  const notActive = refused({ code: UserErrorCode.MACHTIGING_NIET_ACTIEF, message: 'Deze machtiging is al ingetrokken of verlopen.', field: ['input', 'machtigingId'] });

  const revoke = (m: Machtiging) => {
    m.status = MachtigingOpslagStatus.INGETROKKEN;
    m.ingetrokkenOp = ctx.clock.now();
    m.ingetrokkenDoor = actor.role;
    m.activeringscode = null;
  };

  if (actor.role === Role.INTERMEDIAIR) {
    // The organisation's own machtiging, also one it can no longer (or not yet) use.
    return ctx.scope.transactional(async (tx) => {
      const em = tx.entityManager;
      const m = await em.findOne(Machtiging, { id, organisationId: actor.organisationId });
      if (!m) throw forbidden('this machtiging is not one of your organisation');
      const status = effectiveStatus(m, today);
      if (status === MachtigingStatus.INGETROKKEN || status === MachtigingStatus.VERLOPEN) return notActive;
      revoke(m);
      if (m.household) recordIntermediairWrite(tx, actor, m.household.id);
      await em.flush();
      return { machtiging: m, userErrors: [] };
    });
  }
  if (actor.role !== Role.BURGER && actor.role !== Role.MEDEWERKER) throw forbidden('only the citizen, the intermediary or a medewerker can revoke a machtiging');

  return ctx.scope.transactional(async (tx) => {
    const access = tx.access(Purpose.ACT);
    const [m] = await scopedMachtigingen(tx, { id }, Purpose.ACT);
    if (!m) throw access.unrestricted ? notFound('no machtiging with this id') : forbidden('this machtiging is outside your access');
    const status = effectiveStatus(m, today);
    if (status === MachtigingStatus.INGETROKKEN || status === MachtigingStatus.VERLOPEN) return notActive;
    revoke(m);
    if (m.household) tx.persist(m as never);
    else await tx.entityManager.flush(); // a request for an unknown BSN (medewerker): no household to log
    return { machtiging: m, userErrors: [] };
  });
}

/** INTERMEDIAIR: the organisation's own machtigingen (also pending and ended ones), newest first. */
export async function organisationMachtigingen(
  ctx: RequestContext,
  args: { first: number; after: string | null; status?: MachtigingStatus[] | null },
): Promise<Page<Machtiging>> {
  const actor = requireActor(ctx);
  if (actor.role !== Role.INTERMEDIAIR) throw forbidden('this list is for intermediairs: citizens see machtigingen on their household');
  const today = ctx.clock.today();
  const conditions: object[] = [{ organisationId: actor.organisationId }];
  if (args.status) {
    const byStatus: Record<MachtigingStatus, object> = {
      [MachtigingStatus.AANGEVRAAGD]: { status: MachtigingOpslagStatus.AANGEVRAAGD, geldigTot: { $gte: today } },
      [MachtigingStatus.ACTIEF]: { status: MachtigingOpslagStatus.ACTIEF, geldigTot: { $gte: today } },
      [MachtigingStatus.INGETROKKEN]: { status: MachtigingOpslagStatus.INGETROKKEN },
      [MachtigingStatus.VERLOPEN]: { status: { $ne: MachtigingOpslagStatus.INGETROKKEN }, geldigTot: { $lt: today } },
    };
    conditions.push({ $or: args.status.length ? args.status.map((s) => byStatus[s]) : [{ id: null }] });
  }
  if (args.after) {
    const [createdAt, lastId] = decodeCursor(args.after, 2);
    if (typeof createdAt !== 'string' || Number.isNaN(Date.parse(createdAt)) || typeof lastId !== 'string' || !/^[0-9a-f-]{36}$/.test(lastId)) {
      throw badInput('after is not a valid cursor', 'after');
    }
    conditions.push({ $or: [{ createdAt: { $lt: new Date(createdAt) } }, { createdAt: new Date(createdAt), id: { $gt: lastId } }] });
  }
  const rows = await ctx.em.find(Machtiging, { $and: conditions } as never, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: args.first + 1 });
  const items = rows.slice(0, args.first);
  return { items, cursors: items.map((m) => encodeCursor([m.createdAt.toISOString(), m.id])), hasNextPage: rows.length > args.first };
}

/**
 * One machtiging by id under the usual rules: a citizen their household's, a medewerker any, an
 * intermediary its own organisation's (also pending or ended ones, which reach no household).
 * Null when outside reach or absent.
 */
export async function findMachtiging(ctx: RequestContext, id: string): Promise<Machtiging | null> {
  const actor = requireActor(ctx);
  if (actor.role === Role.INTERMEDIAIR) return ctx.em.findOne(Machtiging, { id, organisationId: actor.organisationId });
  const [m] = await scopedMachtigingen(ctx.scope, { id }, Purpose.READ);
  return m ?? null;
}

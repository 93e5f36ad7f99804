import { LockMode, QueryOrder, type EntityName, type FilterQuery } from '@mikro-orm/core';
import { Role, type Actor } from '../../auth/actor';
import type { HouseholdOwned, HouseholdScope } from '../../auth/household-scope';
import { Purpose, type HouseholdAccess } from '../../auth/reach';
import { requireActor, type RequestContext } from '../context';
import { decodeCursor, encodeCursor, pageSize, type Page } from '../../shared/connection';
import { badInput, forbidden, notFound } from '../../shared/errors';
import { fromGlobalIdOfType } from '../../shared/global-id';
import { isIsoDate } from '../../shared/scalars/date.scalar';
import type { PageArgs } from '../household/household.service';
import { Machtiging } from '../machtiging/machtiging.entity';
import { MachtigingOpslagStatus, MachtigingScope } from '../machtiging/machtiging.enums';
import type { RuleError } from '../toeslag/toeslag.rules';
import { Zaak } from './zaak.entity';
import { Contactvoorkeur, ZaakSoort, ZaakStatus } from './zaak.enums';
import { OPEN_ZAAK_STATUSES, planBegeleiding, zaakZichtbaarheid } from './zaak.rules';
import './zaak.loaders'; // registers the ctx.loaders it reads

export interface ReferToPersoonlijkeBegeleidingInput {
  /** Global id of the household. */
  householdId: string;
  reason: string;
  contactPreference: Contactvoorkeur;
}

export interface ReferToPersoonlijkeBegeleidingResult {
  zaak: Zaak | null;
  userErrors: RuleError[];
}

/**
 * Referral to persoonlijke begeleiding (domain.md §6; the pilot with intermediairs in Zwolle,
 * Lelystad and Utrecht, seed 003): creates a PERSOONLIJKE_BEGELEIDING zaak with status NIEUW for a
 * medewerker. Acting for the household (Purpose.ACT): a citizen for their own household, an
 * intermediary only under an ACTIEF, unexpired machtiging of its organisation with scope HANDELEN (the
 * zaak records that machtiging), a medewerker for any. Outside reach FORBIDDEN (NOT_FOUND for a
 * medewerker when the household does not exist). Refusals (zaak.rules planBegeleiding) are userErrors
 * and write nothing. One transaction; the household row is locked for it, so two concurrent referrals
 * for one household cannot both pass the "one open begeleiding zaak" rule.
 */
export async function referToPersoonlijkeBegeleiding(
  ctx: RequestContext,
  input: ReferToPersoonlijkeBegeleidingInput,
): Promise<ReferToPersoonlijkeBegeleidingResult> {
  const householdId = fromGlobalIdOfType(input.householdId, 'Household');
  const actor = requireActor(ctx);
  const access = ctx.scope.access(Purpose.ACT);
  return ctx.scope.transactional(async (tx) => {
    const [household] = await tx.households({ id: householdId }, Purpose.ACT, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!household) {
      throw access.unrestricted ? notFound('no household with this id') : forbidden(access.outOfReach ?? 'this household is outside your access');
    }
    const open = await tx.owned(
      Zaak,
      { household: householdId, soort: ZaakSoort.PERSOONLIJKE_BEGELEIDING, status: { $in: [...OPEN_ZAAK_STATUSES] } },
      Purpose.ACT,
    );
    const plan = planBegeleiding({
      reden: input.reason,
      contactvoorkeur: input.contactPreference,
      indienerRol: actor.role,
      openBegeleidingZaken: open.length,
    });
    if (!plan.ok) return { zaak: null, userErrors: plan.errors };

    const machtiging = await actingMachtiging(tx, actor, householdId, access);

    const zaak = new Zaak();
    Object.assign(zaak, {
      household,
      // Submitted now: its age counts from the request's clock.
      createdAt: ctx.clock.now(),
      soort: ZaakSoort.PERSOONLIJKE_BEGELEIDING,
      status: ZaakStatus.NIEUW,
      ingediendDoorRol: actor.role,
      ingediendDoorOrganisatie: actor.role === Role.INTERMEDIAIR ? actor.organisationId : null,
      machtiging,
      reden: plan.reden,
      contactvoorkeur: input.contactPreference,
      // No statutory beslistermijn for a referral (it is not a request for a decision).
      uiterlijkeBeslisdatum: null,
      afgehandeldOp: null,
      uitkomst: null,
    });
    tx.persist(zaak);
    return { zaak, userErrors: [] };
  });
}

/**
 * The machtiging an intermediary acts under for this household (ACTIEF, HANDELEN, not expired: what
 * the policy just relied on for Purpose.ACT), recorded on the zaak; null for other roles. FORBIDDEN
 * when there is none (the policy would already have refused the household).
 */
export async function actingMachtiging(
  tx: HouseholdScope,
  actor: Actor,
  householdId: string,
  access: Extract<HouseholdAccess, { allowed: true }>,
): Promise<Machtiging | null> {
  if (actor.role !== Role.INTERMEDIAIR) return null;
  const [machtiging] = await tx.owned(
    Machtiging as unknown as EntityName<Machtiging & HouseholdOwned>,
    {
      household: householdId,
      organisationId: actor.organisationId,
      status: MachtigingOpslagStatus.ACTIEF,
      scope: MachtigingScope.HANDELEN,
      geldigTot: { $gte: tx.clock.today() },
    },
    Purpose.ACT,
    { orderBy: { geldigTot: 'desc', id: 'asc' }, limit: 1 },
  );
  if (!machtiging) throw forbidden(access.outOfReach ?? 'this household is outside your access');
  return machtiging;
}

/**
 * The zaken of a household the caller may see: a citizen all of their own household's, a medewerker
 * all, an intermediary only those its organisation submitted (zaak.rules zaakZichtbaarheid), newest first.
 */
export function householdZaken(ctx: RequestContext, householdId: string): Promise<Zaak[]> {
  return ctx.loaders.zakenOfHousehold.load({ householdId, ...zaakZichtbaarheid(requireActor(ctx)) });
}

/** One zaak by id (node), under the same scope and visibility; null when outside them. */
export function zaakById(ctx: RequestContext, id: string): Promise<Zaak | null> {
  return ctx.loaders.zaakById.load({ id, ...zaakZichtbaarheid(requireActor(ctx)) });
}

export interface ZaakFilterInput {
  status?: ZaakStatus[] | null;
  soort?: ZaakSoort[] | null;
  termijnOverschreden?: boolean | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * The work list of medewerkers (the field is MEDEWERKER-only): zaken of every household, earliest
 * uiterlijkeBeslisdatum first (zaken without a deadline last), then oldest first, then by id; a keyset
 * page through the scope, so every household on the page is in the access log.
 * Cursor: [uiterlijkeBeslisdatum or "" for none, createdAt (ISO, ms), id].
 */
export async function listZaken(ctx: RequestContext, args: PageArgs, filter?: ZaakFilterInput | null): Promise<Page<Zaak>> {
  const first = pageSize(args.first);
  const access = ctx.scope.access(Purpose.READ);
  const and: Array<FilterQuery<Zaak>> = [];
  if (filter?.status) and.push({ status: { $in: filter.status } });
  if (filter?.soort) and.push({ soort: { $in: filter.soort } });
  if (filter?.termijnOverschreden != null) {
    // Open and past the deadline (the work list's "overdue"); false is its complement.
    const today = ctx.clock.today();
    and.push(
      filter.termijnOverschreden
        ? { status: { $in: [...OPEN_ZAAK_STATUSES] }, uiterlijkeBeslisdatum: { $lt: today } }
        : { $or: [{ status: { $nin: [...OPEN_ZAAK_STATUSES] } }, { uiterlijkeBeslisdatum: null }, { uiterlijkeBeslisdatum: { $gte: today } }] },
    );
  }
  const where = (extra: FilterQuery<Zaak> | null): FilterQuery<Zaak> => ({ $and: extra ? [...and, extra] : [...and] });
  const items = await ctx.scope.owned(Zaak, where(args.after ? afterCursor(args.after) : null), Purpose.READ, {
    orderBy: ZAAK_WORKLIST_ORDER,
    limit: first,
  });
  const cursors = items.map(zaakCursor);
  // Is there a next page? Only whether a row exists, so no data of another household is read (or
  // logged as read) for the look-ahead; the policy filter is in this statement as in the scope's.
  let hasNextPage = false;
  if (items.length === first) {
    const next = where(afterCursor(cursors[cursors.length - 1]));
    const [row] = await ctx.em
      .createQueryBuilder(Zaak, 'z')
      .select('z.id')
      .where((access.unrestricted ? next : { $and: [next, access.rows.filter<Zaak>('household_id')] }) as never)
      .limit(1)
      .execute('all');
    hasNextPage = row !== undefined;
  }
  return { items, cursors, hasNextPage };
}

const ZAAK_WORKLIST_ORDER = { uiterlijkeBeslisdatum: QueryOrder.ASC_NULLS_LAST, createdAt: QueryOrder.ASC, id: QueryOrder.ASC } as const;

const zaakCursor = (z: Zaak) => encodeCursor([z.uiterlijkeBeslisdatum ?? '', z.createdAt.toISOString(), z.id]);

/** Rows after the cursor in (uiterlijkeBeslisdatum asc nulls last, createdAt, id) order. */
function afterCursor(after: string): FilterQuery<Zaak> {
  const [datum, createdAt, id] = decodeCursor(after, 3);
  if (
    typeof datum !== 'string' ||
    (datum !== '' && !isIsoDate(datum)) ||
    typeof createdAt !== 'string' ||
    !ISO_INSTANT.test(createdAt) ||
    Number.isNaN(Date.parse(createdAt)) ||
    typeof id !== 'string' ||
    !UUID.test(id)
  ) {
    throw badInput('after is not a valid cursor', 'after');
  }
  const at = new Date(createdAt);
  const sameDeadlineLater: FilterQuery<Zaak> = {
    uiterlijkeBeslisdatum: datum === '' ? null : datum,
    $or: [{ createdAt: { $gt: at } }, { createdAt: at, id: { $gt: id } }],
  };
  // Without a deadline the cursor is in the last group (nulls last): only that group's later rows follow.
  if (datum === '') return sameDeadlineLater;
  return { $or: [{ uiterlijkeBeslisdatum: { $gt: datum } }, { uiterlijkeBeslisdatum: null }, sameDeadlineLater] };
}

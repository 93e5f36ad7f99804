import Decimal from 'decimal.js';
import type { EntityRow } from '../../data/row-mapper';
import type { FilterQuery } from '@mikro-orm/core';
import type { PageRequest } from '../../auth/household-scope';
import { Purpose } from '../../auth/reach';
import type { RequestContext } from '../context';
import { pageSize, type Page } from '../../shared/connection';
import { notFound } from '../../shared/errors';
import { fromGlobalIdOfType } from '../../shared/global-id';
import type { Betalingsregeling } from '../betalingsregeling/betalingsregeling.entity';
import type { BetalingsregelingFilter } from '../betalingsregeling/betalingsregeling.types';
import type { Schuld } from '../schuld/schuld.entity';
import { TERMINAL_SCHULD_STATUSES } from '../schuld/schuld.enums';
import type { SchuldenOverzichtOfEntities } from '../schuld/schulden-overzicht.types';
import type { SchuldFilter } from '../schuld/schuld.types';
import type { Toeslag } from '../toeslag/toeslag.entity';
import type { ToeslagFilter } from '../toeslag/toeslag.types';
import type { Household } from './household.entity';
import type { HouseholdFilter } from './household.types';
import '../betalingsregeling/betalingsregeling.loaders'; // registers the ctx.loaders it reads
import './household.loaders'; // registers the ctx.loaders it reads
import '../schuld/schuld.loaders'; // registers the ctx.loaders it reads
import '../toeslag/toeslag.loaders'; // registers the ctx.loaders it reads

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/** The citizen's own household, found through the BSN in the token (never an argument). */
export async function getMyHousehold(ctx: RequestContext): Promise<Household | null> {
  const [household] = await ctx.scope.households({}, Purpose.READ);
  return household ?? null;
}

/** A household by global id, within the caller's reach (policy in src/auth/policy.ts). */
export async function getHousehold(
  ctx: RequestContext,
  globalId: string,
  prefetch: readonly HouseholdPrefetch[] = [],
): Promise<EntityRow<Household>> {
  const id = fromGlobalIdOfType(globalId, 'Household');
  const household = ctx.scope.householdView(id);
  prefetchHouseholdFields(ctx, id, prefetch);
  return household;
}

/**
 * The households within the caller's reach, in id order (a stable keyset): a medewerker pages through
 * all households, a citizen gets their own; other roles are FORBIDDEN by the policy.
 */
export async function listHouseholds(ctx: RequestContext, args: PageArgs, filter?: HouseholdFilter | null): Promise<Page<EntityRow<Household>>> {
  const where: FilterQuery<Household> = {};
  if (filter?.gemeentecode != null) where.gemeentecode = filter.gemeentecode;
  if (filter?.uhtGeregistreerd != null) where.uhtGeregistreerd = filter.uhtGeregistreerd;
  return ctx.scope.householdPage(where, pageSize(args.first), args.after ?? null);
}

/**
 * Case handling by BSN (medewerker only, enforced on the field): the household in which the person is
 * a current member, whatever their role. Through the scope, so the lookup is in the access log.
 * NOT_FOUND when no household has the BSN as a current member. The BSN never leaves this query.
 */
export async function getHouseholdByBsn(ctx: RequestContext, bsn: string): Promise<Household> {
  const [household] = await ctx.scope.households(
    { members: { $some: { person: { bsn }, tot: null } } } as FilterQuery<Household>,
    Purpose.READ,
    { orderBy: { id: 'asc' }, limit: 1 },
  );
  if (!household) throw notFound('no household has a current member with this BSN');
  return household;
}

const whereKey = (filter: object | null | undefined) => (filter ? JSON.stringify(filter) : undefined);

/** A page of the household's toeslagen, filtered by soort, berekeningsjaar and status. */
export function householdToeslagen(ctx: RequestContext, householdId: string, args: PageArgs, filter?: ToeslagFilter | null): Promise<Page<EntityRow<Toeslag>>> {
  const where: FilterQuery<Toeslag> = {};
  if (filter?.soort) where.soort = { $in: filter.soort };
  if (filter?.berekeningsjaar != null) where.berekeningsjaar = filter.berekeningsjaar;
  if (filter?.status) where.status = { $in: filter.status };
  return ctx.loaders.toeslagPages.load(pageRequest(householdId, args, where, filter));
}

/**
 * A page of the household's schulden. toeslagSoort and berekeningsjaar are those of the toeslag the
 * schuld was recovered from; alleenOpenstaand keeps the schulden still to be paid, as counted by the
 * schuldenoverzicht (status not terminal and openstaandBedrag + kosten > 0).
 */
export function householdSchulden(ctx: RequestContext, householdId: string, args: PageArgs, filter?: SchuldFilter | null): Promise<Page<EntityRow<Schuld>>> {
  const and: Array<FilterQuery<Schuld>> = [];
  if (filter?.status) and.push({ status: { $in: filter.status } });
  if (filter?.toeslagSoort) and.push({ toeslag: { soort: { $in: filter.toeslagSoort } } });
  if (filter?.berekeningsjaar != null) and.push({ toeslag: { berekeningsjaar: filter.berekeningsjaar } });
  if (filter?.alleenOpenstaand) {
    and.push({ status: { $nin: [...TERMINAL_SCHULD_STATUSES] } });
    // Amounts are never negative, so openstaandBedrag + kosten > 0 is "either is above zero".
    and.push({ $or: [{ openstaandBedrag: { $gt: new Decimal(0) } }, { kosten: { $gt: new Decimal(0) } }] });
  }
  return ctx.loaders.schuldPages.load(pageRequest(householdId, args, and.length ? { $and: and } : {}, filter));
}

/** A page of the household's betalingsregelingen, filtered by status. */
export function householdBetalingsregelingen(
  ctx: RequestContext,
  householdId: string,
  args: PageArgs,
  filter?: BetalingsregelingFilter | null,
): Promise<Page<EntityRow<Betalingsregeling>>> {
  const where: FilterQuery<Betalingsregeling> = {};
  if (filter?.status) where.status = { $in: filter.status };
  return ctx.loaders.betalingsregelingPages.load(pageRequest(householdId, args, where, filter));
}

/** The total overview of the household's schulden still to be paid (schulden-overzicht.rules). */
export function householdSchuldenOverzicht(ctx: RequestContext, householdId: string): Promise<SchuldenOverzichtOfEntities> {
  return ctx.loaders.schuldenOverzicht.load(householdId);
}

function pageRequest<T>(householdId: string, args: PageArgs, where: FilterQuery<T>, filter: object | null | undefined): PageRequest<T> {
  const key = whereKey(filter);
  return { householdId, first: pageSize(args.first), after: args.after ?? null, ...(key ? { where, whereKey: key } : {}) };
}

/** A child field of a household whose first load can start together with the household itself. */
export type HouseholdPrefetch =
  | { field: 'members' | 'schuldenOverzicht' }
  | { field: 'toeslagen' | 'schulden' | 'betalingsregelingen'; page: PageArgs };

/**
 * Starts, in the caller's own tick, the loads that the given child fields of a household will ask
 * for (members, the first page of toeslagen, schulden and betalingsregelingen, the
 * schuldenoverzicht), so they travel in one batched statement with the household itself
 * (raw-query.ts batchedRows) instead of in a second round trip after it. The field resolvers then get
 * the same loader entries (same keys); which fields to start is the resolver's business
 * (household-selection.ts reads them from the operation). Prefetching is safe by construction:
 * every one of these statements carries the policy filter, pages are only given for households the
 * household statement proved reachable, and only fields the operation selected are read.
 */
export function prefetchHouseholdFields(ctx: RequestContext, householdId: string, prefetch: readonly HouseholdPrefetch[]): void {
  for (const item of prefetch) {
    let started: Promise<unknown>;
    try {
      switch (item.field) {
        case 'members':
          started = ctx.loaders.members.load(householdId);
          break;
        case 'toeslagen':
          started = householdToeslagen(ctx, householdId, item.page);
          break;
        case 'schulden':
          started = householdSchulden(ctx, householdId, item.page);
          break;
        case 'betalingsregelingen':
          started = householdBetalingsregelingen(ctx, householdId, item.page);
          break;
        case 'schuldenOverzicht':
          started = householdSchuldenOverzicht(ctx, householdId);
          break;
      }
    } catch {
      // Invalid arguments (e.g. a page size out of range): the field's resolver reports them.
      continue;
    }
    // Its outcome reaches the client through the field's resolver (same loader entry), if at all.
    started.catch(() => undefined);
  }
}

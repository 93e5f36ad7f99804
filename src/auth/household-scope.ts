import DataLoader from 'dataloader';
import type { EntityName, EntityProperty, FilterQuery, FindOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessRecorder } from '../modules/accesslog/access-recorder';
import { Household } from '../modules/household/household.entity';
import { decodeCursor, encodeCursor, type CursorValues, type Page } from '../shared/connection';
import { forbidden, notFound, unauthenticated } from '../shared/errors';
import type { Actor } from './actor';
import { Purpose, requireHouseholdAccess, type HouseholdAccess } from './policy';

type GrantedAccess = Extract<HouseholdAccess, { allowed: true }>;

/** An entity that belongs to one household (every household-owned table carries household_id). */
export interface HouseholdOwned {
  id: string;
  household: { id: string };
}

export interface SortKey {
  property: string;
  direction: 'asc' | 'desc';
}

export interface PageRequest {
  householdId: string;
  first: number;
  after: string | null;
}

/**
 * All reads and writes of household data go through here. Every query gets the policy's household
 * filter in its WHERE clause, and every household whose data is returned is recorded for the access
 * log. Resolvers and services never query household-owned tables directly.
 */
export class HouseholdScope {
  /** Household ids this request has proven reachable (by a scoped query) per purpose. */
  private readonly reachableIds = new Map<Purpose, Set<string>>();
  /** Batches `household(id)` lookups of one tick (aliased root fields, node ids) into one query. */
  private readonly byId = new Map<Purpose, DataLoader<string, Household | null>>();

  constructor(
    private readonly actor: Actor | null,
    private readonly em: EntityManager,
    private readonly recorder: AccessRecorder,
  ) {}

  /** The policy decision for this actor; FORBIDDEN when the role can reach no household. */
  access(purpose: Purpose = Purpose.READ): GrantedAccess {
    if (!this.actor) throw unauthenticated();
    return requireHouseholdAccess(this.actor, purpose);
  }

  /** Households matching `where` within the actor's reach. */
  async households(where: FilterQuery<Household>, purpose: Purpose = Purpose.READ): Promise<Household[]> {
    const access = this.access(purpose);
    const found = await this.em.find(Household, access.unrestricted ? where : { $and: [where, access.filter] });
    const reachable = this.reachableSet(purpose);
    for (const h of found) {
      reachable.add(h.id);
      this.recorder.record(h.id, 'Household', access, purpose === Purpose.ACT);
    }
    return found;
  }

  /**
   * One household by id. Outside the actor's reach it is FORBIDDEN, whether or not it exists, so a
   * scoped caller learns nothing about other households; an unrestricted caller gets NOT_FOUND.
   */
  async household(id: string, purpose: Purpose = Purpose.READ): Promise<Household> {
    const access = this.access(purpose);
    const household = await this.householdLoader(purpose).load(id);
    if (household) return household;
    if (access.unrestricted) throw notFound('no household with this id');
    throw forbidden('this household is outside your access');
  }

  /** Filters `ids` to those within reach; the ids already proven in this request cost no query. */
  async reachable(ids: readonly string[], purpose: Purpose = Purpose.READ): Promise<Set<string>> {
    const known = this.reachableSet(purpose);
    const unknown = [...new Set(ids)].filter((id) => !known.has(id));
    if (unknown.length > 0) await this.households({ id: { $in: unknown } }, purpose);
    return new Set(ids.filter((id) => known.has(id)));
  }

  /**
   * Household-owned rows matching `where`, restricted by the policy in the same query. Used for
   * `node(id)` and loaders by id.
   */
  async owned<T extends HouseholdOwned>(
    entity: EntityName<T>,
    where: FilterQuery<T>,
    purpose: Purpose = Purpose.READ,
    options?: FindOptions<T, any>,
  ): Promise<T[]> {
    const access = this.access(purpose);
    const scoped = (access.unrestricted ? where : { $and: [where, { household: access.filter }] }) as FilterQuery<T>;
    const rows = (await this.em.find(entity, scoped, options)) as T[];
    const name = this.em.getMetadata().find(entity)!.className;
    for (const row of rows) this.recorder.record(row.household.id, name, access, purpose === Purpose.ACT);
    return rows;
  }

  /**
   * Pages of household-owned rows for several households in one SQL statement: a window function
   * numbers each household's rows in the keyset order, so every household gets at most `first + 1`
   * rows however many it has. Requests are grouped by (first, after).
   */
  async pages<T extends HouseholdOwned>(
    entity: EntityName<T>,
    sort: SortKey[],
    requests: readonly PageRequest[],
  ): Promise<Array<Page<T>>> {
    const access = this.access(Purpose.READ);
    const reachable = await this.reachable(requests.map((r) => r.householdId));
    const meta = this.em.getMetadata().find(entity)!;
    const properties = meta.properties as unknown as Record<string, EntityProperty>;
    const column = (property: string) => properties[property].fieldNames[0];
    const orderSql = sort.map((s) => `e.${column(s.property)} ${s.direction}`).join(', ');

    const groups = new Map<string, PageRequest[]>();
    for (const r of requests) {
      const key = `${r.first}|${r.after ?? ''}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const results = new Map<PageRequest, Page<T>>();
    for (const group of groups.values()) {
      const { first, after } = group[0];
      const ids = group.map((r) => r.householdId).filter((id) => reachable.has(id));
      const params: unknown[] = [ids];
      let keyset = '';
      if (after) {
        const values = decodeCursor(after, sort.length);
        keyset = ` and (${keysetCondition(sort.map((s) => `e.${column(s.property)}`), sort, values, params)})`;
      }
      params.push(first + 1);
      const rows: Array<Record<string, unknown>> = ids.length
        ? await this.em.getConnection().execute(
            `select * from (select e.*, row_number() over (partition by e.household_id order by ${orderSql}) as page_rn
               from ${meta.tableName} e where e.household_id = any(array[?]::uuid[])${keyset}) x
             where x.page_rn <= ? order by x.household_id, x.page_rn`,
            params,
          )
        : [];
      const byHousehold = new Map<string, T[]>();
      for (const row of rows) {
        delete row.page_rn;
        const item = this.em.map(entity, row as never);
        const list = byHousehold.get(item.household.id) ?? [];
        list.push(item);
        byHousehold.set(item.household.id, list);
      }
      for (const r of group) {
        if (!reachable.has(r.householdId)) {
          results.set(r, { items: [], cursors: [], hasNextPage: false });
          continue;
        }
        this.recorder.record(r.householdId, meta.className, access);
        const all = byHousehold.get(r.householdId) ?? [];
        const items = all.slice(0, first);
        results.set(r, {
          items,
          cursors: items.map((item) => encodeCursor(sort.map((s) => cursorValue((item as Record<string, unknown>)[s.property])))),
          hasNextPage: all.length > first,
        });
      }
    }
    return requests.map((r) => results.get(r)!);
  }

  private householdLoader(purpose: Purpose): DataLoader<string, Household | null> {
    let loader = this.byId.get(purpose);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = new Map((await this.households({ id: { $in: [...ids] } }, purpose)).map((h) => [h.id, h]));
        return ids.map((id) => found.get(id) ?? null);
      });
      this.byId.set(purpose, loader);
    }
    return loader;
  }

  private reachableSet(purpose: Purpose): Set<string> {
    let set = this.reachableIds.get(purpose);
    if (!set) {
      set = new Set();
      this.reachableIds.set(purpose, set);
    }
    return set;
  }
}

function cursorValue(value: unknown): string | number {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number' || typeof value === 'string') return value;
  return String(value);
}

/** (a > x) or (a = x and b > y) or ..., honouring each key's direction. */
function keysetCondition(columns: string[], sort: SortKey[], values: CursorValues, params: unknown[]): string {
  const ors: string[] = [];
  for (let i = 0; i < columns.length; i++) {
    const ands: string[] = [];
    for (let j = 0; j < i; j++) {
      ands.push(`${columns[j]} = ?`);
      params.push(values[j]);
    }
    ands.push(`${columns[i]} ${sort[i].direction === 'asc' ? '>' : '<'} ?`);
    params.push(values[i]);
    ors.push(`(${ands.join(' and ')})`);
  }
  return ors.join(' or ');
}

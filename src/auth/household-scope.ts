import DataLoader from 'dataloader';
import { raw, type EntityName, type EntityProperty, type FilterQuery, type FindOptions } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AccessRecorder } from '../modules/accesslog/access-recorder';
import { writeRecordedWithin, type RequestProcessing } from '../modules/accesslog/access-log.writer';
import { Household } from '../modules/household/household.entity';
import { batchedRows, Params, queryRows } from '../data/raw-query';
import { columnList, mapRow, type EntityRow } from '../data/row-mapper';
import { decodeCursor, encodeCursor, type CursorValues, type Page } from '../shared/connection';
import { badInput, forbidden, notFound, unauthenticated } from '../shared/errors';
import { isIsoDate } from '../shared/scalars/date.scalar';
import type { Actor } from './actor';
import type { Clock } from '../shared/clock';
import { Purpose, requireHouseholdAccess, type GrantedAccess } from './reach';


/** An entity that belongs to one household (every household-owned table carries household_id). */
export interface HouseholdOwned {
  id: string;
  household: { id: string };
}

export interface SortKey {
  property: string;
  direction: 'asc' | 'desc';
}

export interface PageRequest<T = any> {
  householdId: string;
  first: number;
  after: string | null;
  /** Extra condition (a connection's filter argument), compiled into the same statement. */
  where?: FilterQuery<T>;
  /**
   * Identifies `where` for batching: requests with the same (first, after, whereKey) share one
   * statement. Callers derive it from the filter input (e.g. its JSON); absent when there is no filter.
   */
  whereKey?: string;
}

/** Extra options of `owned`. */
export interface OwnedOptions {
  /**
   * Resources read along with each row (populated relations of the same household, e.g. a schuld's
   * toeslag and beschikking), recorded in the access log for the row's household as if read separately.
   */
  alsoRecords?: readonly string[];
}

/**
 * The BSN of the household's current aanvrager (correlated on `hh.id`): the access log's data subject,
 * the same condition as the writer's own lookup (access-log.writer.ts accessLogTuples).
 */
const AANVRAGER_BSN_SQL = `select p.bsn from household_member hm join person p on p.id = hm.person_id
  where hm.household_id = hh.id and hm.rol = 'AANVRAGER' and hm.tot is null order by hm.vanaf desc, hm.id limit 1`;

/** The statement of `ownedByHouseholds`: the owned table is aliased `e`. */
export interface OwnedStatement {
  /** Select list, e.g. `e.*` or `columnList(…)` of `e` and joined tables. */
  select: string;
  /** Joins after `from <table> e` (of rows of the same household: check it in the join condition). */
  join?: string;
  /** Further condition on `e` (and the joins). */
  where?: string;
  orderBy?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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
  /** The same for `householdView` (plain rows). */
  private viewById: DataLoader<string, EntityRow<Household> | null> | undefined;

  constructor(
    private readonly actor: Actor | null,
    private readonly em: EntityManager,
    private readonly recorder: AccessRecorder,
    private readonly clock_: Clock,
    /** The request's processing, for the access-log rows a transaction writes before its COMMIT. */
    private readonly processing: RequestProcessing | null = null,
  ) {}

  /** The request's clock: reach (a machtiging's geldigTot) is decided as of its today. */
  get clock(): Clock {
    return this.clock_;
  }

  /** Who is asking (null: not authenticated). */
  get viewer(): Actor | null {
    return this.actor;
  }

  /** The EntityManager of this scope (inside `transactional`: the transaction's). For creating new rows; query through the scope. */
  get entityManager(): EntityManager {
    return this.em;
  }

  /** The policy decision for this actor; FORBIDDEN when the role can reach no household. */
  access(purpose: Purpose = Purpose.READ): GrantedAccess {
    if (!this.actor) throw unauthenticated();
    return requireHouseholdAccess(this.actor, purpose, this.clock_.today());
  }

  /** Households matching `where` within the actor's reach. */
  async households(
    where: FilterQuery<Household>,
    purpose: Purpose = Purpose.READ,
    options?: FindOptions<Household, any>,
  ): Promise<Household[]> {
    const access = this.access(purpose);
    const found = await this.em.find(Household, access.unrestricted ? where : { $and: [where, access.rows.filter<Household>('id')] }, options);
    const reachable = this.reachableSet(purpose);
    for (const h of found) {
      reachable.add(h.id);
      // A read, also for Purpose.ACT (then under the request's processing activity); `persist` records the write.
      this.recorder.record(h.id, 'Household', access);
    }
    return found;
  }

  /**
   * `households` for reads without a lock, in one statement that also returns each household's
   * aanvrager BSN for the access log's data subject (AccessRecorder.noteAanvrager), so writing the
   * log needs no lookup of its own. The BSN stays in memory and is pseudonymised by the writer.
   */
  private async readHouseholds(
    where: FilterQuery<Household>,
    purpose: Purpose,
    options: { orderBy?: Record<string, 'asc' | 'desc'>; limit?: number; recordFirst?: number } = {},
  ): Promise<Household[]> {
    const access = this.access(purpose);
    const qb = this.em
      .createQueryBuilder(Household, 'hh')
      .select(['*', raw(`(${AANVRAGER_BSN_SQL}) as aanvrager_bsn__`)])
      .where((access.unrestricted ? where : { $and: [where, access.rows.filter<Household>('id')] }) as never);
    if (options.orderBy) qb.orderBy(options.orderBy as never);
    if (options.limit !== undefined) qb.limit(options.limit);
    const rows = await qb.execute<Array<Record<string, unknown>>>('all', false);
    const reachable = this.reachableSet(purpose);
    return rows.map((row, i) => {
      const bsn = row.aanvrager_bsn__ as string | null;
      delete row.aanvrager_bsn__;
      const h = this.em.map(Household, row as never);
      reachable.add(h.id);
      // A page's look-ahead row (is there a next page?) is read but not returned: not recorded.
      if (i < (options.recordFirst ?? Infinity)) {
        this.recorder.record(h.id, 'Household', access);
        this.recorder.noteAanvrager(h.id, bsn);
      }
      return h;
    });
  }

  /**
   * A keyset page of the households within reach that match `where`, in id order, in one statement.
   * A medewerker pages through every household; a citizen gets at most their own.
   */
  async householdPage(where: FilterQuery<Household>, first: number, after: string | null): Promise<Page<EntityRow<Household>>> {
    this.access(Purpose.READ);
    let afterId: string | null = null;
    if (after) {
      const [id] = decodeCursor(after, 1);
      if (typeof id !== 'string' || !UUID.test(id)) throw badInput('after is not a valid cursor', 'after');
      afterId = id;
    }
    let found: Array<EntityRow<Household>>;
    if (Object.keys(where).length === 0) {
      // No filter: the hand-written statement (the reach's condition), plain rows.
      found = await this.readHouseholdRows(
        (params) => (afterId ? `hh.id > ${params.p(afterId, 'uuid')}` : 'true'),
        (params) => `order by hh.id limit ${params.p(first + 1, 'int')}`,
        first,
      );
    } else {
      const conditions: Array<FilterQuery<Household>> = [where];
      if (afterId) conditions.push({ id: { $gt: afterId } });
      found = await this.readHouseholds({ $and: conditions }, Purpose.READ, { orderBy: { id: 'asc' }, limit: first + 1, recordFirst: first });
    }
    const items = found.slice(0, first);
    return { items, cursors: items.map((h) => encodeCursor([h.id])), hasNextPage: found.length > first };
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
    throw forbidden(access.outOfReach ?? 'this household is outside your access');
  }

  /**
   * `household(id, Purpose.READ)` as a plain row (no entity): for resolvers that only show it. Batched
   * per tick like `household`, in one hand-written statement with the reach's condition.
   */
  async householdView(id: string): Promise<EntityRow<Household>> {
    const access = this.access(Purpose.READ);
    if (!UUID.test(id)) return this.household(id, Purpose.READ);
    const household = await this.viewLoader().load(id);
    if (household) return household;
    if (access.unrestricted) throw notFound('no household with this id');
    throw forbidden(access.outOfReach ?? 'this household is outside your access');
  }

  /** Batches `householdView` (and `reachable` for reads) of one tick; per request, so cached per request. */
  private viewLoader(): DataLoader<string, EntityRow<Household> | null> {
    this.viewById ??= new DataLoader(async (ids) => {
      const found = new Map(
        (await this.readHouseholdRows((params) => `hh.id = any(${params.p(ids, 'uuid[]')})`)).map((h) => [h.id, h]),
      );
      return ids.map((i) => found.get(i) ?? null);
    });
    return this.viewById;
  }

  /**
   * `readHouseholds` by a hand-written statement: the households matching `condition` (on alias hh)
   * and the policy, with their aanvrager's BSN for the access log, as plain rows.
   */
  private async readHouseholdRows(
    condition: (params: Params) => string,
    tail: (params: Params) => string = () => '',
    /** Record only the first n in the access log (a page's look-ahead row is read, not returned). */
    recordFirst = Infinity,
  ): Promise<Array<EntityRow<Household>>> {
    const access = this.access(Purpose.READ);
    const params = new Params();
    const sql =
      `select ${columnList(this.em, Household, 'hh')}, (${AANVRAGER_BSN_SQL}) as aanvrager_bsn__ from household hh` +
      ` where ${condition(params)} and ${access.rows.sql('hh.id', params)} ${tail(params)}`;
    // Batched: the reads a resolver starts along with the household (household.service
    // prefetchHouseholdFields) travel in the same statement.
    const rows = await batchedRows(this.em, sql, params.values);
    const reachable = this.reachableSet(Purpose.READ);
    return rows.map((row, i) => {
      const h = mapRow(this.em, Household, row);
      reachable.add(h.id);
      if (i < recordFirst) {
        this.recorder.record(h.id, 'Household', access);
        this.recorder.noteAanvrager(h.id, row.aanvrager_bsn__ as string | null);
      }
      return h;
    });
  }

  /**
   * Rows of a household-owned table (alias `e`) for the given households, by a hand-written statement
   * that carries the reach's condition; recorded like `owned` under `name` (and `alsoRecords`). Plain
   * rows (column names, database values): map them with `mapRow`. For the hot read paths (members, the
   * schuldenoverzicht) whose shape is fixed. Batched with the other reads of the tick (`batchedRows`):
   * `orderBy` is a hint only, sort the rows in code where the order matters.
   */
  async ownedByHouseholds(
    name: string,
    table: string,
    householdIds: readonly string[],
    statement: (params: Params) => OwnedStatement,
    { alsoRecords }: { alsoRecords?: (row: Record<string, unknown>) => readonly string[] } = {},
  ): Promise<Array<Record<string, unknown>>> {
    const access = this.access(Purpose.READ);
    const params = new Params();
    const ids = params.p([...new Set(householdIds)], 'uuid[]');
    const st = statement(params);
    const sql =
      `select ${st.select} from ${table} e ${st.join ?? ''} where e.household_id = any(${ids})` +
      ` and ${access.rows.sql('e.household_id', params)}${st.where ? ` and (${st.where})` : ''}${st.orderBy ? ` order by ${st.orderBy}` : ''}`;
    const rows = await batchedRows(this.em, sql, params.values);
    const reachable = this.reachableSet(Purpose.READ);
    for (const row of rows) {
      const householdId = row.household_id as string;
      reachable.add(householdId);
      this.recorder.record(householdId, name, access);
      for (const resource of alsoRecords?.(row) ?? []) this.recorder.record(householdId, resource, access);
    }
    return rows;
  }

  /** Filters `ids` to those within reach; the ids already proven in this request cost no query. */
  async reachable(ids: readonly string[], purpose: Purpose = Purpose.READ): Promise<Set<string>> {
    const known = this.reachableSet(purpose);
    const unknown = [...new Set(ids)].filter((id) => !known.has(id));
    if (unknown.length > 0) {
      // Reads share householdView's loader: a household already being fetched costs nothing more.
      // An id that is not a uuid is no household's.
      if (purpose === Purpose.READ) await Promise.all(unknown.filter((id) => UUID.test(id)).map((id) => this.viewLoader().load(id)));
      else await this.households({ id: { $in: unknown } }, purpose);
    }
    return new Set(ids.filter((id) => known.has(id)));
  }

  /**
   * Household-owned rows matching `where`, restricted by the policy in the same query. Used for
   * `node(id)`, loaders by id and by parent, and (with Purpose.ACT, inside `transactional`) for the
   * rows a mutation is about to change. Recorded as a read, under the purpose's processing activity;
   * only what `persist` stages is recorded as a write, so a refused request is not logged as one.
   */
  async owned<T extends HouseholdOwned>(
    entity: EntityName<T>,
    where: FilterQuery<T>,
    purpose: Purpose = Purpose.READ,
    options?: FindOptions<T, any> & OwnedOptions,
  ): Promise<T[]> {
    const access = this.access(purpose);
    const scoped = (access.unrestricted ? where : { $and: [where, access.rows.filter<T>('household_id')] }) as FilterQuery<T>;
    const { alsoRecords, ...findOptions } = options ?? {};
    const rows = (await this.em.find(entity, scoped, findOptions as FindOptions<T, any>)) as T[];
    const name = this.em.getMetadata().find(entity)!.className;
    const reachable = this.reachableSet(purpose);
    for (const row of rows) {
      // A machtiging requested for an unknown BSN has no household: nothing to record.
      const householdId = (row.household as { id: string } | null | undefined)?.id;
      if (!householdId) continue;
      // The row came from a policy-filtered query, so its household is proven reachable.
      reachable.add(householdId);
      this.recorder.record(householdId, name, access);
      for (const resource of alsoRecords ?? []) this.recorder.record(householdId, resource, access);
    }
    return rows;
  }

  /**
   * Pages of household-owned rows for several households in one SQL statement: a window function
   * numbers each household's rows in the keyset order, so every household gets at most `first + 1`
   * rows however many it has. The statement carries the policy filter, the request's `where` (a
   * connection filter) and the keyset condition. Requests are grouped by (first, after, whereKey).
   */
  async pages<T extends HouseholdOwned>(
    entity: EntityName<T>,
    sort: SortKey[],
    requests: ReadonlyArray<PageRequest<T>>,
  ): Promise<Array<Page<EntityRow<T>>>> {
    const access = this.access(Purpose.READ);
    // Not awaited before the statements: they carry the policy filter themselves, so they can go out
    // in the same batch as the household they belong to; only households proven reachable get a page
    // and an access-log entry (below).
    const reach = this.reachable(requests.map((r) => r.householdId));
    reach.catch(() => undefined); // awaited below; a failure there fails the batch
    const meta = this.em.getMetadata().find(entity)!;
    const properties = meta.properties as unknown as Record<string, EntityProperty>;
    const column = (property: string) => properties[property].fieldNames[0];
    const orderSql = sort.map((s) => `e.${column(s.property)} ${s.direction}`).join(', ');

    const groups = new Map<string, Array<PageRequest<T>>>();
    for (const r of requests) {
      const key = JSON.stringify([r.first, r.after ?? '', r.whereKey ?? '']);
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    const results = new Map<PageRequest<T>, Page<EntityRow<T>>>();
    // Every group's statement is started in this tick (one batch), then the reachability is awaited.
    await Promise.all([...groups.values()].map(async (group) => {
      const { first, after, where } = group[0];
      const ids = [...new Set(group.map((r) => r.householdId).filter((id) => UUID.test(id)))];
      const cursor = after ? validCursor(decodeCursor(after, sort.length), sort, properties) : null;
      let rows: Array<Record<string, unknown>> = [];
      if (ids.length && (!where || Object.keys(where).length === 0)) {
        // No connection filter (the common case): a hand-written statement with the reach's condition.
        const params = new Params();
        const conditions = [
          `e.household_id = any(${params.p(ids, 'uuid[]')})`,
          // Belt and braces: the ids are already proven reachable, and the policy is in the statement too.
          access.rows.sql('e.household_id', params),
        ];
        if (cursor) conditions.push(keysetSql(sort.map((s) => ({ column: `e.${column(s.property)}`, direction: s.direction })), cursor, params));
        rows = await batchedRows(
          this.em,
          `select * from (select ${columnList(this.em, entity, 'e')}, row_number() over (partition by e.household_id order by ${orderSql}) as page_rn` +
            ` from ${meta.tableName} e where ${conditions.join(' and ')}) x where x.page_rn <= ${params.p(first + 1, 'int')} order by x.household_id, x.page_rn`,
          params.values,
        );
      } else if (ids.length) {
        const conditions: Array<FilterQuery<T>> = [{ household: { $in: ids } } as unknown as FilterQuery<T>];
        // Belt and braces: the ids are already proven reachable, and the policy filter is in the statement too.
        if (!access.unrestricted) conditions.push(access.rows.filter<T>('household_id'));
        if (where) conditions.push(where);
        if (cursor) conditions.push(keysetFilter<T>(sort, cursor));
        const inner = this.em
          .createQueryBuilder(entity, 'e')
          .select(['*', raw(`row_number() over (partition by e.household_id order by ${orderSql}) as page_rn`)])
          .where({ $and: conditions } as never);
        // The builder's native statement ($n placeholders) and its values, wrapped to cut each household's page.
        const values = [...inner.getParams(), first + 1];
        rows = await queryRows(
          this.em,
          `select * from (${inner.getQuery()}) x where x.page_rn <= $${values.length} order by x.household_id, x.page_rn`,
          values,
        );
      }
      const reachable = await reach;
      const byHousehold = new Map<string, Array<EntityRow<T>>>();
      // Each household's rows in keyset order (a batched statement does not promise the order).
      rows.sort((a, b) => Number(a.page_rn) - Number(b.page_rn));
      for (const row of rows) {
        const item = mapRow(this.em, entity, row) as EntityRow<T> & HouseholdOwned;
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
    }));
    return requests.map((r) => results.get(r)!);
  }

  /**
   * Runs `work` in one database transaction (em.transactional) with a scope bound to it: reads in
   * `work` are policy-filtered like any other, and changes are staged with `persist`, which only
   * accepts rows of households this scope has proven reachable for Purpose.ACT. Commits on return,
   * rolls back on a throw; optimistic versions are checked at the flush.
   *
   * Before COMMIT the changes are flushed and then everything the request recorded for the access
   * log so far is written in the same transaction: if the log cannot be written, the change rolls
   * back with it, and a change never commits without its log rows.
   */
  async transactional<R>(work: (tx: HouseholdScope) => Promise<R>): Promise<R> {
    let handoff: { committed: () => void; restore: () => void } | null = null;
    try {
      const result = await this.em.transactional(async (em) => {
        const tx = new HouseholdScope(this.actor, em as EntityManager, this.recorder, this.clock_, this.processing);
        const value = await work(tx);
        await em.flush();
        if (this.processing) handoff = await writeRecordedWithin(em as EntityManager, this.processing, this.recorder);
        return value;
      });
      (handoff as { committed: () => void } | null)?.committed();
      return result;
    } catch (err) {
      // Rolled back (the COMMIT itself may have failed): the rows are the plugin's again, as a failed processing.
      (handoff as { restore: () => void } | null)?.restore();
      throw err;
    }
  }

  /**
   * Records a household touched outside the scope's own queries (a row the service read or changed
   * through its transaction), for the access log of this request, under the actor's reach.
   */
  recordAccess(householdId: string, resource: string, access: GrantedAccess, write = false): void {
    this.recorder.record(householdId, resource, access, write);
  }

  /**
   * Stages a new or changed household-owned row for the flush of the surrounding `transactional`.
   * FORBIDDEN unless a scoped Purpose.ACT query in this transaction proved the household reachable;
   * the change is recorded as a write in the access log.
   */
  persist<T extends HouseholdOwned & object>(row: T): void {
    const access = this.access(Purpose.ACT);
    const householdId = row.household.id;
    if (!this.reachableSet(Purpose.ACT).has(householdId)) throw forbidden('this household is outside your access');
    this.recorder.record(householdId, this.em.getMetadata().find(row.constructor as EntityName<T>)!.className, access, true);
    this.em.persist(row);
  }

  private householdLoader(purpose: Purpose): DataLoader<string, Household | null> {
    let loader = this.byId.get(purpose);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = new Map((await this.readHouseholds({ id: { $in: [...ids] } }, purpose)).map((h) => [h.id, h]));
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

/**
 * A decoded cursor's values must fit their sort keys' column types (uuid, date, integer, enum), so a
 * forged cursor is BAD_USER_INPUT and never a database error.
 */
function validCursor(values: CursorValues, sort: SortKey[], properties: Record<string, EntityProperty>): CursorValues {
  sort.forEach((s, i) => {
    const prop = properties[s.property];
    const v = values[i];
    const columnType = String(prop.columnTypes?.[0] ?? '').toLowerCase();
    const ok =
      prop.enum && Array.isArray(prop.items)
        ? typeof v === 'string' && (prop.items as unknown[]).includes(v)
        : columnType === 'uuid'
          ? typeof v === 'string' && UUID.test(v)
          : columnType === 'date'
            ? typeof v === 'string' && isIsoDate(v)
            : /int/.test(columnType)
              ? Number.isInteger(v) && Math.abs(v as number) < 2 ** 31
              : typeof v === 'string' && v.length <= 200;
    if (!ok) throw badInput('after is not a valid cursor', 'after');
  });
  return values;
}

/** `keysetFilter` as SQL on the given columns, its values added to `params`. */
function keysetSql(sort: Array<{ column: string; direction: 'asc' | 'desc' }>, values: CursorValues, params: Params): string {
  const ors: string[] = [];
  for (let i = 0; i < sort.length; i++) {
    const and: string[] = [];
    for (let j = 0; j < i; j++) and.push(`${sort[j].column} = ${params.p(values[j])}`);
    and.push(`${sort[i].column} ${sort[i].direction === 'asc' ? '>' : '<'} ${params.p(values[i])}`);
    ors.push(`(${and.join(' and ')})`);
  }
  return `(${ors.join(' or ')})`;
}

/** (a > x) or (a = x and b > y) or ..., honouring each key's direction, as a MikroORM condition. */
function keysetFilter<T>(sort: SortKey[], values: CursorValues): FilterQuery<T> {
  const ors: Array<Record<string, unknown>> = [];
  for (let i = 0; i < sort.length; i++) {
    const and: Record<string, unknown> = {};
    for (let j = 0; j < i; j++) and[sort[j].property] = values[j];
    and[sort[i].property] = { [sort[i].direction === 'asc' ? '$gt' : '$lt']: values[i] };
    ors.push(and);
  }
  return { $or: ors } as FilterQuery<T>;
}

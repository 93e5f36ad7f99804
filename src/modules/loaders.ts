import { AsyncLocalStorage } from 'node:async_hooks';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HouseholdScope, PageRequest, SortKey } from '../auth/household-scope';
import type { EntityRow } from '../data/row-mapper';
import type { Clock } from '../shared/clock';
import type { Page } from '../shared/connection';

/** Creates one of the request's DataLoaders (see WaveScheduler). */
export type MakeLoader = <K, V, C = K>(batch: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V, C>) => DataLoader<K, V, C>;

const insideBatch = new AsyncLocalStorage<true>();

/** A DataLoader that refuses to be used from inside another loader's batch function (that could deadlock a wave). */
class WaveLoader<K, V, C = K> extends DataLoader<K, V, C> {
  override load(key: K): Promise<V> {
    if (insideBatch.getStore()) throw new Error('a loader batch function must query through the scope, not through another loader');
    return super.load(key);
  }
}

/**
 * Dispatches a request's loaders in waves ("batch by level"): a batch goes out only when no other
 * batch of the request is running, together with every load requested meanwhile. A nested query
 * therefore costs one statement per loader per level, however many households it covers, and the
 * number does not depend on which statement happened to return first (plain per-tick batching
 * merges or splits batches by timing). Batch functions must not use other loaders.
 */
export class WaveScheduler {
  private inFlight = 0;
  private armed = false;
  private readonly pending: Array<() => void> = [];

  readonly make: MakeLoader = <K, V, C = K>(batch: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V, C>) =>
    new WaveLoader<K, V, C>((keys) => this.track(() => batch(keys)), { ...options, batchScheduleFn: (dispatch) => this.schedule(dispatch) });

  private schedule(dispatch: () => void): void {
    this.pending.push(dispatch);
    this.arm();
  }

  private async track<T>(work: () => PromiseLike<T>): Promise<T> {
    this.inFlight++;
    try {
      return await insideBatch.run(true, work);
    } finally {
      this.inFlight--;
      this.arm();
    }
  }

  /** After the microtasks of the last finished batch (the resolvers it unblocked) have run. */
  private arm(): void {
    if (this.armed || this.inFlight > 0 || this.pending.length === 0) return;
    this.armed = true;
    setImmediate(() => {
      this.armed = false;
      if (this.inFlight > 0) return; // re-armed when that batch ends
      for (const dispatch of this.pending.splice(0)) dispatch();
    });
  }
}

/** What a request's loaders are built from. */
export interface LoaderDeps {
  em: EntityManager;
  /** Every household-owned read batches and goes through the scope. */
  scope: HouseholdScope;
  clock: Clock;
}

/**
 * The per-request DataLoaders (`ctx.loaders`). Empty here: each module declares its own loaders in
 * its `*.loaders.ts` (a `declare module` augmentation of this interface) and registers how to build
 * them with `registerLoaders`, so this registry knows no module.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Loaders {}

type LoaderFactory = (make: MakeLoader, deps: LoaderDeps) => Partial<Loaders>;
const factories: LoaderFactory[] = [];
const registered = new Set<string>();

/**
 * Adds loaders to every request's `ctx.loaders`. Called once per module, at the top level of its
 * `*.loaders.ts`; a file that reads `ctx.loaders.x` imports the file that registers x, so the
 * registration has run before the first request.
 */
export function registerLoaders<K extends keyof Loaders>(names: readonly K[], create: (make: MakeLoader, deps: LoaderDeps) => Pick<Loaders, K>): void {
  for (const name of names) {
    if (registered.has(name)) throw new Error(`loader ${String(name)} is registered twice`);
    registered.add(name);
  }
  factories.push(create);
}

/** The names of the registered loaders (tests check that every loader a file reads is registered). */
export function registeredLoaders(): ReadonlySet<string> {
  return registered;
}

/** The request's loaders, all sharing one WaveScheduler. */
export function createLoaders(deps: LoaderDeps): Loaders {
  const { make } = new WaveScheduler();
  const loaders = {} as Loaders;
  for (const create of factories) Object.assign(loaders, create(make, deps));
  return loaders;
}

/**
 * A loader of keyset pages of one household-owned entity; batched across households. Requests with
 * the same page size, cursor and filter (whereKey) share one statement.
 */
export function pageLoader<T extends { id: string; household: { id: string } }>(
  make: MakeLoader,
  scope: HouseholdScope,
  entity: new () => T,
  sort: SortKey[],
) {
  return make<PageRequest<T>, Page<EntityRow<T>>, string>((requests) => scope.pages(entity, sort, requests), {
    cacheKeyFn: (r) => JSON.stringify([r.householdId, r.first, r.after ?? '', r.whereKey ?? '']),
  });
}

/** Household-owned rows by id, in one scoped query per batch; null for an id outside the scope. */
export function byIdLoader<T extends { id: string; household: { id: string } }>(make: MakeLoader, scope: HouseholdScope, entity: new () => T) {
  return make<string, T | null>(async (ids) => {
    const rows = await scope.owned(entity, { id: { $in: [...ids] } } as never);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Children of a parent row (e.g. the events of a schuld), in one scoped query per batch. */
export function childrenLoader<T extends { id: string; household: { id: string } }>(
  make: MakeLoader,
  scope: HouseholdScope,
  entity: new () => T,
  parent: keyof T & string,
  orderBy: Record<string, 'asc' | 'desc'>,
  sort?: (a: T, b: T) => number,
) {
  return make<string, T[]>(async (parentIds) => {
    const rows = await scope.owned(entity, { [parent]: { $in: [...parentIds] } } as never, undefined, { orderBy } as never);
    const byParent = new Map<string, T[]>();
    for (const row of rows) {
      const id = (row[parent] as { id: string }).id;
      const list = byParent.get(id);
      if (list) list.push(row);
      else byParent.set(id, [row]);
    }
    return parentIds.map((id) => {
      const list = byParent.get(id) ?? [];
      return sort ? list.sort(sort) : list;
    });
  });
}

/** Items grouped by a key, each group in the items' order. */
export function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

import type { Clock } from '../shared/clock';
import { AsyncLocalStorage } from 'node:async_hooks';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HouseholdScope } from '../auth/household-scope';
import { Beschikking } from '../modules/beschikking/beschikking.entity';
import { BeschikkingSoort } from '../modules/beschikking/beschikking.enums';
import { Betalingsregeling } from '../modules/betalingsregeling/betalingsregeling.entity';
import {
  activeRegelingOfSchuldLoader,
  schuldenOfRegelingLoader,
  termijnenOfRegelingLoader,
} from '../modules/betalingsregeling/betalingsregeling.loaders';
import { membersLoader, pageLoader, schuldenOverzichtLoader } from '../modules/household/household.loaders';
import { machtigingenOfHouseholdLoader } from '../modules/machtiging/machtiging.loaders';
import { SchuldEvent } from '../modules/schuld/schuld-event.entity';
import { Schuld } from '../modules/schuld/schuld.entity';
import { Toeslag } from '../modules/toeslag/toeslag.entity';
import { toegangslogPagesLoader } from '../modules/toegangslog/toegangslog.service';
import { schuldenOfZaakLoader, zaakByIdLoader, zakenOfHouseholdLoader } from '../modules/zaak/zaak.loaders';
import { vroegsignalenOfHouseholdLoader } from '../modules/vroegsignalering/vroegsignalering.loaders';
import { betalingenOfRegelingLoader } from '../modules/betaling/betaling.loaders';
import { verrekeningByIdLoader, verrekeningenOfSchuldLoader } from '../modules/verrekening/verrekening.loaders';

/** Stable orders of the household connections (keyset: the last key is always the unique id). */
export const TOESLAG_ORDER = [
  { property: 'berekeningsjaar', direction: 'desc' },
  { property: 'soort', direction: 'asc' },
  { property: 'id', direction: 'asc' },
] as const;
export const SCHULD_ORDER = [
  { property: 'vervaldatum', direction: 'asc' },
  { property: 'id', direction: 'asc' },
] as const;
export const BETALINGSREGELING_ORDER = [
  { property: 'startdatum', direction: 'desc' },
  { property: 'id', direction: 'asc' },
] as const;

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

function byIdLoader<T extends { id: string; household: { id: string } }>(make: MakeLoader, scope: HouseholdScope, entity: new () => T) {
  return make<string, T | null>(async (ids) => {
    const rows = await scope.owned(entity, { id: { $in: [...ids] } } as never);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Children of a parent row (e.g. the events of a schuld), in one scoped query per batch. */
function childrenLoader<T extends { id: string; household: { id: string } }>(
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

const SOORT_RANK: Record<BeschikkingSoort, number> = {
  [BeschikkingSoort.VOORLOPIG]: 0,
  [BeschikkingSoort.WIJZIGING]: 1,
  [BeschikkingSoort.DEFINITIEF]: 2,
  [BeschikkingSoort.TERUGVORDERING]: 3,
};

/**
 * Beschikkingen oldest dagtekening first; on the same day in the order they follow from each other
 * (a definitieve berekening before the terugvordering it causes), then as issued.
 */
function beschikkingOrder(a: Beschikking, b: Beschikking): number {
  if (a.dagtekening !== b.dagtekening) return a.dagtekening < b.dagtekening ? -1 : 1;
  if (a.soort !== b.soort) return SOORT_RANK[a.soort] - SOORT_RANK[b.soort];
  const t = a.createdAt.getTime() - b.createdAt.getTime();
  return t !== 0 ? t : a.id.localeCompare(b.id);
}

/** Per-request DataLoaders: every household-owned read batches and goes through the scope. */
export function createLoaders(em: EntityManager, scope: HouseholdScope, clock: Clock) {
  const { make } = new WaveScheduler();
  return {
    schuldenOfRegeling: schuldenOfRegelingLoader(make, em, scope),
    activeRegelingOfSchuld: activeRegelingOfSchuldLoader(make, em, scope),
    termijnenOfRegeling: termijnenOfRegelingLoader(make, scope),
    members: membersLoader(make, em, scope),
    toeslagPages: pageLoader(make, scope, Toeslag, [...TOESLAG_ORDER]),
    schuldPages: pageLoader(make, scope, Schuld, [...SCHULD_ORDER]),
    betalingsregelingPages: pageLoader(make, scope, Betalingsregeling, [...BETALINGSREGELING_ORDER]),
    toeslagById: byIdLoader(make, scope, Toeslag),
    schuldById: byIdLoader(make, scope, Schuld),
    betalingsregelingById: byIdLoader(make, scope, Betalingsregeling),
    beschikkingById: byIdLoader(make, scope, Beschikking),
    beschikkingenOfToeslag: childrenLoader(make, scope, Beschikking, 'toeslag', { dagtekening: 'asc', id: 'asc' }, beschikkingOrder),
    eventsOfSchuld: childrenLoader(make, scope, SchuldEvent, 'schuld', { datum: 'asc', id: 'asc' }),
    schuldenOverzicht: schuldenOverzichtLoader(make, em, scope, clock),
    machtigingenOfHousehold: machtigingenOfHouseholdLoader(make, scope),
    zakenOfHousehold: zakenOfHouseholdLoader(make, scope),
    zaakById: zaakByIdLoader(make, scope),
    schuldenOfZaak: schuldenOfZaakLoader(make, em, scope),
    toegangslogPages: toegangslogPagesLoader(make, em, scope),
    vroegsignalenOfHousehold: vroegsignalenOfHouseholdLoader(make, em, scope),
    // Issue 4: payments and verrekening.
    betalingenOfRegeling: betalingenOfRegelingLoader(make, scope),
    verrekeningenOfSchuld: verrekeningenOfSchuldLoader(make, scope),
    verrekeningById: verrekeningByIdLoader(make, scope),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

import type { EntityManager } from '@mikro-orm/postgresql';
import type { HouseholdScope } from '../../auth/household-scope';
import { Schuld } from '../schuld/schuld.entity';
import { byIdLoader, group, pageLoader, registerLoaders, type MakeLoader } from '../loaders';
import { Betalingsregeling } from './betalingsregeling.entity';
import { BetalingsregelingStatus } from './betalingsregeling.enums';
import { Termijn } from './termijn.entity';

interface Link {
  betalingsregeling_id: string;
  schuld_id: string;
}

/**
 * Rows of the betalingsregeling_schuld pivot for regelingen or schulden the caller already obtained
 * through the scope. The pivot holds only ids; every entity behind them is fetched through the scope.
 */
export function regelingLinks(em: EntityManager, by: 'betalingsregeling_id' | 'schuld_id', ids: readonly string[]): Promise<Link[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return em
    .getConnection()
    // Inside a transaction, on the transaction's connection (a second pooled connection could wait forever while the transaction holds row locks).
    .execute(`select betalingsregeling_id, schuld_id from betalingsregeling_schuld where ${by} = any(array[?]::uuid[])`, [[...ids]], 'all', em.getTransactionContext());
}

/** The schulden covered by each betalingsregeling: one pivot query and one scoped schuld query per batch. */
export function schuldenOfRegelingLoader(make: MakeLoader, em: EntityManager, scope: HouseholdScope) {
  return make<string, Schuld[]>(async (regelingIds) => {
    const links = await regelingLinks(em, 'betalingsregeling_id', regelingIds);
    const schulden = links.length
      ? await scope.owned(Schuld, { id: { $in: links.map((l) => l.schuld_id) } }, undefined, {
          orderBy: { vervaldatum: 'asc', id: 'asc' },
        })
      : [];
    const byId = new Map(schulden.map((s) => [s.id, s]));
    const byRegeling = group(links, (l) => l.betalingsregeling_id);
    return regelingIds.map((rid) => (byRegeling.get(rid) ?? []).flatMap((l) => byId.get(l.schuld_id) ?? []));
  });
}

/** The termijnen of each betalingsregeling, by volgnummer, in one scoped query per batch. */
export function termijnenOfRegelingLoader(make: MakeLoader, scope: HouseholdScope) {
  return make<string, Termijn[]>(async (regelingIds) => {
    const byRegeling = group(await termijnenOf(scope, regelingIds), (t) => t.betalingsregeling.id);
    return regelingIds.map((id) => byRegeling.get(id) ?? []);
  });
}

/** The termijnen of these regelingen, by regeling and volgnummer, in one scoped query. */
export function termijnenOf(scope: HouseholdScope, regelingIds: readonly string[]): Promise<Termijn[]> {
  if (regelingIds.length === 0) return Promise.resolve([]);
  return scope.owned(Termijn, { betalingsregeling: { $in: [...regelingIds] } }, undefined, {
    orderBy: { betalingsregeling: 'asc', volgnummer: 'asc' },
  });
}

/**
 * The ACTIEF betalingsregeling covering each schuld (null when none): one pivot query and one scoped
 * regeling query per batch. Should a schuld be in two active regelingen, the newest is taken.
 */
export function activeRegelingOfSchuldLoader(make: MakeLoader, em: EntityManager, scope: HouseholdScope) {
  return make<string, Betalingsregeling | null>(async (schuldIds) => {
    const links = await regelingLinks(em, 'schuld_id', schuldIds);
    const regelingen = links.length
      ? await scope.owned(
          Betalingsregeling,
          { id: { $in: [...new Set(links.map((l) => l.betalingsregeling_id))] }, status: BetalingsregelingStatus.ACTIEF },
          undefined,
          { orderBy: { startdatum: 'desc', id: 'asc' } },
        )
      : [];
    const bySchuld = group(links, (l) => l.schuld_id);
    return schuldIds.map((sid) => {
      const covering = new Set((bySchuld.get(sid) ?? []).map((l) => l.betalingsregeling_id));
      return regelingen.find((r) => covering.has(r.id)) ?? null;
    });
  });
}

/** Stable order of Household.betalingsregelingen (keyset: the last key is the unique id). */
export const BETALINGSREGELING_ORDER = [
  { property: 'startdatum', direction: 'desc' },
  { property: 'id', direction: 'asc' },
] as const;

declare module '../loaders' {
  interface Loaders {
    schuldenOfRegeling: ReturnType<typeof schuldenOfRegelingLoader>;
    activeRegelingOfSchuld: ReturnType<typeof activeRegelingOfSchuldLoader>;
    termijnenOfRegeling: ReturnType<typeof termijnenOfRegelingLoader>;
    betalingsregelingPages: ReturnType<typeof pageLoader<Betalingsregeling>>;
    betalingsregelingById: ReturnType<typeof byIdLoader<Betalingsregeling>>;
  }
}
registerLoaders(
  ['schuldenOfRegeling', 'activeRegelingOfSchuld', 'termijnenOfRegeling', 'betalingsregelingPages', 'betalingsregelingById'],
  (make, { em, scope }) => ({
    schuldenOfRegeling: schuldenOfRegelingLoader(make, em, scope),
    activeRegelingOfSchuld: activeRegelingOfSchuldLoader(make, em, scope),
    termijnenOfRegeling: termijnenOfRegelingLoader(make, scope),
    betalingsregelingPages: pageLoader(make, scope, Betalingsregeling, [...BETALINGSREGELING_ORDER]),
    betalingsregelingById: byIdLoader(make, scope, Betalingsregeling),
  }),
);

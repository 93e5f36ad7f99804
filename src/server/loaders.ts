import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HouseholdScope } from '../auth/household-scope';
import { Beschikking } from '../modules/beschikking/beschikking.entity';
import { Betalingsregeling } from '../modules/betalingsregeling/betalingsregeling.entity';
import { schuldenOfRegelingLoader } from '../modules/betalingsregeling/betalingsregeling.loaders';
import { membersLoader, pageLoader } from '../modules/household/household.loaders';
import { Schuld } from '../modules/schuld/schuld.entity';
import { Toeslag } from '../modules/toeslag/toeslag.entity';

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

function byIdLoader<T extends { id: string; household: { id: string } }>(scope: HouseholdScope, entity: new () => T) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await scope.owned(entity, { id: { $in: [...ids] } } as never);
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Per-request DataLoaders: every household-owned read batches and goes through the scope. */
export function createLoaders(em: EntityManager, scope: HouseholdScope) {
  return {
    schuldenOfRegeling: schuldenOfRegelingLoader(em, scope),
    members: membersLoader(scope),
    toeslagPages: pageLoader(scope, Toeslag, [...TOESLAG_ORDER]),
    schuldPages: pageLoader(scope, Schuld, [...SCHULD_ORDER]),
    betalingsregelingPages: pageLoader(scope, Betalingsregeling, [...BETALINGSREGELING_ORDER]),
    toeslagById: byIdLoader(scope, Toeslag),
    schuldById: byIdLoader(scope, Schuld),
    betalingsregelingById: byIdLoader(scope, Betalingsregeling),
    beschikkingById: byIdLoader(scope, Beschikking),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

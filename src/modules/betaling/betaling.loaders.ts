import type { HouseholdScope } from '../../auth/household-scope';
import { group, registerLoaders, type MakeLoader } from '../loaders';
import { Betaling } from './betaling.entity';

/** The payments of each betalingsregeling, oldest first, in one scoped query per batch. */
export function betalingenOfRegelingLoader(make: MakeLoader, scope: HouseholdScope) {
  return make<string, Betaling[]>(async (ids) => {
    const rows = await scope.owned(Betaling, { betalingsregeling: { $in: [...ids] } }, undefined, { orderBy: { datum: 'asc', createdAt: 'asc', id: 'asc' } });
    const by = group(rows, (b) => b.betalingsregeling!.id);
    return ids.map((id) => by.get(id) ?? []);
  });
}

declare module '../loaders' {
  interface Loaders {
    betalingenOfRegeling: ReturnType<typeof betalingenOfRegelingLoader>;
  }
}
registerLoaders(['betalingenOfRegeling'], (make, { scope }) => ({ betalingenOfRegeling: betalingenOfRegelingLoader(make, scope) }));

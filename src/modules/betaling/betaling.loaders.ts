import type { HouseholdScope } from '../../auth/household-scope';
import type { MakeLoader } from '../../server/loaders';
import { group } from '../betalingsregeling/betalingsregeling.loaders';
import { Betaling } from './betaling.entity';

/** The payments of each betalingsregeling, oldest first, in one scoped query per batch. */
export function betalingenOfRegelingLoader(make: MakeLoader, scope: HouseholdScope) {
  return make<string, Betaling[]>(async (ids) => {
    const rows = await scope.owned(Betaling, { betalingsregeling: { $in: [...ids] } }, undefined, { orderBy: { datum: 'asc', createdAt: 'asc', id: 'asc' } });
    const by = group(rows, (b) => b.betalingsregeling!.id);
    return ids.map((id) => by.get(id) ?? []);
  });
}

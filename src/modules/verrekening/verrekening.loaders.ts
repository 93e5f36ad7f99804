import type { HouseholdScope } from '../../auth/household-scope';
import type { MakeLoader } from '../../server/loaders';
import { group } from '../betalingsregeling/betalingsregeling.loaders';
import { Verrekening } from './verrekening.entity';

/** The verrekeningen of each schuld with their beslagvrije voet, newest first, in one scoped query per batch. */
export function verrekeningenOfSchuldLoader(make: MakeLoader, scope: HouseholdScope) {
  return make<string, Verrekening[]>(async (ids) => {
    const rows = await scope.owned(Verrekening, { schuld: { $in: [...ids] } }, undefined, { populate: ['beslagvrijeVoet'], orderBy: { createdAt: 'desc', id: 'asc' } });
    const by = group(rows, (v) => v.schuld.id);
    return ids.map((id) => by.get(id) ?? []);
  });
}

/** One verrekening by id (node), through the scope. */
export function verrekeningByIdLoader(make: MakeLoader, scope: HouseholdScope) {
  return make<string, Verrekening | null>(async (ids) => {
    const rows = await scope.owned(Verrekening, { id: { $in: [...ids] } }, undefined, { populate: ['beslagvrijeVoet'] });
    const by = new Map(rows.map((v) => [v.id, v]));
    return ids.map((id) => by.get(id) ?? null);
  });
}

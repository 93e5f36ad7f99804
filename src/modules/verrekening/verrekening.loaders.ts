import type { HouseholdScope } from '../../auth/household-scope';
import { group, registerLoaders, type MakeLoader } from '../loaders';
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

declare module '../loaders' {
  interface Loaders {
    verrekeningenOfSchuld: ReturnType<typeof verrekeningenOfSchuldLoader>;
    verrekeningById: ReturnType<typeof verrekeningByIdLoader>;
  }
}
registerLoaders(['verrekeningenOfSchuld', 'verrekeningById'], (make, { scope }) => ({
  verrekeningenOfSchuld: verrekeningenOfSchuldLoader(make, scope),
  verrekeningById: verrekeningByIdLoader(make, scope),
}));

import type { EntityManager } from '@mikro-orm/postgresql';
import type { HouseholdOwned, HouseholdScope } from '../../auth/household-scope';
import { Purpose } from '../../auth/reach';
import { registerLoaders, type MakeLoader } from '../loaders';
import { Vroegsignaal, VroegsignaleringDeelname } from './vroegsignaal.entity';

export interface VerstuurdeSignalen {
  signalen: Vroegsignaal[];
  /** gemeentecode → name, from the participation register. */
  namen: Map<string, string>;
}

/**
 * The signals sent about each household (the citizen's transparency, Household.vroegsignalen), newest
 * first, in one scoped statement per batch (so every household is in the access log), plus one
 * lookup of the gemeente names. Erased signals are no longer linked to the household.
 */
export function vroegsignalenOfHouseholdLoader(make: MakeLoader, em: EntityManager, scope: HouseholdScope) {
  return make<string, VerstuurdeSignalen>(async (householdIds) => {
    const rows = await scope.owned(
      Vroegsignaal as unknown as new () => Vroegsignaal & HouseholdOwned,
      { household: { $in: [...householdIds] } } as never,
      Purpose.READ,
      { orderBy: { signaaldatum: 'desc', id: 'desc' } } as never,
    );
    const codes = [...new Set(rows.map((r) => r.gemeentecode))];
    const namen = new Map<string, string>();
    if (codes.length) {
      const deelnames = await em.find(VroegsignaleringDeelname, { gemeentecode: { $in: codes } }, { orderBy: { vanaf: 'asc' } });
      for (const d of deelnames) namen.set(d.gemeentecode, d.naam);
    }
    return householdIds.map((id) => ({ signalen: rows.filter((r) => r.household?.id === id), namen }));
  });
}

declare module '../loaders' {
  interface Loaders {
    vroegsignalenOfHousehold: ReturnType<typeof vroegsignalenOfHouseholdLoader>;
  }
}
registerLoaders(['vroegsignalenOfHousehold'], (make, { em, scope }) => ({ vroegsignalenOfHousehold: vroegsignalenOfHouseholdLoader(make, em, scope) }));

import { Role } from '../../auth/actor';
import type { HouseholdScope } from '../../auth/household-scope';
import { Purpose } from '../../auth/reach';
import { registerLoaders, type MakeLoader } from '../loaders';
import { Machtiging } from './machtiging.entity';

/**
 * The machtigingen of each household, newest first, in one scoped query per batch. An intermediary
 * sees only its own organisation's (on a household it can reach at all).
 */
export function machtigingenOfHouseholdLoader(make: MakeLoader, scope: HouseholdScope) {
  return make<string, Machtiging[]>(async (householdIds) => {
    const viewer = scope.viewer;
    const where = {
      household: { $in: [...householdIds] },
      ...(viewer?.role === Role.INTERMEDIAIR ? { organisationId: viewer.organisationId } : {}),
    };
    const rows = (await scope.owned(Machtiging as never, where as never, Purpose.READ, {
      orderBy: { createdAt: 'desc', id: 'asc' },
    } as never)) as unknown as Machtiging[];
    const byHousehold = new Map<string, Machtiging[]>();
    for (const m of rows) byHousehold.set(m.household!.id, [...(byHousehold.get(m.household!.id) ?? []), m]);
    return householdIds.map((id) => byHousehold.get(id) ?? []);
  });
}

declare module '../loaders' {
  interface Loaders {
    machtigingenOfHousehold: ReturnType<typeof machtigingenOfHouseholdLoader>;
  }
}
registerLoaders(['machtigingenOfHousehold'], (make, { scope }) => ({ machtigingenOfHousehold: machtigingenOfHouseholdLoader(make, scope) }));

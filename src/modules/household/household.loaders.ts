import DataLoader from 'dataloader';
import type { HouseholdScope, PageRequest, SortKey } from '../../auth/household-scope';
import type { Page } from '../../shared/connection';
import { HouseholdMember } from './household-member.entity';
import { MemberRol } from './household.enums';

const ROL_ORDER = [MemberRol.AANVRAGER, MemberRol.TOESLAGPARTNER, MemberRol.KIND, MemberRol.MEDEBEWONER];

/** Current members of each household, aanvrager first, in one query per batch. */
export function membersLoader(scope: HouseholdScope) {
  return new DataLoader<string, HouseholdMember[]>(async (householdIds) => {
    const members = await scope.owned(
      HouseholdMember,
      { household: { $in: [...householdIds] }, tot: null },
      undefined,
      { populate: ['person'], orderBy: { vanaf: 'asc', id: 'asc' } },
    );
    const byHousehold = new Map<string, HouseholdMember[]>();
    for (const m of members) byHousehold.set(m.household.id, [...(byHousehold.get(m.household.id) ?? []), m]);
    return householdIds.map((id) =>
      (byHousehold.get(id) ?? []).sort((a, b) => ROL_ORDER.indexOf(a.rol) - ROL_ORDER.indexOf(b.rol)),
    );
  });
}

/** A loader of keyset pages of one household-owned entity; batched across households. */
export function pageLoader<T extends { id: string; household: { id: string } }>(
  scope: HouseholdScope,
  entity: new () => T,
  sort: SortKey[],
) {
  return new DataLoader<PageRequest, Page<T>, string>((requests) => scope.pages(entity, sort, requests), {
    cacheKeyFn: (r) => `${r.householdId}|${r.first}|${r.after ?? ''}`,
  });
}

import type { FilterQuery } from '@mikro-orm/core';
import type { HouseholdScope } from '../../auth/household-scope';
import { Purpose } from '../../auth/policy';
import type { MakeLoader } from '../../server/loaders';
import { group } from '../betalingsregeling/betalingsregeling.loaders';
import { Zaak } from './zaak.entity';

/**
 * What a caller may see of a household's zaken beyond the household scope (zaak.rules
 * zaakZichtbaarheid): an intermediary only the zaken its own organisation submitted.
 */
export interface ZaakZicht {
  ingediendDoorOrganisatie?: string;
}

export interface ZakenOfHouseholdKey extends ZaakZicht {
  householdId: string;
}

export interface ZaakByIdKey extends ZaakZicht {
  id: string;
}

const zichtKey = (z: ZaakZicht) => z.ingediendDoorOrganisatie ?? '';
const zichtWhere = (z: ZaakZicht): FilterQuery<Zaak> =>
  z.ingediendDoorOrganisatie !== undefined ? { ingediendDoorOrganisatie: z.ingediendDoorOrganisatie } : {};

/**
 * The zaken of each household, newest first, in one scoped statement per batch (per visibility; all
 * keys of one request share the actor's, so that is one statement). The visibility is part of the
 * WHERE clause: an intermediary's query never returns another organisation's zaken.
 */
export function zakenOfHouseholdLoader(make: MakeLoader, scope: HouseholdScope) {
  return make<ZakenOfHouseholdKey, Zaak[], string>(
    async (keys) => {
      const result = new Map<string, Zaak[]>();
      for (const keysOfZicht of group(keys, zichtKey).values()) {
        const zicht = keysOfZicht[0];
        const rows = await scope.owned(
          Zaak,
          { $and: [{ household: { $in: keysOfZicht.map((k) => k.householdId) } }, zichtWhere(zicht)] },
          Purpose.READ,
          { orderBy: { createdAt: 'desc', id: 'desc' } },
        );
        for (const [householdId, list] of group(rows, (z) => z.household.id)) result.set(`${householdId}|${zichtKey(zicht)}`, list);
      }
      return keys.map((k) => result.get(`${k.householdId}|${zichtKey(k)}`) ?? []);
    },
    { cacheKeyFn: (k) => `${k.householdId}|${zichtKey(k)}` },
  );
}

/** Zaken by id (node), within the household scope and the caller's visibility; null when out of reach. */
export function zaakByIdLoader(make: MakeLoader, scope: HouseholdScope) {
  return make<ZaakByIdKey, Zaak | null, string>(
    async (keys) => {
      const found = new Map<string, Zaak>();
      for (const keysOfZicht of group(keys, zichtKey).values()) {
        const zicht = keysOfZicht[0];
        const rows = await scope.owned(Zaak, { $and: [{ id: { $in: keysOfZicht.map((k) => k.id) } }, zichtWhere(zicht)] }, Purpose.READ);
        for (const z of rows) found.set(`${z.id}|${zichtKey(zicht)}`, z);
      }
      return keys.map((k) => found.get(`${k.id}|${zichtKey(k)}`) ?? null);
    },
    { cacheKeyFn: (k) => `${k.id}|${zichtKey(k)}` },
  );
}

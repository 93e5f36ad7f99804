import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HouseholdScope } from '../../auth/household-scope';
import { Purpose } from '../../auth/reach';
import { group, registerLoaders, type MakeLoader } from '../loaders';
import { Schuld } from '../schuld/schuld.entity';
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

/**
 * The schulden each zaak is about: one zaak_schuld pivot query and one scoped schuld query
 * per batch. The zaken themselves were obtained through the scope; the pivot holds only ids.
 */
export function schuldenOfZaakLoader(make: MakeLoader, em: EntityManager, scope: HouseholdScope) {
  return make<string, Schuld[]>(async (zaakIds) => {
    const links: Array<{ zaak_id: string; schuld_id: string }> = await em
      .getConnection()
      .execute('select zaak_id, schuld_id from zaak_schuld where zaak_id = any(array[?]::uuid[])', [[...zaakIds]]);
    const schulden = links.length
      ? await scope.owned(Schuld, { id: { $in: [...new Set(links.map((l) => l.schuld_id))] } }, Purpose.READ, { orderBy: { vervaldatum: 'asc', id: 'asc' } })
      : [];
    const byId = new Map(schulden.map((s) => [s.id, s]));
    const byZaak = group(links, (l) => l.zaak_id);
    return zaakIds.map((id) => (byZaak.get(id) ?? []).flatMap((l) => byId.get(l.schuld_id) ?? []));
  });
}

declare module '../loaders' {
  interface Loaders {
    zakenOfHousehold: ReturnType<typeof zakenOfHouseholdLoader>;
    zaakById: ReturnType<typeof zaakByIdLoader>;
    schuldenOfZaak: ReturnType<typeof schuldenOfZaakLoader>;
  }
}
registerLoaders(['zakenOfHousehold', 'zaakById', 'schuldenOfZaak'], (make, { em, scope }) => ({
  zakenOfHousehold: zakenOfHouseholdLoader(make, scope),
  zaakById: zaakByIdLoader(make, scope),
  schuldenOfZaak: schuldenOfZaakLoader(make, em, scope),
}));

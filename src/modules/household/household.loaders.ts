import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HouseholdScope, PageRequest, SortKey } from '../../auth/household-scope';
import type { MakeLoader } from '../../server/loaders';
import type { Page } from '../../shared/connection';
import { todayInNL } from '../../shared/dates';
import { Betalingsregeling } from '../betalingsregeling/betalingsregeling.entity';
import { BetalingsregelingStatus } from '../betalingsregeling/betalingsregeling.enums';
import type { TermijnStand } from '../betalingsregeling/betalingsregeling.rules';
import { activeRegelingLinksOfHouseholds, group } from '../betalingsregeling/betalingsregeling.loaders';
import { Termijn } from '../betalingsregeling/termijn.entity';
import { Schuld } from '../schuld/schuld.entity';
import { TERMINAL_SCHULD_STATUSES } from '../schuld/schuld.enums';
import { schuldenOverzicht } from '../schuld/schulden-overzicht.rules';
import type { SchuldenOverzichtOfEntities } from '../schuld/schulden-overzicht.types';
import { HouseholdMember } from './household-member.entity';
import { MemberRol } from './household.enums';

const ROL_ORDER = [MemberRol.AANVRAGER, MemberRol.TOESLAGPARTNER, MemberRol.KIND, MemberRol.MEDEBEWONER];

/** Current members of each household, aanvrager first, in one query per batch. */
export function membersLoader(make: MakeLoader, scope: HouseholdScope) {
  return make<string, HouseholdMember[]>(async (householdIds) => {
    const members = await scope.owned(
      HouseholdMember,
      { household: { $in: [...householdIds] }, tot: null },
      undefined,
      { populate: ['person'], orderBy: { vanaf: 'asc', id: 'asc' } },
    );
    const byHousehold = group(members, (m) => m.household.id);
    return householdIds.map((id) =>
      (byHousehold.get(id) ?? []).sort((a, b) => ROL_ORDER.indexOf(a.rol) - ROL_ORDER.indexOf(b.rol)),
    );
  });
}

/**
 * A loader of keyset pages of one household-owned entity; batched across households. Requests with
 * the same page size, cursor and filter (whereKey) share one statement.
 */
export function pageLoader<T extends { id: string; household: { id: string } }>(
  make: MakeLoader,
  scope: HouseholdScope,
  entity: new () => T,
  sort: SortKey[],
) {
  return make<PageRequest<T>, Page<T>, string>((requests) => scope.pages(entity, sort, requests), {
    cacheKeyFn: (r) => JSON.stringify([r.householdId, r.first, r.after ?? '', r.whereKey ?? '']),
  });
}

/**
 * The schuldenoverzicht of each household (schulden-overzicht.rules), batched, in one wave of four
 * statements however many households are asked for: the open schulden with their toeslag and
 * beschikking (joined; same household), the active regelingen, their pivot rows and the next
 * termijn of each active regeling. Every household-owned row comes from a policy-filtered statement; the
 * pivot holds only ids and is used only for regelingen that the scoped statement returned.
 */
export function schuldenOverzichtLoader(make: MakeLoader, em: EntityManager, scope: HouseholdScope) {
  return make<string, SchuldenOverzichtOfEntities>(async (householdIds) => {
    const ids = [...householdIds];
    const [schulden, regelingen, links, termijnen] = await Promise.all([
      // Terminal ones never count; the rules check again (with the amounts), this only saves rows.
      scope.owned(Schuld, { household: { $in: ids }, status: { $nin: [...TERMINAL_SCHULD_STATUSES] } }, undefined, {
        populate: ['toeslag', 'beschikking'],
        strategy: 'joined',
        alsoRecords: ['Toeslag', 'Beschikking'],
      }),
      scope.owned(Betalingsregeling, { household: { $in: ids }, status: BetalingsregelingStatus.ACTIEF }),
      activeRegelingLinksOfHouseholds(em, ids),
      // The overview needs only each regeling's next termijn (volgendeBetaling: the first by volgnummer
      // not paid in full), so only that one is read, as a plain row.
      scope.ownedRows(
        Termijn,
        { household: { $in: ids }, betalingsregeling: { status: BetalingsregelingStatus.ACTIEF } },
        (inner) =>
          `select distinct on (x.betalingsregeling_id) x.household_id, x.betalingsregeling_id, x.volgnummer, x.vervaldatum, x.bedrag, x.betaald_bedrag
             from (${inner}) x where x.betaald_bedrag < x.bedrag order by x.betalingsregeling_id, x.volgnummer`,
      ),
    ]);
    const termijnenOfRegeling = new Map<string, TermijnStand[]>();
    for (const t of termijnen) {
      termijnenOfRegeling.set(t.betalingsregeling_id as string, [
        {
          volgnummer: t.volgnummer as number,
          vervaldatum: t.vervaldatum as string,
          bedrag: new Decimal(t.bedrag as string),
          betaaldBedrag: new Decimal(t.betaald_bedrag as string),
        },
      ]);
    }
    const schuldIdsOf = group(links, (l) => l.betalingsregeling_id);
    const schuldenOf = group(schulden, (s) => s.household.id);
    const regelingenOf = group(regelingen, (r) => r.household.id);

    const today = todayInNL();
    return ids.map((householdId) => {
      const inputs = (schuldenOf.get(householdId) ?? []).map((s) => {
        const { toeslag, beschikking } = s;
        // Belt and braces for the join: a schuld's toeslag and beschikking are of its own household.
        if (toeslag.household.id !== s.household.id || beschikking.household.id !== s.household.id) {
          throw new Error(`toeslag or beschikking of schuld ${s.id} belongs to another household`);
        }
        return {
          entity: s,
          id: s.id,
          status: s.status,
          openstaandBedrag: s.openstaandBedrag,
          kosten: s.kosten,
          gepauzeerd: s.gepauzeerd,
          vervaldatum: s.vervaldatum,
          toeslag: { soort: toeslag.soort, berekeningsjaar: toeslag.berekeningsjaar },
          beschikking: {
            nummer: beschikking.nummer,
            dagtekening: beschikking.dagtekening,
            betaaldeVoorschotten: beschikking.betaaldeVoorschotten ?? null,
            terugTeBetalen: beschikking.terugTeBetalen ?? null,
            reden: beschikking.reden ?? null,
          },
        };
      });
      const regelingInputs = (regelingenOf.get(householdId) ?? []).map((r) => ({
        entity: r,
        id: r.id,
        status: r.status,
        startdatum: r.startdatum,
        schuldIds: (schuldIdsOf.get(r.id) ?? []).map((l) => l.schuld_id),
        termijnen: termijnenOfRegeling.get(r.id) ?? [],
      }));
      return schuldenOverzicht(inputs, regelingInputs, today);
    });
  });
}

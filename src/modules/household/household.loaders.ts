import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HouseholdScope } from '../../auth/household-scope';
import { group, registerLoaders, type MakeLoader } from '../loaders';
import type { Page } from '../../shared/connection';
import type { Clock } from '../../shared/clock';
import { Betalingsregeling } from '../betalingsregeling/betalingsregeling.entity';
import { BetalingsregelingStatus } from '../betalingsregeling/betalingsregeling.enums';
import type { TermijnStand } from '../betalingsregeling/betalingsregeling.rules';
import { Schuld } from '../schuld/schuld.entity';
import { TERMINAL_SCHULD_STATUSES } from '../schuld/schuld.enums';
import { schuldenOverzicht } from '../schuld/schulden-overzicht.rules';
import type { SchuldenOverzichtOfEntities } from '../schuld/schulden-overzicht.types';
import { columnList, mapRow, type EntityRow } from '../../data/row-mapper';
import { Beschikking } from '../beschikking/beschikking.entity';
import { Toeslag } from '../toeslag/toeslag.entity';
import { HouseholdMember } from './household-member.entity';
import { MemberRol } from './household.enums';
import { Person } from './person.entity';
import type { MemberWithPerson } from './household.types';

const ROL_ORDER = [MemberRol.AANVRAGER, MemberRol.TOESLAGPARTNER, MemberRol.KIND, MemberRol.MEDEBEWONER];

/**
 * Current members of each household with their person, aanvrager first, in one hand-written
 * statement per batch (policy in the statement; plain rows, no entities).
 */
export function membersLoader(make: MakeLoader, em: EntityManager, scope: HouseholdScope) {
  return make<string, MemberWithPerson[]>(async (householdIds) => {
    const rows = await scope.ownedByHouseholds('HouseholdMember', 'household_member', householdIds, () => ({
      select: `${columnList(em, HouseholdMember, 'e')}, ${columnList(em, Person, 'p', 'p__')}`,
      join: 'join person p on p.id = e.person_id',
      where: 'e.tot is null',
      orderBy: 'e.vanaf asc, e.id asc',
    }));
    const members = rows.map((row) => ({ ...mapRow(em, HouseholdMember, row), person: mapRow(em, Person, row, 'p__') }));
    const byHousehold = group(members, (m) => m.household.id);
    // Aanvrager first (by rol), then by vanaf and id.
    const order = (a: MemberWithPerson, b: MemberWithPerson) =>
      ROL_ORDER.indexOf(a.rol) - ROL_ORDER.indexOf(b.rol) || a.vanaf.localeCompare(b.vanaf) || a.id.localeCompare(b.id);
    return householdIds.map((id) => (byHousehold.get(id) ?? []).sort(order));
  });
}

/**
 * The schuldenoverzicht of each household (schulden-overzicht.rules), batched, in one wave of two
 * statements however many households are asked for: the open schulden with their toeslag and
 * beschikking (joined; same household), and the active regelingen, each with the ids of the schulden
 * it covers (pivot) and its next termijn (volgendeBetaling: the first by volgnummer not paid in full,
 * which is all the overview needs of the termijnen). Both statements carry the policy filter; the
 * pivot and termijn subqueries only reach children of a regeling that passed it (and a termijn must
 * be of the regeling's household too).
 */
export function schuldenOverzichtLoader(make: MakeLoader, em: EntityManager, scope: HouseholdScope, clock: Clock) {
  return make<string, SchuldenOverzichtOfEntities>(async (householdIds) => {
    const ids = [...householdIds];
    const today = clock.today();
    const [schuldRows, regelingRows] = await Promise.all([
      // Terminal ones never count; the rules check again (with the amounts), this only saves rows.
      scope.ownedByHouseholds(
        'Schuld',
        'schuld',
        ids,
        (params) => ({
          select: `${columnList(em, Schuld, 'e')}, ${columnList(em, Toeslag, 't', 't__')}, ${columnList(em, Beschikking, 'b', 'b__')}`,
          join: 'join toeslag t on t.id = e.toeslag_id join beschikking b on b.id = e.beschikking_id',
          where: `e.status <> all(${params.p([...TERMINAL_SCHULD_STATUSES], 'text[]')})`,
        }),
        { alsoRecords: () => ['Toeslag', 'Beschikking'] },
      ),
      scope.ownedByHouseholds('Betalingsregeling', 'betalingsregeling', ids, (params) => ({
        select: `${columnList(em, Betalingsregeling, 'e')},
            array(select bs.schuld_id from betalingsregeling_schuld bs where bs.betalingsregeling_id = e.id)::text[] as overzicht_schuld_ids__,
            (select json_build_object('volgnummer', t.volgnummer, 'vervaldatum', t.vervaldatum, 'bedrag', t.bedrag::text, 'betaaldBedrag', t.betaald_bedrag::text)
               from termijn t where t.betalingsregeling_id = e.id and t.household_id = e.household_id and t.betaald_bedrag < t.bedrag
                and t.vervaldatum >= ${params.p(today, 'date')}
              order by t.volgnummer limit 1) as overzicht_volgende_termijn__,
            (select coalesce(sum(t.bedrag - t.betaald_bedrag), 0)::text
               from termijn t where t.betalingsregeling_id = e.id and t.household_id = e.household_id and t.betaald_bedrag < t.bedrag
                and t.vervaldatum < ${params.p(today, 'date')}) as overzicht_achterstand__`,
        where: `e.status = ${params.p(BetalingsregelingStatus.ACTIEF)}`,
      }), { alsoRecords: (row) => (row.overzicht_volgende_termijn__ ? ['Termijn'] : []) }),
    ]);
    const schulden = schuldRows.map((row) => ({
      ...mapRow(em, Schuld, row),
      toeslag: mapRow(em, Toeslag, row, 't__'),
      beschikking: mapRow(em, Beschikking, row, 'b__'),
    }));
    const links: Array<{ betalingsregeling_id: string; schuld_id: string }> = [];
    const termijnenOfRegeling = new Map<string, TermijnStand[]>();
    const achterstandOf = new Map<string, Decimal>();
    const regelingen = regelingRows.map((row) => {
      const schuldIds = row.overzicht_schuld_ids__ as string[];
      const next = row.overzicht_volgende_termijn__ as { volgnummer: number; vervaldatum: string; bedrag: string; betaaldBedrag: string } | null;
      const regeling = mapRow(em, Betalingsregeling, row);
      achterstandOf.set(regeling.id, new Decimal(row.overzicht_achterstand__ as string));
      for (const schuldId of schuldIds) links.push({ betalingsregeling_id: regeling.id, schuld_id: schuldId });
      if (next) {
        termijnenOfRegeling.set(regeling.id, [
          { volgnummer: next.volgnummer, vervaldatum: next.vervaldatum, bedrag: new Decimal(next.bedrag), betaaldBedrag: new Decimal(next.betaaldBedrag) },
        ]);
      }
      return regeling;
    });
    const schuldIdsOf = group(links, (l) => l.betalingsregeling_id);
    const schuldenOf = group(schulden, (s) => s.household.id);
    const regelingenOf = group(regelingen, (r) => r.household.id);

    return ids.map((householdId) => {
      const inputs = (schuldenOf.get(householdId) ?? []).map((s) => {
        const { toeslag, beschikking } = s;
        // Belt and braces for the join: a schuld's toeslag and beschikking are of its own household.
        if (toeslag.household?.id !== s.household.id || beschikking.household?.id !== s.household.id) {
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
        achterstand: achterstandOf.get(r.id) ?? new Decimal(0),
      }));
      return schuldenOverzicht(inputs, regelingInputs, today);
    });
  });
}

declare module '../loaders' {
  interface Loaders {
    members: ReturnType<typeof membersLoader>;
    schuldenOverzicht: ReturnType<typeof schuldenOverzichtLoader>;
  }
}
registerLoaders(['members', 'schuldenOverzicht'], (make, { em, scope, clock }) => ({
  members: membersLoader(make, em, scope),
  schuldenOverzicht: schuldenOverzichtLoader(make, em, scope, clock),
}));

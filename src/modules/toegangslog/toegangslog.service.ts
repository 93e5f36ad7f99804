import { RowCondition } from '../../data/row-condition';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Role } from '../../auth/actor';
import type { HouseholdScope } from '../../auth/household-scope';
import { Purpose } from '../../auth/reach';
import type { RequestContext } from '../context';
import { registerLoaders, type MakeLoader } from '../loaders';
import { decodeCursor, encodeCursor, pageSize, type Page } from '../../shared/connection';
import { badInput, forbidden, unauthenticated } from '../../shared/errors';
import type { PageArgs } from '../household/household.service';
import type { MachtigingScope } from '../machtiging/machtiging.enums';
import { ToegangSoort } from './toegangslog.types';

/** One access-log row as a citizen may see it: never the actor's subject (employee id or pseudonym). */
export interface ToegangslogEntry {
  tijdstip: string;
  actorRol: string;
  organisatie: string | null;
  doorUzelf: boolean;
  handeling: string;
  soort: ToegangSoort;
  gegevens: string[];
  doel: { naam: string; omschrijving: string };
  grondslag: string;
  namens: { organisatie: string; scope: MachtigingScope } | null;
}

export interface ToegangslogPageKey {
  householdId: string;
  first: number;
  after: string | null;
  /** The viewing citizen's pseudonym (HMAC of their BSN), to mark their own entries; null for a medewerker. */
  viewerPseudonym: string | null;
}

export const MEDEWERKER_ORGANISATIE = 'Dienst Toeslagen';
export const SYSTEEM_ORGANISATIE = 'Dienst Toeslagen (automatisch)';

/**
 * Who processed the data, as the citizen is told: an intermediary by its organisation id, agency staff
 * and automated processing as Dienst Toeslagen (never an employee id), a citizen as nobody's
 * organisation (whether it was the viewer is `doorUzelf`).
 */
export function organisatieVan(actorRol: string, actorOrganisatie: string | null): string | null {
  switch (actorRol) {
    case Role.MEDEWERKER:
      return MEDEWERKER_ORGANISATIE;
    case 'SYSTEEM':
      return SYSTEEM_ORGANISATIE;
    case Role.BURGER:
      return null;
    default:
      return actorOrganisatie ?? null;
  }
}

/**
 * "Who looked at my data, when, why, for whom" (domain.md §7): the access-log entries of a household,
 * newest first. For the citizen (aanvrager or toeslagpartner, own household through the scope) and a
 * medewerker; an intermediary is FORBIDDEN (the log is the citizen's, not the intermediary's), as are
 * other roles. Reading the log is itself logged (resource Toegangslog).
 */
export async function householdToegangslog(ctx: RequestContext, householdId: string, args: PageArgs): Promise<Page<ToegangslogEntry>> {
  const actor = ctx.actor;
  if (!actor) throw unauthenticated();
  if (actor.role !== Role.BURGER && actor.role !== Role.MEDEWERKER) {
    throw forbidden('the access log of a household is for the citizen and for medewerkers only');
  }
  const first = pageSize(args.first);
  const after = args.after ?? null;
  if (after) afterValues(after); // BAD_USER_INPUT before any query
  const viewerPseudonym = actor.role === Role.BURGER ? ctx.pseudonymise(actor.bsn) : null;
  const result = await ctx.loaders.toegangslogPages.load({ householdId, first, after, viewerPseudonym });
  if (result.reachable) ctx.accessLog.record(householdId, 'Toegangslog', ctx.scope.access(Purpose.READ));
  return result.page;
}

const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The cursor is [started_at to the microsecond, id]. */
function afterValues(after: string): [string, string] {
  const [startedAt, id] = decodeCursor(after, 2);
  if (typeof startedAt !== 'string' || !ISO_MICROS.test(startedAt) || Number.isNaN(Date.parse(startedAt))) {
    throw badInput('after is not a valid cursor', 'after');
  }
  if (typeof id !== 'string' || !/^[1-9]\d{0,17}$/.test(id)) throw badInput('after is not a valid cursor', 'after');
  return [startedAt, id];
}

interface Row {
  id: string;
  household_id: string;
  started_at: Date;
  started_at_exact: string;
  operation_name: string;
  operation_type: string;
  resources: string[];
  actor_role: string;
  actor_organisation: string | null;
  door_uzelf: boolean;
  activiteit_naam: string;
  activiteit_doel: string;
  grondslag: string;
  namens_organisatie: string | null;
  namens_scope: MachtigingScope | null;
  page_rn: string;
}

/**
 * Pages of the access log of several households in one statement (a window function per household,
 * like HouseholdScope.pages), joined with the register of processing activities and the machtiging an
 * intermediary acted under. Only households the scope proves reachable are asked for, and the policy
 * filter is in the statement too. `actor_subject` is compared in SQL with the viewer's pseudonym and
 * never selected.
 */
export function toegangslogPagesLoader(make: MakeLoader, em: EntityManager, scope: HouseholdScope) {
  return make<ToegangslogPageKey, { reachable: boolean; page: Page<ToegangslogEntry> }, string>(
    async (keys) => {
      const access = scope.access(Purpose.READ);
      const reachable = await scope.reachable(keys.map((k) => k.householdId), Purpose.READ);

      const groups = new Map<string, ToegangslogPageKey[]>();
      for (const k of keys) {
        const g = JSON.stringify([k.first, k.after ?? '', k.viewerPseudonym ?? '']);
        groups.set(g, [...(groups.get(g) ?? []), k]);
      }
      const results = new Map<ToegangslogPageKey, { reachable: boolean; page: Page<ToegangslogEntry> }>();
      for (const group of groups.values()) {
        const { first, after, viewerPseudonym } = group[0];
        const ids = [...new Set(group.map((k) => k.householdId).filter((id) => reachable.has(id)))];
        let rows: Row[] = [];
        if (ids.length) {
          const bindings: unknown[] = [viewerPseudonym, ids];
          let where = 'e.household_id = any(array[?]::uuid[])';
          // The reach is in the statement too (belt and braces: the ids are already proven reachable).
          if (!access.unrestricted) where += ` and ${access.rows.sql('e.household_id', RowCondition.questionMarks(bindings))}`;
          if (after) {
            const [startedAt, id] = afterValues(after);
            where += ' and (e.started_at < ?::timestamptz or (e.started_at = ?::timestamptz and e.id < ?::bigint))';
            bindings.push(startedAt, startedAt, id);
          }
          bindings.push(first + 1);
          rows = await em.getConnection().execute(
            `select * from (
               select e.id::text as id, e.household_id, e.started_at,
                      to_char(e.started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as started_at_exact,
                      e.operation_name, e.operation_type, e.resources, e.actor_role, e.actor_organisation,
                      coalesce(e.actor_role = 'BURGER' and e.actor_subject = ?, false) as door_uzelf,
                      pa.name as activiteit_naam, pa.purpose as activiteit_doel, pa.legal_basis as grondslag,
                      m.organisation_id as namens_organisatie, m.scope as namens_scope,
                      row_number() over (partition by e.household_id order by e.started_at desc, e.id desc) as page_rn
                 from access_log_entry e
                 join processing_activity pa on pa.id = e.processing_activity_id
                 left join machtiging m on m.id = e.on_behalf_of_machtiging_id and m.household_id = e.household_id
                where ${where}
             ) x where x.page_rn <= ? order by x.household_id, x.page_rn`,
            bindings,
          );
        }
        const byHousehold = new Map<string, Row[]>();
        for (const row of rows) byHousehold.set(row.household_id, [...(byHousehold.get(row.household_id) ?? []), row]);
        for (const k of group) {
          const all = byHousehold.get(k.householdId) ?? [];
          const items = all.slice(0, first);
          results.set(k, {
            reachable: reachable.has(k.householdId),
            page: {
              items: items.map(toEntry),
              cursors: items.map((r) => encodeCursor([r.started_at_exact, r.id])),
              hasNextPage: all.length > first,
            },
          });
        }
      }
      return keys.map((k) => results.get(k)!);
    },
    { cacheKeyFn: (k) => JSON.stringify([k.householdId, k.first, k.after ?? '', k.viewerPseudonym ?? '']) },
  );
}

function toEntry(r: Row): ToegangslogEntry {
  return {
    tijdstip: new Date(r.started_at).toISOString(),
    actorRol: r.actor_role,
    organisatie: organisatieVan(r.actor_role, r.actor_organisation),
    doorUzelf: r.door_uzelf === true,
    handeling: r.operation_name,
    soort: r.operation_type === 'write' ? ToegangSoort.WRITE : ToegangSoort.READ,
    gegevens: [...r.resources],
    doel: { naam: r.activiteit_naam, omschrijving: r.activiteit_doel },
    grondslag: r.grondslag,
    namens: r.actor_role === Role.INTERMEDIAIR && r.namens_organisatie && r.namens_scope ? { organisatie: r.namens_organisatie, scope: r.namens_scope } : null,
  };
}

declare module '../loaders' {
  interface Loaders {
    toegangslogPages: ReturnType<typeof toegangslogPagesLoader>;
  }
}
registerLoaders(['toegangslogPages'], (make, { em, scope }) => ({ toegangslogPages: toegangslogPagesLoader(make, em, scope) }));

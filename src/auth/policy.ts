import type { FilterQuery } from '@mikro-orm/core';
import { ProcessingActivityId } from '../modules/accesslog/processing-activities';
import { CITIZEN_ROLES } from '../modules/household/household.enums';
import { MachtigingOpslagStatus, MachtigingScope } from '../modules/machtiging/machtiging.enums';
import type { Household } from '../modules/household/household.entity';
import type { Params } from '../data/raw-query';
import { forbidden } from '../shared/errors';
import { Role, type Actor } from './actor';

/** Why household data is fetched. */
export enum Purpose {
  /** Read a household's data. */
  READ = 'READ',
  /** Change something on the household's behalf (request an arrangement, ...). */
  ACT = 'ACT',
}

/**
 * The answer to "which households may this actor reach, for which purpose". The filter is applied
 * inside every query that fetches household-owned data (see HouseholdScope), so a resolver cannot
 * forget it; it is evaluated per request, so a revoked right takes effect on the next request.
 */
export type HouseholdAccess =
  | {
      allowed: true;
      /** MikroORM filter on Household; `{}` means every household. */
      filter: FilterQuery<Household>;
      /**
       * The same filter as an SQL condition on a household id expression (e.g. `e.household_id`), its
       * values added to `params`; `true` for every household. For the hand-written statements of the
       * hot read paths; `test/integration/policy-sql.test.ts` checks that both forms admit the same
       * households.
       */
      sql: (householdId: string, params: Params) => string;
      /** True when the actor may reach every household (medewerker): absent ids are NOT_FOUND, not FORBIDDEN. */
      unrestricted: boolean;
      activity: ProcessingActivityId;
      /** Machtiging under which the actor acts, when the same for every household (else looked up per household). */
      onBehalfOfMachtigingId: string | null;
      /** FORBIDDEN message for a household outside this reach. */
      outOfReach?: string;
    }
  | { allowed: false; reason: string };

/** The single place that decides household reach. Every role of domain.md §1 is handled explicitly. */
/** `today` (YYYY-MM-DD, Europe/Amsterdam) decides which machtigingen are still valid. */
export function householdAccess(actor: Actor, purpose: Purpose, today: string): HouseholdAccess {
  switch (actor.role) {
    case Role.BURGER:
      // A citizen's household comes from the token: the household in which the BSN is a current
      // aanvrager or toeslagpartner. Never from an argument.
      return {
        allowed: true,
        filter: {
          members: {
            $some: { person: { bsn: actor.bsn }, rol: { $in: [...CITIZEN_ROLES] }, tot: null },
          },
        } as FilterQuery<Household>,
        sql: (householdId, params) =>
          `exists (select 1 from household_member pm join person pp on pp.id = pm.person_id where pm.household_id = ${householdId}` +
          ` and pp.bsn = ${params.p(actor.bsn)} and pm.rol = any(${params.p([...CITIZEN_ROLES], 'text[]')}) and pm.tot is null)`,
        unrestricted: false,
        activity: purpose === Purpose.ACT ? ProcessingActivityId.BURGER_VERZOEK : ProcessingActivityId.BURGER_INZAGE,
        onBehalfOfMachtigingId: null,
      };
    case Role.MEDEWERKER:
      // Every household for case handling; always recorded in the access log.
      return {
        allowed: true,
        filter: {},
        sql: () => 'true',
        unrestricted: true,
        activity: ProcessingActivityId.MEDEWERKER_BEHANDELING,
        onBehalfOfMachtigingId: null,
      };
    case Role.INTERMEDIAIR: {
      // Only households with an ACTIEF machtiging for the actor's organisation, not past its
      // geldigTot, with scope HANDELEN to act. Evaluated in SQL on every query: a revocation or an
      // expiry takes effect on the very next request (no cached permission).
      const scopes = purpose === Purpose.ACT ? [MachtigingScope.HANDELEN] : [MachtigingScope.INZIEN, MachtigingScope.HANDELEN];
      return {
        allowed: true,
        filter: {
          machtigingen: {
            $some: {
              organisationId: actor.organisationId,
              status: MachtigingOpslagStatus.ACTIEF,
              geldigTot: { $gte: today },
              scope: { $in: scopes },
            },
          },
        } as FilterQuery<Household>,
        sql: (householdId, params) =>
          `exists (select 1 from machtiging pmg where pmg.household_id = ${householdId}` +
          ` and pmg.organisation_id = ${params.p(actor.organisationId)} and pmg.status = ${params.p(MachtigingOpslagStatus.ACTIEF)}` +
          ` and pmg.geldig_tot >= ${params.p(today, 'date')} and pmg.scope = any(${params.p(scopes, 'text[]')}))`,
        unrestricted: false,
        activity: ProcessingActivityId.INTERMEDIAIR_MACHTIGING,
        // One machtiging per household: the access-log writer looks it up per household.
        onBehalfOfMachtigingId: null,
        outOfReach:
          purpose === Purpose.ACT
            ? 'your organisation has no active machtiging with scope HANDELEN for this household'
            : 'your organisation has no active machtiging for this household',
      };
    }
    case Role.GEMEENTE:
      return { allowed: false, reason: 'a gemeente receives vroegsignalen only, not household data' };
    case Role.KOO:
      return { allowed: false, reason: 'a KOO sees only its own deliveries, payments and convenanttegoeden' };
  }
}

/** Throws FORBIDDEN when the actor can reach no household at all for this purpose. */
export function requireHouseholdAccess(actor: Actor, purpose: Purpose, today: string) {
  const access = householdAccess(actor, purpose, today);
  if (!access.allowed) throw forbidden(access.reason);
  return access;
}

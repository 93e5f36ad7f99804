import { ProcessingActivityId } from '../modules/accesslog/processing-activities';
import { CITIZEN_ROLES } from '../modules/household/household.enums';
import { MachtigingOpslagStatus, MachtigingScope } from '../modules/machtiging/machtiging.enums';
import { RowCondition } from '../data/row-condition';
import { forbidden } from '../shared/errors';
import { Role, type Actor } from './actor';

/** Why data is fetched. */
export enum Purpose {
  /** Read the data. */
  READ = 'READ',
  /** Change something on the household's behalf (request an arrangement, ...). */
  ACT = 'ACT',
}

/** A right to touch rows: which ones (one SQL condition), and how the processing is logged. */
export interface Grant {
  allowed: true;
  /**
   * The rows within reach, as a condition on the kind's key column (a household id for household
   * data, a gemeentecode for vroegsignalen, a KOO organisation id for KOO data). Applied inside every
   * statement that reads or changes such rows, hand-written or MikroORM.
   */
  rows: RowCondition;
  /** True when the actor may reach every row (medewerker): absent ids are NOT_FOUND, not FORBIDDEN. */
  unrestricted: boolean;
  activity: ProcessingActivityId;
  /** Machtiging under which the actor acts, when the same for every household (else looked up per household). */
  onBehalfOfMachtigingId: string | null;
  /** FORBIDDEN message for a row outside this reach. */
  outOfReach?: string;
}

export type Reach = Grant | { allowed: false; reason: string };

/** Household reach (the condition is on a household id). */
export type HouseholdAccess = Reach;
export type GrantedAccess = Grant;

/**
 * The single place that decides who may touch which household's data, for every role of domain.md
 * §1. Evaluated per request and inside every query, so a revoked or expired machtiging takes effect
 * on the very next request. `today` (YYYY-MM-DD, Europe/Amsterdam) decides which machtigingen are valid.
 */
export function householdAccess(actor: Actor, purpose: Purpose, today: string): Reach {
  switch (actor.role) {
    case Role.BURGER:
      // A citizen's household comes from the token: the household in which the BSN is a current
      // aanvrager or toeslagpartner. Never from an argument.
      return {
        allowed: true,
        rows: new RowCondition(
          (household, b) =>
            `exists (select 1 from household_member pm join person pp on pp.id = pm.person_id where pm.household_id = ${household}` +
            ` and pp.bsn = ${b.p(actor.bsn)} and pm.rol = any(${b.p([...CITIZEN_ROLES], 'text[]')}) and pm.tot is null)`,
        ),
        unrestricted: false,
        activity: purpose === Purpose.ACT ? ProcessingActivityId.BURGER_VERZOEK : ProcessingActivityId.BURGER_INZAGE,
        onBehalfOfMachtigingId: null,
      };
    case Role.MEDEWERKER:
      // Every household for case handling; always recorded in the access log.
      return { allowed: true, rows: RowCondition.ALL, unrestricted: true, activity: ProcessingActivityId.MEDEWERKER_BEHANDELING, onBehalfOfMachtigingId: null };
    case Role.INTERMEDIAIR: {
      // Only households with an ACTIEF machtiging for the actor's organisation, not past its
      // geldigTot, with scope HANDELEN to act.
      const scopes = purpose === Purpose.ACT ? [MachtigingScope.HANDELEN] : [MachtigingScope.INZIEN, MachtigingScope.HANDELEN];
      return {
        allowed: true,
        rows: new RowCondition(
          (household, b) =>
            `exists (select 1 from machtiging pmg where pmg.household_id = ${household}` +
            ` and pmg.organisation_id = ${b.p(actor.organisationId)} and pmg.status = ${b.p(MachtigingOpslagStatus.ACTIEF)}` +
            ` and pmg.geldig_tot >= ${b.p(today, 'date')} and pmg.scope = any(${b.p(scopes, 'text[]')}))`,
        ),
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
export function requireHouseholdAccess(actor: Actor, purpose: Purpose, today: string): Grant {
  const access = householdAccess(actor, purpose, today);
  if (!access.allowed) throw forbidden(access.reason);
  return access;
}

/**
 * Vroegsignalen: a gemeente reaches the signals sent to its own gemeentecode (from the token), and
 * nothing else (the condition is on a gemeentecode column). Every other role is refused: medewerkers
 * see a household's signals through household reach.
 */
export function vroegsignaalReach(actor: Actor): Reach {
  if (actor.role !== Role.GEMEENTE) return { allowed: false, reason: 'vroegsignalen are for the gemeente they were sent to' };
  return {
    allowed: true,
    rows: new RowCondition((gemeentecode, b) => `${gemeentecode} = ${b.p(actor.gemeentecode)}`),
    unrestricted: false,
    activity: ProcessingActivityId.VROEGSIGNALERING,
    onBehalfOfMachtigingId: null,
    outOfReach: 'this Vroegsignaal is outside your access',
  };
}

/**
 * KOO data (deliveries, records, convenant payments and tegoeden): a KOO reaches what concerns its
 * own organisation (the condition is on a koo_organisatie id column, matched to the token's
 * organisation in SQL); a medewerker reaches all of it.
 */
export function kooReach(actor: Actor): Reach {
  switch (actor.role) {
    case Role.KOO:
      return {
        allowed: true,
        rows: new RowCondition(
          (organisatieId, b) => `${organisatieId} in (select ko.id from koo_organisatie ko where ko.organisation_id = ${b.p(actor.organisationId)})`,
        ),
        unrestricted: false,
        activity: ProcessingActivityId.KINDEROPVANG_GEGEVENSLEVERING,
        onBehalfOfMachtigingId: null,
        outOfReach: 'this is not one of your organisation',
      };
    case Role.MEDEWERKER:
      return { allowed: true, rows: RowCondition.ALL, unrestricted: true, activity: ProcessingActivityId.MEDEWERKER_BEHANDELING, onBehalfOfMachtigingId: null };
    default:
      return { allowed: false, reason: 'KOO data is for the childcare organisation and medewerkers' };
  }
}

/** `kooReach` that throws FORBIDDEN when refused. */
export function requireKooReach(actor: Actor): Grant {
  const r = kooReach(actor);
  if (!r.allowed) throw forbidden(r.reason);
  return r;
}

/**
 * Zaken, on top of household reach: an intermediary sees only the zaken its own organisation
 * submitted (the condition is on the zaak's submitting-organisation column); other roles every zaak
 * of a household they reach.
 */
export function zaakReach(actor: Actor): RowCondition {
  if (actor.role !== Role.INTERMEDIAIR) return RowCondition.ALL;
  return new RowCondition((organisatie, b) => `${organisatie} = ${b.p(actor.organisationId)}`);
}

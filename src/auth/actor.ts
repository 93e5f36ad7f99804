import { registerEnumType } from 'type-graphql';
import { isValidBsn } from '../shared/bsn';

/** The five roles of domain.md §1. */
export enum Role {
  BURGER = 'BURGER',
  INTERMEDIAIR = 'INTERMEDIAIR',
  GEMEENTE = 'GEMEENTE',
  KOO = 'KOO',
  MEDEWERKER = 'MEDEWERKER',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'Who is calling, from the verified token.',
  valuesConfig: {
    BURGER: { description: 'A citizen (aanvrager or toeslagpartner); identified by BSN.' },
    INTERMEDIAIR: { description: 'A social counsellor, debt worker or library desk; acts only under an active machtiging.' },
    GEMEENTE: { description: 'A municipality’s debt-help team; receives vroegsignalen only.' },
    KOO: { description: 'A childcare organisation under a convenant; sees only its own deliveries.' },
    MEDEWERKER: { description: 'Dienst Toeslagen staff; handles cases, always logged.' },
  },
});

interface ActorBase {
  role: Role;
  /** The token's `sub`. For BURGER this is a BSN: never log it, use `logSubject` instead. */
  subject: string;
}
export interface BurgerActor extends ActorBase {
  role: Role.BURGER;
  bsn: string;
}
export interface IntermediairActor extends ActorBase {
  role: Role.INTERMEDIAIR;
  organisationId: string;
  employeeId: string;
}
export interface GemeenteActor extends ActorBase {
  role: Role.GEMEENTE;
  gemeentecode: string;
}
export interface KooActor extends ActorBase {
  role: Role.KOO;
  organisationId: string;
  lrkNumbers: string[];
}
export interface MedewerkerActor extends ActorBase {
  role: Role.MEDEWERKER;
  employeeId: string;
}
export type Actor = BurgerActor | IntermediairActor | GemeenteActor | KooActor | MedewerkerActor;

/** Claim names in our tokens. Documented in README.md ("Tokens"). */
export interface ActorClaims {
  sub?: unknown;
  role?: unknown;
  org?: unknown;
  employee?: unknown;
  gemeente?: unknown;
  lrk?: unknown;
}

export class InvalidClaimsError extends Error {}

function str(value: unknown, name: string, pattern?: RegExp): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 128) {
    throw new InvalidClaimsError(`claim "${name}" is missing or not a string`);
  }
  if (pattern && !pattern.test(value)) throw new InvalidClaimsError(`claim "${name}" has an invalid format`);
  return value;
}

const ORG_ID = /^[A-Za-z0-9:._-]{1,64}$/;
const EMPLOYEE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Maps verified JWT claims to an actor; throws InvalidClaimsError when the claims do not fit the role. */
export function actorFromClaims(claims: ActorClaims): Actor {
  const role = str(claims.role, 'role');
  const subject = str(claims.sub, 'sub');
  switch (role) {
    case Role.BURGER: {
      if (!isValidBsn(subject)) throw new InvalidClaimsError('claim "sub" of a BURGER must be a valid BSN');
      return { role: Role.BURGER, subject, bsn: subject };
    }
    case Role.INTERMEDIAIR:
      return {
        role: Role.INTERMEDIAIR,
        subject,
        organisationId: str(claims.org, 'org', ORG_ID),
        employeeId: str(claims.employee, 'employee', EMPLOYEE_ID),
      };
    case Role.GEMEENTE:
      return { role: Role.GEMEENTE, subject, gemeentecode: str(claims.gemeente, 'gemeente', /^\d{4}$/) };
    case Role.KOO: {
      const lrk = claims.lrk;
      if (!Array.isArray(lrk) || lrk.length === 0 || lrk.length > 1000) {
        throw new InvalidClaimsError('claim "lrk" of a KOO must be a non-empty list of LRK numbers');
      }
      return {
        role: Role.KOO,
        subject,
        organisationId: str(claims.org, 'org', ORG_ID),
        lrkNumbers: lrk.map((n) => str(n, 'lrk', /^\d{9}$/)),
      };
    }
    case Role.MEDEWERKER:
      return { role: Role.MEDEWERKER, subject, employeeId: str(claims.employee, 'employee', EMPLOYEE_ID) };
    default:
      throw new InvalidClaimsError(`claim "role" has unknown value`);
  }
}

/** A subject that may appear in logs: never a BSN. */
export function actorLogSubject(actor: Actor): string {
  switch (actor.role) {
    case Role.BURGER:
      return 'burger'; // the data subject is recorded pseudonymised; the BSN itself never reaches a log
    case Role.INTERMEDIAIR:
      return `${actor.organisationId}/${actor.employeeId}`;
    case Role.GEMEENTE:
      return `gemeente/${actor.gemeentecode}`;
    case Role.KOO:
      return actor.organisationId;
    case Role.MEDEWERKER:
      return actor.employeeId;
  }
}

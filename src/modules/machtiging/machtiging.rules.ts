import { randomInt } from 'node:crypto';
import { addMonths } from '../../shared/dates';
import { UserErrorCode } from '../../shared/user-error';
import { MachtigingOpslagStatus, MachtigingStatus } from './machtiging.enums';

/** The longest a machtiging may run (assumption: a doorlopende machtiging is reviewed every 5 years). */
export const MAX_GELDIGHEID_MAANDEN = 60;

export interface RuleError {
  code: UserErrorCode;
  message: string;
  field: string[] | null;
}

/** What a client sees: VERLOPEN once geldigTot (inclusive) has passed, unless already revoked. */
export function effectiveStatus(m: { status: MachtigingOpslagStatus; geldigTot: string }, today: string): MachtigingStatus {
  if (m.status === MachtigingOpslagStatus.INGETROKKEN) return MachtigingStatus.INGETROKKEN;
  if (m.geldigTot < today) return MachtigingStatus.VERLOPEN;
  return m.status === MachtigingOpslagStatus.ACTIEF ? MachtigingStatus.ACTIEF : MachtigingStatus.AANGEVRAAGD;
}

/** geldigTot must be today or later and at most 5 years ahead. */
export function checkGeldigTot(geldigTot: string, today: string): RuleError | null {
  if (geldigTot < today || geldigTot > addMonths(today, MAX_GELDIGHEID_MAANDEN)) {
    return {
      code: UserErrorCode.GELDIGHEID_ONGELDIG,
      message: `Een machtiging geldt vanaf vandaag tot uiterlijk ${MAX_GELDIGHEID_MAANDEN / 12} jaar vooruit.`,
      field: ['input', 'geldigTot'],
    };
  }
  return null;
}

const ORGANISATIE = /^[A-Za-z0-9:._-]{1,64}$/;

export function checkOrganisatie(organisationId: string): RuleError | null {
  return ORGANISATIE.test(organisationId)
    ? null
    : { code: UserErrorCode.ORGANISATIE_ONGELDIG, message: 'Dit is geen geldig organisatienummer (KvK of OIN).', field: ['input', 'organisationId'] };
}

/** Letters and digits that cannot be confused on a printed letter (no 0/O, 1/I/L). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A 12-character activation code for the letter, as XXXX-XXXX-XXXX (about 59 bits of randomness). */
export function newActiveringscode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** Accepts the code as typed: any case, with or without dashes or spaces. */
export function normaliseActiveringscode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== 12 || [...raw].some((c) => !CODE_ALPHABET.includes(c))) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

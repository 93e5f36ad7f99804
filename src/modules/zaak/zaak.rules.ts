import { Role, type Actor } from '../../auth/actor';
import { dateInNL } from '../../shared/clock';
import { daysBetween } from '../../shared/dates';
import { UserErrorCode } from '../../shared/user-error';
import type { RuleError } from '../toeslag/toeslag.rules';
import { Contactvoorkeur, ZaakStatus } from './zaak.enums';

/** Longest reason a referral may carry (characters, after trimming). */
export const REDEN_MAX_LENGTH = 2000;

/** A zaak in one of these states is still open: a second one of the same soort is refused. */
export const OPEN_ZAAK_STATUSES: readonly ZaakStatus[] = [ZaakStatus.NIEUW, ZaakStatus.IN_BEHANDELING];

export interface BegeleidingVerzoek {
  reden: string;
  contactvoorkeur: Contactvoorkeur;
  /** Role of who submits: BURGER, INTERMEDIAIR or MEDEWERKER. */
  indienerRol: Role;
  /** Number of open (NIEUW, IN_BEHANDELING) PERSOONLIJKE_BEGELEIDING zaken of the household. */
  openBegeleidingZaken: number;
}

export type BegeleidingPlan = { ok: true; reden: string } | { ok: false; errors: RuleError[] };

/**
 * Referral to persoonlijke begeleiding (domain.md §6, pilot of seed 003): the reason is required
 * (trimmed, 1–2000 characters); a household has at most one open begeleiding zaak at a time (a second
 * referral while one is NIEUW or IN_BEHANDELING adds nothing for the medewerker); contact "via the
 * intermediary" only makes sense when an intermediary submits it. Every problem is reported at once.
 */
export function planBegeleiding(v: BegeleidingVerzoek): BegeleidingPlan {
  const errors: RuleError[] = [];
  const reden = v.reden.trim();
  if (reden.length === 0 || reden.length > REDEN_MAX_LENGTH) {
    errors.push({
      code: UserErrorCode.REDEN_ONGELDIG,
      field: ['input', 'reason'],
      message: `Geef een reden op van ten hoogste ${REDEN_MAX_LENGTH} tekens.`,
    });
  }
  if (v.contactvoorkeur === Contactvoorkeur.VIA_INTERMEDIAIR && v.indienerRol !== Role.INTERMEDIAIR) {
    errors.push({
      code: UserErrorCode.CONTACTVOORKEUR_ONGELDIG,
      field: ['input', 'contactPreference'],
      message: 'Contact via de intermediair kan alleen als een intermediair de aanmelding doet.',
    });
  }
  if (v.openBegeleidingZaken > 0) {
    errors.push({
      code: UserErrorCode.ZAAK_BESTAAT_AL,
      field: null,
      message: 'Er loopt al een aanmelding voor persoonlijke begeleiding voor dit huishouden.',
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, reden };
}

/**
 * Age of a zaak in whole calendar days (Europe/Amsterdam), from the day it was submitted until today,
 * or until the day it was handled once it is (a closed case stops ageing). 0 on the day itself.
 */
export function leeftijdInDagen(ingediendOp: Date, afgehandeldOp: Date | null, today: string): number {
  const tot = afgehandeldOp ? dateInNL(afgehandeldOp) : today;
  return Math.max(0, daysBetween(dateInNL(ingediendOp), tot));
}

/**
 * Which zaken of a reachable household an actor sees, on top of the household scope: an intermediary
 * only those its own organisation submitted ("the intermediary sees its status"), never the citizen's
 * own or another organisation's; a citizen and a medewerker every zaak of the household.
 */
export function zaakZichtbaarheid(actor: Actor): { ingediendDoorOrganisatie?: string } {
  return actor.role === Role.INTERMEDIAIR ? { ingediendDoorOrganisatie: actor.organisationId } : {};
}

/**
 * Whether a zaak's deadline was missed: still open after its uiterlijkeBeslisdatum (today is later),
 * or handled on a day after it. A zaak without a deadline never is. Dates in Europe/Amsterdam.
 */
export function termijnOverschreden(uiterlijkeBeslisdatum: string | null, afgehandeldOp: Date | null, today: string): boolean {
  if (!uiterlijkeBeslisdatum) return false;
  return (afgehandeldOp ? dateInNL(afgehandeldOp) : today) > uiterlijkeBeslisdatum;
}

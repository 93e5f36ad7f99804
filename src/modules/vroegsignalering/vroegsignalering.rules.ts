import Decimal from 'decimal.js';
import { addMonths } from '../../shared/dates';
import { UserErrorCode } from '../../shared/user-error';
import type { RuleError } from '../toeslag/toeslag.rules';
import { VroegsignaalBeeindiging } from './vroegsignalering.enums';

/** Most signals one acknowledgeVroegsignalen call may name (the page size maximum). */
export const MAX_ACKNOWLEDGE = 100;
/** Longest follow-up note (characters, after trimming). */
export const NOTITIE_MAX_LENGTH = 2000;

/** What the engine knows about one household on the run date (vroegsignalering.engine.ts). */
export interface HouseholdStand {
  gemeentecode: string;
  /** Registered with UHT: no collection, no signal. */
  uht: boolean;
  /** Any non-terminal schuld of the household has collection paused. */
  gepauzeerd: boolean;
  /** An ACTIEF betalingsregeling whose termijnen due before the date are all paid in full (ACTIEVE_BIJ_REGELING_SQL). */
  bijMetRegeling: boolean;
  /** Open principal + costs of the schulden in AANGEMAAND or DWANGBEVEL (not paused). */
  achterstand: Decimal;
  /** Whether the household's gemeente takes part in the experiment on the date. */
  gemeenteNeemtDeel: boolean;
}

export type Beoordeling = { signaal: true } | { signaal: false; reden: VroegsignaalBeeindiging };

/**
 * Does the household qualify for a vroegsignaal on the date (domain.md §4)? A toeslag terugvordering
 * still unpaid after an aanmaning (AANGEMAAND or DWANGBEVEL) with arrears of at least the threshold
 * (norm VROEGSIGNAAL_DREMPEL), except while collection is paused (UHT, or any of its schulden paused:
 * the household is then in a protected state) or while an active, paid-up arrangement runs, and
 * only when its gemeente takes part on that date. The first rule that excludes it is the reason.
 */
export function beoordeel(h: HouseholdStand, drempel: Decimal): Beoordeling {
  if (h.uht || h.gepauzeerd) return { signaal: false, reden: VroegsignaalBeeindiging.GEPAUZEERD };
  if (h.bijMetRegeling) return { signaal: false, reden: VroegsignaalBeeindiging.BETALINGSREGELING };
  if (h.achterstand.lte(0) || h.achterstand.lt(drempel)) return { signaal: false, reden: VroegsignaalBeeindiging.NIET_MEER_ACHTERSTAND };
  if (!h.gemeenteNeemtDeel) return { signaal: false, reden: VroegsignaalBeeindiging.DEELNAME_BEEINDIGD };
  return { signaal: true };
}

/** What to do with a household's signals on the run date. */
export type SignaalActie =
  | { soort: 'NIETS' }
  | { soort: 'OPENEN' }
  | { soort: 'SLUITEN'; reden: VroegsignaalBeeindiging }
  | { soort: 'VERHUIZEN' };

/**
 * At most one open signal per household. An open signal stays as long as the household qualifies for
 * the same gemeente (its content is the snapshot of the signaaldatum). When the household moved, the
 * old signal is ended and a new one is opened for the new gemeente only when it still qualifies there.
 */
export function signaalActie(open: { gemeentecode: string } | null, h: HouseholdStand, b: Beoordeling): SignaalActie {
  if (open && open.gemeentecode !== h.gemeentecode) return b.signaal ? { soort: 'VERHUIZEN' } : { soort: 'SLUITEN', reden: VroegsignaalBeeindiging.VERHUISD };
  if (open) return b.signaal ? { soort: 'NIETS' } : { soort: 'SLUITEN', reden: b.reden };
  return b.signaal ? { soort: 'OPENEN' } : { soort: 'NIETS' };
}

/**
 * crisissignaal: the gemeente should act at once. Set when a dwangbevel was issued (the last step
 * before executory measures such as beslag) or the arrears reach VROEGSIGNAAL_CRISISDREMPEL.
 * warmeOverdracht: Dienst Toeslagen is already involved in person (an open PERSOONLIJKE_BEGELEIDING
 * zaak), so the gemeente should contact Dienst Toeslagen for a warm handover rather than approach the
 * household cold. Both are evaluated on the signaaldatum.
 */
export function vlaggen(o: { dwangbevel: boolean; achterstand: Decimal; crisisdrempel: Decimal; begeleidingOpen: boolean }) {
  return { crisissignaal: o.dwangbevel || o.achterstand.gte(o.crisisdrempel), warmeOverdracht: o.begeleidingOpen };
}

/**
 * Retention (domain.md §4): the personal fields of a signal are erased when it is older than the
 * retention period on the date, i.e. when its signaaldatum is before `date − months`. A signal of
 * 2025-11-22 with 12 months is kept through 2026-11-22 and erased from 2026-11-23.
 */
export function bewaargrens(date: string, months: number): string {
  return addMonths(date, -months);
}

/** Is the gemeente taking part on `date`: a period with vanaf ≤ date < tot. */
export function neemtDeel(perioden: ReadonlyArray<{ vanaf: string; tot: string }>, date: string): boolean {
  return perioden.some((p) => p.vanaf <= date && date < p.tot);
}

/** A participation period: vanaf before tot, and no overlap with the gemeente's other periods. */
export function checkDeelnamePeriode(
  periode: { vanaf: string; tot: string },
  andere: ReadonlyArray<{ vanaf: string; tot: string }>,
): RuleError[] {
  if (periode.tot <= periode.vanaf) {
    return [{ code: UserErrorCode.PERIODE_ONGELDIG, field: ['input', 'tot'], message: 'De einddatum moet na de begindatum liggen.' }];
  }
  if (andere.some((a) => a.vanaf < periode.tot && periode.vanaf < a.tot)) {
    return [{ code: UserErrorCode.DEELNAME_OVERLAPT, field: null, message: 'Deze gemeente neemt in (een deel van) deze periode al deel.' }];
  }
  return [];
}

/** A follow-up note: optional, at most 2000 characters, never a BSN (nine digits in a row). */
export function checkNotitie(note: string | null | undefined): { notitie: string | null; errors: RuleError[] } {
  const notitie = note?.trim() || null;
  if (notitie && (notitie.length > NOTITIE_MAX_LENGTH || /\d{9}/.test(notitie))) {
    return {
      notitie: null,
      errors: [
        {
          code: UserErrorCode.NOTITIE_ONGELDIG,
          field: ['input', 'note'],
          message: `Een notitie is hoogstens ${NOTITIE_MAX_LENGTH} tekens en bevat nooit een BSN.`,
        },
      ],
    };
  }
  return { notitie, errors: [] };
}

/** The ids of an acknowledgement: 1 to 100, each once. */
export function checkAcknowledgeIds(ids: readonly string[]): RuleError[] {
  if (ids.length === 0 || ids.length > MAX_ACKNOWLEDGE || new Set(ids).size !== ids.length) {
    return [
      {
        code: UserErrorCode.VROEGSIGNALEN_ONGELDIG,
        field: ['input', 'ids'],
        message: `Noem 1 tot ${MAX_ACKNOWLEDGE} signalen, elk één keer.`,
      },
    ];
  }
  return [];
}

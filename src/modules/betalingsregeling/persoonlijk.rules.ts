import Decimal from 'decimal.js';
import { addMonths } from '../../shared/dates';
import { formatDatum, formatEuro } from '../../shared/format-nl';
import { UserErrorCode } from '../../shared/user-error';
import type { RuleError } from '../toeslag/toeslag.rules';
import { BetalingsregelingSoort } from './betalingsregeling.enums';
import { standaardTermijnen, type PlannedTermijn } from './betalingsregeling.rules';

/**
 * The outcome of a persoonlijke betalingsregeling (Leidraad Invordering 2008 art. 79.8; domain.md §3),
 * decided by a medewerker on the final calculation. Pure: no I/O, every number from the arguments.
 */

export enum PersoonlijkeUitkomst {
  /** The termijnbedrag covers the standaard termijnbedrag: the standaard regeling (art. 79.7). */
  STANDAARD = 'STANDAARD',
  /** Lower: 24 termijnen of the lower amount, reviewed after 12 months; a remainder is remitted at the end. */
  PERSOONLIJK = 'PERSOONLIJK',
  /** Lower, but with illiquid vermogen: a longer arrangement (at most the norm's months) that pays the whole debt. */
  VERLENGD = 'VERLENGD',
  /** No capacity: no collection measures; refunds are still set off for some years. */
  GEEN_CAPACITEIT = 'GEEN_CAPACITEIT',
}

export interface PersoonlijkeNormen {
  standaardTermijnbedrag: Decimal;
  standaardMaxTermijnen: number;
  persoonlijkTermijnen: number;
  herzieningNaMaanden: number;
  /** Null before the verlengde betalingsregeling existed (its norm has no version yet on the date). */
  verlengdMaxMaanden: number | null;
  geenCapaciteitVerrekeningJaren: number;
}

export interface PersoonlijkeBeslissingInput {
  /** Σ (openstaand + kosten) of the schulden on the decision date; more than 0, in cents. */
  totaal: Decimal;
  /** The monthly amount decided on: the computed afloscapaciteit or the medewerker's adjusted amount. */
  termijnbedrag: Decimal;
  /** Vermogen that cannot reasonably be made liquid (e.g. overwaarde eigen woning) was established. */
  illiquideVermogen: boolean;
  /** First termijn date (first day of next month). */
  startdatum: string;
  /** The decision date. */
  datum: string;
}

export interface PersoonlijkePlan {
  uitkomst: PersoonlijkeUitkomst;
  soort: BetalingsregelingSoort | null;
  /** What the termijnen sum to (0 without a regeling). */
  totaalRegeling: Decimal;
  /** totaal − totaalRegeling: what the termijnen leave (PERSOONLIJK only; remitted at the end); 0 otherwise. */
  restant: Decimal;
  termijnen: PlannedTermijn[];
  herzieningsdatum: string | null;
  /** GEEN_CAPACITEIT: refunds are set off until this date. */
  verrekenenTot: string | null;
  /** Plain-Dutch explanation for the zaak's uitkomst. */
  toelichting: string;
}

/**
 * `aantal` termijnen of `bedrag` at most, but not more than needed for `totaal`; the last termijn
 * takes what is left (never more than `bedrag`). Every termijn is > 0, the termijnen sum exactly to
 * min(totaal, bedrag × maxTermijnen).
 */
export function vasteTermijnen(totaal: Decimal, bedrag: Decimal, startdatum: string, maxTermijnen: number): PlannedTermijn[] {
  if (totaal.lte(0) || totaal.decimalPlaces() > 2) throw new Error('the amount must be positive, in cents');
  if (bedrag.lte(0) || bedrag.decimalPlaces() > 2) throw new Error('the termijnbedrag must be positive, in cents');
  const aantal = Math.min(maxTermijnen, totaal.dividedBy(bedrag).ceil().toNumber());
  const gedekt = Decimal.min(totaal, bedrag.times(aantal));
  return Array.from({ length: aantal }, (_, i) => ({
    volgnummer: i + 1,
    vervaldatum: addMonths(startdatum, i),
    bedrag: i < aantal - 1 ? bedrag : gedekt.minus(bedrag.times(aantal - 1)),
  }));
}

const sum = (ts: readonly PlannedTermijn[]) => ts.reduce((s, t) => s.plus(t.bedrag), new Decimal(0));

/**
 * The four outcomes, in this order:
 * (a) termijnbedrag ≥ the standaard termijnbedrag for the total → the standaard regeling (its termijnen);
 * (d) lower but positive, with illiquid vermogen → VERLENGD: max(termijnbedrag, total ÷ max months
 *     rounded up to the cent) a month, at most that many months, paying the whole debt (the vermogen
 *     is why nothing is remitted);
 * (b) lower but positive → PERSOONLIJK: 24 termijnen (fewer if the debt is paid sooner) of the
 *     termijnbedrag, herzieningsdatum 12 months after the start; what the termijnen leave (restant)
 *     is remitted once all of them are paid;
 * (c) no capacity (termijnbedrag 0) → GEEN_CAPACITEIT: no regeling, no collection measures; refunds
 *     are still set off for 3 years (not where the debt came from intent or gross negligence).
 *     Vermogen without any capacity is also (c): there is no monthly amount to extend.
 */
export function planPersoonlijk(i: PersoonlijkeBeslissingInput, n: PersoonlijkeNormen): PersoonlijkePlan {
  if (i.totaal.lte(0) || i.totaal.decimalPlaces() > 2) throw new Error('the total must be positive, in cents');
  if (i.termijnbedrag.isNegative() || i.termijnbedrag.decimalPlaces() > 2) throw new Error('the termijnbedrag must be 0 or more, in cents');
  const zero = new Decimal(0);
  const standaard = standaardTermijnen(i.totaal, i.startdatum, n.standaardTermijnbedrag, n.standaardMaxTermijnen);

  if (i.termijnbedrag.gte(standaard[0].bedrag)) {
    return {
      uitkomst: PersoonlijkeUitkomst.STANDAARD,
      soort: BetalingsregelingSoort.STANDAARD,
      totaalRegeling: i.totaal,
      restant: zero,
      termijnen: standaard,
      herzieningsdatum: null,
      verrekenenTot: null,
      toelichting:
        `Uw afloscapaciteit (${formatEuro(i.termijnbedrag)} per maand) is genoeg voor de standaard betalingsregeling: ` +
        `${standaard.length} termijn(en) van ${formatEuro(standaard[0].bedrag)} vanaf ${formatDatum(i.startdatum)}.`,
    };
  }

  if (i.termijnbedrag.gt(0) && i.illiquideVermogen && n.verlengdMaxMaanden !== null) {
    const maxMaanden = n.verlengdMaxMaanden;
    const minimum = i.totaal.dividedBy(maxMaanden).toDecimalPlaces(2, Decimal.ROUND_UP);
    const perMaand = Decimal.max(i.termijnbedrag, minimum);
    const termijnen = vasteTermijnen(i.totaal, perMaand, i.startdatum, maxMaanden);
    return {
      uitkomst: PersoonlijkeUitkomst.VERLENGD,
      soort: BetalingsregelingSoort.VERLENGD,
      totaalRegeling: i.totaal,
      restant: zero,
      termijnen,
      herzieningsdatum: null,
      verrekenenTot: null,
      toelichting:
        `Verlengde betalingsregeling: u hebt vermogen dat redelijkerwijs niet te gelde kan worden gemaakt. ` +
        `${termijnen.length} termijn(en) van ${formatEuro(perMaand)} vanaf ${formatDatum(i.startdatum)} (ten hoogste ${maxMaanden} maanden); ` +
        `de hele schuld wordt afgelost.`,
    };
  }

  if (i.termijnbedrag.gt(0)) {
    const termijnen = vasteTermijnen(i.totaal, i.termijnbedrag, i.startdatum, n.persoonlijkTermijnen);
    const totaalRegeling = sum(termijnen);
    const restant = i.totaal.minus(totaalRegeling);
    const herzieningsdatum = addMonths(i.startdatum, n.herzieningNaMaanden);
    return {
      uitkomst: PersoonlijkeUitkomst.PERSOONLIJK,
      soort: BetalingsregelingSoort.PERSOONLIJK,
      totaalRegeling,
      restant,
      termijnen,
      herzieningsdatum,
      verrekenenTot: null,
      toelichting:
        `Persoonlijke betalingsregeling: ${termijnen.length} termijn(en) van ${formatEuro(i.termijnbedrag)} vanaf ${formatDatum(i.startdatum)}, ` +
        `herziening op ${formatDatum(herzieningsdatum)}.` +
        (restant.gt(0)
          ? ` Betaalt u alle termijnen, dan wordt het restant van ${formatEuro(restant)} kwijtgescholden.`
          : ''),
    };
  }

  const verrekenenTot = addMonths(i.datum, 12 * n.geenCapaciteitVerrekeningJaren);
  return {
    uitkomst: PersoonlijkeUitkomst.GEEN_CAPACITEIT,
    soort: null,
    totaalRegeling: zero,
    restant: zero,
    termijnen: [],
    herzieningsdatum: null,
    verrekenenTot,
    toelichting:
      `Geen betalingscapaciteit: er worden geen invorderingsmaatregelen genomen. ` +
      `Tot ${formatDatum(verrekenenTot)} worden teruggaven en nabetalingen nog met de schuld verrekend ` +
      `(niet als de schuld door opzet of grove schuld is ontstaan).`,
  };
}

/** Longest reason or text a decision may carry (characters, after trimming). */
export const TEKST_MAX_LENGTH = 2000;

const tekstOk = (t: string | null | undefined) => {
  const s = (t ?? '').trim();
  return s.length > 0 && s.length <= TEKST_MAX_LENGTH;
};

export interface LastBesluit {
  code: string;
  geaccepteerd: boolean;
  reden: string;
}

/**
 * Checks a medewerker's decision on a persoonlijke betalingsregeling: every bijzondere last of the
 * request (codes BIJZONDERE_LAST_1..n) gets exactly one decision with a reason, no decision names an
 * unknown code; an adjusted termijnbedrag is in cents, not negative, and comes with a reason; an
 * illiquid vermogen needs a description. Every problem at once.
 */
export function checkPersoonlijkeBeslissing(
  aantalLasten: number,
  besluiten: readonly LastBesluit[],
  aangepast: { bedrag: Decimal | null; reden: string | null },
  illiquideVermogen: string | null,
): RuleError[] {
  const errors: RuleError[] = [];
  const codes = new Set(Array.from({ length: aantalLasten }, (_, i) => `BIJZONDERE_LAST_${i + 1}`));
  const seen = new Set<string>();
  besluiten.forEach((b, i) => {
    if (!codes.has(b.code) || seen.has(b.code)) {
      errors.push({
        code: UserErrorCode.BESLISSING_ONVOLLEDIG,
        field: ['input', 'bijzondereLasten', String(i), 'code'],
        message: seen.has(b.code) ? `Over ${b.code} is meer dan één keer beslist.` : `De aanvraag heeft geen bijzondere last ${b.code}.`,
      });
    }
    seen.add(b.code);
    if (!tekstOk(b.reden)) {
      errors.push({
        code: UserErrorCode.REDEN_ONGELDIG,
        field: ['input', 'bijzondereLasten', String(i), 'reden'],
        message: `Geef bij elke bijzondere last een reden op van ten hoogste ${TEKST_MAX_LENGTH} tekens.`,
      });
    }
  });
  const missing = [...codes].filter((c) => !seen.has(c));
  if (missing.length) {
    errors.push({
      code: UserErrorCode.BESLISSING_ONVOLLEDIG,
      field: ['input', 'bijzondereLasten'],
      message: `Beslis over elke bijzondere last: ${missing.join(', ')} ontbreekt.`,
    });
  }
  if (aangepast.bedrag !== null) {
    if (!aangepast.bedrag.isFinite() || aangepast.bedrag.isNegative() || aangepast.bedrag.decimalPlaces() > 2) {
      errors.push({ code: UserErrorCode.BEDRAG_ONGELDIG, field: ['input', 'termijnbedrag'], message: 'Het termijnbedrag moet € 0,00 of meer zijn, in centen.' });
    }
    if (!tekstOk(aangepast.reden)) {
      errors.push({ code: UserErrorCode.REDEN_ONGELDIG, field: ['input', 'aanpassingReden'], message: 'Geef een reden op voor het aangepaste termijnbedrag.' });
    }
  }
  if (illiquideVermogen !== null && !tekstOk(illiquideVermogen)) {
    errors.push({ code: UserErrorCode.REDEN_ONGELDIG, field: ['input', 'illiquideVermogen'], message: 'Beschrijf het vermogen dat niet te gelde kan worden gemaakt.' });
  }
  return errors;
}

/** A trimmed text of 1–2000 characters, or a REDEN_ONGELDIG error for `field`. */
export function checkTekst(text: string, field: string[], wat: string): { ok: true; tekst: string } | { ok: false; error: RuleError } {
  if (tekstOk(text)) return { ok: true, tekst: text.trim() };
  return { ok: false, error: { code: UserErrorCode.REDEN_ONGELDIG, field, message: `Geef ${wat} op van ten hoogste ${TEKST_MAX_LENGTH} tekens.` } };
}

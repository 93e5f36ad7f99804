import Decimal from 'decimal.js';
import { addMonths } from '../../shared/dates';

export const STANDAARD_MIN_TERMIJNBEDRAG = new Decimal('20.00');
export const STANDAARD_MAX_TERMIJNEN = 24;

export interface PlannedTermijn {
  volgnummer: number;
  vervaldatum: string;
  bedrag: Decimal;
}

/**
 * Termijnen of a standaard betalingsregeling (Leidraad Invordering 2008, art. 79.7): €20 a month, or
 * more when needed to finish within 24 months (the amount divided by 24, rounded up to the cent);
 * the remainder goes in the last termijn, so the termijnen sum exactly to the amount.
 * The €20 and 24 are the defaults; callers pass the values in force from the norms table.
 */
export function standaardTermijnen(
  totaal: Decimal,
  startdatum: string,
  minimum: Decimal = STANDAARD_MIN_TERMIJNBEDRAG,
  maxTermijnen: number = STANDAARD_MAX_TERMIJNEN,
): PlannedTermijn[] {
  if (totaal.lte(0) || totaal.decimalPlaces() > 2) throw new Error('the amount must be positive, in cents');
  const perMaand = Decimal.max(minimum, totaal.dividedBy(maxTermijnen).toDecimalPlaces(2, Decimal.ROUND_UP));
  const aantal = totaal.dividedBy(perMaand).ceil().toNumber();
  return Array.from({ length: aantal }, (_, i) => ({
    volgnummer: i + 1,
    vervaldatum: addMonths(startdatum, i),
    bedrag: i < aantal - 1 ? perMaand : totaal.minus(perMaand.times(aantal - 1)),
  }));
}

export interface TermijnStand {
  volgnummer: number;
  vervaldatum: string;
  bedrag: Decimal;
  betaaldBedrag: Decimal;
}

/** Paid up on `date`: every termijn that fell due before that date has been paid in full. */
export function isBijOpDatum(termijnen: readonly TermijnStand[], date: string): boolean {
  return termijnen.every((t) => t.vervaldatum >= date || t.betaaldBedrag.gte(t.bedrag));
}

/** The amount of termijnen due before `date` that is still unpaid. */
export function achterstand(termijnen: readonly TermijnStand[], date: string): Decimal {
  return termijnen
    .filter((t) => t.vervaldatum < date)
    .reduce((sum, t) => sum.plus(Decimal.max(0, t.bedrag.minus(t.betaaldBedrag))), new Decimal(0));
}

/**
 * The next payment on `today`: the first termijn (by volgnummer) not paid in full that falls due on or
 * after today, and what is left of it. A termijn whose vervaldatum has passed is not "next": it is
 * arrears (`achterstand`).
 */
export function volgendeBetaling(termijnen: readonly TermijnStand[], today: string): { volgnummer: number; vervaldatum: string; bedrag: Decimal } | null {
  const open = [...termijnen].sort((a, b) => a.volgnummer - b.volgnummer).find((t) => t.betaaldBedrag.lt(t.bedrag) && t.vervaldatum >= today);
  return open ? { volgnummer: open.volgnummer, vervaldatum: open.vervaldatum, bedrag: open.bedrag.minus(open.betaaldBedrag) } : null;
}

import Decimal from 'decimal.js';
import { firstOfNextMonth, yearOf } from '../../shared/dates';
import { UserErrorCode } from '../../shared/user-error';
import { formatDatum, formatEuro } from '../../shared/format-nl';
import { ToeslagStatus } from './toeslag.enums';

/** What the instelbaar-voorschot rule needs to know about a toeslag. */
export interface VoorschotToeslag {
  status: ToeslagStatus;
  berekeningsjaar: number;
  /** The calculated monthly voorschot at 100 %. */
  berekendVoorschotMaandbedrag?: Decimal | null;
  voorschotPercentage: number;
}

/** The content of the WIJZIGING beschikking and the toeslag's new voorschot. */
export interface VoorschotWijziging {
  ingangsdatum: string;
  /** The yearly toeslag stays the calculated one: berekend × 12. */
  jaarbedrag: Decimal;
  voorschotMaandbedrag: Decimal;
  voorschotPercentage: number;
  reden: string;
}

export interface RuleError {
  code: UserErrorCode;
  field: string[] | null;
  message: string;
}

export type VoorschotPlan = { ok: true; wijziging: VoorschotWijziging } | { ok: false; errors: RuleError[] };

/**
 * Whether a toeslag of `berekeningsjaar` still pays the voorschot of the month starting on `maand`
 * (YYYY-MM-DD): voorschotten are paid per berekeningsjaar, so never for a month in a later year.
 */
export function betaaltVoorschotVoor(berekeningsjaar: number, maand: string): boolean {
  return yearOf(maand) <= berekeningsjaar;
}

/** The monthly voorschot paid at `percentage`: berekend × percentage / 100, rounded DOWN to the cent. */
export function voorschotBijPercentage(berekend: Decimal, percentage: number): Decimal {
  return berekend.times(percentage).dividedBy(100).toDecimalPlaces(2, Decimal.ROUND_DOWN);
}

/**
 * Instelbaar voorschot (domain.md §2): a citizen may take 0–100 % (whole percent) of the calculated
 * voorschot, to avoid a recovery later. Only a running toeslag (VOORLOPIG_TOEGEKEND) with a calculated
 * voorschot changes, from the first day of the next month (never before 1 January of its
 * berekeningsjaar; not at all once its year is over). Refusals change nothing.
 */
export function planVoorschotpercentage(toeslag: VoorschotToeslag, percentage: number, today: string): VoorschotPlan {
  const errors: RuleError[] = [];
  if (!Number.isInteger(percentage) || percentage < 0 || percentage > 100) {
    errors.push({
      code: UserErrorCode.PERCENTAGE_ONGELDIG,
      field: ['input', 'percentage'],
      message: 'Het percentage moet een heel getal van 0 tot en met 100 zijn.',
    });
  }
  const volgendeMaand = firstOfNextMonth(today);
  const ingangsdatum = volgendeMaand > `${toeslag.berekeningsjaar}-01-01` ? volgendeMaand : `${toeslag.berekeningsjaar}-01-01`;
  const berekend = toeslag.berekendVoorschotMaandbedrag ?? null;
  if (toeslag.status !== ToeslagStatus.VOORLOPIG_TOEGEKEND || berekend === null) {
    errors.push({
      code: UserErrorCode.TOESLAG_NIET_LOPEND,
      field: ['input', 'toeslagId'],
      message: 'Alleen bij een lopende toeslag (voorlopig toegekend, met een voorschot) kunt u het voorschotpercentage wijzigen.',
    });
  } else if (yearOf(ingangsdatum) > toeslag.berekeningsjaar) {
    errors.push({
      code: UserErrorCode.TOESLAG_NIET_LOPEND,
      field: ['input', 'toeslagId'],
      message: `Over ${toeslag.berekeningsjaar} worden geen voorschotten meer betaald; het percentage kan niet meer worden gewijzigd.`,
    });
  }
  if (errors.length === 0 && percentage === toeslag.voorschotPercentage) {
    errors.push({
      code: UserErrorCode.ONGEWIJZIGD,
      field: ['input', 'percentage'],
      message: `Het voorschotpercentage is al ${percentage}%.`,
    });
  }
  if (errors.length > 0) return { ok: false, errors };

  const voorschotMaandbedrag = voorschotBijPercentage(berekend!, percentage);
  return {
    ok: true,
    wijziging: {
      ingangsdatum,
      jaarbedrag: berekend!.times(12),
      voorschotMaandbedrag,
      voorschotPercentage: percentage,
      reden:
        `Op verzoek is het voorschotpercentage gewijzigd van ${toeslag.voorschotPercentage}% naar ${percentage}%. ` +
        `Vanaf ${formatDatum(ingangsdatum)} ontvangt u ${formatEuro(voorschotMaandbedrag)} per maand ` +
        `(${percentage}% van het berekende voorschot van ${formatEuro(berekend!)}).`,
    },
  };
}

/**
 * Number of a WIJZIGING beschikking, in the style of the other numbers (soort-jaar-gemeente-volgnummer):
 * "WZ-2026-0193-" and a random suffix (the database keeps numbers unique).
 */
export function wijzigingsnummer(berekeningsjaar: number, gemeentecode: string, suffix: string): string {
  if (!/^[0-9A-Z]{1,12}$/.test(suffix)) throw new Error('the suffix must be 1 to 12 characters 0-9A-Z');
  return `WZ-${berekeningsjaar}-${gemeentecode}-${suffix}`;
}

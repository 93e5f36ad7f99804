import Decimal from 'decimal.js';
import { BetalingsregelingStatus } from '../betalingsregeling/betalingsregeling.enums';
import { achterstand, volgendeBetaling, type TermijnStand } from '../betalingsregeling/betalingsregeling.rules';
import { ToeslagSoort } from '../toeslag/toeslag.enums';
import { formatDatum, formatEuro } from '../../shared/format-nl';
import { SchuldStatus, TERMINAL_SCHULD_STATUSES } from './schuld.enums';

/**
 * The one total overview of a household's schulden (domain.md §6: citizens get a letter per
 * vordering and lose track; the total is what they phone about). Pure: no I/O, money in decimal.js,
 * and every total is the exact sum of its parts.
 */

/** What the overview needs to know about one schuld. */
export interface OverzichtSchuld {
  id: string;
  status: SchuldStatus;
  openstaandBedrag: Decimal;
  kosten: Decimal;
  gepauzeerd: boolean;
  vervaldatum: string;
  toeslag: { soort: ToeslagSoort; berekeningsjaar: number };
  /** The terugvorderingsbeschikking the schuld comes from. */
  beschikking: {
    nummer: string;
    dagtekening: string;
    betaaldeVoorschotten: Decimal | null;
    terugTeBetalen: Decimal | null;
    reden: string | null;
  };
}

/** What the overview needs to know about one betalingsregeling of the household. */
export interface OverzichtRegeling {
  id: string;
  status: BetalingsregelingStatus;
  startdatum: string;
  /** The schulden it covers. */
  schuldIds: readonly string[];
  termijnen: readonly TermijnStand[];
  /** Its arrears on the overview's date, when computed elsewhere (the read path sums them in SQL); else from `termijnen`. */
  achterstand?: Decimal;
}

export interface SchuldUitlegResult<S, R> {
  schuld: S;
  /** Still to pay: openstaandBedrag + kosten. */
  openstaand: Decimal;
  /** Covered by an ACTIEF betalingsregeling. */
  gedekt: boolean;
  regeling: R | null;
  uitleg: string;
}

export interface PerToeslagsoort {
  soort: ToeslagSoort;
  aantalSchulden: number;
  totaalOpenstaand: Decimal;
}

export interface SchuldenOverzichtResult<S, R> {
  totaalOpenstaand: Decimal;
  aantalSchulden: number;
  oudsteVervaldatum: string | null;
  perToeslagsoort: PerToeslagsoort[];
  gedektDoorRegeling: Decimal;
  nietGedekt: Decimal;
  waarvanGepauzeerd: Decimal;
  volgendeBetaling: { datum: string; bedrag: Decimal; regeling: R } | null;
  /** Σ of what is unpaid of termijnen of ACTIEF regelingen whose vervaldatum has passed. */
  achterstand: Decimal;
  /** Earliest vervaldatum first. */
  schulden: Array<SchuldUitlegResult<S, R>>;
}

const SOORT_ORDER: readonly ToeslagSoort[] = [
  ToeslagSoort.ZORGTOESLAG,
  ToeslagSoort.HUURTOESLAG,
  ToeslagSoort.KINDEROPVANGTOESLAG,
  ToeslagSoort.KINDGEBONDEN_BUDGET,
];

/** What is still to be paid on a schuld: the open principal plus unpaid collection costs. */
export function totaalOpenstaand(s: Pick<OverzichtSchuld, 'openstaandBedrag' | 'kosten'>): Decimal {
  return s.openstaandBedrag.plus(s.kosten);
}

/**
 * A schuld counts in the overview while something is still to be paid: its status is not terminal
 * (VOLDAAN, KWIJTGESCHOLDEN, BUITEN_INVORDERING) and openstaandBedrag + kosten is above zero.
 */
export function isNogTeBetalen(s: Pick<OverzichtSchuld, 'status' | 'openstaandBedrag' | 'kosten'>): boolean {
  return !TERMINAL_SCHULD_STATUSES.includes(s.status) && totaalOpenstaand(s).gt(0);
}

const sum = (values: readonly Decimal[]) => values.reduce((acc, v) => acc.plus(v), new Decimal(0));

/**
 * The overview on `today` (YYYY-MM-DD, Europe/Amsterdam). Only schulden still to be paid count
 * (see isNogTeBetalen); a schuld is gedekt when an ACTIEF regeling covers it; the next payment is
 * the earliest next termijn (betalingsregeling.rules volgendeBetaling) over all ACTIEF regelingen.
 */
export function schuldenOverzicht<S extends OverzichtSchuld, R extends OverzichtRegeling>(
  schulden: readonly S[],
  regelingen: readonly R[],
  today: string,
): SchuldenOverzichtResult<S, R> {
  const actief = [...regelingen]
    .filter((r) => r.status === BetalingsregelingStatus.ACTIEF)
    // Newest first, so a schuld (wrongly) in two active regelingen is attributed deterministically.
    .sort((a, b) => (a.startdatum === b.startdatum ? a.id.localeCompare(b.id) : b.startdatum.localeCompare(a.startdatum)));
  const regelingOf = new Map<string, R>();
  for (const r of actief) for (const id of r.schuldIds) if (!regelingOf.has(id)) regelingOf.set(id, r);

  const items: Array<SchuldUitlegResult<S, R>> = schulden
    .filter(isNogTeBetalen)
    .sort((a, b) => (a.vervaldatum === b.vervaldatum ? a.id.localeCompare(b.id) : a.vervaldatum.localeCompare(b.vervaldatum)))
    .map((schuld) => {
      const regeling = regelingOf.get(schuld.id) ?? null;
      let text: string | undefined;
      return {
        schuld,
        openstaand: totaalOpenstaand(schuld),
        gedekt: regeling !== null,
        regeling,
        // Formatted when read: a page of overviews that shows only totals never formats a sentence.
        get uitleg() {
          return (text ??= uitleg(schuld, regeling !== null, today));
        },
      };
    });

  const perToeslagsoort = SOORT_ORDER.flatMap((soort) => {
    const ofSoort = items.filter((i) => i.schuld.toeslag.soort === soort);
    return ofSoort.length ? [{ soort, aantalSchulden: ofSoort.length, totaalOpenstaand: sum(ofSoort.map((i) => i.openstaand)) }] : [];
  });

  let next: SchuldenOverzichtResult<S, R>['volgendeBetaling'] = null;
  for (const regeling of actief) {
    const v = volgendeBetaling(regeling.termijnen, today);
    if (!v) continue;
    if (!next || v.vervaldatum < next.datum || (v.vervaldatum === next.datum && regeling.id < next.regeling.id)) {
      next = { datum: v.vervaldatum, bedrag: v.bedrag, regeling };
    }
  }

  return {
    totaalOpenstaand: sum(items.map((i) => i.openstaand)),
    aantalSchulden: items.length,
    oudsteVervaldatum: items[0]?.schuld.vervaldatum ?? null,
    perToeslagsoort,
    gedektDoorRegeling: sum(items.filter((i) => i.gedekt).map((i) => i.openstaand)),
    nietGedekt: sum(items.filter((i) => !i.gedekt).map((i) => i.openstaand)),
    waarvanGepauzeerd: sum(items.filter((i) => i.schuld.gepauzeerd).map((i) => i.openstaand)),
    volgendeBetaling: next,
    achterstand: sum(actief.map((r) => r.achterstand ?? achterstand(r.termijnen, today))),
    schulden: items,
  };
}

const SOORT_NAAM: Record<ToeslagSoort, string> = {
  [ToeslagSoort.ZORGTOESLAG]: 'zorgtoeslag',
  [ToeslagSoort.HUURTOESLAG]: 'huurtoeslag',
  [ToeslagSoort.KINDEROPVANGTOESLAG]: 'kinderopvangtoeslag',
  [ToeslagSoort.KINDGEBONDEN_BUDGET]: 'kindgebonden budget',
};

const STAND: Partial<Record<SchuldStatus, string>> = {
  [SchuldStatus.HERINNERD]: 'U hebt een betalingsherinnering gekregen.',
  [SchuldStatus.AANGEMAAND]: 'U hebt een aanmaning gekregen.',
  [SchuldStatus.DWANGBEVEL]: 'Er is een dwangbevel uitgevaardigd.',
  [SchuldStatus.VERREKEND]: 'Het bedrag wordt verrekend met uw voorschot.',
};

/**
 * Where a schuld comes from and where it stands, in plain Dutch, e.g. "Terugvordering zorgtoeslag
 * 2024, beschikking TV-2024-0193-000412 van 10 juli 2026: u kreeg € 1.572,00 aan voorschot en had
 * recht op € 1.260,00. Reden: … Nog te betalen: € 252,00, via uw betalingsregeling."
 */
export function uitleg(s: OverzichtSchuld, gedekt: boolean, today: string): string {
  const b = s.beschikking;
  const parts: string[] = [];
  let herkomst = `Terugvordering ${SOORT_NAAM[s.toeslag.soort]} ${s.toeslag.berekeningsjaar}, beschikking ${b.nummer} van ${formatDatum(b.dagtekening)}`;
  if (b.betaaldeVoorschotten && b.terugTeBetalen) {
    herkomst += `: u kreeg ${formatEuro(b.betaaldeVoorschotten)} aan voorschot en had recht op ${formatEuro(b.betaaldeVoorschotten.minus(b.terugTeBetalen))}.`;
  } else if (b.terugTeBetalen) {
    herkomst += `: u moet ${formatEuro(b.terugTeBetalen)} terugbetalen.`;
  } else {
    herkomst += '.';
  }
  parts.push(herkomst);
  const reden = b.reden?.trim();
  if (reden) parts.push(`Reden: ${/[.!?]$/.test(reden) ? reden : `${reden}.`}`);
  let teBetalen = `Nog te betalen: ${formatEuro(totaalOpenstaand(s))}`;
  if (s.kosten.gt(0)) teBetalen += ` (waarvan ${formatEuro(s.kosten)} invorderingskosten)`;
  if (gedekt) {
    teBetalen += ', via uw betalingsregeling.';
  } else if (s.gepauzeerd) {
    teBetalen += '. De invordering staat stil (gepauzeerd): u hoeft nu niet te betalen.';
  } else if (s.vervaldatum >= today) {
    teBetalen += `, uiterlijk op ${formatDatum(s.vervaldatum)}.`;
  } else {
    teBetalen += `. De betaaltermijn is verlopen op ${formatDatum(s.vervaldatum)}.`;
    const stand = STAND[s.status];
    if (stand) teBetalen += ` ${stand}`;
  }
  parts.push(teBetalen);
  return parts.join(' ');
}

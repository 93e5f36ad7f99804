import Decimal from 'decimal.js';
import { addDays, addMonths } from '../../shared/dates';
import type { TermijnStand } from '../betalingsregeling/betalingsregeling.rules';

const ZERO = new Decimal(0);

/** What is still to pay on one schuld: costs and principal are kept apart (Invorderingswet 1990 art. 7). */
export interface SchuldSaldo {
  id: string;
  vervaldatum: string;
  kosten: Decimal;
  hoofdsom: Decimal;
}

export interface Verdeling {
  /** Per schuld (in allocation order, only those that received something): costs and principal paid. */
  schulden: Array<{ id: string; kosten: Decimal; hoofdsom: Decimal }>;
  /** Per termijn (by volgnummer, only those that received something). */
  termijnen: Array<{ volgnummer: number; bedrag: Decimal }>;
  toegerekend: Decimal;
  /** What exceeds everything still to pay: recorded as a credit (tegoed), never allocated. */
  overschot: Decimal;
}

/**
 * The order in which a payment is allocated across schulden: the schuld the payment names first (its
 * betalingskenmerk), then the others of the arrangement by vervaldatum (oldest first) and id.
 */
export function toerekeningsvolgorde<T extends SchuldSaldo>(schulden: readonly T[], voorkeurId: string | null = null): T[] {
  return [...schulden].sort((a, b) => {
    if (a.id === voorkeurId) return -1;
    if (b.id === voorkeurId) return 1;
    return a.vervaldatum < b.vervaldatum ? -1 : a.vervaldatum > b.vervaldatum ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/**
 * Allocates a payment (domain.md §3): across the schulden in the given order (see
 * `toerekeningsvolgorde`), within each schuld first to costs, then to principal (Invorderingswet 1990
 * art. 7: costs, interest, principal; no interest is modelled here); the same amount goes to the
 * arrangement's termijnen oldest first (by volgnummer), each up to what is left of it. What exceeds
 * everything still to pay is the overschot. Exact: Σ kosten + Σ hoofdsom + overschot = bedrag.
 */
export function verdeelBetaling(bedrag: Decimal, schulden: readonly SchuldSaldo[], termijnen: readonly TermijnStand[] = []): Verdeling {
  if (!bedrag.isFinite() || bedrag.lte(0) || bedrag.decimalPlaces() > 2) throw new Error('the amount must be positive, in cents');
  let rest = bedrag;
  const perSchuld: Verdeling['schulden'] = [];
  for (const s of schulden) {
    if (rest.isZero()) break;
    const kosten = Decimal.min(rest, Decimal.max(ZERO, s.kosten));
    rest = rest.minus(kosten);
    const hoofdsom = Decimal.min(rest, Decimal.max(ZERO, s.hoofdsom));
    rest = rest.minus(hoofdsom);
    if (kosten.gt(0) || hoofdsom.gt(0)) perSchuld.push({ id: s.id, kosten, hoofdsom });
  }
  const toegerekend = bedrag.minus(rest);
  let opTermijnen = toegerekend;
  const perTermijn: Verdeling['termijnen'] = [];
  for (const t of [...termijnen].sort((a, b) => a.volgnummer - b.volgnummer)) {
    if (opTermijnen.isZero()) break;
    const open = Decimal.max(ZERO, t.bedrag.minus(t.betaaldBedrag));
    const deel = Decimal.min(open, opTermijnen);
    if (deel.gt(0)) perTermijn.push({ volgnummer: t.volgnummer, bedrag: deel });
    opTermijnen = opTermijnen.minus(deel);
  }
  return { schulden: perSchuld, termijnen: perTermijn, toegerekend, overschot: rest };
}

// --- Betalingskenmerk -------------------------------------------------------------------------

/** Weights of the 15 digits, from the right (the 16-digit structured reference of Currence / Belastingdienst). */
const WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1, 2, 4, 8, 5, 10];

function checkDigit(fifteen: string): number {
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += Number(fifteen[14 - i]) * WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 11 ? 0 : c === 10 ? 1 : c;
}

/**
 * The 16-digit betalingskenmerk of a schuld or regeling: a check digit (mod 11, weights
 * 2,4,8,5,10,9,7,3,6,1 from the right) followed by its kenmerk number padded to 15 digits. It
 * carries only a sequence number: never a BSN or anything else personal.
 */
export function betalingskenmerk(nummer: string | number | bigint): string {
  const fifteen = String(nummer).padStart(15, '0');
  if (!/^\d{15}$/.test(fifteen)) throw new Error('a kenmerk number has at most 15 digits');
  return `${checkDigit(fifteen)}${fifteen}`;
}

/** The kenmerk number in a betalingskenmerk (spaces and dots allowed), or null when it is not a valid one. */
export function kenmerkNummerVan(kenmerk: string): string | null {
  const digits = kenmerk.replace(/[\s.]/g, '');
  if (!/^\d{16}$/.test(digits)) return null;
  if (checkDigit(digits.slice(1)) !== Number(digits[0])) return null;
  return String(BigInt(digits.slice(1)));
}

// --- Missed termijnen and betaalpauze -----------------------------------------------------------

export interface RegelingTermijn extends TermijnStand {
  gemistOp?: string | null;
}

export interface RegelingStand {
  aantalGemist: number;
  herinnerdOp: string | null;
  betaalpauzeTot: string | null;
  termijnen: readonly RegelingTermijn[];
}

export interface GemistNorm {
  /** A termijn counts as missed when still not paid in full this many days after its vervaldatum. */
  gemistNaDagen: number;
  /** The arrangement ends when, this many days after the reminder, there is still a missed termijn. */
  beeindigNaDagen: number;
}

export type GemistActie =
  | { soort: 'VERSCHUIVEN'; volgnummer: number; termijnen: Array<{ volgnummer: number; vervaldatum: string }> }
  | { soort: 'HERINNERING'; volgnummer: number }
  | { soort: 'BEEINDIGEN'; volgnummer: number }
  /** The arrears after a reminder were paid: the reminder no longer counts. */
  | { soort: 'HERINNERING_VERVALT' }
  | null;

const onbetaald = (t: TermijnStand) => t.betaaldBedrag.lt(t.bedrag);

/** The first termijn (by volgnummer) that counts as missed on `datum`, or null. */
export function eersteGemist<T extends TermijnStand>(termijnen: readonly T[], datum: string, gemistNaDagen: number): T | null {
  return [...termijnen].sort((a, b) => a.volgnummer - b.volgnummer).find((t) => onbetaald(t) && addDays(t.vervaldatum, gemistNaDagen) < datum) ?? null;
}

/**
 * Shifts every termijn not yet paid in full `maanden` months later (amounts unchanged, so the
 * termijnen still sum to the total; paid termijnen stay where they were).
 */
export function verschuif(termijnen: readonly TermijnStand[], maanden: number): Array<{ volgnummer: number; vervaldatum: string }> {
  return termijnen.filter(onbetaald).map((t) => ({ volgnummer: t.volgnummer, vervaldatum: addMonths(t.vervaldatum, maanden) }));
}

/**
 * The daily step for one ACTIEF arrangement on `datum` (Doenlijk(er) invorderen, seed 004),
 * at most one action per run:
 * - during a betaalpauze (datum ≤ betaalpauzeTot) nothing counts;
 * - no missed termijn: a pending reminder lapses (the arrears were paid), else nothing;
 * - the first missed termijn of the arrangement: every unpaid termijn shifts one month (no double
 *   payment next month, no revocation);
 * - a later missed termijn, no reminder pending: a reminder;
 * - a reminder pending and still a missed termijn `beeindigNaDagen` after it: the arrangement ends.
 * Idempotent per date: after a shift nothing is missed any more, after a reminder the next action
 * waits `beeindigNaDagen` (> 0) days.
 */
export function gemisteTermijnActie(stand: RegelingStand, datum: string, norm: GemistNorm): GemistActie {
  if (stand.betaalpauzeTot && datum <= stand.betaalpauzeTot) return null;
  const gemist = eersteGemist(stand.termijnen, datum, norm.gemistNaDagen);
  if (!gemist) return stand.herinnerdOp ? { soort: 'HERINNERING_VERVALT' } : null;
  if (stand.herinnerdOp) {
    return datum >= addDays(stand.herinnerdOp, norm.beeindigNaDagen) ? { soort: 'BEEINDIGEN', volgnummer: gemist.volgnummer } : null;
  }
  if (stand.aantalGemist === 0) return { soort: 'VERSCHUIVEN', volgnummer: gemist.volgnummer, termijnen: verschuif(stand.termijnen, 1) };
  return { soort: 'HERINNERING', volgnummer: gemist.volgnummer };
}

/**
 * A betaalpauze through `tot`: the unpaid termijnen all shift by the same whole number of
 * months, the smallest that puts the first unpaid one after `tot`. So no termijn falls in the
 * pause, the order and amounts stay, and the citizen pays no double termijn afterwards.
 */
export function pauzeVerschuiving(termijnen: readonly TermijnStand[], tot: string): { maanden: number; termijnen: Array<{ volgnummer: number; vervaldatum: string }> } {
  const eerste = [...termijnen].sort((a, b) => a.volgnummer - b.volgnummer).find(onbetaald);
  if (!eerste) return { maanden: 0, termijnen: [] };
  let maanden = 0;
  while (addMonths(eerste.vervaldatum, maanden) <= tot) maanden++;
  return { maanden, termijnen: maanden ? verschuif(termijnen, maanden) : [] };
}

import Decimal from 'decimal.js';
import { isValidBsn } from '../../shared/bsn';
import { addDays, addMonths, yearOf } from '../../shared/dates';
import { formatDatum, formatEuro } from '../../shared/format-nl';
import { isIsoDate } from '../../shared/scalars/date.scalar';
import { UserErrorCode } from '../../shared/user-error';
import { NormCode } from '../norms/norm-codes';
import { normOnbekendFout } from '../norms/norm-onbekend';
import { NormOntbreektError, type NormsTable } from '../norms/norms';
import { voorschotBijPercentage } from '../toeslag/toeslag.rules';
import { MutatievoorstelStatus, OvereenkomstVoorwaarde, RecordFoutCode, SoortOpvang } from './kinderopvang.enums';

/**
 * Records per chunk (and per small delivery). A record is about 300 bytes of JSON, so 2,000 records
 * (≈ 600 kB) stay well under the 1 MB request body limit (BODY_LIMIT); 200,000 records are 100 chunks.
 */
export const MAX_RECORDS_PER_CHUNK = 2000;
/** At most this many chunks per bulk delivery (400,000 records). */
export const MAX_CHUNKS = 200;

export interface RuleError {
  code: UserErrorCode;
  field: string[] | null;
  message: string;
}

/** One record as delivered (domain.md §5). BSNs are plain strings here so that a wrong one is a per-record error. */
export interface RecordInvoer {
  periode: string;
  lrkNummer: string;
  soortOpvang: SoortOpvang;
  kindBsn?: string | null;
  kindNaam: string;
  kindGeboortedatum?: string | null;
  ouderBsn: string;
  partnerBsn?: string | null;
  uren: string;
  uurprijs: Decimal;
  factuurbedrag: Decimal;
  contracteinddatum?: string | null;
}

export interface RecordFout {
  code: RecordFoutCode;
  veld: string;
  melding: string;
}

export interface RecordBeoordeling {
  fouten: RecordFout[];
  /** Average hourly price above the maximum uurprijs: accepted, but flagged. */
  bovenMaxUurprijs: boolean;
  uren: Decimal | null;
}

const PERIODE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const UREN = /^-?\d{1,5}(\.\d{1,2})?$/;

export const isPeriode = (p: string) => PERIODE.test(p);
export const periodeStart = (p: string) => `${p}-01`;
export const periodeEinde = (p: string) => addDays(addMonths(periodeStart(p), 1), -1);
export const periodeVan = (date: string) => date.slice(0, 7);

/** The maximum uurprijs norm of a soort opvang (domain.md §3 table). */
export function maxUurprijsCode(soort: SoortOpvang): NormCode {
  switch (soort) {
    case SoortOpvang.DAGOPVANG:
      return NormCode.MAX_UURPRIJS_DAGOPVANG;
    case SoortOpvang.BSO:
      return NormCode.MAX_UURPRIJS_BSO;
    case SoortOpvang.GASTOUDEROPVANG:
      return NormCode.MAX_UURPRIJS_GASTOUDEROPVANG;
  }
}

/**
 * Records are checked against the maximum uurprijs on the period's first day: a period before the
 * first version of those norms cannot be checked and is refused (NORM_ONBEKEND), never an internal
 * error. Call after checkLeveringPeriode.
 */
export function checkLeveringNormen(periode: string, norms: NormsTable): RuleError | null {
  try {
    norms.requireAll(Object.values(SoortOpvang).map(maxUurprijsCode), periodeStart(periode));
    return null;
  } catch (e) {
    if (e instanceof NormOntbreektError) return normOnbekendFout(e, 'de maximum uurprijs voor deze periode', ['input', 'periode']);
    throw e;
  }
}

/** A delivery is for one month that has started (a month's invoices exist from its first day). */
export function checkLeveringPeriode(periode: string, today: string): RuleError | null {
  if (!isPeriode(periode) || periodeStart(periode) > today || periode < '2000-01') {
    return { code: UserErrorCode.PERIODE_ONGELDIG, field: ['input', 'periode'], message: 'De periode is een maand (JJJJ-MM) die al begonnen is.' };
  }
  return null;
}

export interface RecordContext {
  /** The delivery's month. */
  periode: string;
  /** Active LRK numbers of the delivering KOO (from the database). */
  lrkNummers: ReadonlySet<string>;
  norms: NormsTable;
}

/**
 * Validates one record (domain.md §5, §8): BSNs by the 11-proef (a missing child BSN is allowed, it
 * may follow later), the LRK number is one of the delivering KOO's, the period is the delivery's,
 * hours, price and invoice total are not negative, the contract does not end before the period.
 * A price above the maximum uurprijs of the soort on the period's first day is accepted but flagged.
 */
export function beoordeelRecord(r: RecordInvoer, c: RecordContext): RecordBeoordeling {
  const fouten: RecordFout[] = [];
  const fout = (code: RecordFoutCode, veld: string, melding: string) => fouten.push({ code, veld, melding });
  if (r.periode !== c.periode) fout(RecordFoutCode.PERIODE_ONGELDIG, 'periode', `De periode moet ${c.periode} zijn, de maand van de levering.`);
  if (!c.lrkNummers.has(r.lrkNummer)) fout(RecordFoutCode.LRK_NIET_VAN_KOO, 'lrkNummer', 'Dit LRK-nummer is geen actieve locatie van uw organisatie.');
  if (r.kindBsn != null && r.kindBsn !== '' && !isValidBsn(r.kindBsn)) fout(RecordFoutCode.BSN_ONGELDIG, 'kindBsn', 'Het BSN van het kind voldoet niet aan de 11-proef.');
  if (!isValidBsn(r.ouderBsn)) fout(RecordFoutCode.BSN_ONGELDIG, 'ouderBsn', 'Het BSN van de ouder voldoet niet aan de 11-proef.');
  if (r.partnerBsn != null && r.partnerBsn !== '' && !isValidBsn(r.partnerBsn)) fout(RecordFoutCode.BSN_ONGELDIG, 'partnerBsn', 'Het BSN van de partner voldoet niet aan de 11-proef.');
  const naam = r.kindNaam.trim();
  if (naam.length === 0 || naam.length > 200) fout(RecordFoutCode.VELD_ONGELDIG, 'kindNaam', 'De naam van het kind is verplicht (hoogstens 200 tekens).');
  const einde = isPeriode(c.periode) ? periodeEindeCached(c.periode) : null;
  if (r.kindGeboortedatum != null && einde && r.kindGeboortedatum > einde) {
    fout(RecordFoutCode.VELD_ONGELDIG, 'kindGeboortedatum', 'De geboortedatum ligt na de periode.');
  }
  let uren: Decimal | null = null;
  if (!UREN.test(r.uren)) fout(RecordFoutCode.VELD_ONGELDIG, 'uren', 'Het aantal uren is een getal met hoogstens 2 decimalen.');
  else {
    uren = new Decimal(r.uren);
    if (uren.isNegative()) fout(RecordFoutCode.NEGATIEF_BEDRAG, 'uren', 'Het aantal uren mag niet negatief zijn.');
  }
  if (r.uurprijs.isNegative()) fout(RecordFoutCode.NEGATIEF_BEDRAG, 'uurprijs', 'De uurprijs mag niet negatief zijn.');
  if (r.factuurbedrag.isNegative()) fout(RecordFoutCode.NEGATIEF_BEDRAG, 'factuurbedrag', 'Het factuurbedrag mag niet negatief zijn.');
  if (r.contracteinddatum != null && (!isIsoDate(r.contracteinddatum) || (isPeriode(c.periode) && r.contracteinddatum < periodeStart(c.periode)))) {
    fout(RecordFoutCode.CONTRACTEINDDATUM_ONGELDIG, 'contracteinddatum', 'Het contract eindigt vóór de periode: lever dit kind niet meer voor deze maand.');
  }
  let bovenMaxUurprijs = false;
  if (isPeriode(c.periode) && Object.values(SoortOpvang).includes(r.soortOpvang)) {
    bovenMaxUurprijs = r.uurprijs.greaterThan(c.norms.amount(maxUurprijsCode(r.soortOpvang), periodeStart(c.periode)));
  }
  return { fouten, bovenMaxUurprijs, uren };
}

/**
 * `d.toFixed(2)` for an amount with at most 2 decimals (what the Money scalar gives), without the
 * rounded copy decimal.js makes first: the plain string, padded. Anything else (more decimals, an
 * exponent) takes `toFixed(2)` itself, so the result is always the same.
 */
export function fixed2(d: Decimal): string {
  const s = d.toString();
  const dot = s.indexOf('.');
  if (dot < 0) return /^-?\d+$/.test(s) ? `${s}.00` : d.toFixed(2);
  const decimals = s.length - dot - 1;
  if (decimals === 2) return s;
  if (decimals === 1) return `${s}0`;
  return d.toFixed(2);
}

/** `new Decimal(uren).toFixed(2)` for hours that match UREN and are not negative: leading zeros off, 2 decimals. */
function urenFixed2(uren: string): string {
  const dot = uren.indexOf('.');
  const heel = dot < 0 ? uren : uren.slice(0, dot);
  let i = 0;
  while (i < heel.length - 1 && heel.charCodeAt(i) === 48) i++;
  const dec = dot < 0 ? '00' : `${uren.slice(dot + 1)}00`.slice(0, 2);
  return `${heel.slice(i)}.${dec}`;
}

/** A record that passed every check, with its amounts as the staging table stores them (2 decimals). */
export interface GeldigRecord {
  uren: string;
  uurprijs: string;
  factuurbedrag: string;
  bovenMaxUurprijs: boolean;
}

/**
 * beoordeelRecord's checks compiled once for a chunk (the period's first and last day, the maximum
 * uurprijs per soort, the dates already seen), for the bulk path's hot loop (docs/adr/0029). The
 * returned function answers a record that passes every check of beoordeelRecord with its normalised
 * amounts, and null for any other: the caller then runs beoordeelRecord itself for the exact errors,
 * so errors, their order and their messages come from one place. A record is never accepted here
 * that beoordeelRecord would refuse (checked by a property test against beoordeelRecord).
 */
export function compileRecordCheck(c: RecordContext): (r: RecordInvoer) => GeldigRecord | null {
  if (!isPeriode(c.periode)) return () => null;
  const start = periodeStart(c.periode);
  const einde = periodeEindeCached(c.periode);
  const soorten = new Set<string>(Object.values(SoortOpvang));
  // Looked up on first use, as beoordeelRecord does per record (a missing norm throws the same way).
  const maxPrijs = new Map<string, Decimal>();
  const datumOk = new Map<string, boolean>();
  const isDatum = (v: string) => {
    let ok = datumOk.get(v);
    if (ok === undefined) {
      ok = isIsoDate(v);
      if (datumOk.size < 10_000) datumOk.set(v, ok);
    }
    return ok;
  };
  return (r) => {
    if (r.periode !== c.periode || !c.lrkNummers.has(r.lrkNummer)) return null;
    if (r.kindBsn != null && r.kindBsn !== '' && !isValidBsn(r.kindBsn)) return null;
    if (!isValidBsn(r.ouderBsn)) return null;
    if (r.partnerBsn != null && r.partnerBsn !== '' && !isValidBsn(r.partnerBsn)) return null;
    const naam = r.kindNaam.trim();
    if (naam.length === 0 || naam.length > 200) return null;
    if (r.kindGeboortedatum != null && r.kindGeboortedatum > einde) return null;
    if (!UREN.test(r.uren) || r.uren.charCodeAt(0) === 45 /* '-': negative, also -0 */) return null;
    if (r.uurprijs.isNegative() || r.factuurbedrag.isNegative()) return null;
    if (r.contracteinddatum != null && (!isDatum(r.contracteinddatum) || r.contracteinddatum < start)) return null;
    let bovenMaxUurprijs = false;
    if (soorten.has(r.soortOpvang)) {
      let max = maxPrijs.get(r.soortOpvang);
      if (!max) maxPrijs.set(r.soortOpvang, (max = c.norms.amount(maxUurprijsCode(r.soortOpvang), start)));
      bovenMaxUurprijs = r.uurprijs.greaterThan(max);
    }
    return { uren: urenFixed2(r.uren), uurprijs: fixed2(r.uurprijs), factuurbedrag: fixed2(r.factuurbedrag), bovenMaxUurprijs };
  };
}

const eindes = new Map<string, string>();
/** periodeEinde, memoised: validation runs it for every record. */
function periodeEindeCached(p: string): string {
  let e = eindes.get(p);
  if (!e) {
    e = periodeEinde(p);
    if (eindes.size < 1000) eindes.set(p, e);
  }
  return e;
}

// ---------------------------------------------------------------------------------------------
// A new agreement (domain.md §5)

export interface OvereenkomstGegevens {
  openConvenanttegoeden: number;
  financieleGezondheidOk: boolean | null;
  financieleGezondheidDatum: string | null;
  /** Per period: when its current delivery was committed (null: never delivered). */
  leveringen: Map<string, string | null>;
  today: string;
  norms: NormsTable;
}

export interface VoorwaardeUitkomst {
  voorwaarde: OvereenkomstVoorwaarde;
  voldaan: boolean;
  toelichting: string;
}

/**
 * Whether a KOO may get a new agreement (domain.md §5): no open convenanttegoeden, a passed
 * financial-health check, and on-time monthly deliveries for the last KOO_LEVERING_TOETS_MAANDEN
 * months whose deadline (day KOO_LEVERING_UITERLIJK_DAG of the next month) has passed. Every condition
 * is returned with its outcome and an explanation.
 */
export function beoordeelNieuweOvereenkomst(g: OvereenkomstGegevens): { geschikt: boolean; voorwaarden: VoorwaardeUitkomst[] } {
  const dag = g.norms.number(NormCode.KOO_LEVERING_UITERLIJK_DAG, g.today);
  const maanden = g.norms.number(NormCode.KOO_LEVERING_TOETS_MAANDEN, g.today);
  const deadline = (p: string) => addDays(periodeStart(periodeVan(addMonths(periodeStart(p), 1))), dag - 1);
  const getoetst: string[] = [];
  for (let p = periodeVan(addMonths(periodeStart(periodeVan(g.today)), -1)); getoetst.length < maanden; p = periodeVan(addMonths(periodeStart(p), -1))) {
    if (deadline(p) < g.today) getoetst.push(p);
  }
  const telaat = getoetst.filter((p) => {
    const op = g.leveringen.get(p);
    return !op || op > deadline(p);
  });
  const voorwaarden: VoorwaardeUitkomst[] = [
    {
      voorwaarde: OvereenkomstVoorwaarde.GEEN_OPEN_CONVENANTTEGOEDEN,
      voldaan: g.openConvenanttegoeden === 0,
      toelichting:
        g.openConvenanttegoeden === 0
          ? 'Er staan geen convenanttegoeden meer open.'
          : `Er staan nog ${g.openConvenanttegoeden} convenanttegoeden open: betaal ze aan de ouders uit of draag ze over aan Dienst Toeslagen.`,
    },
    {
      voorwaarde: OvereenkomstVoorwaarde.FINANCIELE_GEZONDHEID,
      voldaan: g.financieleGezondheidOk === true,
      toelichting:
        g.financieleGezondheidOk === true
          ? `De toets op financiële gezondheid is goedgekeurd op ${formatDatum(g.financieleGezondheidDatum!)}.`
          : g.financieleGezondheidOk === false
            ? `De toets op financiële gezondheid is afgekeurd op ${formatDatum(g.financieleGezondheidDatum!)}.`
            : 'De toets op financiële gezondheid is nog niet gedaan.',
    },
    {
      voorwaarde: OvereenkomstVoorwaarde.TIJDIGE_LEVERINGEN,
      voldaan: telaat.length === 0,
      toelichting:
        telaat.length === 0
          ? `De leveringen over ${getoetst.join(', ')} waren op tijd (uiterlijk dag ${dag} van de maand erna).`
          : `Niet (op tijd) geleverd: ${telaat.join(', ')} (uiterlijk dag ${dag} van de maand erna).`,
    },
  ];
  return { geschikt: voorwaarden.every((v) => v.voldaan), voorwaarden };
}

// ---------------------------------------------------------------------------------------------
// Mutatievoorstellen (domain.md §5, seed 002)

/** The child's monthly share of the voorschot: vergoedingspercentage × uren × min(uurprijs, maximum), rounded down to the cent. */
export function kindBedrag(vergoedingspercentage: Decimal, uren: Decimal, uurprijs: Decimal, maxUurprijs: Decimal): Decimal {
  return vergoedingspercentage
    .dividedBy(100)
    .times(uren)
    .times(Decimal.min(uurprijs, maxUurprijs))
    .toDecimalPlaces(2, Decimal.ROUND_DOWN);
}

export interface Kandidaat {
  opgaveId: string;
  kindNaam: string;
  soortOpvang: SoortOpvang;
  /** Declared by the parent. */
  urenPerMaand: Decimal;
  uurprijs: Decimal;
  vergoedingspercentage: Decimal;
  /** Delivered by the KOO. */
  gemeldeUren: Decimal;
  gemeldeUurprijs: Decimal;
  /** The child already has an OPEN proposal. */
  heeftOpenVoorstel: boolean;
}

export interface Voorstel {
  opgaveId: string;
  huidigBedrag: Decimal;
  voorgesteldBedrag: Decimal;
  verlaging: Decimal;
  reden: string;
}

export interface VoorstellenUitkomst {
  voorstellen: Voorstel[];
  /** Substantial deviations not proposed because the parent already had the maximum number of letters this year. */
  overMaximum: number;
}

/**
 * Which children of one household get a mutatievoorstel (a letter each) for a KOO period. Only
 * downward: the proposed share is min(current, from KOO data), the KOO's price never above the
 * declared one, so the household's total can only go down. A deviation is substantial when the
 * child's share drops by at least KOO_AFWIJKING_PERCENTAGE % and at least KOO_AFWIJKING_MIN_BEDRAG.
 * At most KOO_MAX_MUTATIEBRIEVEN_PER_JAAR letters per parent per calendar year (`brievenDitJaar`
 * already sent); the largest decreases go first. A child with an open proposal gets no second one.
 */
export function bepaalVoorstellen(
  kandidaten: Kandidaat[],
  o: { periode: string; datum: string; brievenDitJaar: number; norms: NormsTable },
): VoorstellenUitkomst {
  const peildatum = periodeStart(o.periode);
  const pct = o.norms.amount(NormCode.KOO_AFWIJKING_PERCENTAGE, o.datum);
  const minBedrag = o.norms.amount(NormCode.KOO_AFWIJKING_MIN_BEDRAG, o.datum);
  const max = o.norms.number(NormCode.KOO_MAX_MUTATIEBRIEVEN_PER_JAAR, o.datum);
  const afwijkend: Voorstel[] = [];
  for (const k of kandidaten) {
    if (k.heeftOpenVoorstel) continue;
    const maxPrijs = o.norms.amount(maxUurprijsCode(k.soortOpvang), peildatum);
    const huidig = kindBedrag(k.vergoedingspercentage, k.urenPerMaand, k.uurprijs, maxPrijs);
    const gemeld = kindBedrag(k.vergoedingspercentage, k.gemeldeUren, Decimal.min(k.gemeldeUurprijs, k.uurprijs), maxPrijs);
    const voorgesteld = Decimal.min(huidig, gemeld);
    const verlaging = huidig.minus(voorgesteld);
    if (verlaging.isZero() || verlaging.lessThan(minBedrag) || verlaging.lessThan(huidig.times(pct).dividedBy(100))) continue;
    afwijkend.push({
      opgaveId: k.opgaveId,
      huidigBedrag: huidig,
      voorgesteldBedrag: voorgesteld,
      verlaging,
      reden:
        `Uw kinderopvangorganisatie meldde over ${o.periode} voor ${k.kindNaam} ${k.gemeldeUren.toFixed(2)} uur tegen gemiddeld ` +
        `${formatEuro(k.gemeldeUurprijs)} per uur; u gaf ${k.urenPerMaand.toFixed(2)} uur tegen ${formatEuro(k.uurprijs)} op. ` +
        `Daarom stellen wij voor uw voorschot voor dit kind te verlagen van ${formatEuro(huidig)} naar ${formatEuro(voorgesteld)} per maand.`,
    });
  }
  const ruimte = Math.max(0, max - o.brievenDitJaar);
  afwijkend.sort((a, b) => b.verlaging.comparedTo(a.verlaging) || (a.opgaveId < b.opgaveId ? -1 : 1));
  return { voorstellen: afwijkend.slice(0, ruimte), overMaximum: Math.max(0, afwijkend.length - ruimte) };
}

/** The last day (inclusive) on which a proposal dated `dagtekening` can be blocked. */
export function blokkerenTot(dagtekening: string, norms: NormsTable): string {
  return addDays(dagtekening, norms.number(NormCode.KOO_BLOKKEERTERMIJN_DAGEN, dagtekening));
}

/**
 * The berekeningsjaar of the toeslag a proposal dated `dagtekening` can lower: the one that pays the
 * voorschot of the first month after its block window (a proposal is carried out only then). In late
 * November and December that is next year's toeslag: this year's pays no voorschot any more by then.
 */
export function mutatieJaar(dagtekening: string, norms: NormsTable): number {
  return yearOf(firstOfMonthAfter(addDays(blokkerenTot(dagtekening, norms), 1)));
}

/** The parent may block an OPEN proposal up to and including blokkerenTot. */
export function checkBlokkeren(v: { status: MutatievoorstelStatus; blokkerenTot: string }, today: string): RuleError | null {
  if (v.status !== MutatievoorstelStatus.OPEN) {
    return { code: UserErrorCode.MUTATIEVOORSTEL_NIET_OPEN, field: ['input', 'mutatievoorstelId'], message: 'Dit voorstel is al geblokkeerd, doorgevoerd of vervallen.' };
  }
  if (today > v.blokkerenTot) {
    return {
      code: UserErrorCode.BLOKKEERTERMIJN_VERSTREKEN,
      field: ['input', 'mutatievoorstelId'],
      message: `U kon dit voorstel blokkeren tot en met ${formatDatum(v.blokkerenTot)}.`,
    };
  }
  return null;
}

/** Takes effect on the run date after the block window: datum > blokkerenTot. */
export const isDoorvoerbaar = (v: { status: MutatievoorstelStatus; blokkerenTot: string }, datum: string) =>
  v.status === MutatievoorstelStatus.OPEN && datum > v.blokkerenTot;

/**
 * The toeslag after a proposal: the calculated monthly voorschot drops by the decrease (never below
 * zero, never up), and the paid voorschot follows at the household's voorschotpercentage.
 */
export function voorschotNaVerlaging(berekend: Decimal, verlaging: Decimal, percentage: number): { berekend: Decimal; voorschot: Decimal } {
  const nieuw = Decimal.max(0, berekend.minus(Decimal.max(0, verlaging)));
  return { berekend: nieuw, voorschot: voorschotBijPercentage(nieuw, percentage) };
}

/** The first day of the month after `date` (a voorschot change takes effect then). */
export const firstOfMonthAfter = (date: string) => addMonths(`${date.slice(0, 7)}-01`, 1);

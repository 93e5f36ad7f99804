import Decimal from 'decimal.js';
import { formatEuro } from '../../shared/format-nl';
import { NormCode } from '../norms/norm-codes';
import type { NormsTable } from '../norms/norms';
import { standaardTermijnen } from './betalingsregeling.rules';

/**
 * Betalingscapaciteit for a persoonlijke betalingsregeling (Leidraad Invordering 2008 art. 79.8,
 * applying Uitvoeringsregeling Invorderingswet 1990 art. 11–16; domain.md §3). Pure: everything
 * comes from the input and the norms table.
 *
 * The lines and the results are tied by two exact identities (tested over random inputs):
 *   NBI                 = Σ bedrag of the counted (meegeteld) lines of groep INKOMEN
 *   betalingscapaciteit = Σ bedrag of all counted lines (INKOMEN positive, AFTREK, accepted
 *                         BIJZONDERE_LAST and KOSTEN_VAN_BESTAAN negative)
 *                       = NBI − aftrekTotaal − bijzondereLastenTotaal − kosten van bestaan
 * Lines with meegeteld=false (excluded income, bijzondere lasten not (yet) accepted) are shown but
 * never summed. A bijzondere last counts only after a medewerker accepted it (its `beoordeling`,
 * decidePersoonlijkeBetalingsregeling): the formula never changes silently.
 *
 * Rounding, always to the cent and in the citizen's favour: additions to income (vakantiegeld)
 * round down, deductions (kosten van bestaan) round up, the afloscapaciteit rounds down.
 *
 * Norms on the date (NormsTable.entry): a date in a later year than the newest published value of
 * a yearly norm (bijstandsnorm, normhuur, maximale huurgrens, normpremie) uses that newest value and
 * is never silent about it: the result lists every norm used provisionally (`voorlopigeNormen`) and
 * sets `normenVoorlopig`. A date before the first version of a norm has no value at all: the
 * calculation throws NormOntbreektError, naming the first date on which it is possible.
 */

export enum Huishoudtype {
  ALLEENSTAANDE = 'ALLEENSTAANDE',
  GEHUWDEN = 'GEHUWDEN',
  AOW_ALLEENSTAANDE = 'AOW_ALLEENSTAANDE',
  AOW_GEHUWDEN = 'AOW_GEHUWDEN',
}

export enum InkomenSoort {
  NETTO_LOON = 'NETTO_LOON',
  UITKERING = 'UITKERING',
  ALIMENTATIE_ONTVANGEN = 'ALIMENTATIE_ONTVANGEN',
  KINDERBIJSLAG = 'KINDERBIJSLAG',
  KINDEROPVANGTOESLAG = 'KINDEROPVANGTOESLAG',
  KINDGEBONDEN_BUDGET = 'KINDGEBONDEN_BUDGET',
  HUURTOESLAG = 'HUURTOESLAG',
  ZORGTOESLAG = 'ZORGTOESLAG',
  OVERIG = 'OVERIG',
}

export enum CapaciteitUitkomst {
  STANDAARD = 'STANDAARD',
  PERSOONLIJK = 'PERSOONLIJK',
  GEEN_CAPACITEIT = 'GEEN_CAPACITEIT',
}

export enum RegelGroep {
  INKOMEN = 'INKOMEN',
  AFTREK = 'AFTREK',
  KOSTEN_VAN_BESTAAN = 'KOSTEN_VAN_BESTAAN',
  BIJZONDERE_LAST = 'BIJZONDERE_LAST',
}

export interface InkomenPost {
  soort: InkomenSoort;
  /** Per month. */
  bedrag: Decimal;
  vakantiegeldInbegrepen: boolean;
}

export interface Lasten {
  huur: Decimal;
  huurtoeslag: Decimal;
  hypotheekrente: Decimal;
  zorgpremie: Decimal;
  zorgtoeslagOntvangen: Decimal;
  alimentatieBetaald: Decimal;
  aflossingBelastingschulden: Decimal;
  aflossingAndereToeslagregelingen: Decimal;
  kostenKinderen: Decimal;
}

export interface BijzondereLast {
  omschrijving: string;
  bedrag: Decimal;
  toelichting: string;
  /** The medewerker's decision (maatwerk); absent/null while undecided: then it is not counted. */
  beoordeling?: { geaccepteerd: boolean; reden: string } | null;
}

export interface CapaciteitInput {
  datum: string;
  huishoudtype: Huishoudtype;
  inkomsten: InkomenPost[];
  partnerInkomsten: InkomenPost[];
  lasten: Lasten;
  bijzondereLasten: BijzondereLast[];
  openstaandBedrag: Decimal;
}

export interface CapaciteitRegel {
  code: string;
  groep: RegelGroep;
  omschrijving: string;
  /** Signed: income positive, deductions and kosten van bestaan negative. */
  bedrag: Decimal;
  meegeteld: boolean;
  reden: string;
}

/** A norm the calculation used provisionally: its newest value, for a year without a published one. */
export interface VoorlopigeNorm {
  code: string;
  /** The start date of the value that was used. */
  geldigVanaf: string;
  /** Why, in Dutch (NormValue.toelichting). */
  toelichting: string;
}

export interface CapaciteitResultaat {
  datum: string;
  regels: CapaciteitRegel[];
  nettoBesteedbaarInkomen: Decimal;
  aftrekTotaal: Decimal;
  /** Sum of the bijzondere lasten a medewerker accepted (positive); 0 before a decision. */
  bijzondereLastenTotaal: Decimal;
  kostenVanBestaan: Decimal;
  betalingscapaciteit: Decimal;
  afloscapaciteit: Decimal;
  /** The first termijn of a standaard betalingsregeling for openstaandBedrag (art. 79.7). */
  standaardTermijnbedrag: Decimal;
  termijnbedrag: Decimal;
  aantalTermijnen: number;
  /** Months after which a persoonlijke regeling is reviewed; null otherwise. */
  herbeoordelingNaMaanden: number | null;
  uitkomst: CapaciteitUitkomst;
  maatwerkNodig: boolean;
  /** True when at least one norm was used provisionally (voorlopigeNormen is not empty). */
  normenVoorlopig: boolean;
  /** The norms used provisionally, sorted by code; empty when none. */
  voorlopigeNormen: VoorlopigeNorm[];
}

export const MAATWERK_REDEN = 'beoordeling door medewerker (maatwerk)';

/**
 * Thrown for input the calculation cannot use (mapped to BAD_USER_INPUT by the resolver). A date
 * before the first version of a norm is a NormOntbreektError instead (NORM_ONBEKEND).
 */
export class CapaciteitInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const ZERO = new Decimal(0);
const sum = (xs: readonly Decimal[]) => xs.reduce((s, x) => s.plus(x), ZERO);
const pct = (p: Decimal) => p.dividedBy(100);

const NIET_MEEGETELD: Partial<Record<InkomenSoort, string>> = {
  [InkomenSoort.KINDERBIJSLAG]: 'kinderbijslag telt niet mee in het netto besteedbaar inkomen',
  [InkomenSoort.KINDEROPVANGTOESLAG]: 'kinderopvangtoeslag telt niet mee in het netto besteedbaar inkomen',
  [InkomenSoort.KINDGEBONDEN_BUDGET]: 'kindgebonden budget telt niet mee in het netto besteedbaar inkomen',
  [InkomenSoort.HUURTOESLAG]: 'huurtoeslag telt niet mee in het inkomen; het gaat af van de huur bij de woonlasten',
  [InkomenSoort.ZORGTOESLAG]: 'zorgtoeslag telt niet mee in het inkomen; het gaat af van de zorgpremie',
};

const SOORT_OMSCHRIJVING: Record<InkomenSoort, string> = {
  NETTO_LOON: 'netto loon',
  UITKERING: 'uitkering',
  ALIMENTATIE_ONTVANGEN: 'ontvangen alimentatie',
  KINDERBIJSLAG: 'kinderbijslag',
  KINDEROPVANGTOESLAG: 'kinderopvangtoeslag',
  KINDGEBONDEN_BUDGET: 'kindgebonden budget',
  HUURTOESLAG: 'huurtoeslag',
  ZORGTOESLAG: 'zorgtoeslag',
  OVERIG: 'overig inkomen',
};

/** Income subject to payroll tax, over which vakantiegeld is paid. */
const MET_VAKANTIEGELD = new Set([InkomenSoort.NETTO_LOON, InkomenSoort.UITKERING]);

function isAlleenstaand(t: Huishoudtype): boolean {
  return t === Huishoudtype.ALLEENSTAANDE || t === Huishoudtype.AOW_ALLEENSTAANDE;
}

const BIJSTANDSNORM: Record<Huishoudtype, NormCode> = {
  ALLEENSTAANDE: NormCode.BIJSTANDSNORM_ALLEENSTAANDE,
  GEHUWDEN: NormCode.BIJSTANDSNORM_GEHUWDEN,
  AOW_ALLEENSTAANDE: NormCode.BIJSTANDSNORM_AOW_ALLEENSTAANDE,
  AOW_GEHUWDEN: NormCode.BIJSTANDSNORM_AOW_GEHUWDEN,
};

function checkAmount(value: Decimal, field: string): void {
  if (!value.isFinite() || value.isNegative() || value.decimalPlaces() > 2) {
    throw new CapaciteitInputError(`${field} moet een bedrag van 0 of meer zijn, in centen`, field);
  }
}

function validate(input: CapaciteitInput): void {
  input.inkomsten.forEach((p, i) => checkAmount(p.bedrag, `inkomsten.${i}.bedrag`));
  input.partnerInkomsten.forEach((p, i) => checkAmount(p.bedrag, `partnerInkomsten.${i}.bedrag`));
  for (const [k, v] of Object.entries(input.lasten)) checkAmount(v as Decimal, `lasten.${k}`);
  input.bijzondereLasten.forEach((b, i) => checkAmount(b.bedrag, `bijzondereLasten.${i}.bedrag`));
  checkAmount(input.openstaandBedrag, 'openstaandBedrag');
  if (input.openstaandBedrag.isZero()) throw new CapaciteitInputError('openstaandBedrag moet groter dan 0 zijn', 'openstaandBedrag');
}

/**
 * The norms used, read once, with those used provisionally. Throws NormOntbreektError (not a
 * CapaciteitInputError) when the date lies before the first version of a norm: it names every
 * missing norm and the first date on which the calculation is possible.
 */
function readNorms(norms: NormsTable, input: CapaciteitInput) {
  const r = norms.reader(input.datum);
  const n = {
    bijstandsnorm: r.amount(BIJSTANDSNORM[input.huishoudtype]),
    kvbPct: r.amount(NormCode.KOSTEN_VAN_BESTAAN_PERCENTAGE),
    aflosPct: r.amount(NormCode.AFLOSCAPACITEIT_PERCENTAGE),
    vakantiegeldPct: r.amount(NormCode.VAKANTIEGELD_PERCENTAGE),
    normhuur: r.amount(NormCode.NORMHUUR),
    maxHuurgrens: r.amount(NormCode.MAXIMALE_HUURGRENS),
    normpremie: r.amount(isAlleenstaand(input.huishoudtype) ? NormCode.NORMPREMIE_ALLEENSTAANDE : NormCode.NORMPREMIE_GEHUWDEN),
    standaardTermijnbedrag: r.amount(NormCode.STANDAARD_TERMIJNBEDRAG),
    standaardMaxTermijnen: r.number(NormCode.STANDAARD_MAX_TERMIJNEN),
    persoonlijkTermijnen: r.number(NormCode.PERSOONLIJK_TERMIJNEN),
    herbeoordelingMaanden: r.number(NormCode.PERSOONLIJK_HERBEOORDELING_MAANDEN),
  };
  const voorlopig: VoorlopigeNorm[] = r.done().map((e) => ({ code: e.code, geldigVanaf: e.geldigVanaf, toelichting: e.toelichting ?? '' }));
  return { ...n, voorlopig };
}

function inkomenRegels(posten: readonly InkomenPost[], prefix: string, label: string, vakantiegeldPct: Decimal): CapaciteitRegel[] {
  return posten.flatMap((p, i): CapaciteitRegel[] => {
    const code = `${prefix}_${i + 1}_${p.soort}`;
    const omschrijving = `${label}: ${SOORT_OMSCHRIJVING[p.soort]}`;
    const uitgesloten = NIET_MEEGETELD[p.soort];
    if (uitgesloten) return [{ code, groep: RegelGroep.INKOMEN, omschrijving, bedrag: p.bedrag, meegeteld: false, reden: uitgesloten }];
    const regels: CapaciteitRegel[] = [
      { code, groep: RegelGroep.INKOMEN, omschrijving, bedrag: p.bedrag, meegeteld: true, reden: 'telt mee in het netto besteedbaar inkomen' },
    ];
    if (MET_VAKANTIEGELD.has(p.soort)) {
      if (p.vakantiegeldInbegrepen) {
        regels[0].reden += '; vakantiegeld zit al in het maandbedrag';
      } else {
        const vg = p.bedrag.times(pct(vakantiegeldPct)).toDecimalPlaces(2, Decimal.ROUND_DOWN);
        regels.push({
          code: `${code}_VAKANTIEGELD`,
          groep: RegelGroep.INKOMEN,
          omschrijving: `${label}: vakantiegeld over ${SOORT_OMSCHRIJVING[p.soort]}`,
          bedrag: vg,
          meegeteld: true,
          reden: `vakantiegeld zit niet in het maandbedrag: ${vakantiegeldPct.toString()} % van ${formatEuro(p.bedrag)}, afgerond naar beneden op centen`,
        });
      }
    }
    return regels;
  });
}

export function berekenBetalingscapaciteit(input: CapaciteitInput, norms: NormsTable): CapaciteitResultaat {
  validate(input);
  const n = readNorms(norms, input);
  const l = input.lasten;
  const regels: CapaciteitRegel[] = [
    ...inkomenRegels(input.inkomsten, 'INKOMEN', 'Inkomen', n.vakantiegeldPct),
    ...inkomenRegels(input.partnerInkomsten, 'PARTNER_INKOMEN', 'Inkomen partner', n.vakantiegeldPct),
  ];

  const aftrek = (code: string, omschrijving: string, bedrag: Decimal, reden: string) =>
    regels.push({ code, groep: RegelGroep.AFTREK, omschrijving, bedrag: ZERO.minus(bedrag), meegeteld: true, reden });

  // Net woonlasten: rent minus huurtoeslag (never below 0) plus mortgage interest; only the part
  // above the normhuur and up to the maximale huurgrens counts.
  const huurNetto = Decimal.max(0, l.huur.minus(l.huurtoeslag));
  const woonlasten = huurNetto.plus(l.hypotheekrente);
  const woonAftrek = Decimal.max(0, Decimal.min(woonlasten, n.maxHuurgrens).minus(n.normhuur));
  aftrek(
    'WOONLASTEN',
    'Netto woonlasten boven de normhuur',
    woonAftrek,
    `netto woonlasten ${formatEuro(woonlasten)} (huur ${formatEuro(l.huur)} − huurtoeslag ${formatEuro(l.huurtoeslag)}` +
      `${l.hypotheekrente.isZero() ? '' : ` + hypotheekrente ${formatEuro(l.hypotheekrente)}`}); telt mee boven de normhuur ${formatEuro(n.normhuur)}` +
      ` en tot de maximale huurgrens ${formatEuro(n.maxHuurgrens)}` +
      (woonlasten.gt(n.maxHuurgrens) ? `; ${formatEuro(woonlasten.minus(n.maxHuurgrens))} boven de huurgrens telt niet mee` : '') +
      (woonlasten.lte(n.normhuur) ? '; niet boven de normhuur, dus niets af' : ''),
  );

  // Health premium minus the normpremie already in the norm minus zorgtoeslag, never below 0.
  const zorgAftrek = Decimal.max(0, l.zorgpremie.minus(n.normpremie).minus(l.zorgtoeslagOntvangen));
  aftrek(
    'ZORGPREMIE',
    'Zorgpremie boven de normpremie, na zorgtoeslag',
    zorgAftrek,
    `zorgpremie ${formatEuro(l.zorgpremie)} − normpremie ${formatEuro(n.normpremie)} − zorgtoeslag ${formatEuro(l.zorgtoeslagOntvangen)}, niet minder dan € 0,00`,
  );

  aftrek('ALIMENTATIE_BETAALD', 'Betaalde alimentatie', l.alimentatieBetaald, 'betaalde alimentatie gaat volledig af');
  aftrek('AFLOSSING_BELASTINGSCHULDEN', 'Aflossing op belastingschulden', l.aflossingBelastingschulden, 'betalingen op belastingschulden gaan volledig af');
  aftrek(
    'AFLOSSING_ANDERE_TOESLAGREGELINGEN',
    'Aflossing op andere toeslagregelingen',
    l.aflossingAndereToeslagregelingen,
    'betalingen op andere betalingsregelingen bij Toeslagen gaan volledig af',
  );
  aftrek(
    'KOSTEN_KINDEREN',
    'Kosten van kinderen',
    l.kostenKinderen,
    'opgegeven bedrag (maximaal kindgebonden budget minus het ontvangen kindgebonden budget); het maximum staat niet in de normentabel en wordt niet gecontroleerd',
  );

  const kvb = n.bijstandsnorm.times(pct(n.kvbPct)).toDecimalPlaces(2, Decimal.ROUND_UP);
  regels.push({
    code: 'KOSTEN_VAN_BESTAAN',
    groep: RegelGroep.KOSTEN_VAN_BESTAAN,
    omschrijving: 'Kosten van bestaan',
    bedrag: ZERO.minus(kvb),
    meegeteld: true,
    reden: `${n.kvbPct.toString()} % van de bijstandsnorm ${formatEuro(n.bijstandsnorm)} (${input.huishoudtype.toLowerCase().replace('_', ' ')}), afgerond naar boven op centen`,
  });

  input.bijzondereLasten.forEach((b, i) =>
    regels.push({
      code: `BIJZONDERE_LAST_${i + 1}`,
      groep: RegelGroep.BIJZONDERE_LAST,
      omschrijving: b.toelichting ? `${b.omschrijving} — ${b.toelichting}` : b.omschrijving,
      bedrag: ZERO.minus(b.bedrag),
      meegeteld: b.beoordeling?.geaccepteerd === true,
      reden: !b.beoordeling
        ? MAATWERK_REDEN
        : b.beoordeling.geaccepteerd
          ? `geaccepteerd door de medewerker: ${b.beoordeling.reden}`
          : `afgewezen door de medewerker: ${b.beoordeling.reden}`,
    }),
  );

  const counted = regels.filter((r) => r.meegeteld);
  const nbi = sum(counted.filter((r) => r.groep === RegelGroep.INKOMEN).map((r) => r.bedrag));
  const aftrekTotaal = ZERO.minus(sum(counted.filter((r) => r.groep === RegelGroep.AFTREK).map((r) => r.bedrag)));
  const bijzondereLastenTotaal = ZERO.minus(sum(counted.filter((r) => r.groep === RegelGroep.BIJZONDERE_LAST).map((r) => r.bedrag)));
  const betalingscapaciteit = nbi.minus(aftrekTotaal).minus(bijzondereLastenTotaal).minus(kvb);
  const afloscapaciteit = betalingscapaciteit.gt(0) ? betalingscapaciteit.times(pct(n.aflosPct)).toDecimalPlaces(2, Decimal.ROUND_DOWN) : ZERO;

  const standaard = standaardTermijnen(input.openstaandBedrag, input.datum, n.standaardTermijnbedrag, n.standaardMaxTermijnen);
  const standaardTermijnbedrag = standaard[0].bedrag;

  let uitkomst: CapaciteitUitkomst;
  let termijnbedrag: Decimal;
  let aantalTermijnen: number;
  let herbeoordelingNaMaanden: number | null = null;
  if (afloscapaciteit.lte(0)) {
    uitkomst = CapaciteitUitkomst.GEEN_CAPACITEIT;
    termijnbedrag = ZERO;
    aantalTermijnen = 0;
  } else if (afloscapaciteit.gte(standaardTermijnbedrag)) {
    uitkomst = CapaciteitUitkomst.STANDAARD;
    termijnbedrag = standaardTermijnbedrag;
    aantalTermijnen = standaard.length;
  } else {
    uitkomst = CapaciteitUitkomst.PERSOONLIJK;
    termijnbedrag = afloscapaciteit;
    // The lower amount for (at most) 24 months; fewer when the debt is paid off sooner.
    aantalTermijnen = Math.min(n.persoonlijkTermijnen, input.openstaandBedrag.dividedBy(termijnbedrag).ceil().toNumber());
    herbeoordelingNaMaanden = n.herbeoordelingMaanden;
  }

  return {
    datum: input.datum,
    regels,
    nettoBesteedbaarInkomen: nbi,
    aftrekTotaal,
    bijzondereLastenTotaal,
    kostenVanBestaan: kvb,
    betalingscapaciteit,
    afloscapaciteit,
    standaardTermijnbedrag,
    termijnbedrag,
    aantalTermijnen,
    herbeoordelingNaMaanden,
    uitkomst,
    // A medewerker must assess every bijzondere last not yet decided on.
    maatwerkNodig: input.bijzondereLasten.some((b) => !b.beoordeling),
    normenVoorlopig: n.voorlopig.length > 0,
    voorlopigeNormen: n.voorlopig,
  };
}

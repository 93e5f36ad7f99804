import Decimal from 'decimal.js';
import { addDays, addMonths } from '../../shared/dates';
import { formatEuro } from '../../shared/format-nl';
import { Huishoudtype } from '../betalingsregeling/betalingscapaciteit.rules';
import { NormCode } from '../norms/norm-codes';
import type { NormsTable } from '../norms/norms';

/**
 * Beslagvrije voet (Rv art. 475da–475dc; domain.md §3): the monthly income a set-off may never
 * touch. Pure; all numbers from the input and the norms table. Rounding always in the citizen's
 * favour: every amount that protects income rounds UP to the cent.
 *
 *   basis      = BESLAGVRIJE_VOET_PERCENTAGE (95 %) × the bijstandsnorm of the household type
 *   woonlasten = net housing costs (rent − huurtoeslag) above the normhuur, up to the maximale huurgrens
 *   zorg       = health premium − normpremie − zorgtoeslag, when positive
 *   bedrag     = min(basis + woonlasten + zorg, 95 % × inkomen)
 *   ruimte     = inkomen − bedrag: the most all set-offs together may take per month
 * Valid 12 months from `datum`. Simplified (documented in docs/adr/0022-verrekening-within-the-beslagvrije-voet.md): the corrections use
 * the norms the table has (normhuur, maximale huurgrens, normpremie), there is no separate maximum
 * per household type, and income is what the request states (the data model holds no income).
 */

export interface BvvInput {
  datum: string;
  huishoudtype: Huishoudtype;
  /** Net monthly income of the household, including the toeslag voorschotten. */
  inkomen: Decimal;
  huur?: Decimal;
  huurtoeslag?: Decimal;
  zorgpremie?: Decimal;
  zorgtoeslag?: Decimal;
}

export interface BvvRegel {
  code: string;
  omschrijving: string;
  bedrag: string;
  reden: string;
}

export interface BvvResultaat {
  datum: string;
  geldigTot: string;
  huishoudtype: Huishoudtype;
  inkomen: Decimal;
  regels: BvvRegel[];
  /** The beslagvrije voet. */
  bedrag: Decimal;
  ruimte: Decimal;
}

export class BvvInputError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const ZERO = new Decimal(0);
const up = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_UP);

const BIJSTANDSNORM: Record<Huishoudtype, NormCode> = {
  ALLEENSTAANDE: NormCode.BIJSTANDSNORM_ALLEENSTAANDE,
  GEHUWDEN: NormCode.BIJSTANDSNORM_GEHUWDEN,
  AOW_ALLEENSTAANDE: NormCode.BIJSTANDSNORM_AOW_ALLEENSTAANDE,
  AOW_GEHUWDEN: NormCode.BIJSTANDSNORM_AOW_GEHUWDEN,
};
const alleen = (t: Huishoudtype) => t === Huishoudtype.ALLEENSTAANDE || t === Huishoudtype.AOW_ALLEENSTAANDE;

function amount(value: Decimal | undefined, field: string): Decimal {
  const v = value ?? ZERO;
  if (!v.isFinite() || v.isNegative() || v.decimalPlaces() > 2) throw new BvvInputError(`${field} moet een bedrag van 0 of meer zijn, in centen`, field);
  return v;
}

export function berekenBeslagvrijeVoet(input: BvvInput, norms: NormsTable): BvvResultaat {
  const inkomen = amount(input.inkomen, 'inkomen');
  const huur = amount(input.huur, 'huur');
  const huurtoeslag = amount(input.huurtoeslag, 'huurtoeslag');
  const zorgpremie = amount(input.zorgpremie, 'zorgpremie');
  const zorgtoeslag = amount(input.zorgtoeslag, 'zorgtoeslag');
  const d = input.datum;
  // A date before the first version of a norm: NormOntbreektError, naming every missing norm.
  const r = norms.reader(d);
  const n = {
    pct: r.amount(NormCode.BESLAGVRIJE_VOET_PERCENTAGE),
    norm: r.amount(BIJSTANDSNORM[input.huishoudtype]),
    normhuur: r.amount(NormCode.NORMHUUR),
    maxHuur: r.amount(NormCode.MAXIMALE_HUURGRENS),
    normpremie: r.amount(alleen(input.huishoudtype) ? NormCode.NORMPREMIE_ALLEENSTAANDE : NormCode.NORMPREMIE_GEHUWDEN),
  };
  r.done();
  const basis = up(n.norm.times(n.pct).dividedBy(100));
  const nettoWoon = Decimal.max(ZERO, huur.minus(huurtoeslag));
  const woon = Decimal.max(ZERO, Decimal.min(nettoWoon, n.maxHuur).minus(n.normhuur));
  const zorg = Decimal.max(ZERO, zorgpremie.minus(n.normpremie).minus(zorgtoeslag));
  const voorPlafond = basis.plus(woon).plus(zorg);
  const plafond = up(inkomen.times(n.pct).dividedBy(100));
  const bedrag = Decimal.min(voorPlafond, plafond);
  const ruimte = Decimal.max(ZERO, inkomen.minus(bedrag));
  const regels: BvvRegel[] = [
    { code: 'BASIS', omschrijving: `${n.pct}% van de bijstandsnorm`, bedrag: basis.toFixed(2), reden: `${n.pct}% van ${formatEuro(n.norm)} (bijstandsnorm ${input.huishoudtype.toLowerCase()} op ${d}), naar boven afgerond` },
    {
      code: 'WOONLASTEN',
      omschrijving: 'correctie woonlasten',
      bedrag: woon.toFixed(2),
      reden: `netto woonlasten ${formatEuro(nettoWoon)} boven de normhuur van ${formatEuro(n.normhuur)}, tot de maximale huurgrens van ${formatEuro(n.maxHuur)}`,
    },
    {
      code: 'ZORG',
      omschrijving: 'correctie zorgpremie',
      bedrag: zorg.toFixed(2),
      reden: `zorgpremie ${formatEuro(zorgpremie)} min de normpremie ${formatEuro(n.normpremie)} min zorgtoeslag ${formatEuro(zorgtoeslag)}`,
    },
    {
      code: 'PLAFOND',
      omschrijving: `ten hoogste ${n.pct}% van het inkomen`,
      bedrag: plafond.toFixed(2),
      reden: bedrag.lt(voorPlafond) ? `${n.pct}% van het inkomen van ${formatEuro(inkomen)} is lager dan ${formatEuro(voorPlafond)}: dat is de beslagvrije voet` : 'niet van toepassing',
    },
    { code: 'BESLAGVRIJE_VOET', omschrijving: 'beslagvrije voet', bedrag: bedrag.toFixed(2), reden: 'dit deel van het inkomen blijft altijd over' },
    { code: 'RUIMTE', omschrijving: 'ruimte voor verrekening per maand', bedrag: ruimte.toFixed(2), reden: `inkomen ${formatEuro(inkomen)} min de beslagvrije voet` },
  ];
  return { datum: d, geldigTot: addDays(addMonths(d, 12), -1), huishoudtype: input.huishoudtype, inkomen, regels, bedrag, ruimte };
}

/**
 * The most a new set-off may take per month: the room above the beslagvrije voet minus what running
 * set-offs of the household already take, at most what the voorschot still pays out, at most what
 * is still to pay on the schuld. Never negative. Whatever is set off, the household keeps
 * inkomen − Σ set-offs ≥ beslagvrije voet.
 */
export function maxVerrekening(o: { ruimte: Decimal; lopend: Decimal; voorschotBeschikbaar: Decimal; teBetalen: Decimal }): Decimal {
  return Decimal.max(ZERO, Decimal.min(o.ruimte.minus(o.lopend), o.voorschotBeschikbaar, o.teBetalen));
}

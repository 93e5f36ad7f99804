import Decimal from 'decimal.js';
import type {
  BijzondereLast,
  CapaciteitInput,
  CapaciteitRegel,
  CapaciteitResultaat,
  CapaciteitUitkomst,
  Huishoudtype,
  InkomenSoort,
  Lasten,
  RegelGroep,
  VoorlopigeNorm,
} from '../betalingsregeling/betalingscapaciteit.rules';

/**
 * The JSON stored with a zaak (columns `gegevens` and `beslissing`). Money is stored as strings with
 * two decimals (never a float) and read back into decimal.js. Pure (de)serialisation, no I/O.
 */

type Json<T> = T extends Decimal ? string : T extends Array<infer U> ? Array<Json<U>> : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

/** The financial data of a persoonlijke betalingsregeling request, as submitted (without datum and openstaand bedrag). */
export interface FinancieleGegevens {
  huishoudtype: Huishoudtype;
  inkomsten: Array<{ soort: InkomenSoort; bedrag: string; vakantiegeldInbegrepen: boolean }>;
  partnerInkomsten: Array<{ soort: InkomenSoort; bedrag: string; vakantiegeldInbegrepen: boolean }>;
  lasten: Json<Lasten>;
  bijzondereLasten: Array<{ omschrijving: string; bedrag: string; toelichting: string }>;
}

/** A stored calculation. Calculations stored before provisional norms were marked lack the last two fields. */
export type CapaciteitJson = Json<Omit<CapaciteitResultaat, 'regels' | 'normenVoorlopig' | 'voorlopigeNormen'>> & {
  regels: Array<Json<CapaciteitRegel>>;
  normenVoorlopig?: boolean;
  voorlopigeNormen?: VoorlopigeNorm[];
};

export interface ZaakGegevens {
  /** PERSOONLIJKE_BETALINGSREGELING: what the citizen submitted. */
  financieel?: FinancieleGegevens;
  /** PERSOONLIJKE_BETALINGSREGELING: the provisional calculation returned to the requester. */
  voorlopigeBerekening?: CapaciteitJson;
}

export interface BijzondereLastBeslissing {
  code: string;
  geaccepteerd: boolean;
  reden: string;
}

export interface ZaakBeslissing {
  /** PERSOONLIJKE_BETALINGSREGELING: the decision per bijzondere last, in the order of the request. */
  bijzondereLasten?: BijzondereLastBeslissing[];
  /** PERSOONLIJKE_BETALINGSREGELING: the termijnbedrag the medewerker set instead of the computed afloscapaciteit. */
  aangepastTermijnbedrag?: string | null;
  aanpassingReden?: string | null;
  /** PERSOONLIJKE_BETALINGSREGELING: the illiquid vermogen that made the arrangement VERLENGD. */
  illiquideVermogen?: string | null;
  /** PERSOONLIJKE_BETALINGSREGELING: the final calculation (accepted bijzondere lasten deducted) on the decision date. */
  berekening?: CapaciteitJson;
  /** HARDHEIDSVERZOEK: open amount before and after the decision. */
  oudOpenstaandBedrag?: string;
  nieuwOpenstaandBedrag?: string;
  /** HARDHEIDSVERZOEK lowered to zero: the collection costs remitted with it. */
  kwijtgescholdenKosten?: string;
  /** The reason the medewerker gave. */
  reden?: string;
}

const money = (d: Decimal) => d.toFixed(2);

export function financieleGegevensToJson(i: Omit<CapaciteitInput, 'datum' | 'openstaandBedrag'>): FinancieleGegevens {
  const post = (p: CapaciteitInput['inkomsten'][number]) => ({ soort: p.soort, bedrag: money(p.bedrag), vakantiegeldInbegrepen: p.vakantiegeldInbegrepen });
  return {
    huishoudtype: i.huishoudtype,
    inkomsten: i.inkomsten.map(post),
    partnerInkomsten: i.partnerInkomsten.map(post),
    lasten: Object.fromEntries(Object.entries(i.lasten).map(([k, v]) => [k, money(v as Decimal)])) as Json<Lasten>,
    bijzondereLasten: i.bijzondereLasten.map((b) => ({ omschrijving: b.omschrijving, bedrag: money(b.bedrag), toelichting: b.toelichting })),
  };
}

/** The calculation input from the stored data, for a date and openstaand bedrag; decisions per bijzondere last optional. */
export function financieleGegevensFromJson(
  g: FinancieleGegevens,
  datum: string,
  openstaandBedrag: Decimal,
  beslissingen: readonly BijzondereLastBeslissing[] = [],
): CapaciteitInput {
  const post = (p: FinancieleGegevens['inkomsten'][number]) => ({ soort: p.soort, bedrag: new Decimal(p.bedrag), vakantiegeldInbegrepen: p.vakantiegeldInbegrepen });
  const byCode = new Map(beslissingen.map((b) => [b.code, b]));
  return {
    datum,
    huishoudtype: g.huishoudtype,
    inkomsten: g.inkomsten.map(post),
    partnerInkomsten: g.partnerInkomsten.map(post),
    lasten: Object.fromEntries(Object.entries(g.lasten).map(([k, v]) => [k, new Decimal(v as string)])) as unknown as Lasten,
    bijzondereLasten: g.bijzondereLasten.map((b, i): BijzondereLast => {
      const beslissing = byCode.get(bijzondereLastCode(i));
      return {
        omschrijving: b.omschrijving,
        bedrag: new Decimal(b.bedrag),
        toelichting: b.toelichting,
        beoordeling: beslissing ? { geaccepteerd: beslissing.geaccepteerd, reden: beslissing.reden } : null,
      };
    }),
    openstaandBedrag,
  };
}

/** The code of the i-th (0-based) bijzondere last, as in the calculation's lines. */
export const bijzondereLastCode = (i: number) => `BIJZONDERE_LAST_${i + 1}`;

export function capaciteitToJson(r: CapaciteitResultaat): CapaciteitJson {
  return {
    datum: r.datum,
    regels: r.regels.map((l) => ({ ...l, bedrag: money(l.bedrag) })),
    nettoBesteedbaarInkomen: money(r.nettoBesteedbaarInkomen),
    aftrekTotaal: money(r.aftrekTotaal),
    bijzondereLastenTotaal: money(r.bijzondereLastenTotaal),
    kostenVanBestaan: money(r.kostenVanBestaan),
    betalingscapaciteit: money(r.betalingscapaciteit),
    afloscapaciteit: money(r.afloscapaciteit),
    standaardTermijnbedrag: money(r.standaardTermijnbedrag),
    termijnbedrag: money(r.termijnbedrag),
    aantalTermijnen: r.aantalTermijnen,
    herbeoordelingNaMaanden: r.herbeoordelingNaMaanden,
    uitkomst: r.uitkomst,
    maatwerkNodig: r.maatwerkNodig,
    normenVoorlopig: r.normenVoorlopig,
    voorlopigeNormen: r.voorlopigeNormen.map((v) => ({ code: v.code, geldigVanaf: v.geldigVanaf, toelichting: v.toelichting })),
  };
}

export function capaciteitFromJson(j: CapaciteitJson): CapaciteitResultaat {
  return {
    datum: j.datum,
    regels: j.regels.map((l) => ({ ...l, groep: l.groep as RegelGroep, bedrag: new Decimal(l.bedrag) })),
    nettoBesteedbaarInkomen: new Decimal(j.nettoBesteedbaarInkomen),
    aftrekTotaal: new Decimal(j.aftrekTotaal),
    bijzondereLastenTotaal: new Decimal(j.bijzondereLastenTotaal),
    kostenVanBestaan: new Decimal(j.kostenVanBestaan),
    betalingscapaciteit: new Decimal(j.betalingscapaciteit),
    afloscapaciteit: new Decimal(j.afloscapaciteit),
    standaardTermijnbedrag: new Decimal(j.standaardTermijnbedrag),
    termijnbedrag: new Decimal(j.termijnbedrag),
    aantalTermijnen: j.aantalTermijnen,
    herbeoordelingNaMaanden: j.herbeoordelingNaMaanden,
    uitkomst: j.uitkomst as CapaciteitUitkomst,
    maatwerkNodig: j.maatwerkNodig,
    // Stored before the marking existed: read as not provisional (it was not recorded).
    normenVoorlopig: j.normenVoorlopig ?? false,
    voorlopigeNormen: j.voorlopigeNormen ?? [],
  };
}

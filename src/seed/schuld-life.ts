/**
 * The life of one schuld while it is generated: its status, open amount, costs and its history
 * (schuld_event). Every status change is recorded as an event whose naar_status is the new status;
 * payments pay the costs first, then the principal (Invorderingswet 1990 art. 7).
 */

/** Norms from the norm table (migration read_model_and_norms), in days and cents. */
export const BETAALTERMIJN_DAGEN = 42;
export const HERINNERING_NA_DAGEN = 7;
export const AANMANING_NA_DAGEN = 14;
export const DWANGBEVEL_NA_DAGEN = 14;
export const AANMANINGSKOSTEN = 800;
export const DWANGBEVELKOSTEN = 4800;
export const DOELMATIGHEIDSGRENS = 11600;
/** Dagtekening in this year or earlier: buiten invordering, unless fraud (seeds 000 and 002). */
export const BUITEN_INVORDERING_TM_JAAR = 2016;

export const TERMINAL = new Set(['VOLDAAN', 'KWIJTGESCHOLDEN', 'BUITEN_INVORDERING']);

export interface SchuldEventRow {
  datum: number;
  soort: string;
  van: string | null;
  naar: string | null;
  bedrag: number | null;
  reden: string;
  bron: string;
}

export class SchuldLife {
  status = 'OPEN';
  sinds: number;
  open: number;
  kosten = 0;
  gepauzeerd = false;
  readonly events: SchuldEventRow[] = [];

  constructor(
    readonly dagtekening: number,
    readonly bedrag: number,
    nummer: string,
  ) {
    this.sinds = dagtekening;
    this.open = bedrag;
    this.events.push({ datum: dagtekening, soort: 'ONTSTAAN', van: null, naar: 'OPEN', bedrag: null, reden: `Terugvorderingsbeschikking ${nummer}`, bron: 'SYSTEEM' });
  }

  get vervaldatum(): number {
    return this.dagtekening + BETAALTERMIJN_DAGEN;
  }

  get terminal(): boolean {
    return TERMINAL.has(this.status);
  }

  get lastDate(): number {
    return this.events[this.events.length - 1].datum;
  }

  /** A status change, recorded as an event. */
  change(datum: number, soort: string, naar: string, reden: string, bron: string, bedrag: number | null = null): void {
    if (datum < this.lastDate) throw new Error(`event ${soort} before the previous event`);
    this.events.push({ datum, soort, van: this.status, naar, bedrag, reden, bron });
    this.status = naar;
    this.sinds = datum;
  }

  /** A payment: costs first, then the principal. Pays everything off: VOLDAAN. */
  pay(datum: number, bedrag: number, reden: string): void {
    if (bedrag <= 0 || bedrag > this.open + this.kosten) throw new Error('payment outside the open amount');
    if (datum < this.lastDate) throw new Error('payment before the previous event');
    const opKosten = Math.min(this.kosten, bedrag);
    this.kosten -= opKosten;
    this.open -= bedrag - opKosten;
    this.events.push({ datum, soort: 'BETALING', van: null, naar: null, bedrag, reden, bron: 'BURGER' });
    if (this.open === 0 && this.kosten === 0) this.change(datum, 'VOLDAAN', 'VOLDAAN', 'Volledig betaald', 'SYSTEEM');
  }

  payAll(datum: number): void {
    this.pay(datum, this.open + this.kosten, 'Betaling ontvangen');
  }

  /**
   * The collection chain after the vervaldatum, with the norm-table intervals: herinnering (free),
   * aanmaning (costs), dwangbevel (costs); up to `level` steps, none after `horizon`.
   * Returns the day the next step would fall on.
   */
  chain(level: number, horizon: number): number {
    const herinnering = this.vervaldatum + HERINNERING_NA_DAGEN;
    const aanmaning = herinnering + AANMANING_NA_DAGEN;
    const dwangbevel = aanmaning + DWANGBEVEL_NA_DAGEN;
    if (level < 1 || herinnering > horizon) return herinnering;
    this.change(herinnering, 'HERINNERING', 'HERINNERD', 'Niet betaald voor de vervaldatum: betalingsherinnering', 'INVORDERING');
    if (level < 2 || aanmaning > horizon) return aanmaning;
    this.kosten += AANMANINGSKOSTEN;
    this.change(aanmaning, 'AANMANING', 'AANGEMAAND', 'Niet betaald na de herinnering: aanmaning, met aanmaningskosten', 'INVORDERING', AANMANINGSKOSTEN);
    if (level < 3 || dwangbevel > horizon) return dwangbevel;
    this.kosten += DWANGBEVELKOSTEN;
    this.change(dwangbevel, 'DWANGBEVEL', 'DWANGBEVEL', 'Niet betaald na de aanmaning: dwangbevel, met kosten', 'INVORDERING', DWANGBEVELKOSTEN);
    return Number.POSITIVE_INFINITY;
  }

  pause(datum: number): void {
    if (datum < this.lastDate) throw new Error('pause before the previous event');
    this.events.push({
      datum,
      soort: 'GEPAUZEERD',
      van: null,
      naar: null,
      bedrag: null,
      reden: 'Aangemeld bij de herstelorganisatie (UHT): invordering gepauzeerd',
      bron: 'SYSTEEM',
    });
    this.gepauzeerd = true;
  }
}

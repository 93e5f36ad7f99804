import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { yearOf } from '../../shared/dates';
import { formatDatum } from '../../shared/format-nl';
import { Norm } from './norm.entity';
import { NORM_PUBLICATIE, NormPublicatie, type NormCode } from './norm-codes';

/** One row of the `norm` table: the value of a norm from a date. */
export interface NormRow {
  code: string;
  geldigVanaf: string;
  waarde: Decimal;
  eenheid: string;
  omschrijving: string;
  bron: string;
  aanname: boolean;
}

/** The row in force on a date, with whether it is used there provisionally (see NormsTable.entry). */
export interface NormValue extends NormRow {
  /** True when the date lies in a later calendar year than the newest row of a yearly norm. */
  voorlopig: boolean;
  /** Why the value is provisional, in Dutch for people; null when it is not. */
  toelichting: string | null;
}

/**
 * A date before the first row of a norm: the table has no value there, and the latest row is never
 * applied backwards. `codes` are the norms without a value on `datum`; `beschikbaarVanaf` is the
 * first date on which every norm that was asked for has one (null when a norm has no row at all).
 */
export class NormOntbreektError extends Error {
  override readonly name = 'NormOntbreektError';

  constructor(
    readonly codes: readonly string[],
    readonly datum: string,
    readonly beschikbaarVanaf: string | null,
  ) {
    super(
      `norm ${codes.join(', ')} has no value on ${datum}` +
        (beschikbaarVanaf ? `; the norms asked for have values from ${beschikbaarVanaf}` : '; no row at all'),
    );
  }
}

/** Codes not in NormCode (rows added without code) are treated as in force until changed. */
const publicatie = (code: string): NormPublicatie => NORM_PUBLICATIE[code as NormCode] ?? NormPublicatie.DOORLOPEND;

/** The whole versioned norms table in memory (it is small), answering "value of X on date D". */
export class NormsTable {
  private readonly byCode = new Map<string, NormRow[]>();

  constructor(rows: readonly NormRow[]) {
    for (const row of rows) this.byCode.set(row.code, [...(this.byCode.get(row.code) ?? []), row]);
    for (const list of this.byCode.values()) list.sort((a, b) => (a.geldigVanaf < b.geldigVanaf ? -1 : 1));
  }

  /** The row in force on `date`: the latest with geldigVanaf ≤ date; NormOntbreektError when none. */
  private row(code: string, date: string): NormRow {
    const list = this.byCode.get(code) ?? [];
    let found: NormRow | undefined;
    for (const row of list) {
      if (row.geldigVanaf <= date) found = row;
      else break;
    }
    if (!found) throw new NormOntbreektError([code], date, list[0]?.geldigVanaf ?? null);
    return found;
  }

  /**
   * The value of `code` on `date` (YYYY-MM-DD): the row with the latest geldigVanaf ≤ date.
   *
   * Before the first row there is no value: throws NormOntbreektError (never the first row backwards).
   *
   * After the newest row the newest row is used, and marked `voorlopig` when it cannot be the
   * official value. Yearly norms (NormPublicatie.JAARLIJKS in NORM_PUBLICATIE) are published per
   * calendar year, so their value on date D is provisional exactly when D's year is later than the
   * year of the code's newest geldigVanaf: e.g. the normhuur on 2027-03-01 with 2026-01-01 as newest
   * row. Within the newest row's year the value is not provisional (a mid-year indexation not yet
   * in the table, such as a bijstandsnorm of 1 July, is not detected). Norms in force until changed
   * (NormPublicatie.DOORLOPEND: percentages, terms, costs, assumptions) are never provisional.
   */
  entry(code: NormCode, date: string): NormValue {
    const row = this.row(code, date);
    const list = this.byCode.get(code)!;
    const nieuwste = list[list.length - 1];
    const voorlopig = publicatie(code) === NormPublicatie.JAARLIJKS && yearOf(date) > yearOf(nieuwste.geldigVanaf);
    return {
      ...row,
      voorlopig,
      toelichting: voorlopig
        ? `Norm voor ${yearOf(date)} nog niet vastgesteld; de waarde die geldt vanaf ${formatDatum(row.geldigVanaf)} is gebruikt.`
        : null,
    };
  }

  amount(code: NormCode, date: string): Decimal {
    return this.row(code, date).waarde;
  }

  /** A whole number (days, years). */
  number(code: NormCode, date: string): number {
    return this.row(code, date).waarde.toNumber();
  }

  /** A whole number, or null when the norm has no version yet on `date` (a rule that did not exist then). */
  numberFrom(code: NormCode, date: string): number | null {
    const first = this.byCode.get(code)?.[0];
    return first && first.geldigVanaf <= date ? this.number(code, date) : null;
  }

  /**
   * The first date on which every one of `codes` has a value (the latest of their first rows); null
   * when one of them has no row at all.
   */
  availableFrom(codes: readonly NormCode[]): string | null {
    let from = '';
    for (const code of codes) {
      const first = this.byCode.get(code)?.[0];
      if (!first) return null;
      if (first.geldigVanaf > from) from = first.geldigVanaf;
    }
    return from || null;
  }

  /** Throws one NormOntbreektError naming every one of `codes` without a value on `date`. */
  requireAll(codes: readonly NormCode[], date: string): void {
    const missing = [...new Set(codes)].filter((code) => {
      const first = this.byCode.get(code)?.[0];
      return !first || first.geldigVanaf > date;
    });
    if (missing.length) throw new NormOntbreektError(missing, date, this.availableFrom(codes));
  }

  /** A reader for the norms of one calculation on `date` (see NormReader). */
  reader(date: string): NormReader {
    return new NormReader(this, date);
  }

  /** Every row in force on `date`, one per code, sorted by code; codes without a value on `date` are left out. */
  allAt(date: string): NormValue[] {
    return [...this.byCode.keys()].sort().flatMap((code) => {
      try {
        return [this.entry(code as NormCode, date)];
      } catch (e) {
        if (e instanceof NormOntbreektError) return [];
        throw e;
      }
    });
  }
}

export async function loadNorms(em: EntityManager): Promise<NormsTable> {
  const rows = await em.find(Norm, {}, { orderBy: { code: 'asc', geldigVanaf: 'asc' } });
  return new NormsTable(
    rows.map((r) => ({
      code: r.code,
      geldigVanaf: r.geldigVanaf,
      waarde: new Decimal(r.waarde),
      eenheid: r.eenheid,
      omschrijving: r.omschrijving,
      bron: r.bron,
      aanname: r.aanname,
    })),
  );
}

/**
 * Reads the norms of one calculation on one date. A norm without a value does not stop the reading
 * (it reads as 0), so that `done()` can name every missing norm at once, with the first date on
 * which all norms read have a value. Read everything first, then call `done()` before using a value.
 */
export class NormReader {
  private readonly read = new Set<NormCode>();
  private readonly missing: string[] = [];
  private readonly provisional = new Map<string, NormValue>();

  constructor(
    private readonly table: NormsTable,
    readonly date: string,
  ) {}

  amount(code: NormCode): Decimal {
    this.read.add(code);
    try {
      const e = this.table.entry(code, this.date);
      if (e.voorlopig) this.provisional.set(code, e);
      return e.waarde;
    } catch (err) {
      if (!(err instanceof NormOntbreektError)) throw err;
      if (!this.missing.includes(code)) this.missing.push(code);
      return new Decimal(0);
    }
  }

  /** A whole number (days, years). */
  number(code: NormCode): number {
    return this.amount(code).toNumber();
  }

  /** Throws NormOntbreektError when a norm read has no value on the date; otherwise the norms read provisionally, sorted by code. */
  done(): NormValue[] {
    if (this.missing.length) throw new NormOntbreektError(this.missing, this.date, this.table.availableFrom([...this.read]));
    return [...this.provisional.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
  }
}

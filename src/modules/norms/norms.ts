import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Norm } from './norm.entity';
import type { NormCode } from './norm-codes';

export interface NormValue {
  code: string;
  geldigVanaf: string;
  waarde: Decimal;
  eenheid: string;
  omschrijving: string;
  bron: string;
  aanname: boolean;
}

/** The whole versioned norms table in memory (it is small), answering "value of X on date D". */
export class NormsTable {
  private readonly byCode = new Map<string, NormValue[]>();

  constructor(rows: NormValue[]) {
    for (const row of rows) this.byCode.set(row.code, [...(this.byCode.get(row.code) ?? []), row]);
    for (const list of this.byCode.values()) list.sort((a, b) => (a.geldigVanaf < b.geldigVanaf ? -1 : 1));
  }

  /** The row in force on `date` (YYYY-MM-DD): the latest with geldigVanaf ≤ date. Throws when none. */
  entry(code: NormCode, date: string): NormValue {
    const list = this.byCode.get(code) ?? [];
    let found: NormValue | undefined;
    for (const row of list) {
      if (row.geldigVanaf <= date) found = row;
      else break;
    }
    if (!found) throw new Error(`norm ${code} has no value on ${date}`);
    return found;
  }

  amount(code: NormCode, date: string): Decimal {
    return this.entry(code, date).waarde;
  }

  /** A whole number (days, years). */
  number(code: NormCode, date: string): number {
    return this.entry(code, date).waarde.toNumber();
  }

  /** A whole number, or null when the norm has no version yet on `date` (a rule that did not exist then). */
  numberFrom(code: NormCode, date: string): number | null {
    const first = this.byCode.get(code)?.[0];
    return first && first.geldigVanaf <= date ? this.number(code, date) : null;
  }

  /** Every row in force on `date`, one per code. */
  allAt(date: string): NormValue[] {
    return [...this.byCode.keys()].sort().flatMap((code) => {
      try {
        return [this.entry(code as NormCode, date)];
      } catch {
        return [];
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

import type Decimal from 'decimal.js';
import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { MoneyType } from '../../shared/money.type';

/**
 * The versioned norms table: every number the rules use, with the date from which it applies and
 * its source. Values marked `aanname` are assumptions to verify before production (domain.md §3).
 * Rows are data, added by migrations; a new value is a new row with a later geldigVanaf.
 */
@Entity({ tableName: 'norm' })
@Unique({ properties: ['code', 'geldigVanaf'] })
export class Norm {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id!: number;

  @Property({ type: 'string', length: 64 })
  code!: string;

  @Property({ type: 'date' })
  geldigVanaf!: string;

  /** The value; amounts in euro, terms in the unit below. */
  @Property({ type: MoneyType })
  waarde!: Decimal;

  /** EUR, DAGEN, WEKEN, MAANDEN, JAAR, PROCENT */
  @Property({ type: 'string', length: 16 })
  eenheid!: string;

  @Property({ type: 'text' })
  omschrijving!: string;

  @Property({ type: 'text' })
  bron!: string;

  @Property({ type: 'boolean', default: false })
  aanname!: boolean;
}

import type Decimal from 'decimal.js';
import { Entity, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { MoneyType } from '../../shared/money.type';
import type { Household } from '../household/household.entity';
import { Betalingsregeling } from '../betalingsregeling/betalingsregeling.entity';
import { Schuld } from '../schuld/schuld.entity';

/** How one payment was allocated (stored with the payment, so the split can always be explained). */
export interface Toerekening {
  schulden: Array<{ schuldId: string; kosten: string; hoofdsom: string }>;
  termijnen: Array<{ volgnummer: number; bedrag: string }>;
}

/**
 * One received payment: registered by a medewerker or imported from a bank statement.
 * `bankReferentie` (the bank's transaction reference) is unique: the same transaction registered
 * twice is stored once. Exactly one of schuld / betalingsregeling is the payment's target.
 */
@Entity({ tableName: 'betaling' })
export class Betaling extends BaseEntity {
  @ManyToOne({ entity: 'Household', index: true })
  household!: Household;

  @Property({ type: 'string', length: 64, unique: true })
  bankReferentie!: string;

  /** Date the money was received (booking date). */
  @Property({ type: 'date' })
  datum!: string;

  @Property({ type: MoneyType })
  bedrag!: Decimal;

  @ManyToOne(() => Schuld, { nullable: true, index: true })
  schuld?: Schuld | null;

  @ManyToOne(() => Betalingsregeling, { nullable: true, index: true })
  betalingsregeling?: Betalingsregeling | null;

  /** The part allocated to costs and principal. */
  @Property({ type: MoneyType })
  toegerekend!: Decimal;

  /** The part above everything that was still to pay: kept as a credit (tegoed) to refund. */
  @Property({ type: MoneyType })
  overschot!: Decimal;

  @Property({ type: 'jsonb' })
  toerekening!: Toerekening;

  /** MEDEWERKER (registerBetaling) or SYSTEEM (bank-statement import). */
  @Property({ type: 'string', length: 16 })
  bron!: string;

  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}

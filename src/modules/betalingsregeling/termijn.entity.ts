import type Decimal from 'decimal.js';
import { Entity, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { MoneyType } from '../../shared/money.type';
import type { Household } from '../household/household.entity';
import { Betalingsregeling } from './betalingsregeling.entity';

/** One instalment of a betalingsregeling. The termijnen of a regeling sum exactly to its totaalBedrag. */
@Entity({ tableName: 'termijn' })
@Unique({ properties: ['betalingsregeling', 'volgnummer'] })
export class Termijn extends BaseEntity {
  @ManyToOne({ entity: 'Household', index: true })
  household!: Household;

  @ManyToOne(() => Betalingsregeling)
  betalingsregeling!: Betalingsregeling;

  @Property({ type: 'smallint' })
  volgnummer!: number;

  @Property({ type: 'date' })
  vervaldatum!: string;

  @Property({ type: MoneyType })
  bedrag!: Decimal;

  @Property({ type: MoneyType, defaultRaw: '0' })
  betaaldBedrag!: Decimal & Opt;

  @Property({ type: 'date', nullable: true })
  betaaldOp?: string | null;

  /** The run date on which the daily step counted this termijn as missed (null: never missed). */
  @Property({ type: 'date', nullable: true })
  gemistOp?: string | null;
}

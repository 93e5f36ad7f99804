import type Decimal from 'decimal.js';
import { Collection, Entity, Enum, ManyToMany, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { MoneyType } from '../../shared/money.type';
import type { Household } from '../household/household.entity';
import { Schuld } from '../schuld/schuld.entity';
import { BetalingsregelingSoort, BetalingsregelingStatus } from './betalingsregeling.enums';

/** A payment arrangement; one arrangement can cover several schulden (domain.md §2). */
@Entity({ tableName: 'betalingsregeling' })
export class Betalingsregeling extends BaseEntity {
  @ManyToOne({ entity: 'Household', index: true })
  household!: Household;

  @Enum({ items: () => BetalingsregelingSoort })
  soort!: BetalingsregelingSoort;

  @Enum({ items: () => BetalingsregelingStatus })
  status: BetalingsregelingStatus & Opt = BetalingsregelingStatus.ACTIEF;

  @Property({ type: MoneyType })
  totaalBedrag!: Decimal;

  @Property({ type: MoneyType })
  termijnbedrag!: Decimal;

  @Property({ type: 'smallint' })
  aantalTermijnen!: number;

  @Property({ type: 'date' })
  startdatum!: string;

  // Issue 4, persoonlijke / verlengde betalingsregeling (decidePersoonlijkeBetalingsregeling).
  /** PERSOONLIJK: the date the arrangement is reviewed (12 months after the start, norms table); null otherwise. */
  @Property({ type: 'date', nullable: true })
  herzieningsdatum?: string | null;

  /**
   * PERSOONLIJK: what the 24 termijnen of the lower amount leave of the schulden (Σ schulden − totaalBedrag).
   * It is remitted (KWIJTGESCHOLDEN) once every termijn is paid (seed 001: depending on the capacity
   * only part of the debt is repaid). 0 when the termijnen cover the debt; null for other soorten.
   */
  @Property({ type: MoneyType, nullable: true })
  restantNaLooptijd?: Decimal | null;

  @ManyToMany(() => Schuld, undefined, { pivotTable: 'betalingsregeling_schuld', owner: true })
  schulden = new Collection<Schuld>(this);

  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}

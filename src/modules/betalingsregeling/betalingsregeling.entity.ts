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

  // Persoonlijke / verlengde betalingsregeling (decidePersoonlijkeBetalingsregeling).
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

  // The pivot is declared as an entity for its index on schuld_id (betalingsregeling-schuld.entity.ts).
  @ManyToMany({ entity: () => Schuld, pivotEntity: 'BetalingsregelingSchuld', owner: true })
  schulden = new Collection<Schuld>(this);

  // --- Payments and missed termijnen (registerBetaling, betaalpauze, the daily step in
  // regeling-engine.service.ts). Kept together; other fields go in their own block. ---

  /** Number behind the regeling's 16-digit betalingskenmerk (same sequence as schuld.kenmerkNummer). */
  @Property({ type: 'bigint', autoincrement: true, unique: true })
  kenmerkNummer!: string & Opt;

  /** Termijnen missed so far (the first shifts the schedule a month, later ones bring a reminder). */
  @Property({ type: 'smallint', default: 0 })
  aantalGemist: number & Opt = 0;

  /** Date of the reminder after a second miss; cleared when the arrears are paid. */
  @Property({ type: 'date', nullable: true })
  herinnerdOp?: string | null;

  /** Betaalpauze granted by a medewerker: no misses count from vanaf through tot. */
  @Property({ type: 'date', nullable: true })
  betaalpauzeVanaf?: string | null;

  @Property({ type: 'date', nullable: true })
  betaalpauzeTot?: string | null;

  @Property({ type: 'text', nullable: true })
  betaalpauzeReden?: string | null;

  /** When the regeling became VOLDAAN or BEEINDIGD. */
  @Property({ type: 'date', nullable: true })
  afgeslotenOp?: string | null;

  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}

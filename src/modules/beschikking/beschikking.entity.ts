import type Decimal from 'decimal.js';
import { Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { MoneyType } from '../../shared/money.type';
import type { Household } from '../household/household.entity';
import { Toeslag } from '../toeslag/toeslag.entity';
import { BeschikkingSoort } from './beschikking.enums';

/** A formal decision on a toeslag, with its number and dagtekening (domain.md §2). Never changed once issued. */
@Entity({ tableName: 'beschikking' })
@Index({ properties: ['toeslag', 'dagtekening'] })
export class Beschikking extends BaseEntity {
  @ManyToOne({ entity: 'Household', index: true })
  household!: Household;

  @ManyToOne(() => Toeslag)
  toeslag!: Toeslag;

  @Enum({ items: () => BeschikkingSoort })
  soort!: BeschikkingSoort;

  @Unique()
  @Property({ type: 'string', length: 32 })
  nummer!: string;

  @Property({ type: 'date' })
  dagtekening!: string;

  /** From when a voorschot (change) applies; VOORLOPIG and WIJZIGING. */
  @Property({ type: 'date', nullable: true })
  ingangsdatum?: string | null;

  /** The yearly toeslag according to this decision (VOORLOPIG, WIJZIGING, DEFINITIEF). */
  @Property({ type: MoneyType, nullable: true })
  jaarbedrag?: Decimal | null;

  /** The monthly voorschot paid after this decision, after the percentage (VOORLOPIG, WIJZIGING). */
  @Property({ type: MoneyType, nullable: true })
  voorschotMaandbedrag?: Decimal | null;

  @Property({ type: 'smallint', nullable: true })
  voorschotPercentage?: number | null;

  /** Voorschotten paid over the year (DEFINITIEF, TERUGVORDERING). */
  @Property({ type: MoneyType, nullable: true })
  betaaldeVoorschotten?: Decimal | null;

  /** Amount to pay back (TERUGVORDERING) = betaalde voorschotten − definitive jaarbedrag. */
  @Property({ type: MoneyType, nullable: true })
  terugTeBetalen?: Decimal | null;

  /** Plain-language reason, shown to the citizen (why recovered, why changed). */
  @Property({ type: 'text', nullable: true })
  reden?: string | null;
}

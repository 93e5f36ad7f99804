import type Decimal from 'decimal.js';
import { Entity, Enum, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { MoneyType } from '../../shared/money.type';
import type { Household } from '../household/household.entity';
import { ToeslagSoort, ToeslagStatus } from './toeslag.enums';

/** One toeslag of a household for one berekeningsjaar. */
@Entity({ tableName: 'toeslag' })
@Unique({ properties: ['household', 'soort', 'berekeningsjaar'] })
export class Toeslag extends BaseEntity {
  @ManyToOne({ entity: 'Household', index: true })
  household!: Household;

  @Enum({ items: () => ToeslagSoort })
  soort!: ToeslagSoort;

  @Property({ type: 'smallint' })
  berekeningsjaar!: number;

  @Enum({ items: () => ToeslagStatus })
  status!: ToeslagStatus;

  /** The calculated monthly voorschot at 100 % (before the citizen's voorschotpercentage). */
  @Property({ type: MoneyType, nullable: true })
  berekendVoorschotMaandbedrag?: Decimal | null;

  /** Monthly voorschot currently paid (after the voorschotpercentage). */
  @Property({ type: MoneyType, nullable: true })
  voorschotMaandbedrag?: Decimal | null;

  /** Instelbaar voorschot: the share (0–100 %) of the computed voorschot the citizen chose to receive. */
  @Property({ type: 'smallint', default: 100 })
  voorschotPercentage: number & Opt = 100;

  /**
   * Verrekening: the part of the monthly voorschot withheld to pay schulden (sum of the
   * ACTIEF verrekeningen against this toeslag). Paid out per month: voorschotMaandbedrag minus this.
   */
  @Property({ type: MoneyType, defaultRaw: '0' })
  verrekendMaandbedrag!: Decimal & Opt;

  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}

import type Decimal from 'decimal.js';
import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { MoneyType } from '../../shared/money.type';
import type { Household } from '../household/household.entity';
import { Beschikking } from '../beschikking/beschikking.entity';
import { Toeslag } from '../toeslag/toeslag.entity';
import { SchuldStatus } from './schuld.enums';

/** A terugvordering: created by a terugvorderingsbeschikking for one toeslag and berekeningsjaar. */
@Entity({ tableName: 'schuld' })
@Index({ properties: ['household', 'vervaldatum'] })
@Index({ properties: ['status', 'statusSinds'] })
export class Schuld extends BaseEntity {
  @ManyToOne({ entity: 'Household' })
  household!: Household;

  @ManyToOne(() => Toeslag, { index: true })
  toeslag!: Toeslag;

  /** The terugvorderingsbeschikking the schuld comes from (same toeslag). */
  @ManyToOne(() => Beschikking, { index: true })
  beschikking!: Beschikking;

  @Property({ type: 'date' })
  dagtekening!: string;

  /** Payment term: 6 weeks after the dagtekening. */
  @Property({ type: 'date' })
  vervaldatum!: string;

  @Property({ type: MoneyType })
  oorspronkelijkBedrag!: Decimal;

  /** Principal still to pay. */
  @Property({ type: MoneyType })
  openstaandBedrag!: Decimal;

  /** Collection costs charged (aanmaning, dwangbevel) and not yet paid. */
  @Property({ type: MoneyType, defaultRaw: '0' })
  kosten!: Decimal & Opt;

  /** Fraud established or suspected: the 2016 cut-off does not apply. */
  @Property({ type: 'boolean', default: false })
  fraude: boolean & Opt = false;

  @Enum({ items: () => SchuldStatus })
  status: SchuldStatus & Opt = SchuldStatus.OPEN;

  /** Date of the last status change: collection terms run from here. */
  @Property({ type: 'date' })
  statusSinds!: string;

  /** Collection paused (e.g. UHT registration of the household). */
  @Property({ type: 'boolean', default: false })
  gepauzeerd: boolean & Opt = false;

  /**
   * Payments: number behind the schuld's 16-digit betalingskenmerk (see betaling.rules
   * `betalingskenmerk`), drawn from the sequence betalingskenmerk_seq that schulden and regelingen
   * share, so one kenmerk names exactly one of them. Never derived from a BSN.
   */
  @Property({ type: 'bigint', autoincrement: true, unique: true })
  kenmerkNummer!: string & Opt;

  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}

import type Decimal from 'decimal.js';
import { Entity, Enum, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { MoneyType } from '../../shared/money.type';
import type { Household } from '../household/household.entity';
import { Toeslag } from '../toeslag/toeslag.entity';
import { MutatievoorstelStatus, SoortOpvang } from './kinderopvang.enums';

/**
 * What the parent declared for one child in their kinderopvangtoeslag (hours per month, hourly price,
 * and the income-dependent vergoedingspercentage of the toeslag). The child's monthly share of the
 * voorschot is vergoedingspercentage × uren × min(uurprijs, maximum uurprijs).
 */
@Entity({ tableName: 'koo_opgave' })
@Unique({ properties: ['toeslag', 'kindBsn'] })
export class KooOpgave extends BaseEntity {
  @ManyToOne({ entity: 'Household', index: true })
  household!: Household;

  @ManyToOne(() => Toeslag)
  toeslag!: Toeslag;

  @Property({ type: 'character', length: 9 })
  kindBsn!: string;

  @Property({ type: 'string', length: 200 })
  kindNaam!: string;

  @Enum({ items: () => SoortOpvang })
  soortOpvang!: SoortOpvang;

  @Property({ type: 'character', length: 9 })
  lrkNummer!: string;

  @Property({ type: MoneyType })
  urenPerMaand!: Decimal;

  @Property({ type: MoneyType })
  uurprijs!: Decimal;

  /** Share of the reimbursable costs the toeslag pays (0–100), from the household's income. */
  @Property({ type: MoneyType })
  vergoedingspercentage!: Decimal;

  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}

/**
 * A proposal (letter) to lower a running kinderopvangtoeslag after KOO data showed lower costs
 * (domain.md §5, seed 002): per child, only downwards, at most 3 letters per parent per year, and
 * the parent can block it until blokkerenTot (3 weeks).
 */
@Entity({ tableName: 'koo_mutatievoorstel' })
@Unique({ properties: ['opgave', 'leveringId'] })
export class KooMutatievoorstel extends BaseEntity {
  @ManyToOne({ entity: 'Household', index: true })
  household!: Household;

  @ManyToOne(() => Toeslag)
  toeslag!: Toeslag;

  @ManyToOne(() => KooOpgave)
  opgave!: KooOpgave;

  /** The KOO delivery the proposal is based on. */
  @Property({ type: 'uuid' })
  leveringId!: string;

  @Property({ type: 'character', length: 7 })
  periode!: string;

  @Property({ type: 'string', length: 200 })
  kindNaam!: string;

  @Enum({ items: () => SoortOpvang })
  soortOpvang!: SoortOpvang;

  /** Hours and average price the KOO delivered. */
  @Property({ type: MoneyType })
  gemeldeUren!: Decimal;

  @Property({ type: MoneyType })
  gemeldeUurprijs!: Decimal;

  /** The child's monthly share of the voorschot now, and after the change. */
  @Property({ type: MoneyType })
  huidigBedrag!: Decimal;

  @Property({ type: MoneyType })
  voorgesteldBedrag!: Decimal;

  /** Date of the letter. */
  @Property({ type: 'date' })
  dagtekening!: string;

  /** Last day (inclusive) on which the parent can block the change. */
  @Property({ type: 'date' })
  blokkerenTot!: string;

  @Enum({ items: () => MutatievoorstelStatus })
  status!: MutatievoorstelStatus;

  @Property({ type: 'date', nullable: true })
  geblokkeerdOp?: string | null;

  @Property({ type: 'date', nullable: true })
  afgehandeldOp?: string | null;

  @Property({ type: 'text' })
  reden!: string;

  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}

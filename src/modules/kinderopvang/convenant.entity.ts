import type Decimal from 'decimal.js';
import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { MoneyType } from '../../shared/money.type';
import type { Household } from '../household/household.entity';
import { Toeslag } from '../toeslag/toeslag.entity';
import { ConvenanttegoedStatus } from './kinderopvang.enums';
import { KooOrganisatie } from './koo.entity';

/** A parent's choice to have the monthly kinderopvangtoeslag paid to a KOO (convenant); `tot` null = current. */
@Entity({ tableName: 'koo_betaling_aan_koo' })
@Index({ properties: ['organisatie', 'tot'] })
export class KooBetalingAanKoo extends BaseEntity {
  @ManyToOne({ entity: 'Household', index: true })
  household!: Household;

  @ManyToOne(() => KooOrganisatie)
  organisatie!: KooOrganisatie;

  /** The LRK number the parent named (from the invoice). */
  @Property({ type: 'character', length: 9 })
  lrkNummer!: string;

  @Property({ type: 'date' })
  vanaf!: string;

  @Property({ type: 'date', nullable: true })
  tot?: string | null;
}

/** A monthly voorschot of kinderopvangtoeslag paid to a KOO for a parent. */
@Entity({ tableName: 'koo_convenant_betaling' })
@Unique({ properties: ['toeslag', 'periode'] })
@Index({ properties: ['organisatie', 'periode'] })
export class KooConvenantBetaling extends BaseEntity {
  @ManyToOne({ entity: 'Household', index: true })
  household!: Household;

  @ManyToOne(() => KooOrganisatie)
  organisatie!: KooOrganisatie;

  @ManyToOne(() => Toeslag)
  toeslag!: Toeslag;

  @Property({ type: 'character', length: 7 })
  periode!: string;

  @Property({ type: MoneyType })
  bedrag!: Decimal;

  @Property({ type: 'date' })
  betaaldOp!: string;
}

/** Toeslag overpaid in the past that the KOO still holds and must return to the parent (domain.md §5). */
@Entity({ tableName: 'koo_convenanttegoed' })
@Index({ properties: ['organisatie', 'status'] })
export class KooConvenanttegoed extends BaseEntity {
  @ManyToOne({ entity: 'Household', index: true })
  household!: Household;

  @ManyToOne(() => KooOrganisatie)
  organisatie!: KooOrganisatie;

  /** The month the amount was overpaid for, YYYY-MM. */
  @Property({ type: 'character', length: 7 })
  periode!: string;

  @Property({ type: MoneyType })
  bedrag!: Decimal;

  @Enum({ items: () => ConvenanttegoedStatus })
  status!: ConvenanttegoedStatus;

  @Property({ type: 'date' })
  ontstaanOp!: string;

  @Property({ type: 'date', nullable: true })
  afgehandeldOp?: string | null;

  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}

import type Decimal from 'decimal.js';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { MoneyType } from '../../shared/money.type';
import type { Household } from '../household/household.entity';
import { Schuld } from './schuld.entity';
import { SchuldEventSoort, SchuldStatus } from './schuld.enums';

/** One entry in a schuld's history: every state change, cost and payment, with date and reason. Append-only. */
@Entity({ tableName: 'schuld_event' })
@Index({ properties: ['schuld', 'datum', 'id'] })
export class SchuldEvent {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @ManyToOne({ entity: 'Household', index: true })
  household!: Household;

  @ManyToOne(() => Schuld)
  schuld!: Schuld;

  /** The date the event takes effect (for the engine: the run date). */
  @Property({ type: 'date' })
  datum!: string;

  @Enum({ items: () => SchuldEventSoort })
  soort!: SchuldEventSoort;

  @Enum({ items: () => SchuldStatus, nullable: true })
  vanStatus?: SchuldStatus | null;

  @Enum({ items: () => SchuldStatus, nullable: true })
  naarStatus?: SchuldStatus | null;

  /** Costs charged or amount paid, when the event is about money. */
  @Property({ type: MoneyType, nullable: true })
  bedrag?: Decimal | null;

  @Property({ type: 'text' })
  reden!: string;

  /** Who caused it: INVORDERING (the daily engine), BURGER, MEDEWERKER, SYSTEEM. */
  @Property({ type: 'string', length: 16 })
  bron!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date & Opt;
}

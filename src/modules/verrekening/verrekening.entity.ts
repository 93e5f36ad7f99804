import type Decimal from 'decimal.js';
import { Entity, Enum, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { MoneyType } from '../../shared/money.type';
import type { Household } from '../household/household.entity';
import { Schuld } from '../schuld/schuld.entity';
import { SchuldStatus } from '../schuld/schuld.enums';
import { Toeslag } from '../toeslag/toeslag.entity';
import { BeslagvrijeVoetVaststelling } from './beslagvrije-voet.entity';
import { VerrekeningSoort, VerrekeningStatus } from './verrekening.enums';

/**
 * Set-off of a schuld against the running voorschot of a toeslag (domain.md §3, ways 4 and 5): from
 * `ingangsdatum` the voorschot pays `maandbedrag` less each month, and the daily engine books that
 * amount on the schuld (costs first) until it is paid. Never more per month than the household's
 * room above its beslagvrije voet (`beslagvrijeVoet`).
 */
@Entity({ tableName: 'verrekening' })
export class Verrekening extends BaseEntity {
  @ManyToOne({ entity: 'Household', index: true })
  household!: Household;

  @ManyToOne(() => Schuld, { index: true })
  schuld!: Schuld;

  @ManyToOne(() => Toeslag, { index: true })
  toeslag!: Toeslag;

  @Enum({ items: () => VerrekeningSoort })
  soort!: VerrekeningSoort;

  @Enum({ items: () => VerrekeningStatus })
  status: VerrekeningStatus & Opt = VerrekeningStatus.ACTIEF;

  @Property({ type: MoneyType })
  maandbedrag!: Decimal;

  /** First month (day 1) whose voorschot is lowered. */
  @Property({ type: 'date' })
  ingangsdatum!: string;

  /** First day of the last month booked on the schuld; null before the first. */
  @Property({ type: 'date', nullable: true })
  laatsteMaand?: string | null;

  /** Booked on the schuld so far: kosten and principal (kept apart so an undo restores both exactly). */
  @Property({ type: MoneyType, defaultRaw: '0' })
  verrekendKosten!: Decimal & Opt;

  @Property({ type: MoneyType, defaultRaw: '0' })
  verrekendHoofdsom!: Decimal & Opt;

  /** The schuld's status before the set-off, restored by an undo. */
  @Enum({ items: () => SchuldStatus })
  vorigeStatus!: SchuldStatus;

  @ManyToOne(() => BeslagvrijeVoetVaststelling)
  beslagvrijeVoet!: BeslagvrijeVoetVaststelling;

  @Property({ type: 'date', nullable: true })
  afgeslotenOp?: string | null;

  @Property({ type: 'text', nullable: true })
  ongedaanReden?: string | null;

  @Property({ type: 'string', length: 16 })
  bron!: string;

  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}

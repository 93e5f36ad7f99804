import type Decimal from 'decimal.js';
import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { MoneyType } from '../../shared/money.type';
import type { Household } from '../household/household.entity';
import type { BvvRegel } from './beslagvrije-voet.rules';

/**
 * A determination of a household's beslagvrije voet (Rv art. 475da–475dc), valid 12 months. Made
 * when a verrekening is requested (the request carries the income); the daily engine sets off
 * automatically only for households with a valid one.
 */
@Entity({ tableName: 'beslagvrije_voet' })
export class BeslagvrijeVoetVaststelling extends BaseEntity {
  @ManyToOne({ entity: 'Household', index: true })
  household!: Household;

  @Property({ type: 'date' })
  datum!: string;

  @Property({ type: 'date' })
  geldigTot!: string;

  @Property({ type: 'string', length: 24 })
  huishoudtype!: string;

  /** Net monthly income of the household, including the toeslag voorschotten. */
  @Property({ type: MoneyType })
  inkomen!: Decimal;

  @Property({ type: MoneyType })
  bedrag!: Decimal;

  /** Room per month above the beslagvrije voet: inkomen − bedrag (never negative). */
  @Property({ type: MoneyType })
  ruimte!: Decimal;

  @Property({ type: 'jsonb' })
  regels!: BvvRegel[];
}

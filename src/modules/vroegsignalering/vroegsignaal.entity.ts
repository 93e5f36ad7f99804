import Decimal from 'decimal.js';
import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { MoneyType } from '../../shared/money.type';
import type { Household } from '../household/household.entity';
import { VroegsignaalBeeindiging, VroegsignaalStatus, VroegsignaalUitkomst } from './vroegsignalering.enums';

/**
 * A vroegsignaal (domain.md §4): a toeslag terugvordering still unpaid after an aanmaning, signalled
 * to the household's gemeente. It holds a COPY of the minimal contact fields, so the retention
 * command can erase them without touching the household; the gemeente never gets a path to the
 * household itself. `household` is the link for the citizen's own view and the access log; it is
 * erased with the personal fields.
 */
@Entity({ tableName: 'vroegsignaal' })
@Index({ properties: ['gemeentecode', 'volgnummer'] })
@Index({ properties: ['gemeentecode', 'signaaldatum'] })
// At most one open (not ended) signal per household, also under concurrent engine runs.
@Index({
  name: 'vroegsignaal_een_open_per_household',
  expression: 'create unique index "vroegsignaal_een_open_per_household" on "vroegsignaal" ("household_id") where "beeindigd_op" is null',
})
// The rows the feed publisher still has to number.
@Index({
  name: 'vroegsignaal_ongepubliceerd',
  expression: 'create index "vroegsignaal_ongepubliceerd" on "vroegsignaal" ("created_at", "id") where "volgnummer" is null',
})
export class Vroegsignaal extends BaseEntity {
  /** The household the signal is about; null once the personal fields are erased. */
  @ManyToOne({ entity: 'Household', nullable: true, index: true })
  household!: Household | null;

  /** CBS code of the gemeente the signal was sent to (the household's gemeente on the signaaldatum). */
  @Property({ type: 'character', length: 4 })
  gemeentecode!: string;

  /**
   * Position in the gemeente feed, assigned after commit in one serialized step
   * (vroegsignalering.engine.ts publishVroegsignalen; docs/adr/0019). Null until published.
   */
  @Property({ type: 'bigint', nullable: true, unique: true })
  volgnummer?: string | null;

  @Property({ type: 'date' })
  signaaldatum!: string;

  /** The oldest vervaldatum of the schulden in arrears. */
  @Property({ type: 'date' })
  ontstaansdatum!: string;

  /** Open principal plus costs of the schulden unpaid after an aanmaning, on the signaaldatum. Null once erased. */
  @Property({ type: MoneyType, nullable: true })
  bedragAchterstand?: Decimal | null;

  @Property({ type: 'boolean' })
  crisissignaal!: boolean;

  @Property({ type: 'boolean' })
  warmeOverdracht!: boolean;

  // The contact copy (erased by the retention command).
  @Property({ type: 'string', length: 200, nullable: true })
  voornamen?: string | null;
  @Property({ type: 'string', length: 20, nullable: true })
  tussenvoegsel?: string | null;
  @Property({ type: 'string', length: 200, nullable: true })
  achternaam?: string | null;
  /** The toeslagpartner's full name, when there is one. */
  @Property({ type: 'string', length: 420, nullable: true })
  partnerNaam?: string | null;
  @Property({ type: 'string', length: 200, nullable: true })
  straat?: string | null;
  @Property({ type: 'integer', nullable: true })
  huisnummer?: number | null;
  @Property({ type: 'string', length: 10, nullable: true })
  huisnummertoevoeging?: string | null;
  @Property({ type: 'character', length: 6, nullable: true })
  postcode?: string | null;
  @Property({ type: 'string', length: 100, nullable: true })
  woonplaats?: string | null;
  @Property({ type: 'string', length: 20, nullable: true })
  telefoonnummer?: string | null;
  @Property({ type: 'string', length: 254, nullable: true })
  email?: string | null;

  @Enum({ items: () => VroegsignaalStatus })
  status: VroegsignaalStatus & Opt = VroegsignaalStatus.NIEUW;

  @Property({ type: 'timestamptz', nullable: true })
  ontvangenOp?: Date | null;

  @Enum({ items: () => VroegsignaalUitkomst, nullable: true })
  uitkomst?: VroegsignaalUitkomst | null;

  /** The gemeente's note on its follow-up: the gemeente's own record, erased with the personal fields. */
  @Property({ type: 'text', nullable: true })
  notitie?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  opgevolgdOp?: Date | null;

  /** The day Dienst Toeslagen ended the signal (no longer applicable, moved, erased); null while open. */
  @Property({ type: 'date', nullable: true })
  beeindigdOp?: string | null;

  @Enum({ items: () => VroegsignaalBeeindiging, nullable: true })
  beeindigingsreden?: VroegsignaalBeeindiging | null;

  /** The day the personal fields were erased (retention); null while they are kept. */
  @Property({ type: 'date', nullable: true })
  gewistOp?: string | null;
}

/**
 * The register of gemeenten taking part in the vroegsignalering experiment (domain.md §4): a period
 * per row, `vanaf` inclusive and `tot` exclusive (the first day it no longer takes part), maintained
 * by medewerkers. Periods of one gemeente never overlap.
 */
@Entity({ tableName: 'vroegsignalering_deelname' })
@Index({ properties: ['gemeentecode', 'vanaf'] })
export class VroegsignaleringDeelname extends BaseEntity {
  @Property({ type: 'character', length: 4 })
  gemeentecode!: string;

  @Property({ type: 'string', length: 100 })
  naam!: string;

  @Property({ type: 'date' })
  vanaf!: string;

  @Property({ type: 'date' })
  tot!: string;

  /** Who last changed it (employee id). */
  @Property({ type: 'string', length: 64 })
  gewijzigdDoor!: string;

  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}

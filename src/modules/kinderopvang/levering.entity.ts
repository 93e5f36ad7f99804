import type Decimal from 'decimal.js';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { MoneyType } from '../../shared/money.type';
import type { Household } from '../household/household.entity';
import { LeveringStatus, RecordFoutCode, SoortOpvang } from './kinderopvang.enums';
import { KooOrganisatie } from './koo.entity';

/**
 * A monthly delivery of a KOO (domain.md §5): small ones in one mutation, large ones staged in chunks
 * and committed as one operation (Shopify's bulk operations). Idempotent per (KOO, idempotencyKey);
 * a redelivery for the same period supersedes the earlier one, which stays as an earlier version.
 */
@Entity({ tableName: 'koo_levering' })
@Unique({ properties: ['organisatie', 'idempotencyKey'] })
@Index({ properties: ['organisatie', 'periode', 'status'] })
export class KooLevering extends BaseEntity {
  @ManyToOne(() => KooOrganisatie)
  organisatie!: KooOrganisatie;

  /** The month delivered, YYYY-MM. */
  @Property({ type: 'character', length: 7 })
  periode!: string;

  @Property({ type: 'string', length: 100 })
  idempotencyKey!: string;

  /** SHA-256 of the canonical content (small delivery: all records; bulk: the create input). */
  @Property({ type: 'character', length: 64 })
  inhoudHash!: string;

  @Property({ type: 'boolean' })
  bulk!: boolean;

  @Enum({ items: () => LeveringStatus })
  status!: LeveringStatus;

  @Property({ type: 'integer', default: 0 })
  aantalRecords: number & Opt = 0;

  @Property({ type: 'integer', default: 0 })
  aantalFouten: number & Opt = 0;

  /** Records whose average hourly price is above the maximum uurprijs (accepted, flagged). */
  @Property({ type: 'integer', default: 0 })
  aantalBovenMaxUurprijs: number & Opt = 0;

  @Property({ type: 'integer', default: 0 })
  aantalChunks: number & Opt = 0;

  /** Records matched to a household by the parent's BSN (set at commit). */
  @Property({ type: 'integer', default: 0 })
  aantalGekoppeld: number & Opt = 0;

  /** 1, 2, ... per (KOO, period), in commit order; null until committed. */
  @Property({ type: 'integer', nullable: true })
  versie?: number | null;

  /** The delivery of the same period that replaced this one. */
  @Property({ type: 'uuid', nullable: true })
  vervangenDoor?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  verwerktOp?: Date | null;

  /** Why the commit failed (MISLUKT), for the KOO; never contains personal data. */
  @Property({ type: 'string', length: 500, nullable: true })
  melding?: string | null;

  /** Set by the daily engine when it derived mutatievoorstellen from this delivery. */
  @Property({ type: 'date', nullable: true })
  mutatiesBepaaldOp?: string | null;
}

/** One chunk of a bulk delivery: idempotent per (delivery, volgnummer). */
@Entity({ tableName: 'koo_levering_chunk' })
export class KooLeveringChunk {
  @ManyToOne(() => KooLevering, { primary: true, deleteRule: 'cascade' })
  levering!: KooLevering;

  @PrimaryKey({ type: 'integer' })
  volgnummer!: number;

  @Property({ type: 'character', length: 64 })
  inhoudHash!: string;

  @Property({ type: 'integer' })
  aantalRecords!: number;

  @Property({ type: 'integer' })
  aantalFouten!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  ontvangenOp!: Date & Opt;
}

/** Columns shared by a staged and a stored record (domain.md §5). */
abstract class RecordColumns {
  @Property({ type: 'character', length: 7 })
  periode!: string;

  @Property({ type: 'character', length: 9 })
  lrkNummer!: string;

  @Enum({ items: () => SoortOpvang })
  soortOpvang!: SoortOpvang;

  /** May be missing: it may be supplied in a later month. */
  @Property({ type: 'character', length: 9, nullable: true })
  kindBsn?: string | null;

  @Property({ type: 'string', length: 200 })
  kindNaam!: string;

  @Property({ type: 'date', nullable: true })
  kindGeboortedatum?: string | null;

  @Property({ type: 'character', length: 9 })
  ouderBsn!: string;

  @Property({ type: 'character', length: 9, nullable: true })
  partnerBsn?: string | null;

  /** Hours taken in the month. */
  @Property({ type: MoneyType })
  uren!: Decimal;

  /** Average hourly price. */
  @Property({ type: MoneyType })
  uurprijs!: Decimal;

  @Property({ type: MoneyType })
  factuurbedrag!: Decimal;

  @Property({ type: 'date', nullable: true })
  contracteinddatum?: string | null;

  @Property({ type: 'boolean', default: false })
  bovenMaxUurprijs: boolean & Opt = false;
}

/**
 * A record received in a chunk and not yet committed. Only valid records are staged (invalid ones
 * are in koo_levering_fout); the commit moves them to koo_record with one INSERT … SELECT per batch.
 */
@Entity({ tableName: 'koo_staging_record' })
export class KooStagingRecord extends RecordColumns {
  @ManyToOne(() => KooLevering, { primary: true, deleteRule: 'cascade' })
  levering!: KooLevering;

  /** Position in the delivery: (volgnummer − 1) × chunk size + index in the chunk. */
  @PrimaryKey({ type: 'integer' })
  idx!: number;
}

/**
 * A committed record. `household` is the household of the parent BSN, when one matched.
 * The delivery and organisation ids carry no foreign keys (docs/adr/0025): rows are written only by
 * the commit's INSERT … SELECT from koo_staging_record, whose rows were checked against their
 * delivery when staged, and deliveries are never deleted; per-row FK triggers cost about 40 % of a
 * 100,000-record commit. Nor does `household` (docs/adr/0029): the same statement takes it from a
 * current household_member row (whose own foreign key proves the household), households are never
 * deleted, and the check's lock on every matched household cost a second of a 100,000-record commit
 * at 1,000,000 households.
 */
@Entity({ tableName: 'koo_record' })
@Index({ properties: ['household'] })
@Index({ properties: ['organisatieId', 'periode'] })
export class KooRecord extends RecordColumns {
  @PrimaryKey({ type: 'uuid' })
  leveringId!: string;

  @PrimaryKey({ type: 'integer' })
  idx!: number;

  @Property({ type: 'uuid' })
  organisatieId!: string;

  @ManyToOne({ entity: 'Household', nullable: true, createForeignKeyConstraint: false })
  household?: Household | null;
}

/** A per-record validation error of a delivery, retrievable page by page. */
@Entity({ tableName: 'koo_levering_fout' })
export class KooLeveringFout {
  @ManyToOne(() => KooLevering, { primary: true, deleteRule: 'cascade' })
  levering!: KooLevering;

  @PrimaryKey({ type: 'integer' })
  idx!: number;

  @PrimaryKey({ type: 'smallint' })
  nr!: number;

  @Enum({ items: () => RecordFoutCode })
  code!: RecordFoutCode;

  @Property({ type: 'string', length: 40 })
  veld!: string;

  @Property({ type: 'string', length: 300 })
  melding!: string;
}

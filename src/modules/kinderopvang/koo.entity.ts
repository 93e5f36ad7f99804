import { Entity, Enum, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { OvereenkomstStatus } from './kinderopvang.enums';

/**
 * A childcare organisation (kindercentrum/gastouderbureau holder) known to the agency, identified by
 * the organisation id of its eHerkenning token (KvK). Its LRK locations are stored here, not taken
 * from the token: the database is the authority on which LRK numbers a KOO may deliver for.
 */
@Entity({ tableName: 'koo_organisatie' })
export class KooOrganisatie extends BaseEntity {
  @Unique()
  @Property({ type: 'string', length: 64 })
  organisationId!: string;

  @Property({ type: 'string', length: 200 })
  naam!: string;

  @Enum({ items: () => OvereenkomstStatus })
  overeenkomstStatus!: OvereenkomstStatus;

  /** Outcome of the latest financial-health check (null: never checked). */
  @Property({ type: 'boolean', nullable: true })
  financieleGezondheidOk?: boolean | null;

  @Property({ type: 'date', nullable: true })
  financieleGezondheidDatum?: string | null;
}

/** A location of a KOO in the Landelijk Register Kinderopvang (LRK number: 9 digits, no check digit). */
@Entity({ tableName: 'koo_locatie' })
export class KooLocatie extends BaseEntity {
  @ManyToOne(() => KooOrganisatie, { index: true })
  organisatie!: KooOrganisatie;

  @Unique()
  @Property({ type: 'character', length: 9 })
  lrkNummer!: string;

  @Property({ type: 'string', length: 200 })
  naam!: string;

  /** Registered and active in the LRK; an inactive location cannot be delivered for. */
  @Property({ type: 'boolean', default: true })
  actief: boolean & Opt = true;
}

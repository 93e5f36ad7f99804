import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';

/** A natural person known to Dienst Toeslagen. The BSN is personal data: never logged, never in a URL. */
@Entity({ tableName: 'person' })
// BSN → id without reading the table: a KOO delivery's commit probes it once per record (docs/adr/0029).
@Index({ name: 'person_bsn_id_index', expression: 'create index "person_bsn_id_index" on "person" ("bsn") include ("id")' })
export class Person extends BaseEntity {
  @Unique()
  @Property({ type: 'character', length: 9 })
  bsn!: string;

  @Property({ type: 'string', length: 200 })
  voornamen!: string;

  @Property({ type: 'string', length: 20, nullable: true })
  tussenvoegsel?: string | null;

  @Property({ type: 'string', length: 200 })
  achternaam!: string;

  @Property({ type: 'date', nullable: true })
  geboortedatum?: string | null;

  /** Phone number the citizen gave Dienst Toeslagen, when known (copied into a vroegsignaal). */
  @Property({ type: 'string', length: 20, nullable: true })
  telefoonnummer?: string | null;

  /** E-mail address the citizen gave Dienst Toeslagen, when known (copied into a vroegsignaal). */
  @Property({ type: 'string', length: 254, nullable: true })
  email?: string | null;
}

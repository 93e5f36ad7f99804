import { Entity, Index, ManyToOne } from '@mikro-orm/core';
import type { Betalingsregeling } from './betalingsregeling.entity';
import type { Schuld } from '../schuld/schuld.entity';

/**
 * The pivot of Betalingsregeling.schulden, declared as an entity only so the lookup by schuld
 * (`Schuld.betalingsregeling`, the check that a schuld is not in another active regeling) has an
 * index: the primary key (betalingsregeling_id, schuld_id) serves lookups by regeling only. Rows are
 * written through the collection; reads go through `regelingLinks` (ids only, every entity behind
 * them is fetched through the HouseholdScope).
 */
@Entity({ tableName: 'betalingsregeling_schuld' })
export class BetalingsregelingSchuld {
  @ManyToOne({ entity: 'Betalingsregeling', primary: true, deleteRule: 'cascade', updateRule: 'cascade' })
  betalingsregeling!: Betalingsregeling;

  @ManyToOne({ entity: 'Schuld', primary: true, deleteRule: 'cascade', updateRule: 'cascade' })
  @Index({ name: 'betalingsregeling_schuld_schuld_id_index' })
  schuld!: Schuld;
}

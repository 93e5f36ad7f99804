import { Collection, Embeddable, Embedded, Entity, Index, OneToMany, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { Machtiging } from '../machtiging/machtiging.entity';
import { HouseholdMember } from './household-member.entity';

@Embeddable()
export class Adres {
  @Property({ type: 'string', length: 200 })
  straat!: string;

  @Property({ type: 'integer' })
  huisnummer!: number;

  @Property({ type: 'string', length: 10, nullable: true })
  huisnummertoevoeging?: string | null;

  @Property({ type: 'character', length: 6 })
  postcode!: string;

  @Property({ type: 'string', length: 100 })
  woonplaats!: string;
}

/** A huishouden: the unit that toeslagen, schulden and betalingsregelingen belong to (domain.md §2). */
@Entity({ tableName: 'household' })
export class Household extends BaseEntity {
  @Embedded(() => Adres, { prefix: 'adres_' })
  adres!: Adres;

  @Index()
  @Property({ type: 'character', length: 4 })
  gemeentecode!: string;

  /** Registered with UHT (herstel operation): no collection at all until the integral assessment is done. */
  @Property({ type: 'boolean', default: false })
  uhtGeregistreerd: boolean & Opt = false;

  @OneToMany(() => HouseholdMember, (m) => m.household)
  members = new Collection<HouseholdMember>(this);

  /** Used by the policy: an intermediary reaches a household through an active machtiging. */
  @OneToMany(() => Machtiging, (m) => m.household)
  machtigingen = new Collection<Machtiging>(this);

  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}

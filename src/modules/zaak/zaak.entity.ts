import { Entity, Enum, Index, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import type { Household } from '../household/household.entity';
import { Machtiging } from '../machtiging/machtiging.entity';
import { Contactvoorkeur, ZaakSoort, ZaakStatus } from './zaak.enums';

/** A case for a medewerker: a referral to persoonlijke begeleiding, an arrangement request, a hardship request. */
@Entity({ tableName: 'zaak' })
@Index({ properties: ['status', 'uiterlijkeBeslisdatum'] })
export class Zaak extends BaseEntity {
  @ManyToOne({ entity: 'Household', index: true })
  household!: Household;

  @Enum({ items: () => ZaakSoort })
  soort!: ZaakSoort;

  @Enum({ items: () => ZaakStatus })
  status!: ZaakStatus;

  /** Role of who submitted it (BURGER, INTERMEDIAIR, MEDEWERKER). */
  @Property({ type: 'string', length: 16 })
  ingediendDoorRol!: string;

  /** The intermediary organisation, when one submitted it. */
  @Property({ type: 'string', length: 64, nullable: true })
  ingediendDoorOrganisatie?: string | null;

  /** The machtiging under which an intermediary submitted it. */
  @ManyToOne(() => Machtiging, { nullable: true })
  machtiging?: Machtiging | null;

  @Property({ type: 'text' })
  reden!: string;

  @Enum({ items: () => Contactvoorkeur, nullable: true })
  contactvoorkeur?: Contactvoorkeur | null;

  /** Deadline for a decision (e.g. 8 weeks for a persoonlijke betalingsregeling); null when none applies. */
  @Property({ type: 'date', nullable: true })
  uiterlijkeBeslisdatum?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  afgehandeldOp?: Date | null;

  @Property({ type: 'text', nullable: true })
  uitkomst?: string | null;

  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}

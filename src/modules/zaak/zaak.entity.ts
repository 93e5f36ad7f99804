import { Collection, Entity, Enum, Index, ManyToMany, ManyToOne, Property, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import { Beschikking } from '../beschikking/beschikking.entity';
import { Betalingsregeling } from '../betalingsregeling/betalingsregeling.entity';
import type { Household } from '../household/household.entity';
import { Machtiging } from '../machtiging/machtiging.entity';
import { Schuld } from '../schuld/schuld.entity';
import type { ZaakBeslissing, ZaakGegevens } from './zaak-gegevens';
import { Contactvoorkeur, ZaakSoort, ZaakStatus, ZaakUitkomst } from './zaak.enums';

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

  // Persoonlijke betalingsregeling, zienswijze, hardheidsverzoek: what the zaak is about,
  // the submitted data and the recorded decision. All of it is personal data of the household: it is
  // read only through the HouseholdScope (zaak loaders), so every read is in the access log.

  /** The schulden the zaak is about (persoonlijke betalingsregeling: all covered; matiging, zienswijze: one). */
  @ManyToMany(() => Schuld, undefined, { pivotTable: 'zaak_schuld', owner: true })
  schulden = new Collection<Schuld>(this);

  /** The beschikking a zienswijze is about, when it is about a beschikking. */
  @ManyToOne(() => Beschikking, { nullable: true })
  beschikking?: Beschikking | null;

  /**
   * What was submitted (zaak-gegevens.ts): for a persoonlijke betalingsregeling the financial data
   * (income, costs, partner income, bijzondere lasten) and the provisional calculation; amounts as strings.
   */
  @Property({ type: 'jsonb', nullable: true })
  gegevens?: ZaakGegevens | null;

  /** How it ended, as a code; the text is in `uitkomst`. */
  @Enum({ items: () => ZaakUitkomst, nullable: true })
  uitkomstSoort?: ZaakUitkomst | null;

  /** The recorded decision (zaak-gegevens.ts): per-last decisions, the final calculation, a matiging's amounts. */
  @Property({ type: 'jsonb', nullable: true })
  beslissing?: ZaakBeslissing | null;

  /** Employee id of the medewerker who decided. */
  @Property({ type: 'string', length: 64, nullable: true })
  beslistDoor?: string | null;

  /** The betalingsregeling the decision made (persoonlijke betalingsregeling). */
  @ManyToOne(() => Betalingsregeling, { nullable: true })
  betalingsregeling?: Betalingsregeling | null;

  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}

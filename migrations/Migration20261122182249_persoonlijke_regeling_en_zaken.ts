import { Migration } from '@mikro-orm/migrations';

export class Migration20261122182249_persoonlijke_regeling_en_zaken extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "zaak_schuld" ("zaak_id" uuid not null, "schuld_id" uuid not null, constraint "zaak_schuld_pkey" primary key ("zaak_id", "schuld_id"));`);

    this.addSql(`alter table "zaak_schuld" add constraint "zaak_schuld_zaak_id_foreign" foreign key ("zaak_id") references "zaak" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "zaak_schuld" add constraint "zaak_schuld_schuld_id_foreign" foreign key ("schuld_id") references "schuld" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "schuld" drop constraint if exists "schuld_status_check";`);

    this.addSql(`alter table "schuld_event" drop constraint if exists "schuld_event_soort_check";`);
    this.addSql(`alter table "schuld_event" drop constraint if exists "schuld_event_van_status_check";`);
    this.addSql(`alter table "schuld_event" drop constraint if exists "schuld_event_naar_status_check";`);

    this.addSql(`alter table "zaak" drop constraint if exists "zaak_soort_check";`);

    this.addSql(`alter table "betalingsregeling" add column "herzieningsdatum" date null, add column "restant_na_looptijd" numeric(15,2) null;`);

    this.addSql(`alter table "schuld" add constraint "schuld_status_check" check("status" in ('OPEN', 'IN_BETALINGSREGELING', 'VERREKEND', 'HERINNERD', 'AANGEMAAND', 'DWANGBEVEL', 'VOLDAAN', 'KWIJTGESCHOLDEN', 'BUITEN_INVORDERING', 'GEEN_INVORDERINGSMAATREGELEN'));`);

    this.addSql(`alter table "schuld_event" add constraint "schuld_event_soort_check" check("soort" in ('ONTSTAAN', 'HERINNERING', 'AANMANING', 'DWANGBEVEL', 'BETALING', 'REGELING_GESTART', 'REGELING_BEEINDIGD', 'GEPAUZEERD', 'HERVAT', 'BUITEN_INVORDERING', 'VOLDAAN', 'KWIJTGESCHOLDEN', 'MATIGING', 'GEEN_INVORDERINGSMAATREGELEN'));`);
    this.addSql(`alter table "schuld_event" add constraint "schuld_event_van_status_check" check("van_status" in ('OPEN', 'IN_BETALINGSREGELING', 'VERREKEND', 'HERINNERD', 'AANGEMAAND', 'DWANGBEVEL', 'VOLDAAN', 'KWIJTGESCHOLDEN', 'BUITEN_INVORDERING', 'GEEN_INVORDERINGSMAATREGELEN'));`);
    this.addSql(`alter table "schuld_event" add constraint "schuld_event_naar_status_check" check("naar_status" in ('OPEN', 'IN_BETALINGSREGELING', 'VERREKEND', 'HERINNERD', 'AANGEMAAND', 'DWANGBEVEL', 'VOLDAAN', 'KWIJTGESCHOLDEN', 'BUITEN_INVORDERING', 'GEEN_INVORDERINGSMAATREGELEN'));`);

    this.addSql(`alter table "zaak" add column "beschikking_id" uuid null, add column "gegevens" jsonb null, add column "uitkomst_soort" text check ("uitkomst_soort" in ('STANDAARDREGELING', 'PERSOONLIJKE_REGELING', 'VERLENGDE_REGELING', 'GEEN_CAPACITEIT', 'GEMATIGD', 'KWIJTGESCHOLDEN', 'MATIGING_AFGEWEZEN', 'ZIENSWIJZE_GEGROND', 'ZIENSWIJZE_ONGEGROND')) null, add column "beslissing" jsonb null, add column "beslist_door" varchar(64) null, add column "betalingsregeling_id" uuid null;`);
    this.addSql(`alter table "zaak" add constraint "zaak_beschikking_id_foreign" foreign key ("beschikking_id") references "beschikking" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "zaak" add constraint "zaak_betalingsregeling_id_foreign" foreign key ("betalingsregeling_id") references "betalingsregeling" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "zaak" add constraint "zaak_soort_check" check("soort" in ('PERSOONLIJKE_BEGELEIDING', 'PERSOONLIJKE_BETALINGSREGELING', 'HARDHEIDSVERZOEK', 'ZIENSWIJZE'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "zaak_schuld" cascade;`);

    this.addSql(`alter table "schuld" drop constraint if exists "schuld_status_check";`);

    this.addSql(`alter table "schuld_event" drop constraint if exists "schuld_event_soort_check";`);
    this.addSql(`alter table "schuld_event" drop constraint if exists "schuld_event_van_status_check";`);
    this.addSql(`alter table "schuld_event" drop constraint if exists "schuld_event_naar_status_check";`);

    this.addSql(`alter table "zaak" drop constraint if exists "zaak_soort_check";`);

    this.addSql(`alter table "zaak" drop constraint "zaak_beschikking_id_foreign";`);
    this.addSql(`alter table "zaak" drop constraint "zaak_betalingsregeling_id_foreign";`);

    this.addSql(`alter table "betalingsregeling" drop column "herzieningsdatum", drop column "restant_na_looptijd";`);

    this.addSql(`alter table "schuld" add constraint "schuld_status_check" check("status" in ('OPEN', 'IN_BETALINGSREGELING', 'VERREKEND', 'HERINNERD', 'AANGEMAAND', 'DWANGBEVEL', 'VOLDAAN', 'KWIJTGESCHOLDEN', 'BUITEN_INVORDERING'));`);

    this.addSql(`alter table "schuld_event" add constraint "schuld_event_soort_check" check("soort" in ('ONTSTAAN', 'HERINNERING', 'AANMANING', 'DWANGBEVEL', 'BETALING', 'REGELING_GESTART', 'REGELING_BEEINDIGD', 'GEPAUZEERD', 'HERVAT', 'BUITEN_INVORDERING', 'VOLDAAN', 'KWIJTGESCHOLDEN'));`);
    this.addSql(`alter table "schuld_event" add constraint "schuld_event_van_status_check" check("van_status" in ('OPEN', 'IN_BETALINGSREGELING', 'VERREKEND', 'HERINNERD', 'AANGEMAAND', 'DWANGBEVEL', 'VOLDAAN', 'KWIJTGESCHOLDEN', 'BUITEN_INVORDERING'));`);
    this.addSql(`alter table "schuld_event" add constraint "schuld_event_naar_status_check" check("naar_status" in ('OPEN', 'IN_BETALINGSREGELING', 'VERREKEND', 'HERINNERD', 'AANGEMAAND', 'DWANGBEVEL', 'VOLDAAN', 'KWIJTGESCHOLDEN', 'BUITEN_INVORDERING'));`);

    this.addSql(`alter table "zaak" drop column "beschikking_id", drop column "gegevens", drop column "uitkomst_soort", drop column "beslissing", drop column "beslist_door", drop column "betalingsregeling_id";`);

    this.addSql(`alter table "zaak" add constraint "zaak_soort_check" check("soort" in ('PERSOONLIJKE_BEGELEIDING', 'PERSOONLIJKE_BETALINGSREGELING', 'HARDHEIDSVERZOEK'));`);
  }

}

import { Migration } from '@mikro-orm/migrations';

/**
 * Payments, missed termijnen, betaalpauze and verrekening: tables betaling, verrekening and
 * beslagvrije_voet; betalingskenmerk numbers for schulden (1 … 499999999999999) and regelingen
 * (from 500000000000000), so one kenmerk names exactly one of them (existing rows get theirs when the
 * column is added); the norms of the missed-termijn process (assumptions) and the processing
 * activity of the bank-statement import.
 */
export class Migration20261122182249_betalingen_verrekening extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "beslagvrije_voet" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid not null, "datum" date not null, "geldig_tot" date not null, "huishoudtype" varchar(24) not null, "inkomen" numeric(15,2) not null, "bedrag" numeric(15,2) not null, "ruimte" numeric(15,2) not null, "regels" jsonb not null, constraint "beslagvrije_voet_pkey" primary key ("id"));`);
    this.addSql(`create index "beslagvrije_voet_household_id_index" on "beslagvrije_voet" ("household_id");`);

    this.addSql(`create table "betaling" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid not null, "bank_referentie" varchar(64) not null, "datum" date not null, "bedrag" numeric(15,2) not null, "schuld_id" uuid null, "betalingsregeling_id" uuid null, "toegerekend" numeric(15,2) not null, "overschot" numeric(15,2) not null, "toerekening" jsonb not null, "bron" varchar(16) not null, "version" int not null default 1, constraint "betaling_pkey" primary key ("id"));`);
    this.addSql(`create index "betaling_household_id_index" on "betaling" ("household_id");`);
    this.addSql(`alter table "betaling" add constraint "betaling_bank_referentie_unique" unique ("bank_referentie");`);
    this.addSql(`create index "betaling_schuld_id_index" on "betaling" ("schuld_id");`);
    this.addSql(`create index "betaling_betalingsregeling_id_index" on "betaling" ("betalingsregeling_id");`);

    this.addSql(`create table "verrekening" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid not null, "schuld_id" uuid not null, "toeslag_id" uuid not null, "soort" text check ("soort" in ('OP_VERZOEK', 'AMBTSHALVE')) not null, "status" text check ("status" in ('ACTIEF', 'VOLTOOID', 'ONGEDAAN')) not null default 'ACTIEF', "maandbedrag" numeric(15,2) not null, "ingangsdatum" date not null, "laatste_maand" date null, "verrekend_kosten" numeric(15,2) not null default 0, "verrekend_hoofdsom" numeric(15,2) not null default 0, "vorige_status" text check ("vorige_status" in ('OPEN', 'IN_BETALINGSREGELING', 'VERREKEND', 'HERINNERD', 'AANGEMAAND', 'DWANGBEVEL', 'VOLDAAN', 'KWIJTGESCHOLDEN', 'BUITEN_INVORDERING')) not null, "beslagvrije_voet_id" uuid not null, "afgesloten_op" date null, "ongedaan_reden" text null, "bron" varchar(16) not null, "version" int not null default 1, constraint "verrekening_pkey" primary key ("id"));`);
    this.addSql(`create index "verrekening_household_id_index" on "verrekening" ("household_id");`);
    this.addSql(`create index "verrekening_schuld_id_index" on "verrekening" ("schuld_id");`);
    this.addSql(`create index "verrekening_toeslag_id_index" on "verrekening" ("toeslag_id");`);

    this.addSql(`alter table "beslagvrije_voet" add constraint "beslagvrije_voet_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);

    this.addSql(`alter table "betaling" add constraint "betaling_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);
    this.addSql(`alter table "betaling" add constraint "betaling_schuld_id_foreign" foreign key ("schuld_id") references "schuld" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "betaling" add constraint "betaling_betalingsregeling_id_foreign" foreign key ("betalingsregeling_id") references "betalingsregeling" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "verrekening" add constraint "verrekening_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);
    this.addSql(`alter table "verrekening" add constraint "verrekening_schuld_id_foreign" foreign key ("schuld_id") references "schuld" ("id") on update cascade;`);
    this.addSql(`alter table "verrekening" add constraint "verrekening_toeslag_id_foreign" foreign key ("toeslag_id") references "toeslag" ("id") on update cascade;`);
    this.addSql(`alter table "verrekening" add constraint "verrekening_beslagvrije_voet_id_foreign" foreign key ("beslagvrije_voet_id") references "beslagvrije_voet" ("id") on update cascade;`);

    this.addSql(`alter table "schuld_event" drop constraint if exists "schuld_event_soort_check";`);

    this.addSql(`alter table "betalingsregeling" add column "kenmerk_nummer" bigserial, add column "aantal_gemist" smallint not null default 0, add column "herinnerd_op" date null, add column "betaalpauze_vanaf" date null, add column "betaalpauze_tot" date null, add column "betaalpauze_reden" text null, add column "afgesloten_op" date null;`);
    this.addSql(`alter table "betalingsregeling" add constraint "betalingsregeling_kenmerk_nummer_unique" unique ("kenmerk_nummer");`);

    this.addSql(`alter table "termijn" add column "gemist_op" date null;`);

    this.addSql(`alter table "toeslag" add column "verrekend_maandbedrag" numeric(15,2) not null default 0;`);

    this.addSql(`alter table "schuld" add column "kenmerk_nummer" bigserial;`);
    this.addSql(`alter table "schuld" add constraint "schuld_kenmerk_nummer_unique" unique ("kenmerk_nummer");`);

    this.addSql(`alter table "schuld_event" add constraint "schuld_event_soort_check" check("soort" in ('ONTSTAAN', 'HERINNERING', 'AANMANING', 'DWANGBEVEL', 'BETALING', 'REGELING_GESTART', 'REGELING_BEEINDIGD', 'GEPAUZEERD', 'HERVAT', 'BUITEN_INVORDERING', 'VOLDAAN', 'KWIJTGESCHOLDEN', 'TERMIJN_VERSCHOVEN', 'REGELING_HERINNERING', 'BETAALPAUZE', 'VERREKENING_GESTART', 'VERREKENING', 'VERREKENING_ONGEDAAN'));`);

    // Disjoint kenmerk ranges for schulden and regelingen.
    this.addSql(`alter sequence "schuld_kenmerk_nummer_seq" maxvalue 499999999999999;`);
    this.addSql(`update "betalingsregeling" set "kenmerk_nummer" = "kenmerk_nummer" + 500000000000000;`);
    this.addSql(`select setval('betalingsregeling_kenmerk_nummer_seq', 500000000000000 + coalesce((select max("kenmerk_nummer") - 500000000000000 from "betalingsregeling"), 0) + 1, false);`);

    this.addSql(`insert into "norm" ("code", "geldig_vanaf", "waarde", "eenheid", "omschrijving", "bron", "aanname") values
      ('REGELING_GEMIST_NA_DAGEN', '2000-01-01', 14, 'DAGEN', 'Betalingsregeling: een termijn telt als gemist als hij dit aantal dagen na de vervaldatum nog niet volledig is betaald', 'aanname (seed 004, Doenlijk(er) invorderen: verwerkingstijd van betalingen)', true),
      ('REGELING_BEEINDIGING_NA_DAGEN', '2000-01-01', 28, 'DAGEN', 'Betalingsregeling: eindigt als er dit aantal dagen na de herinnering nog een termijn gemist is', 'aanname (seed 004: bij aanhoudende niet-betaling eindigt de regeling)', true),
      ('BETAALPAUZE_MAX_MAANDEN', '2000-01-01', 6, 'MAANDEN', 'Langste betaalpauze die een medewerker kan toekennen', 'aanname (seed 004: betaalpauze)', true);`);
    this.addSql(`insert into "processing_activity" ("id", "name", "purpose", "legal_basis", "retention_months") values
      ('betalingen-verwerken', 'Ontvangen betalingen verwerken',
       'Booking received payments from bank statements on schulden and betalingsregelingen.',
       'AVG art. 6(1)(c) and (e); Invorderingswet 1990', 84);`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "norm" where "code" in ('REGELING_GEMIST_NA_DAGEN', 'REGELING_BEEINDIGING_NA_DAGEN', 'BETAALPAUZE_MAX_MAANDEN');`);
    this.addSql(`delete from "processing_activity" where "id" = 'betalingen-verwerken';`);
    this.addSql(`alter table "verrekening" drop constraint "verrekening_beslagvrije_voet_id_foreign";`);

    this.addSql(`drop table if exists "beslagvrije_voet" cascade;`);

    this.addSql(`drop table if exists "betaling" cascade;`);

    this.addSql(`drop table if exists "verrekening" cascade;`);

    this.addSql(`alter table "schuld_event" drop constraint if exists "schuld_event_soort_check";`);

    this.addSql(`alter table "betalingsregeling" drop constraint "betalingsregeling_kenmerk_nummer_unique";`);
    this.addSql(`alter table "betalingsregeling" drop column "kenmerk_nummer", drop column "aantal_gemist", drop column "herinnerd_op", drop column "betaalpauze_vanaf", drop column "betaalpauze_tot", drop column "betaalpauze_reden", drop column "afgesloten_op";`);

    this.addSql(`alter table "schuld" drop constraint "schuld_kenmerk_nummer_unique";`);
    this.addSql(`alter table "schuld" drop column "kenmerk_nummer";`);

    this.addSql(`alter table "schuld_event" add constraint "schuld_event_soort_check" check("soort" in ('ONTSTAAN', 'HERINNERING', 'AANMANING', 'DWANGBEVEL', 'BETALING', 'REGELING_GESTART', 'REGELING_BEEINDIGD', 'GEPAUZEERD', 'HERVAT', 'BUITEN_INVORDERING', 'VOLDAAN', 'KWIJTGESCHOLDEN'));`);

    this.addSql(`alter table "termijn" drop column "gemist_op";`);

    this.addSql(`alter table "toeslag" drop column "verrekend_maandbedrag";`);
  }

}

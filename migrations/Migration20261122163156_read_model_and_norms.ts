import { Migration } from '@mikro-orm/migrations';

export class Migration20261122163156_read_model_and_norms extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "invordering_run" ("datum" date not null, "gestart_op" timestamptz not null, "klaar_op" timestamptz null, "resultaat" jsonb not null, constraint "invordering_run_pkey" primary key ("datum"));`);

    this.addSql(`create table "norm" ("id" serial primary key, "code" varchar(64) not null, "geldig_vanaf" date not null, "waarde" numeric(15,2) not null, "eenheid" varchar(16) not null, "omschrijving" text not null, "bron" text not null, "aanname" boolean not null default false);`);
    this.addSql(`alter table "norm" add constraint "norm_code_geldig_vanaf_unique" unique ("code", "geldig_vanaf");`);

    this.addSql(`create table "termijn" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid not null, "betalingsregeling_id" uuid not null, "volgnummer" smallint not null, "vervaldatum" date not null, "bedrag" numeric(15,2) not null, "betaald_bedrag" numeric(15,2) not null default 0, "betaald_op" date null, constraint "termijn_pkey" primary key ("id"));`);
    this.addSql(`create index "termijn_household_id_index" on "termijn" ("household_id");`);
    this.addSql(`alter table "termijn" add constraint "termijn_betalingsregeling_id_volgnummer_unique" unique ("betalingsregeling_id", "volgnummer");`);

    this.addSql(`create table "beschikking" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid not null, "toeslag_id" uuid not null, "soort" text check ("soort" in ('VOORLOPIG', 'WIJZIGING', 'DEFINITIEF', 'TERUGVORDERING')) not null, "nummer" varchar(32) not null, "dagtekening" date not null, "ingangsdatum" date null, "jaarbedrag" numeric(15,2) null, "voorschot_maandbedrag" numeric(15,2) null, "voorschot_percentage" smallint null, "betaalde_voorschotten" numeric(15,2) null, "terug_te_betalen" numeric(15,2) null, "reden" text null, constraint "beschikking_pkey" primary key ("id"));`);
    this.addSql(`create index "beschikking_household_id_index" on "beschikking" ("household_id");`);
    this.addSql(`alter table "beschikking" add constraint "beschikking_nummer_unique" unique ("nummer");`);
    this.addSql(`create index "beschikking_toeslag_id_dagtekening_index" on "beschikking" ("toeslag_id", "dagtekening");`);

    this.addSql(`create table "schuld_event" ("id" bigserial primary key, "household_id" uuid not null, "schuld_id" uuid not null, "datum" date not null, "soort" text check ("soort" in ('ONTSTAAN', 'HERINNERING', 'AANMANING', 'DWANGBEVEL', 'BETALING', 'REGELING_GESTART', 'REGELING_BEEINDIGD', 'GEPAUZEERD', 'HERVAT', 'BUITEN_INVORDERING', 'VOLDAAN', 'KWIJTGESCHOLDEN')) not null, "van_status" text check ("van_status" in ('OPEN', 'IN_BETALINGSREGELING', 'VERREKEND', 'HERINNERD', 'AANGEMAAND', 'DWANGBEVEL', 'VOLDAAN', 'KWIJTGESCHOLDEN', 'BUITEN_INVORDERING')) null, "naar_status" text check ("naar_status" in ('OPEN', 'IN_BETALINGSREGELING', 'VERREKEND', 'HERINNERD', 'AANGEMAAND', 'DWANGBEVEL', 'VOLDAAN', 'KWIJTGESCHOLDEN', 'BUITEN_INVORDERING')) null, "bedrag" numeric(15,2) null, "reden" text not null, "bron" varchar(16) not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create index "schuld_event_household_id_index" on "schuld_event" ("household_id");`);
    this.addSql(`create index "schuld_event_schuld_id_datum_id_index" on "schuld_event" ("schuld_id", "datum", "id");`);

    this.addSql(`alter table "termijn" add constraint "termijn_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);
    this.addSql(`alter table "termijn" add constraint "termijn_betalingsregeling_id_foreign" foreign key ("betalingsregeling_id") references "betalingsregeling" ("id") on update cascade;`);

    this.addSql(`alter table "beschikking" add constraint "beschikking_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);
    this.addSql(`alter table "beschikking" add constraint "beschikking_toeslag_id_foreign" foreign key ("toeslag_id") references "toeslag" ("id") on update cascade;`);

    this.addSql(`alter table "schuld_event" add constraint "schuld_event_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);
    this.addSql(`alter table "schuld_event" add constraint "schuld_event_schuld_id_foreign" foreign key ("schuld_id") references "schuld" ("id") on update cascade;`);

    this.addSql(`alter table "toeslag" add column "berekend_voorschot_maandbedrag" numeric(15,2) null, add column "version" int not null default 1;`);

    this.addSql(`alter table "schuld" drop column "beschikkingsnummer";`);

    this.addSql(`alter table "schuld" add column "beschikking_id" uuid not null, add column "kosten" numeric(15,2) not null default 0, add column "status_sinds" date not null;`);
    this.addSql(`alter table "schuld" add constraint "schuld_beschikking_id_foreign" foreign key ("beschikking_id") references "beschikking" ("id") on update cascade;`);
    this.addSql(`create index "schuld_beschikking_id_index" on "schuld" ("beschikking_id");`);
    this.addSql(`create index "schuld_status_status_sinds_index" on "schuld" ("status", "status_sinds");`);

    // The versioned norms table (domain.md §3). Rows marked aanname are assumptions to verify
    // against the Staatscourant / Kostenbesluit before production; they are data, never inlined.
    this.addSql(`insert into "norm" ("code", "geldig_vanaf", "waarde", "eenheid", "omschrijving", "bron", "aanname") values
      ('BETAALTERMIJN_DAGEN', '2000-01-01', 42, 'DAGEN', 'Betaaltermijn van een terugvordering: 6 weken na de dagtekening', 'domain.md §2; seed 004', false),
      ('HERINNERING_NA_DAGEN', '2000-01-01', 7, 'DAGEN', 'Dagen na de vervaldatum tot de (kosteloze) betalingsherinnering', 'aanname', true),
      ('AANMANING_NA_DAGEN', '2000-01-01', 14, 'DAGEN', 'Dagen na de herinnering tot de aanmaning', 'aanname (Invorderingswet 1990 art. 11)', true),
      ('DWANGBEVEL_NA_DAGEN', '2000-01-01', 14, 'DAGEN', 'Dagen na de aanmaning tot het dwangbevel', 'aanname (Invorderingswet 1990 art. 12)', true),
      ('AANMANINGSKOSTEN', '2000-01-01', 8.00, 'EUR', 'Kosten van een aanmaning (in werkelijkheid gestaffeld)', 'aanname (Kostenbesluit invordering rijksbelastingen)', true),
      ('DWANGBEVELKOSTEN', '2000-01-01', 48.00, 'EUR', 'Kosten van een dwangbevel (in werkelijkheid gestaffeld)', 'aanname (Kostenbesluit invordering rijksbelastingen)', true),
      ('DOELMATIGHEIDSGRENS', '2000-01-01', 116.00, 'EUR', 'Terugvorderingen tot en met dit bedrag per toeslag en berekeningsjaar worden niet ingevorderd', 'aanname: vóór 2024 niet bekend, gelijk gehouden aan 2024', true),
      ('DOELMATIGHEIDSGRENS', '2024-01-01', 116.00, 'EUR', 'Terugvorderingen tot en met dit bedrag per toeslag en berekeningsjaar worden niet ingevorderd', 'domain.md §3', false),
      ('BUITEN_INVORDERING_TM_JAAR', '2000-01-01', 2016, 'JAAR', 'Schulden met dagtekening in dit jaar of eerder zijn buiten invordering, behalve bij (vermoeden van) fraude', 'seeds 000 en 002', false);`);

    this.addSql(`insert into "processing_activity" ("id", "name", "purpose", "legal_basis", "retention_months") values
      ('burger-verzoek', 'Verzoek of wijziging door de burger',
       'Handling a citizen''s own request or change: voorschotpercentage, betalingsregeling, zienswijze.',
       'AVG art. 6(1)(e); Awir; Invorderingswet 1990', 84),
      ('invordering-schulden', 'Dagelijkse invordering van schulden',
       'Advancing schulden through collection (herinnering, aanmaning, dwangbevel), pausing and resuming them.',
       'AVG art. 6(1)(c) and (e); Invorderingswet 1990; Leidraad Invordering 2008', 84);`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "processing_activity" where "id" in ('burger-verzoek', 'invordering-schulden');`);
    this.addSql(`alter table "schuld" drop constraint "schuld_beschikking_id_foreign";`);

    this.addSql(`drop table if exists "invordering_run" cascade;`);

    this.addSql(`drop table if exists "norm" cascade;`);

    this.addSql(`drop table if exists "termijn" cascade;`);

    this.addSql(`drop table if exists "beschikking" cascade;`);

    this.addSql(`drop table if exists "schuld_event" cascade;`);

    this.addSql(`drop index "schuld_beschikking_id_index";`);
    this.addSql(`drop index "schuld_status_status_sinds_index";`);
    this.addSql(`alter table "schuld" drop column "beschikking_id", drop column "kosten", drop column "status_sinds";`);

    this.addSql(`alter table "schuld" add column "beschikkingsnummer" varchar(32) not null;`);

    this.addSql(`alter table "toeslag" drop column "berekend_voorschot_maandbedrag", drop column "version";`);
  }

}

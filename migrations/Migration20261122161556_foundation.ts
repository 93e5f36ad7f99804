import { Migration } from '@mikro-orm/migrations';

export class Migration20261122161556_foundation extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "household" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "adres_straat" varchar(200) not null, "adres_huisnummer" int not null, "adres_huisnummertoevoeging" varchar(10) null, "adres_postcode" char(6) not null, "adres_woonplaats" varchar(100) not null, "gemeentecode" char(4) not null, "uht_geregistreerd" boolean not null default false, "version" int not null default 1, constraint "household_pkey" primary key ("id"));`);
    this.addSql(`create index "household_gemeentecode_index" on "household" ("gemeentecode");`);

    this.addSql(`create table "betalingsregeling" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid not null, "soort" text check ("soort" in ('STANDAARD', 'PERSOONLIJK', 'VERLENGD')) not null, "status" text check ("status" in ('ACTIEF', 'VOLDAAN', 'BEEINDIGD')) not null default 'ACTIEF', "totaal_bedrag" numeric(15,2) not null, "termijnbedrag" numeric(15,2) not null, "aantal_termijnen" smallint not null, "startdatum" date not null, "version" int not null default 1, constraint "betalingsregeling_pkey" primary key ("id"));`);
    this.addSql(`create index "betalingsregeling_household_id_index" on "betalingsregeling" ("household_id");`);

    this.addSql(`create table "person" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "bsn" char(9) not null, "voornamen" varchar(200) not null, "tussenvoegsel" varchar(20) null, "achternaam" varchar(200) not null, "geboortedatum" date null, constraint "person_pkey" primary key ("id"));`);
    this.addSql(`alter table "person" add constraint "person_bsn_unique" unique ("bsn");`);

    this.addSql(`create table "household_member" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid not null, "person_id" uuid not null, "rol" text check ("rol" in ('AANVRAGER', 'TOESLAGPARTNER', 'KIND', 'MEDEBEWONER')) not null, "vanaf" date not null, "tot" date null, constraint "household_member_pkey" primary key ("id"));`);
    this.addSql(`create index "household_member_household_id_index" on "household_member" ("household_id");`);
    this.addSql(`create index "household_member_person_id_tot_index" on "household_member" ("person_id", "tot");`);

    this.addSql(`create table "processing_activity" ("id" varchar(64) not null, "name" varchar(200) not null, "purpose" text not null, "legal_basis" text not null, "retention_months" smallint not null, constraint "processing_activity_pkey" primary key ("id"));`);

    this.addSql(`create table "access_log_entry" ("id" bigserial primary key, "trace_id" char(32) not null, "span_id" char(16) not null, "parent_span_id" char(16) null, "operation_name" varchar(200) not null, "operation_type" varchar(8) not null, "resources" text[] not null, "processing_activity_id" varchar(64) not null, "household_id" uuid not null, "data_subject" char(64) null, "actor_role" varchar(16) not null, "actor_subject" varchar(200) not null, "actor_organisation" varchar(64) null, "on_behalf_of_machtiging_id" uuid null, "started_at" timestamptz not null, "ended_at" timestamptz not null, "status" varchar(8) not null);`);
    this.addSql(`create index "access_log_entry_trace_id_index" on "access_log_entry" ("trace_id");`);
    this.addSql(`create index "access_log_entry_household_id_started_at_index" on "access_log_entry" ("household_id", "started_at");`);

    this.addSql(`create table "toeslag" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid not null, "soort" text check ("soort" in ('ZORGTOESLAG', 'HUURTOESLAG', 'KINDEROPVANGTOESLAG', 'KINDGEBONDEN_BUDGET')) not null, "berekeningsjaar" smallint not null, "status" text check ("status" in ('AANGEVRAAGD', 'VOORLOPIG_TOEGEKEND', 'DEFINITIEF_TOEGEKEND', 'AFGEWEZEN', 'BEEINDIGD')) not null, "voorschot_maandbedrag" numeric(15,2) null, "voorschot_percentage" smallint not null default 100, constraint "toeslag_pkey" primary key ("id"));`);
    this.addSql(`create index "toeslag_household_id_index" on "toeslag" ("household_id");`);
    this.addSql(`alter table "toeslag" add constraint "toeslag_household_id_soort_berekeningsjaar_unique" unique ("household_id", "soort", "berekeningsjaar");`);

    this.addSql(`create table "schuld" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid not null, "toeslag_id" uuid not null, "beschikkingsnummer" varchar(32) not null, "dagtekening" date not null, "vervaldatum" date not null, "oorspronkelijk_bedrag" numeric(15,2) not null, "openstaand_bedrag" numeric(15,2) not null, "fraude" boolean not null default false, "status" text check ("status" in ('OPEN', 'IN_BETALINGSREGELING', 'VERREKEND', 'HERINNERD', 'AANGEMAAND', 'DWANGBEVEL', 'VOLDAAN', 'KWIJTGESCHOLDEN', 'BUITEN_INVORDERING')) not null default 'OPEN', "gepauzeerd" boolean not null default false, "version" int not null default 1, constraint "schuld_pkey" primary key ("id"));`);
    this.addSql(`create index "schuld_toeslag_id_index" on "schuld" ("toeslag_id");`);
    this.addSql(`create index "schuld_household_id_vervaldatum_index" on "schuld" ("household_id", "vervaldatum");`);

    this.addSql(`create table "betalingsregeling_schuld" ("betalingsregeling_id" uuid not null, "schuld_id" uuid not null, constraint "betalingsregeling_schuld_pkey" primary key ("betalingsregeling_id", "schuld_id"));`);

    this.addSql(`alter table "betalingsregeling" add constraint "betalingsregeling_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);

    this.addSql(`alter table "household_member" add constraint "household_member_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);
    this.addSql(`alter table "household_member" add constraint "household_member_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`);

    this.addSql(`alter table "access_log_entry" add constraint "access_log_entry_processing_activity_id_foreign" foreign key ("processing_activity_id") references "processing_activity" ("id") on update cascade;`);

    this.addSql(`alter table "toeslag" add constraint "toeslag_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);

    this.addSql(`alter table "schuld" add constraint "schuld_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);
    this.addSql(`alter table "schuld" add constraint "schuld_toeslag_id_foreign" foreign key ("toeslag_id") references "toeslag" ("id") on update cascade;`);

    this.addSql(`alter table "betalingsregeling_schuld" add constraint "betalingsregeling_schuld_betalingsregeling_id_foreign" foreign key ("betalingsregeling_id") references "betalingsregeling" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "betalingsregeling_schuld" add constraint "betalingsregeling_schuld_schuld_id_foreign" foreign key ("schuld_id") references "schuld" ("id") on update cascade on delete cascade;`);

    // The register of processing activities (Logboek Dataverwerkingen). Retention of 84 months
    // (7 years) is an assumption pending the agency's selectielijst; it is data, change it here.
    this.addSql(`insert into "processing_activity" ("id", "name", "purpose", "legal_basis", "retention_months") values
      ('burger-inzage-eigen-gegevens', 'Inzage eigen gegevens door de burger',
       'Informing the citizen about their own household, toeslagen, schulden and betalingsregelingen.',
       'AVG art. 6(1)(e) and art. 15; Algemene wet inkomensafhankelijke regelingen (Awir)', 84),
      ('medewerker-zaakbehandeling', 'Zaakbehandeling door een medewerker',
       'Deciding on toeslagen, terugvorderingen, betalingsregelingen and hardship requests.',
       'AVG art. 6(1)(c) and (e); Awir; Invorderingswet 1990; Leidraad Invordering 2008', 84),
      ('intermediair-machtiging', 'Hulp door een gemachtigde intermediair',
       'Reading and acting for a client under the client''s machtiging.',
       'AVG art. 6(1)(e); machtiging by the data subject (Awir art. 46 ff.)', 84);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "betalingsregeling" drop constraint "betalingsregeling_household_id_foreign";`);

    this.addSql(`alter table "household_member" drop constraint "household_member_household_id_foreign";`);

    this.addSql(`alter table "toeslag" drop constraint "toeslag_household_id_foreign";`);

    this.addSql(`alter table "schuld" drop constraint "schuld_household_id_foreign";`);

    this.addSql(`alter table "betalingsregeling_schuld" drop constraint "betalingsregeling_schuld_betalingsregeling_id_foreign";`);

    this.addSql(`alter table "household_member" drop constraint "household_member_person_id_foreign";`);

    this.addSql(`alter table "access_log_entry" drop constraint "access_log_entry_processing_activity_id_foreign";`);

    this.addSql(`alter table "schuld" drop constraint "schuld_toeslag_id_foreign";`);

    this.addSql(`alter table "betalingsregeling_schuld" drop constraint "betalingsregeling_schuld_schuld_id_foreign";`);

    this.addSql(`drop table if exists "household" cascade;`);

    this.addSql(`drop table if exists "betalingsregeling" cascade;`);

    this.addSql(`drop table if exists "person" cascade;`);

    this.addSql(`drop table if exists "household_member" cascade;`);

    this.addSql(`drop table if exists "processing_activity" cascade;`);

    this.addSql(`drop table if exists "access_log_entry" cascade;`);

    this.addSql(`drop table if exists "toeslag" cascade;`);

    this.addSql(`drop table if exists "schuld" cascade;`);

    this.addSql(`drop table if exists "betalingsregeling_schuld" cascade;`);
  }

}

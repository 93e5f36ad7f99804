import { Migration } from '@mikro-orm/migrations';

export class Migration20261122184511_kinderopvang extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "koo_organisatie" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisation_id" varchar(64) not null, "naam" varchar(200) not null, "overeenkomst_status" text check ("overeenkomst_status" in ('OUD_CONVENANT', 'NIEUWE_OVEREENKOMST', 'GEEN', 'GESCHORST')) not null, "financiele_gezondheid_ok" boolean null, "financiele_gezondheid_datum" date null, constraint "koo_organisatie_pkey" primary key ("id"));`);
    this.addSql(`alter table "koo_organisatie" add constraint "koo_organisatie_organisation_id_unique" unique ("organisation_id");`);

    this.addSql(`create table "koo_locatie" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisatie_id" uuid not null, "lrk_nummer" char(9) not null, "naam" varchar(200) not null, "actief" boolean not null default true, constraint "koo_locatie_pkey" primary key ("id"));`);
    this.addSql(`create index "koo_locatie_organisatie_id_index" on "koo_locatie" ("organisatie_id");`);
    this.addSql(`alter table "koo_locatie" add constraint "koo_locatie_lrk_nummer_unique" unique ("lrk_nummer");`);

    this.addSql(`create table "koo_levering" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "organisatie_id" uuid not null, "periode" char(7) not null, "idempotency_key" varchar(100) not null, "inhoud_hash" char(64) not null, "bulk" boolean not null, "status" text check ("status" in ('ONTVANGEN', 'VERWERKT', 'VERVANGEN', 'AFGEWEZEN', 'MISLUKT')) not null, "aantal_records" int not null default 0, "aantal_fouten" int not null default 0, "aantal_boven_max_uurprijs" int not null default 0, "aantal_chunks" int not null default 0, "aantal_gekoppeld" int not null default 0, "versie" int null, "vervangen_door" uuid null, "verwerkt_op" timestamptz null, "melding" varchar(500) null, "mutaties_bepaald_op" date null, constraint "koo_levering_pkey" primary key ("id"));`);
    this.addSql(`create index "koo_levering_organisatie_id_periode_status_index" on "koo_levering" ("organisatie_id", "periode", "status");`);
    this.addSql(`alter table "koo_levering" add constraint "koo_levering_organisatie_id_idempotency_key_unique" unique ("organisatie_id", "idempotency_key");`);

    this.addSql(`create table "koo_levering_fout" ("levering_id" uuid not null, "idx" int not null, "nr" smallint not null, "code" text check ("code" in ('BSN_ONGELDIG', 'LRK_NIET_VAN_KOO', 'PERIODE_ONGELDIG', 'NEGATIEF_BEDRAG', 'CONTRACTEINDDATUM_ONGELDIG', 'VELD_ONGELDIG')) not null, "veld" varchar(40) not null, "melding" varchar(300) not null, constraint "koo_levering_fout_pkey" primary key ("levering_id", "idx", "nr"));`);

    this.addSql(`create table "koo_levering_chunk" ("levering_id" uuid not null, "volgnummer" int not null, "inhoud_hash" char(64) not null, "aantal_records" int not null, "aantal_fouten" int not null, "ontvangen_op" timestamptz not null default now(), constraint "koo_levering_chunk_pkey" primary key ("levering_id", "volgnummer"));`);

    this.addSql(`create table "koo_convenanttegoed" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid not null, "organisatie_id" uuid not null, "periode" char(7) not null, "bedrag" numeric(15,2) not null, "status" text check ("status" in ('OPEN', 'UITBETAALD_DOOR_KOO', 'OVERGEDRAGEN', 'UITBETAALD_DOOR_DIENST')) not null, "ontstaan_op" date not null, "afgehandeld_op" date null, "version" int not null default 1, constraint "koo_convenanttegoed_pkey" primary key ("id"));`);
    this.addSql(`create index "koo_convenanttegoed_household_id_index" on "koo_convenanttegoed" ("household_id");`);
    this.addSql(`create index "koo_convenanttegoed_organisatie_id_status_index" on "koo_convenanttegoed" ("organisatie_id", "status");`);

    this.addSql(`create table "koo_betaling_aan_koo" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid not null, "organisatie_id" uuid not null, "lrk_nummer" char(9) not null, "vanaf" date not null, "tot" date null, constraint "koo_betaling_aan_koo_pkey" primary key ("id"));`);
    this.addSql(`create index "koo_betaling_aan_koo_household_id_index" on "koo_betaling_aan_koo" ("household_id");`);
    this.addSql(`create index "koo_betaling_aan_koo_organisatie_id_tot_index" on "koo_betaling_aan_koo" ("organisatie_id", "tot");`);

    this.addSql(`create table "koo_record" ("levering_id" uuid not null, "idx" int not null, "periode" char(7) not null, "lrk_nummer" char(9) not null, "soort_opvang" text check ("soort_opvang" in ('DAGOPVANG', 'BSO', 'GASTOUDEROPVANG')) not null, "kind_bsn" char(9) null, "kind_naam" varchar(200) not null, "kind_geboortedatum" date null, "ouder_bsn" char(9) not null, "partner_bsn" char(9) null, "uren" numeric(15,2) not null, "uurprijs" numeric(15,2) not null, "factuurbedrag" numeric(15,2) not null, "contracteinddatum" date null, "boven_max_uurprijs" boolean not null default false, "organisatie_id" uuid not null, "household_id" uuid null, constraint "koo_record_pkey" primary key ("levering_id", "idx"));`);
    this.addSql(`create index "koo_record_organisatie_id_periode_index" on "koo_record" ("organisatie_id", "periode");`);
    this.addSql(`create index "koo_record_household_id_index" on "koo_record" ("household_id");`);

    this.addSql(`create table "koo_staging_record" ("levering_id" uuid not null, "idx" int not null, "periode" char(7) not null, "lrk_nummer" char(9) not null, "soort_opvang" text check ("soort_opvang" in ('DAGOPVANG', 'BSO', 'GASTOUDEROPVANG')) not null, "kind_bsn" char(9) null, "kind_naam" varchar(200) not null, "kind_geboortedatum" date null, "ouder_bsn" char(9) not null, "partner_bsn" char(9) null, "uren" numeric(15,2) not null, "uurprijs" numeric(15,2) not null, "factuurbedrag" numeric(15,2) not null, "contracteinddatum" date null, "boven_max_uurprijs" boolean not null default false, constraint "koo_staging_record_pkey" primary key ("levering_id", "idx"));`);

    this.addSql(`create table "koo_opgave" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid not null, "toeslag_id" uuid not null, "kind_bsn" char(9) not null, "kind_naam" varchar(200) not null, "soort_opvang" text check ("soort_opvang" in ('DAGOPVANG', 'BSO', 'GASTOUDEROPVANG')) not null, "lrk_nummer" char(9) not null, "uren_per_maand" numeric(15,2) not null, "uurprijs" numeric(15,2) not null, "vergoedingspercentage" numeric(15,2) not null, "version" int not null default 1, constraint "koo_opgave_pkey" primary key ("id"));`);
    this.addSql(`create index "koo_opgave_household_id_index" on "koo_opgave" ("household_id");`);
    this.addSql(`alter table "koo_opgave" add constraint "koo_opgave_toeslag_id_kind_bsn_unique" unique ("toeslag_id", "kind_bsn");`);

    this.addSql(`create table "koo_mutatievoorstel" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid not null, "toeslag_id" uuid not null, "opgave_id" uuid not null, "levering_id" uuid not null, "periode" char(7) not null, "kind_naam" varchar(200) not null, "soort_opvang" text check ("soort_opvang" in ('DAGOPVANG', 'BSO', 'GASTOUDEROPVANG')) not null, "gemelde_uren" numeric(15,2) not null, "gemelde_uurprijs" numeric(15,2) not null, "huidig_bedrag" numeric(15,2) not null, "voorgesteld_bedrag" numeric(15,2) not null, "dagtekening" date not null, "blokkeren_tot" date not null, "status" text check ("status" in ('OPEN', 'GEBLOKKEERD', 'DOORGEVOERD', 'VERVALLEN')) not null, "geblokkeerd_op" date null, "afgehandeld_op" date null, "reden" text not null, "version" int not null default 1, constraint "koo_mutatievoorstel_pkey" primary key ("id"));`);
    this.addSql(`create index "koo_mutatievoorstel_household_id_index" on "koo_mutatievoorstel" ("household_id");`);
    this.addSql(`alter table "koo_mutatievoorstel" add constraint "koo_mutatievoorstel_opgave_id_levering_id_unique" unique ("opgave_id", "levering_id");`);

    this.addSql(`create table "koo_convenant_betaling" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid not null, "organisatie_id" uuid not null, "toeslag_id" uuid not null, "periode" char(7) not null, "bedrag" numeric(15,2) not null, "betaald_op" date not null, constraint "koo_convenant_betaling_pkey" primary key ("id"));`);
    this.addSql(`create index "koo_convenant_betaling_household_id_index" on "koo_convenant_betaling" ("household_id");`);
    this.addSql(`create index "koo_convenant_betaling_organisatie_id_periode_index" on "koo_convenant_betaling" ("organisatie_id", "periode");`);
    this.addSql(`alter table "koo_convenant_betaling" add constraint "koo_convenant_betaling_toeslag_id_periode_unique" unique ("toeslag_id", "periode");`);

    this.addSql(`alter table "koo_locatie" add constraint "koo_locatie_organisatie_id_foreign" foreign key ("organisatie_id") references "koo_organisatie" ("id") on update cascade;`);

    this.addSql(`alter table "koo_levering" add constraint "koo_levering_organisatie_id_foreign" foreign key ("organisatie_id") references "koo_organisatie" ("id") on update cascade;`);

    this.addSql(`alter table "koo_levering_fout" add constraint "koo_levering_fout_levering_id_foreign" foreign key ("levering_id") references "koo_levering" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "koo_levering_chunk" add constraint "koo_levering_chunk_levering_id_foreign" foreign key ("levering_id") references "koo_levering" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "koo_convenanttegoed" add constraint "koo_convenanttegoed_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);
    this.addSql(`alter table "koo_convenanttegoed" add constraint "koo_convenanttegoed_organisatie_id_foreign" foreign key ("organisatie_id") references "koo_organisatie" ("id") on update cascade;`);

    this.addSql(`alter table "koo_betaling_aan_koo" add constraint "koo_betaling_aan_koo_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);
    this.addSql(`alter table "koo_betaling_aan_koo" add constraint "koo_betaling_aan_koo_organisatie_id_foreign" foreign key ("organisatie_id") references "koo_organisatie" ("id") on update cascade;`);

    this.addSql(`alter table "koo_record" add constraint "koo_record_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "koo_staging_record" add constraint "koo_staging_record_levering_id_foreign" foreign key ("levering_id") references "koo_levering" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "koo_opgave" add constraint "koo_opgave_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);
    this.addSql(`alter table "koo_opgave" add constraint "koo_opgave_toeslag_id_foreign" foreign key ("toeslag_id") references "toeslag" ("id") on update cascade;`);

    this.addSql(`alter table "koo_mutatievoorstel" add constraint "koo_mutatievoorstel_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);
    this.addSql(`alter table "koo_mutatievoorstel" add constraint "koo_mutatievoorstel_toeslag_id_foreign" foreign key ("toeslag_id") references "toeslag" ("id") on update cascade;`);
    this.addSql(`alter table "koo_mutatievoorstel" add constraint "koo_mutatievoorstel_opgave_id_foreign" foreign key ("opgave_id") references "koo_opgave" ("id") on update cascade;`);

    this.addSql(`alter table "koo_convenant_betaling" add constraint "koo_convenant_betaling_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);
    this.addSql(`alter table "koo_convenant_betaling" add constraint "koo_convenant_betaling_organisatie_id_foreign" foreign key ("organisatie_id") references "koo_organisatie" ("id") on update cascade;`);
    this.addSql(`alter table "koo_convenant_betaling" add constraint "koo_convenant_betaling_toeslag_id_foreign" foreign key ("toeslag_id") references "toeslag" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "koo_locatie" drop constraint "koo_locatie_organisatie_id_foreign";`);

    this.addSql(`alter table "koo_levering" drop constraint "koo_levering_organisatie_id_foreign";`);

    this.addSql(`alter table "koo_convenanttegoed" drop constraint "koo_convenanttegoed_organisatie_id_foreign";`);

    this.addSql(`alter table "koo_betaling_aan_koo" drop constraint "koo_betaling_aan_koo_organisatie_id_foreign";`);

    this.addSql(`alter table "koo_convenant_betaling" drop constraint "koo_convenant_betaling_organisatie_id_foreign";`);

    this.addSql(`alter table "koo_levering_fout" drop constraint "koo_levering_fout_levering_id_foreign";`);

    this.addSql(`alter table "koo_levering_chunk" drop constraint "koo_levering_chunk_levering_id_foreign";`);

    this.addSql(`alter table "koo_staging_record" drop constraint "koo_staging_record_levering_id_foreign";`);

    this.addSql(`alter table "koo_mutatievoorstel" drop constraint "koo_mutatievoorstel_opgave_id_foreign";`);

    this.addSql(`drop table if exists "koo_organisatie" cascade;`);

    this.addSql(`drop table if exists "koo_locatie" cascade;`);

    this.addSql(`drop table if exists "koo_levering" cascade;`);

    this.addSql(`drop table if exists "koo_levering_fout" cascade;`);

    this.addSql(`drop table if exists "koo_levering_chunk" cascade;`);

    this.addSql(`drop table if exists "koo_convenanttegoed" cascade;`);

    this.addSql(`drop table if exists "koo_betaling_aan_koo" cascade;`);

    this.addSql(`drop table if exists "koo_record" cascade;`);

    this.addSql(`drop table if exists "koo_staging_record" cascade;`);

    this.addSql(`drop table if exists "koo_opgave" cascade;`);

    this.addSql(`drop table if exists "koo_mutatievoorstel" cascade;`);

    this.addSql(`drop table if exists "koo_convenant_betaling" cascade;`);
  }

}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261122170351_machtigingen_en_zaken extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "machtiging" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid null, "organisation_id" varchar(64) not null, "client_referentie" varchar(100) null, "scope" text check ("scope" in ('INZIEN', 'HANDELEN')) not null, "status" text check ("status" in ('AANGEVRAAGD', 'ACTIEF', 'INGETROKKEN')) not null, "geldig_tot" date not null, "activeringscode" varchar(14) null, "aangevraagd_door" varchar(64) null, "verleend_via" text check ("verleend_via" in ('ACTIVERINGSCODE', 'DIRECT')) null, "geactiveerd_op" timestamptz null, "ingetrokken_op" timestamptz null, "ingetrokken_door" varchar(16) null, "version" int not null default 1, constraint "machtiging_pkey" primary key ("id"));`);
    this.addSql(`create index "machtiging_household_id_index" on "machtiging" ("household_id");`);
    this.addSql(`alter table "machtiging" add constraint "machtiging_activeringscode_unique" unique ("activeringscode");`);
    this.addSql(`create index "machtiging_organisation_id_status_index" on "machtiging" ("organisation_id", "status");`);

    this.addSql(`create table "zaak" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid not null, "soort" text check ("soort" in ('PERSOONLIJKE_BEGELEIDING', 'PERSOONLIJKE_BETALINGSREGELING', 'HARDHEIDSVERZOEK')) not null, "status" text check ("status" in ('NIEUW', 'IN_BEHANDELING', 'AFGEROND', 'AFGEWEZEN')) not null, "ingediend_door_rol" varchar(16) not null, "ingediend_door_organisatie" varchar(64) null, "machtiging_id" uuid null, "reden" text not null, "contactvoorkeur" text check ("contactvoorkeur" in ('TELEFOON', 'EMAIL', 'POST', 'VIA_INTERMEDIAIR')) null, "uiterlijke_beslisdatum" date null, "afgehandeld_op" timestamptz null, "uitkomst" text null, "version" int not null default 1, constraint "zaak_pkey" primary key ("id"));`);
    this.addSql(`create index "zaak_household_id_index" on "zaak" ("household_id");`);
    this.addSql(`create index "zaak_status_uiterlijke_beslisdatum_index" on "zaak" ("status", "uiterlijke_beslisdatum");`);

    this.addSql(`alter table "machtiging" add constraint "machtiging_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "zaak" add constraint "zaak_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`);
    this.addSql(`alter table "zaak" add constraint "zaak_machtiging_id_foreign" foreign key ("machtiging_id") references "machtiging" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "zaak" drop constraint "zaak_machtiging_id_foreign";`);

    this.addSql(`drop table if exists "machtiging" cascade;`);

    this.addSql(`drop table if exists "zaak" cascade;`);
  }

}

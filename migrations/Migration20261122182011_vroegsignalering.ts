import { Migration } from '@mikro-orm/migrations';

export class Migration20261122182011_vroegsignalering extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "vroegsignaal" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "household_id" uuid null, "gemeentecode" char(4) not null, "volgnummer" bigint null, "signaaldatum" date not null, "ontstaansdatum" date not null, "bedrag_achterstand" numeric(15,2) null, "crisissignaal" boolean not null, "warme_overdracht" boolean not null, "voornamen" varchar(200) null, "tussenvoegsel" varchar(20) null, "achternaam" varchar(200) null, "partner_naam" varchar(420) null, "straat" varchar(200) null, "huisnummer" int null, "huisnummertoevoeging" varchar(10) null, "postcode" char(6) null, "woonplaats" varchar(100) null, "telefoonnummer" varchar(20) null, "email" varchar(254) null, "status" text check ("status" in ('NIEUW', 'ONTVANGEN', 'OPGEVOLGD')) not null default 'NIEUW', "ontvangen_op" timestamptz null, "uitkomst" text check ("uitkomst" in ('BEREIKT', 'NIET_BEREIKT', 'HULP_GEACCEPTEERD', 'HULP_AFGEWEZEN')) null, "notitie" text null, "opgevolgd_op" timestamptz null, "beeindigd_op" date null, "beeindigingsreden" text check ("beeindigingsreden" in ('NIET_MEER_ACHTERSTAND', 'BETALINGSREGELING', 'GEPAUZEERD', 'VERHUISD', 'DEELNAME_BEEINDIGD', 'BEWAARTERMIJN_VERSTREKEN')) null, "gewist_op" date null, constraint "vroegsignaal_pkey" primary key ("id"));`);
    this.addSql(`create index "vroegsignaal_household_id_index" on "vroegsignaal" ("household_id");`);
    this.addSql(`alter table "vroegsignaal" add constraint "vroegsignaal_volgnummer_unique" unique ("volgnummer");`);
    this.addSql(`create index "vroegsignaal_ongepubliceerd" on "vroegsignaal" ("created_at", "id") where "volgnummer" is null;`);
    this.addSql(`create unique index "vroegsignaal_een_open_per_household" on "vroegsignaal" ("household_id") where "beeindigd_op" is null;`);
    this.addSql(`create index "vroegsignaal_gemeentecode_signaaldatum_index" on "vroegsignaal" ("gemeentecode", "signaaldatum");`);
    this.addSql(`create index "vroegsignaal_gemeentecode_volgnummer_index" on "vroegsignaal" ("gemeentecode", "volgnummer");`);

    this.addSql(`create table "vroegsignalering_deelname" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "gemeentecode" char(4) not null, "naam" varchar(100) not null, "vanaf" date not null, "tot" date not null, "gewijzigd_door" varchar(64) not null, "version" int not null default 1, constraint "vroegsignalering_deelname_pkey" primary key ("id"));`);
    this.addSql(`create index "vroegsignalering_deelname_gemeentecode_vanaf_index" on "vroegsignalering_deelname" ("gemeentecode", "vanaf");`);

    this.addSql(`alter table "vroegsignaal" add constraint "vroegsignaal_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "person" add column "telefoonnummer" varchar(20) null, add column "email" varchar(254) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "vroegsignaal" cascade;`);

    this.addSql(`drop table if exists "vroegsignalering_deelname" cascade;`);

    this.addSql(`alter table "person" drop column "telefoonnummer", drop column "email";`);
  }

}

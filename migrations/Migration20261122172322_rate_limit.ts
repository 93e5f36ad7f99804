import { Migration } from '@mikro-orm/migrations';

export class Migration20261122172322_rate_limit extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "rate_limit_bucket" ("key" varchar(200) not null, "level" double precision not null, "updated_at" timestamptz not null, constraint "rate_limit_bucket_pkey" primary key ("key"));`);
    // Short-lived shared state: no WAL needed; after a crash the buckets simply start empty.
    this.addSql(`alter table "rate_limit_bucket" set unlogged;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rate_limit_bucket" cascade;`);
  }

}

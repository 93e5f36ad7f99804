import { Migration } from '@mikro-orm/migrations';

export class Migration20261122205606_koo_commit extends Migration {

  override async up(): Promise<void> {
    // Index builds over every person and membership take longer than the API's statement timeout,
    // which also holds for migrations run at start-up: none for this transaction.
    this.addSql(`set local statement_timeout = 0;`);
    this.addSql(`alter table "koo_record" drop constraint "koo_record_household_id_foreign";`);

    this.addSql(`create index "person_bsn_id_index" on "person" ("bsn") include ("id");`);

    this.addSql(`create index "household_member_current_aanvrager_index" on "household_member" ("household_id") include ("person_id") where "tot" is null and "rol" = 'AANVRAGER';`);
    this.addSql(`create index "household_member_current_parent_index" on "household_member" ("person_id") include ("household_id") where "tot" is null and "rol" in ('AANVRAGER', 'TOESLAGPARTNER');`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "household_member_current_aanvrager_index";`);
    this.addSql(`drop index "household_member_current_parent_index";`);

    this.addSql(`alter table "koo_record" add constraint "koo_record_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`);

    this.addSql(`drop index "person_bsn_id_index";`);
  }

}

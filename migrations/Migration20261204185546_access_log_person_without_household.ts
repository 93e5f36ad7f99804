import { Migration } from '@mikro-orm/migrations';

/**
 * A person whose data is processed but who belongs to no household (a KOO record whose parent
 * matches no one) is logged by the pseudonym of their BSN, without a household: household_id
 * becomes nullable, and a row names a household or a data subject.
 */
export class Migration20261204185546_access_log_person_without_household extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "access_log_entry" alter column "household_id" drop not null;`);
    // NOT VALID first: adding the constraint does not scan the (large) log under an exclusive lock;
    // VALIDATE then checks the existing rows under a lock that lets writes go on.
    this.addSql(`alter table "access_log_entry" add constraint access_log_entry_subject_check check(household_id is not null or data_subject is not null) not valid;`);
    this.addSql(`alter table "access_log_entry" validate constraint access_log_entry_subject_check;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "access_log_entry" drop constraint access_log_entry_subject_check;`);
    this.addSql(`delete from "access_log_entry" where "household_id" is null;`);
    this.addSql(`alter table "access_log_entry" alter column "household_id" set not null;`);
  }

}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261122191634_betalingsregeling_schuld_schuld_index extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "betalingsregeling_schuld_schuld_id_index" on "betalingsregeling_schuld" ("schuld_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "betalingsregeling_schuld_schuld_id_index";`);
  }

}

import { Migration } from '@mikro-orm/migrations';

export class Migration20261204170919_verrekening_jaar_afgelopen extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "schuld_event" drop constraint if exists "schuld_event_soort_check";`);

    this.addSql(`alter table "verrekening" drop constraint if exists "verrekening_status_check";`);

    this.addSql(`alter table "schuld_event" add constraint "schuld_event_soort_check" check("soort" in ('ONTSTAAN', 'HERINNERING', 'AANMANING', 'DWANGBEVEL', 'BETALING', 'REGELING_GESTART', 'REGELING_BEEINDIGD', 'GEPAUZEERD', 'HERVAT', 'BUITEN_INVORDERING', 'VOLDAAN', 'KWIJTGESCHOLDEN', 'TERMIJN_VERSCHOVEN', 'REGELING_HERINNERING', 'BETAALPAUZE', 'VERREKENING_GESTART', 'VERREKENING', 'VERREKENING_ONGEDAAN', 'VERREKENING_JAAR_AFGELOPEN', 'MATIGING', 'GEEN_INVORDERINGSMAATREGELEN'));`);

    this.addSql(`alter table "verrekening" add constraint "verrekening_status_check" check("status" in ('ACTIEF', 'VOLTOOID', 'ONGEDAAN', 'JAAR_AFGELOPEN'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "schuld_event" drop constraint if exists "schuld_event_soort_check";`);

    this.addSql(`alter table "verrekening" drop constraint if exists "verrekening_status_check";`);

    this.addSql(`alter table "schuld_event" add constraint "schuld_event_soort_check" check("soort" in ('ONTSTAAN', 'HERINNERING', 'AANMANING', 'DWANGBEVEL', 'BETALING', 'REGELING_GESTART', 'REGELING_BEEINDIGD', 'GEPAUZEERD', 'HERVAT', 'BUITEN_INVORDERING', 'VOLDAAN', 'KWIJTGESCHOLDEN', 'TERMIJN_VERSCHOVEN', 'REGELING_HERINNERING', 'BETAALPAUZE', 'VERREKENING_GESTART', 'VERREKENING', 'VERREKENING_ONGEDAAN', 'MATIGING', 'GEEN_INVORDERINGSMAATREGELEN'));`);

    this.addSql(`alter table "verrekening" add constraint "verrekening_status_check" check("status" in ('ACTIEF', 'VOLTOOID', 'ONGEDAAN'));`);
  }

}

import { Migration } from '@mikro-orm/migrations';

/**
 * Persoonlijke betalingsregeling outcomes, zienswijze, hardheidsverzoek: three norms.
 * Insert-only: rows are data (docs/adr/0011). Values marked aanname are assumptions to verify.
 */
const CODES = ['GEEN_CAPACITEIT_VERREKENING_JAREN', 'HARDHEIDSVERZOEK_BESLISTERMIJN_WEKEN', 'ZIENSWIJZE_AFHANDELTERMIJN_WEKEN'];

export class Migration20261122182300_zaak_termijnen_norms extends Migration {

  override async up(): Promise<void> {
    this.addSql(`insert into "norm" ("code", "geldig_vanaf", "waarde", "eenheid", "omschrijving", "bron", "aanname") values
      ('GEEN_CAPACITEIT_VERREKENING_JAREN', '2000-01-01', 3, 'JAREN', 'Geen betalingscapaciteit: geen invorderingsmaatregelen, maar teruggaven worden nog dit aantal jaren verrekend (niet bij opzet of grove schuld)', 'domain.md §3 (Leidraad Invordering 2008 art. 79.8)', false),
      ('HARDHEIDSVERZOEK_BESLISTERMIJN_WEKEN', '2000-01-01', 8, 'WEKEN', 'Beslistermijn op een verzoek om matiging (hardheidsclausule, Awir art. 13b): redelijke termijn van ten hoogste acht weken', 'Awb art. 4:13', false),
      ('ZIENSWIJZE_AFHANDELTERMIJN_WEKEN', '2000-01-01', 6, 'WEKEN', 'Termijn waarbinnen een zienswijze wordt beantwoord', 'aanname (geen wettelijke termijn; gelijk aan de bezwaartermijn van Awb art. 7:10)', true);`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "norm" where "code" in (${CODES.map((c) => `'${c}'`).join(', ')});`);
  }

}

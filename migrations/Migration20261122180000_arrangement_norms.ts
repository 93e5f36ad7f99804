import { Migration } from '@mikro-orm/migrations';

/**
 * The norms of the standaard and persoonlijke betalingsregeling, the verlengde regeling and
 * the beslagvrije voet (domain.md §3). Insert-only: rows are data (docs/adr/0011). Values marked
 * aanname are assumptions to verify before production.
 */
const CODES = [
  'BIJSTANDSNORM_ALLEENSTAANDE', 'BIJSTANDSNORM_GEHUWDEN', 'BIJSTANDSNORM_AOW_ALLEENSTAANDE', 'BIJSTANDSNORM_AOW_GEHUWDEN',
  'KOSTEN_VAN_BESTAAN_PERCENTAGE', 'AFLOSCAPACITEIT_PERCENTAGE', 'NORMHUUR', 'MAXIMALE_HUURGRENS',
  'NORMPREMIE_ALLEENSTAANDE', 'NORMPREMIE_GEHUWDEN', 'STANDAARD_TERMIJNBEDRAG', 'STANDAARD_GRENS', 'STANDAARD_MAX_TERMIJNEN',
  'PERSOONLIJK_TERMIJNEN', 'PERSOONLIJK_HERBEOORDELING_MAANDEN', 'BESLISTERMIJN_WEKEN', 'VERLENGD_MAX_MAANDEN',
  'VAKANTIEGELD_PERCENTAGE', 'BESLAGVRIJE_VOET_PERCENTAGE',
];

export class Migration20261122180000_arrangement_norms extends Migration {

  override async up(): Promise<void> {
    this.addSql(`insert into "norm" ("code", "geldig_vanaf", "waarde", "eenheid", "omschrijving", "bron", "aanname") values
      ('BIJSTANDSNORM_ALLEENSTAANDE', '2025-01-01', 1345.45, 'EUR', 'Bijstandsnorm alleenstaande (ouder), per maand', 'domain.md §3 (Participatiewet; te verifiëren in de Staatscourant)', false),
      ('BIJSTANDSNORM_ALLEENSTAANDE', '2025-07-01', 1369.06, 'EUR', 'Bijstandsnorm alleenstaande (ouder), per maand', 'domain.md §3 (Participatiewet; te verifiëren in de Staatscourant)', false),
      ('BIJSTANDSNORM_ALLEENSTAANDE', '2026-01-01', 1401.50, 'EUR', 'Bijstandsnorm alleenstaande (ouder), per maand', 'domain.md §3 (Participatiewet; te verifiëren in de Staatscourant)', false),
      ('BIJSTANDSNORM_GEHUWDEN', '2025-01-01', 1922.07, 'EUR', 'Bijstandsnorm gehuwden / samenwonenden, per maand', 'domain.md §3 (Participatiewet; te verifiëren in de Staatscourant)', false),
      ('BIJSTANDSNORM_GEHUWDEN', '2025-07-01', 1955.80, 'EUR', 'Bijstandsnorm gehuwden / samenwonenden, per maand', 'domain.md §3 (Participatiewet; te verifiëren in de Staatscourant)', false),
      ('BIJSTANDSNORM_GEHUWDEN', '2026-01-01', 2002.13, 'EUR', 'Bijstandsnorm gehuwden / samenwonenden, per maand', 'domain.md §3 (Participatiewet; te verifiëren in de Staatscourant)', false),
      ('BIJSTANDSNORM_AOW_ALLEENSTAANDE', '2025-01-01', 1501.07, 'EUR', 'Bijstandsnorm alleenstaande op AOW-leeftijd, per maand', 'domain.md §3 (Participatiewet; te verifiëren in de Staatscourant)', false),
      ('BIJSTANDSNORM_AOW_ALLEENSTAANDE', '2025-07-01', 1530.21, 'EUR', 'Bijstandsnorm alleenstaande op AOW-leeftijd, per maand', 'domain.md §3 (Participatiewet; te verifiëren in de Staatscourant)', false),
      ('BIJSTANDSNORM_AOW_ALLEENSTAANDE', '2026-01-01', 1564.69, 'EUR', 'Bijstandsnorm alleenstaande op AOW-leeftijd, per maand', 'domain.md §3 (Participatiewet; te verifiëren in de Staatscourant)', false),
      ('BIJSTANDSNORM_AOW_GEHUWDEN', '2025-01-01', 2053.48, 'EUR', 'Bijstandsnorm gehuwden op AOW-leeftijd, per maand', 'domain.md §3 (Participatiewet; te verifiëren in de Staatscourant)', false),
      ('BIJSTANDSNORM_AOW_GEHUWDEN', '2025-07-01', 2094.98, 'EUR', 'Bijstandsnorm gehuwden op AOW-leeftijd, per maand', 'domain.md §3 (Participatiewet; te verifiëren in de Staatscourant)', false),
      ('BIJSTANDSNORM_AOW_GEHUWDEN', '2026-01-01', 2144.16, 'EUR', 'Bijstandsnorm gehuwden op AOW-leeftijd, per maand', 'domain.md §3 (Participatiewet; te verifiëren in de Staatscourant)', false),
      ('KOSTEN_VAN_BESTAAN_PERCENTAGE', '2000-01-01', 90, 'PROCENT', 'Kosten van bestaan: dit percentage van de toepasselijke bijstandsnorm', 'domain.md §3 (Uitvoeringsregeling Invorderingswet 1990 art. 11–16)', false),
      ('AFLOSCAPACITEIT_PERCENTAGE', '2000-01-01', 80, 'PROCENT', 'Afloscapaciteit: dit percentage van een positieve betalingscapaciteit', 'domain.md §3 (Leidraad Invordering 2008 art. 79.8)', false),
      ('NORMHUUR', '2026-01-01', 252.49, 'EUR', 'Netto woonlasten tellen alleen mee boven deze normhuur, per maand', 'domain.md §3 (Uitvoeringsregeling Invorderingswet 1990 art. 11–16)', false),
      ('MAXIMALE_HUURGRENS', '2026-01-01', 932.93, 'EUR', 'Netto woonlasten tellen mee tot en met deze maximale huurgrens, per maand', 'domain.md §3 (Uitvoeringsregeling Invorderingswet 1990 art. 11–16)', false),
      ('NORMPREMIE_ALLEENSTAANDE', '2026-01-01', 47, 'EUR', 'Normpremie zorgverzekering die al in de norm zit, alleenstaande, per maand', 'domain.md §3', false),
      ('NORMPREMIE_GEHUWDEN', '2026-01-01', 106, 'EUR', 'Normpremie zorgverzekering die al in de norm zit, gehuwden, per maand', 'domain.md §3', false),
      ('STANDAARD_TERMIJNBEDRAG', '2000-01-01', 20.00, 'EUR', 'Standaard betalingsregeling: termijnbedrag per schuld (of meer om binnen het maximum aantal termijnen te blijven)', 'domain.md §3 (Leidraad Invordering 2008 art. 79.7)', false),
      ('STANDAARD_GRENS', '2000-01-01', 480.00, 'EUR', 'Standaard betalingsregeling: boven dit bedrag is de termijn het bedrag gedeeld door het maximum aantal termijnen', 'domain.md §3 (Leidraad Invordering 2008 art. 79.7)', false),
      ('STANDAARD_MAX_TERMIJNEN', '2000-01-01', 24, 'MAANDEN', 'Standaard betalingsregeling: maximaal aantal maandelijkse termijnen', 'domain.md §3 (Leidraad Invordering 2008 art. 79.7)', false),
      ('PERSOONLIJK_TERMIJNEN', '2000-01-01', 24, 'MAANDEN', 'Persoonlijke betalingsregeling: looptijd in maandelijkse termijnen', 'domain.md §3 (Leidraad Invordering 2008 art. 79.8)', false),
      ('PERSOONLIJK_HERBEOORDELING_MAANDEN', '2000-01-01', 12, 'MAANDEN', 'Persoonlijke betalingsregeling: herbeoordeling na dit aantal maanden', 'domain.md §3 (Leidraad Invordering 2008 art. 79.8)', false),
      ('BESLISTERMIJN_WEKEN', '2000-01-01', 8, 'WEKEN', 'Beslistermijn op een verzoek om een persoonlijke betalingsregeling', 'domain.md §3; seed 004', false),
      ('VERLENGD_MAX_MAANDEN', '2026-07-01', 60, 'MAANDEN', 'Verlengde betalingsregeling (vermogen dat niet redelijkerwijs liquide te maken is): maximale looptijd', 'aanname (domain.md §3: regeling sinds 1 juli 2026, maximum niet bekend)', true),
      ('VAKANTIEGELD_PERCENTAGE', '2000-01-01', 7, 'PROCENT', 'Vakantiegeld bij het netto besteedbaar inkomen als het niet in het maandbedrag zit', 'domain.md §3 (Uitvoeringsregeling Invorderingswet 1990 art. 11–16)', false),
      ('BESLAGVRIJE_VOET_PERCENTAGE', '2000-01-01', 95, 'PROCENT', 'Beslagvrije voet: basis is dit percentage van de toepasselijke bijstandsnorm', 'domain.md §3 (Rv art. 475da–475dc)', false);`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "norm" where "code" in (${CODES.map((c) => `'${c}'`).join(', ')});`);
  }

}

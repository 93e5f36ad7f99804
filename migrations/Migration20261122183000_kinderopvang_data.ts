import { Migration } from '@mikro-orm/migrations';

/**
 * The norms of KOO deliveries and mutaties (domain.md §3 table, §5) and the processing
 * activities of the KOO chain. Insert-only: rows are data (docs/adr/0011). Values marked aanname
 * are assumptions to verify before production.
 */
const CODES = [
  'MAX_UURPRIJS_DAGOPVANG', 'MAX_UURPRIJS_BSO', 'MAX_UURPRIJS_GASTOUDEROPVANG', 'KOO_AFWIJKING_PERCENTAGE', 'KOO_AFWIJKING_MIN_BEDRAG',
  'KOO_BLOKKEERTERMIJN_DAGEN', 'KOO_MAX_MUTATIEBRIEVEN_PER_JAAR', 'KOO_LEVERING_UITERLIJK_DAG', 'KOO_LEVERING_TOETS_MAANDEN',
];

export class Migration20261122183000_kinderopvang_data extends Migration {

  override async up(): Promise<void> {
    this.addSql(`insert into "norm" ("code", "geldig_vanaf", "waarde", "eenheid", "omschrijving", "bron", "aanname") values
      ('MAX_UURPRIJS_DAGOPVANG', '2025-01-01', 10.71, 'EUR', 'Maximum uurprijs kinderopvangtoeslag, dagopvang', 'domain.md §3 (afgeleid; te verifiëren in de Staatscourant)', true),
      ('MAX_UURPRIJS_DAGOPVANG', '2026-01-01', 11.23, 'EUR', 'Maximum uurprijs kinderopvangtoeslag, dagopvang', 'domain.md §3 (Besluit kinderopvangtoeslag; te verifiëren in de Staatscourant)', false),
      ('MAX_UURPRIJS_BSO', '2025-01-01', 9.52, 'EUR', 'Maximum uurprijs kinderopvangtoeslag, buitenschoolse opvang', 'domain.md §3 (afgeleid; te verifiëren in de Staatscourant)', true),
      ('MAX_UURPRIJS_BSO', '2026-01-01', 9.98, 'EUR', 'Maximum uurprijs kinderopvangtoeslag, buitenschoolse opvang', 'domain.md §3 (Besluit kinderopvangtoeslag; te verifiëren in de Staatscourant)', false),
      ('MAX_UURPRIJS_GASTOUDEROPVANG', '2025-01-01', 8.10, 'EUR', 'Maximum uurprijs kinderopvangtoeslag, gastouderopvang', 'domain.md §3 (afgeleid; te verifiëren in de Staatscourant)', true),
      ('MAX_UURPRIJS_GASTOUDEROPVANG', '2026-01-01', 8.49, 'EUR', 'Maximum uurprijs kinderopvangtoeslag, gastouderopvang', 'domain.md §3 (Besluit kinderopvangtoeslag; te verifiëren in de Staatscourant)', false),
      ('KOO_AFWIJKING_PERCENTAGE', '2000-01-01', 10, 'PROCENT', 'KOO-gegevens wijken substantieel af als het maandbedrag voor een kind minstens dit percentage lager uitkomt', 'aanname (domain.md §5: drempel niet bekend)', true),
      ('KOO_AFWIJKING_MIN_BEDRAG', '2000-01-01', 25.00, 'EUR', '... en minstens dit bedrag per maand lager', 'aanname (domain.md §5: drempel niet bekend)', true),
      ('KOO_BLOKKEERTERMIJN_DAGEN', '2000-01-01', 21, 'DAGEN', 'Dagen na de dagtekening waarin de ouder een mutatievoorstel kan blokkeren (3 weken, tot en met de laatste dag)', 'domain.md §5; seed 002', false),
      ('KOO_MAX_MUTATIEBRIEVEN_PER_JAAR', '2000-01-01', 3, 'AANTAL', 'Hoogstens zoveel mutatiebrieven per ouder per kalenderjaar', 'domain.md §5; seed 002', false),
      ('KOO_LEVERING_UITERLIJK_DAG', '2000-01-01', 15, 'DAGEN', 'Een maandlevering is op tijd als zij uiterlijk op deze dag van de maand erna is verwerkt', 'aanname (domain.md §5: termijn niet bekend)', true),
      ('KOO_LEVERING_TOETS_MAANDEN', '2000-01-01', 3, 'MAANDEN', 'Voor een nieuwe overeenkomst moeten de leveringen over zoveel voorgaande maanden op tijd zijn', 'aanname (domain.md §5: periode niet bekend)', true);`);
    this.addSql(`insert into "processing_activity" ("id", "name", "purpose", "legal_basis", "retention_months") values
      ('kinderopvang-gegevenslevering', 'Gegevenslevering door een kinderopvangorganisatie',
       'Receiving monthly childcare data from KOOs (and showing a KOO its own deliveries, convenant payments and tegoeden), to check and correct kinderopvangtoeslag.',
       'AVG art. 6(1)(c) and (e); Wet kinderopvang; Awir art. 41 (informatieverplichting derden)', 84),
      ('kinderopvang-mutatie', 'Mutaties kinderopvangtoeslag op grond van KOO-gegevens',
       'Proposing and carrying out decreases of kinderopvangtoeslag voorschotten from KOO data, and paying toeslag to KOOs under a convenant.',
       'AVG art. 6(1)(e); Awir art. 16, 21; Wet kinderopvang', 84);`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "processing_activity" where "id" in ('kinderopvang-gegevenslevering', 'kinderopvang-mutatie');`);
    this.addSql(`delete from "norm" where "code" in (${CODES.map((c) => `'${c}'`).join(', ')});`);
  }

}

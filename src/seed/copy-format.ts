/**
 * The tables the seed fills, in load order (parents first), with the columns it writes, and the
 * helpers that format values for PostgreSQL's COPY text format (tab between fields, \N for null,
 * one line per row). Columns not listed keep their defaults.
 */
export const TABLES = {
  household: [
    'id', 'created_at', 'updated_at', 'adres_straat', 'adres_huisnummer', 'adres_huisnummertoevoeging', 'adres_postcode',
    'adres_woonplaats', 'gemeentecode', 'uht_geregistreerd', 'version',
  ],
  person: ['id', 'created_at', 'updated_at', 'bsn', 'voornamen', 'tussenvoegsel', 'achternaam', 'geboortedatum'],
  household_member: ['id', 'created_at', 'updated_at', 'household_id', 'person_id', 'rol', 'vanaf', 'tot'],
  toeslag: [
    'id', 'created_at', 'updated_at', 'household_id', 'soort', 'berekeningsjaar', 'status', 'berekend_voorschot_maandbedrag',
    'voorschot_maandbedrag', 'voorschot_percentage', 'version',
  ],
  beschikking: [
    'id', 'created_at', 'updated_at', 'household_id', 'toeslag_id', 'soort', 'nummer', 'dagtekening', 'ingangsdatum', 'jaarbedrag',
    'voorschot_maandbedrag', 'voorschot_percentage', 'betaalde_voorschotten', 'terug_te_betalen', 'reden',
  ],
  schuld: [
    'id', 'created_at', 'updated_at', 'household_id', 'toeslag_id', 'beschikking_id', 'dagtekening', 'vervaldatum',
    'oorspronkelijk_bedrag', 'openstaand_bedrag', 'kosten', 'fraude', 'status', 'status_sinds', 'gepauzeerd', 'version',
  ],
  schuld_event: ['id', 'household_id', 'schuld_id', 'datum', 'soort', 'van_status', 'naar_status', 'bedrag', 'reden', 'bron', 'created_at'],
  betalingsregeling: [
    'id', 'created_at', 'updated_at', 'household_id', 'soort', 'status', 'totaal_bedrag', 'termijnbedrag', 'aantal_termijnen',
    'startdatum', 'version',
  ],
  betalingsregeling_schuld: ['betalingsregeling_id', 'schuld_id'],
  termijn: ['id', 'created_at', 'updated_at', 'household_id', 'betalingsregeling_id', 'volgnummer', 'vervaldatum', 'bedrag', 'betaald_bedrag', 'betaald_op'],
  machtiging: [
    'id', 'created_at', 'updated_at', 'household_id', 'organisation_id', 'client_referentie', 'scope', 'status', 'geldig_tot',
    'verleend_via', 'geactiveerd_op', 'version',
  ],
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

export function copyStatement(table: TableName): string {
  return `COPY "${table}" (${TABLES[table].map((c) => `"${c}"`).join(', ')}) FROM STDIN`;
}

export const NULL = '\\N';

/** Integer cents → "1250.40". Money never passes through a float. */
export function money(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new Error(`not a non-negative amount in cents: ${cents}`);
  const c = cents % 100;
  return `${(cents - c) / 100}.${c < 10 ? '0' : ''}${c}`;
}

export function moneyOrNull(cents: number | null): string {
  return cents === null ? NULL : money(cents);
}

/** A timestamptz for created_at / updated_at: the row's own date, at a fixed time of day (UTC). */
export function stamp(date: string): string {
  return `${date} 08:00:00+00`;
}

/** True when `s` can be written into the COPY text format as is. */
export function isCopySafe(s: string): boolean {
  return !/[\t\n\r\\]/.test(s);
}

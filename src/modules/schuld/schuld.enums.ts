import { registerEnumType } from 'type-graphql';

/** Invordering state of a schuld (domain.md §3). Pausing (UHT) is orthogonal: see `gepauzeerd`. */
export enum SchuldStatus {
  OPEN = 'OPEN',
  IN_BETALINGSREGELING = 'IN_BETALINGSREGELING',
  VERREKEND = 'VERREKEND',
  HERINNERD = 'HERINNERD',
  AANGEMAAND = 'AANGEMAAND',
  DWANGBEVEL = 'DWANGBEVEL',
  VOLDAAN = 'VOLDAAN',
  KWIJTGESCHOLDEN = 'KWIJTGESCHOLDEN',
  BUITEN_INVORDERING = 'BUITEN_INVORDERING',
  /**
   * Persoonlijke betalingsregeling without betalingscapaciteit (Leidraad art. 79.8): no
   * collection measures (no reminder, aanmaning or dwangbevel: the engine takes no step in this
   * status); refunds may still be set off for 3 years. Not terminal: the citizen may still pay or
   * start a regeling.
   */
  GEEN_INVORDERINGSMAATREGELEN = 'GEEN_INVORDERINGSMAATREGELEN',
}
registerEnumType(SchuldStatus, {
  name: 'SchuldStatus',
  description:
    'OPEN → IN_BETALINGSREGELING | VERREKEND | HERINNERD → AANGEMAAND → DWANGBEVEL; GEEN_INVORDERINGSMAATREGELEN (no betalingscapaciteit); ' +
    'terminal VOLDAAN, KWIJTGESCHOLDEN, BUITEN_INVORDERING.',
});

/** What happened to a schuld (its history, domain.md §2–3). */
export enum SchuldEventSoort {
  ONTSTAAN = 'ONTSTAAN',
  HERINNERING = 'HERINNERING',
  AANMANING = 'AANMANING',
  DWANGBEVEL = 'DWANGBEVEL',
  BETALING = 'BETALING',
  REGELING_GESTART = 'REGELING_GESTART',
  REGELING_BEEINDIGD = 'REGELING_BEEINDIGD',
  GEPAUZEERD = 'GEPAUZEERD',
  HERVAT = 'HERVAT',
  BUITEN_INVORDERING = 'BUITEN_INVORDERING',
  VOLDAAN = 'VOLDAAN',
  KWIJTGESCHOLDEN = 'KWIJTGESCHOLDEN',
  // Missed termijnen, betaalpauze and verrekening.
  /** First missed termijn of the arrangement: the remaining termijnen shift one month. */
  TERMIJN_VERSCHOVEN = 'TERMIJN_VERSCHOVEN',
  /** A later missed termijn: a reminder about the arrangement. */
  REGELING_HERINNERING = 'REGELING_HERINNERING',
  /** A medewerker granted a betaalpauze on the arrangement. */
  BETAALPAUZE = 'BETAALPAUZE',
  /** Set-off against a running voorschot started (schuld VERREKEND). */
  VERREKENING_GESTART = 'VERREKENING_GESTART',
  /** One month of the set-off applied to the schuld. */
  VERREKENING = 'VERREKENING',
  /** The set-off was undone: the voorschot and the schuld are restored. */
  VERREKENING_ONGEDAAN = 'VERREKENING_ONGEDAAN',
  /** The set-off ended with the voorschot year before the schuld was paid; collection resumes. */
  VERREKENING_JAAR_AFGELOPEN = 'VERREKENING_JAAR_AFGELOPEN',
  /** decideMatiging: the open amount was lowered on a hardship request (Awir art. 13b); bedrag = the reduction. */
  MATIGING = 'MATIGING',
  /** decidePersoonlijkeBetalingsregeling without capacity: no collection measures from now on. */
  GEEN_INVORDERINGSMAATREGELEN = 'GEEN_INVORDERINGSMAATREGELEN',
}
registerEnumType(SchuldEventSoort, { name: 'SchuldEventSoort', description: 'The kind of entry in a schuld’s history.' });

/** States after which nothing more is collected. */
export const TERMINAL_SCHULD_STATUSES: readonly SchuldStatus[] = [
  SchuldStatus.VOLDAAN,
  SchuldStatus.KWIJTGESCHOLDEN,
  SchuldStatus.BUITEN_INVORDERING,
];

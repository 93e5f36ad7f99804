/**
 * Ids of the processing activities in the register (table processing_activity, seeded by migration
 * Migration20261122161556_foundation). The policy picks one per actor role and purpose.
 */
export enum ProcessingActivityId {
  /** A citizen views their own household data. */
  BURGER_INZAGE = 'burger-inzage-eigen-gegevens',
  /** A citizen changes or requests something for their own household (migration Migration20261122163156_read_model_and_norms). */
  BURGER_VERZOEK = 'burger-verzoek',
  /** A medewerker handles a case and reads the household's data. */
  MEDEWERKER_BEHANDELING = 'medewerker-zaakbehandeling',
  /** The daily collection engine advances schulden (system processing). */
  INVORDERING = 'invordering-schulden',
  /** An intermediair reads or acts for a client under a machtiging. */
  INTERMEDIAIR_MACHTIGING = 'intermediair-machtiging',
  /**
   * Vroegsignalering (domain.md §4): the daily engine signals arrears to a participating gemeente,
   * the gemeente reads and follows up its signals, the retention command erases them
   * (migration Migration20261122182100_vroegsignalering_norms).
   */
  VROEGSIGNALERING = 'vroegsignalering',
  /** Received payments booked from a bank statement (system processing). */
  BETALINGEN_VERWERKEN = 'betalingen-verwerken',
  /** A KOO delivers monthly childcare data about households (migration Migration20261122183000_kinderopvang_data). */
  KINDEROPVANG_GEGEVENSLEVERING = 'kinderopvang-gegevenslevering',
  /** The daily engine derives mutatievoorstellen from KOO data, lowers voorschotten and pays toeslag to KOOs. */
  KINDEROPVANG_MUTATIE = 'kinderopvang-mutatie',
}

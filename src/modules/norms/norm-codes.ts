/**
 * Codes in the versioned norms table (table `norm`). Issue 4 adds the arrangement norms
 * (bijstandsnormen, normhuur, ...); vroegsignalering adds its threshold.
 */
export enum NormCode {
  /** Payment term of a terugvordering: vervaldatum = dagtekening + this many days (6 weeks). */
  BETAALTERMIJN_DAGEN = 'BETAALTERMIJN_DAGEN',
  /** Days after the vervaldatum before the (free) betalingsherinnering. */
  HERINNERING_NA_DAGEN = 'HERINNERING_NA_DAGEN',
  /** Days after the herinnering before the aanmaning. */
  AANMANING_NA_DAGEN = 'AANMANING_NA_DAGEN',
  /** Days after the aanmaning before the dwangbevel. */
  DWANGBEVEL_NA_DAGEN = 'DWANGBEVEL_NA_DAGEN',
  AANMANINGSKOSTEN = 'AANMANINGSKOSTEN',
  DWANGBEVELKOSTEN = 'DWANGBEVELKOSTEN',
  /** Recoveries at or below this amount (per toeslag, for the berekeningsjaar) are not collected. */
  DOELMATIGHEIDSGRENS = 'DOELMATIGHEIDSGRENS',
  /** Schulden with a dagtekening in this year or earlier are buiten invordering, unless fraud. */
  BUITEN_INVORDERING_TM_JAAR = 'BUITEN_INVORDERING_TM_JAAR',
}

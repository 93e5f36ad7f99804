import { registerEnumType } from 'type-graphql';

/** Where a signal is in the gemeente's handling (domain.md §4). */
export enum VroegsignaalStatus {
  /** Sent; the gemeente has not yet acknowledged receipt. */
  NIEUW = 'NIEUW',
  /** The gemeente acknowledged receipt (acknowledgeVroegsignalen). */
  ONTVANGEN = 'ONTVANGEN',
  /** The gemeente recorded the outcome of its follow-up (recordVroegsignaalOpvolging). */
  OPGEVOLGD = 'OPGEVOLGD',
}
registerEnumType(VroegsignaalStatus, {
  name: 'VroegsignaalStatus',
  description: 'The gemeente’s handling of a signal: NIEUW → ONTVANGEN → OPGEVOLGD.',
  valuesConfig: {
    NIEUW: { description: 'Sent; receipt not yet acknowledged by the gemeente.' },
    ONTVANGEN: { description: 'The gemeente acknowledged receipt.' },
    OPGEVOLGD: { description: 'The gemeente recorded the outcome of its follow-up.' },
  },
});

/** The outcome of the gemeente's follow-up (domain.md §4: reached / not reached / help accepted / declined). */
export enum VroegsignaalUitkomst {
  BEREIKT = 'BEREIKT',
  NIET_BEREIKT = 'NIET_BEREIKT',
  HULP_GEACCEPTEERD = 'HULP_GEACCEPTEERD',
  HULP_AFGEWEZEN = 'HULP_AFGEWEZEN',
}
registerEnumType(VroegsignaalUitkomst, {
  name: 'VroegsignaalUitkomst',
  description: 'Outcome of the gemeente’s follow-up. HULP_GEACCEPTEERD and HULP_AFGEWEZEN imply the household was reached.',
  valuesConfig: {
    BEREIKT: { description: 'The household was reached; no decision on help yet.' },
    NIET_BEREIKT: { description: 'The gemeente could not reach the household.' },
    HULP_GEACCEPTEERD: { description: 'Reached, and the household accepted help.' },
    HULP_AFGEWEZEN: { description: 'Reached, and the household declined help.' },
  },
});

/** Outcomes that mean the household was reached (for the statistics). */
export const BEREIKT_UITKOMSTEN: readonly VroegsignaalUitkomst[] = [
  VroegsignaalUitkomst.BEREIKT,
  VroegsignaalUitkomst.HULP_GEACCEPTEERD,
  VroegsignaalUitkomst.HULP_AFGEWEZEN,
];

/**
 * Why Dienst Toeslagen ended a signal (internal: never shown to the gemeente, because e.g. "paused"
 * would reveal a UHT registration, which is special information about the household).
 */
export enum VroegsignaalBeeindiging {
  /** The arrears fell below the threshold or were paid. */
  NIET_MEER_ACHTERSTAND = 'NIET_MEER_ACHTERSTAND',
  /** An active, paid-up betalingsregeling now covers the household. */
  BETALINGSREGELING = 'BETALINGSREGELING',
  /** Collection is paused (UHT, or a paused schuld). */
  GEPAUZEERD = 'GEPAUZEERD',
  /** The household moved to another gemeente. */
  VERHUISD = 'VERHUISD',
  /** The gemeente no longer takes part in the experiment. */
  DEELNAME_BEEINDIGD = 'DEELNAME_BEEINDIGD',
  /** The retention period passed: personal fields erased. */
  BEWAARTERMIJN_VERSTREKEN = 'BEWAARTERMIJN_VERSTREKEN',
}

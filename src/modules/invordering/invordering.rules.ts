import Decimal from 'decimal.js';
import { addDays, yearOf } from '../../shared/dates';
import { formatEuro as euro } from '../../shared/format-nl';
import { NormCode } from '../norms/norm-codes';
import type { NormsTable } from '../norms/norms';
import { SchuldEventSoort, SchuldStatus, TERMINAL_SCHULD_STATUSES } from '../schuld/schuld.enums';

/** What the engine needs to know about one schuld on the run date. */
export interface SchuldStand {
  status: SchuldStatus;
  statusSinds: string;
  dagtekening: string;
  vervaldatum: string;
  berekeningsjaar: number;
  oorspronkelijkBedrag: Decimal;
  openstaandBedrag: Decimal;
  kosten: Decimal;
  fraude: boolean;
  gepauzeerd: boolean;
  /** The household is registered with UHT (herstel operation). */
  householdUht: boolean;
  /** Covered by an ACTIEF betalingsregeling (whatever its status field says). */
  inActieveRegeling: boolean;
}

/** One change the engine makes to a schuld; at most one per schuld per run. */
export interface InvorderingActie {
  soort: SchuldEventSoort;
  /** New status, or null when the status stays (pause, resume). */
  naarStatus: SchuldStatus | null;
  /** Costs charged with this step (aanmaning, dwangbevel). */
  kosten: Decimal;
  /** New value of the gepauzeerd flag, when it changes. */
  gepauzeerd?: boolean;
  reden: string;
}

const ZERO = new Decimal(0);

/**
 * The next collection step for a schuld on `datum`, or null when nothing is due (domain.md §3).
 * Checked in this order:
 * 1. terminal states (voldaan, kwijtgescholden, buiten invordering) are left alone;
 * 2. nothing left to pay → VOLDAAN;
 * 3. dagtekening in the cut-off year (2016) or earlier and no fraud → BUITEN_INVORDERING
 *    (letters to parliament, seeds 000 and 002);
 * 4. original amount at or below the doelmatigheidsgrens of its berekeningsjaar → BUITEN_INVORDERING;
 *    (3 and 4 leave a schuld alone that the citizen is paying off in an arrangement);
 * 5. household registered with UHT → pause (GEPAUZEERD); registration ended → resume (HERVAT),
 *    the terms restart from the resume date and no interest is charged over the pause;
 * 6. covered by an active betalingsregeling → never a reminder or costs, whatever the schuld's
 *    status says (seed 002: 595 unprocessed arrangements led to wrong reminders and costs). This is
 *    stricter than "paid up": missed termijnen are handled by the arrangement's own process
 *    (shift a month, then a reminder), not by this chain;
 * 7. the chain, each step a term after the previous one (terms and costs from the norms table):
 *    OPEN → HERINNERD (free reminder, a term after the vervaldatum) → AANGEMAAND (costs)
 *    → DWANGBEVEL (costs).
 */
export function volgendeActie(s: SchuldStand, datum: string, norms: NormsTable): InvorderingActie | null {
  if (TERMINAL_SCHULD_STATUSES.includes(s.status)) return null;

  if (s.openstaandBedrag.plus(s.kosten).lte(ZERO)) {
    return { soort: SchuldEventSoort.VOLDAAN, naarStatus: SchuldStatus.VOLDAAN, kosten: ZERO, reden: 'Volledig betaald' };
  }

  if (s.status !== SchuldStatus.IN_BETALINGSREGELING) {
    const cutOff = norms.number(NormCode.BUITEN_INVORDERING_TM_JAAR, datum);
    if (yearOf(s.dagtekening) <= cutOff && !s.fraude) {
      return {
        soort: SchuldEventSoort.BUITEN_INVORDERING,
        naarStatus: SchuldStatus.BUITEN_INVORDERING,
        kosten: ZERO,
        reden: `Schuld met dagtekening in ${yearOf(s.dagtekening)}: schulden uit ${cutOff} of eerder worden niet meer ingevorderd (geen fraude)`,
      };
    }
    const grens = norms.amount(NormCode.DOELMATIGHEIDSGRENS, `${s.berekeningsjaar}-01-01`);
    if (s.oorspronkelijkBedrag.lte(grens)) {
      return {
        soort: SchuldEventSoort.BUITEN_INVORDERING,
        naarStatus: SchuldStatus.BUITEN_INVORDERING,
        kosten: ZERO,
        reden: `Terugvordering van ${euro(s.oorspronkelijkBedrag)} ligt op of onder de doelmatigheidsgrens van ${euro(grens)} voor ${s.berekeningsjaar}`,
      };
    }
  }

  if (s.householdUht) {
    return s.gepauzeerd
      ? null
      : { soort: SchuldEventSoort.GEPAUZEERD, naarStatus: null, kosten: ZERO, gepauzeerd: true, reden: 'Aangemeld bij de herstelorganisatie (UHT): invordering gepauzeerd' };
  }
  if (s.gepauzeerd) {
    return {
      soort: SchuldEventSoort.HERVAT,
      naarStatus: null,
      kosten: ZERO,
      gepauzeerd: false,
      reden: 'Integrale beoordeling afgerond: invordering hervat, zonder rente over de pauze; termijnen lopen vanaf vandaag',
    };
  }

  if (s.inActieveRegeling) return null;

  switch (s.status) {
    case SchuldStatus.OPEN: {
      // After a resume the term counts from the resume date, never from before the pause.
      const vanaf = s.statusSinds > s.vervaldatum ? s.statusSinds : s.vervaldatum;
      if (datum < addDays(vanaf, norms.number(NormCode.HERINNERING_NA_DAGEN, datum))) return null;
      return { soort: SchuldEventSoort.HERINNERING, naarStatus: SchuldStatus.HERINNERD, kosten: ZERO, reden: 'Niet betaald na de vervaldatum: kosteloze betalingsherinnering' };
    }
    case SchuldStatus.HERINNERD: {
      if (datum < addDays(s.statusSinds, norms.number(NormCode.AANMANING_NA_DAGEN, datum))) return null;
      const kosten = norms.amount(NormCode.AANMANINGSKOSTEN, datum);
      return { soort: SchuldEventSoort.AANMANING, naarStatus: SchuldStatus.AANGEMAAND, kosten, reden: `Niet betaald na de herinnering: aanmaning, kosten ${euro(kosten)}` };
    }
    case SchuldStatus.AANGEMAAND: {
      if (datum < addDays(s.statusSinds, norms.number(NormCode.DWANGBEVEL_NA_DAGEN, datum))) return null;
      const kosten = norms.amount(NormCode.DWANGBEVELKOSTEN, datum);
      return { soort: SchuldEventSoort.DWANGBEVEL, naarStatus: SchuldStatus.DWANGBEVEL, kosten, reden: `Niet betaald na de aanmaning: dwangbevel, kosten ${euro(kosten)}` };
    }
    default:
      // DWANGBEVEL (next: beslag, outside this engine), VERREKEND (set-off running),
      // IN_BETALINGSREGELING without an active regeling (the arrangement process decides).
      return null;
  }
}

import Decimal from 'decimal.js';
import { firstOfNextMonth } from '../../shared/dates';
import { UserErrorCode } from '../../shared/user-error';
import { SchuldStatus } from '../schuld/schuld.enums';
import type { RuleError } from '../toeslag/toeslag.rules';
import { standaardTermijnen, type PlannedTermijn } from './betalingsregeling.rules';

/** What the aanvraag checks need to know of one schuld (read under a row lock in the service). */
export interface AanvraagSchuld {
  openstaandBedrag: Decimal;
  kosten: Decimal;
  status: SchuldStatus;
  gepauzeerd: boolean;
  /** Covered by an ACTIEF betalingsregeling (checked on the arrangement itself, docs/adr/0010). */
  inActieveRegeling: boolean;
}

export interface StandaardRegelingPlan {
  totaal: Decimal;
  startdatum: string;
  termijnen: PlannedTermijn[];
}

export type AanvraagPlan = { ok: true; plan: StandaardRegelingPlan } | { ok: false; errors: RuleError[] };

const SCHULD_IDS = ['input', 'schuldIds'];

/** The schuldIds must be a non-empty list without duplicates (SCHULDEN_ONGELDIG). */
export function checkSchuldIds(ids: readonly string[]): RuleError | null {
  if (ids.length === 0) {
    return { code: UserErrorCode.SCHULDEN_ONGELDIG, field: SCHULD_IDS, message: 'Kies minstens één schuld voor de betalingsregeling.' };
  }
  if (new Set(ids).size !== ids.length) {
    return { code: UserErrorCode.SCHULDEN_ONGELDIG, field: SCHULD_IDS, message: 'Dezelfde schuld staat meer dan één keer in de aanvraag.' };
  }
  return null;
}

/** Why this schuld cannot join a new standaard betalingsregeling, or null when it can. */
export function schuldBezwaar(s: AanvraagSchuld, index: number): RuleError | null {
  const field = [...SCHULD_IDS, String(index)];
  if (s.status === SchuldStatus.VOLDAAN || s.status === SchuldStatus.KWIJTGESCHOLDEN || s.openstaandBedrag.plus(s.kosten).lte(0)) {
    return { code: UserErrorCode.SCHULD_AL_BETAALD, field, message: 'Deze schuld is al betaald of kwijtgescholden; er valt niets te regelen.' };
  }
  if (s.status === SchuldStatus.BUITEN_INVORDERING) {
    return { code: UserErrorCode.SCHULD_BUITEN_INVORDERING, field, message: 'Deze schuld wordt niet meer ingevorderd; u hoeft er niets voor te betalen.' };
  }
  if (s.inActieveRegeling) {
    return { code: UserErrorCode.SCHULD_AL_IN_REGELING, field, message: 'Voor deze schuld loopt al een betalingsregeling.' };
  }
  if (s.gepauzeerd) {
    return { code: UserErrorCode.SCHULD_GEPAUZEERD, field, message: 'De invordering van deze schuld is gepauzeerd; een betalingsregeling is nu niet nodig.' };
  }
  return null;
}

/**
 * A standaard betalingsregeling (Leidraad Invordering 2008, art. 79.7) for these schulden of one
 * household: one arrangement for all of them (domain.md §3), totaal = Σ (openstaandBedrag + kosten),
 * the termijnen of `standaardTermijnen` from the first day of next month. Also after the 6-week term.
 * Every schuld that cannot join gives an error, and then nothing is planned.
 */
export function planStandaardRegeling(
  schulden: readonly AanvraagSchuld[],
  today: string,
  /** The standard termijnbedrag and maximum number of termijnen in force (norms table); defaults €20 / 24. */
  norm: { termijnbedrag?: Decimal; maxTermijnen?: number } = {},
): AanvraagPlan {
  if (schulden.length === 0) {
    return { ok: false, errors: [{ code: UserErrorCode.SCHULDEN_ONGELDIG, field: SCHULD_IDS, message: 'Kies minstens één schuld voor de betalingsregeling.' }] };
  }
  const errors = schulden.flatMap((s, i) => schuldBezwaar(s, i) ?? []);
  if (errors.length) return { ok: false, errors };
  const totaal = schulden.reduce((sum, s) => sum.plus(s.openstaandBedrag).plus(s.kosten), new Decimal(0));
  const startdatum = firstOfNextMonth(today);
  return { ok: true, plan: { totaal, startdatum, termijnen: standaardTermijnen(totaal, startdatum, norm.termijnbedrag, norm.maxTermijnen) } };
}

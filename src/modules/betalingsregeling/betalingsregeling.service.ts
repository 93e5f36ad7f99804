import { Purpose } from '../../auth/reach';
import type { RequestContext } from '../context';
import { fromGlobalIdOfType } from '../../shared/global-id';
import { NormCode } from '../norms/norm-codes';
import { loadNorms } from '../norms/norms';
import type { RuleError } from '../toeslag/toeslag.rules';
import { checkSchuldIds, planStandaardRegeling } from './aanvraag.rules';
import { Betalingsregeling } from './betalingsregeling.entity';
import { BetalingsregelingSoort } from './betalingsregeling.enums';
import { writeRegeling } from './regeling.writer';
import { lockAanvraagSchulden } from './schulden-lock';

export interface RequestStandaardBetalingsregelingInput {
  /** Global id of the household. */
  householdId: string;
  /** Global ids of the schulden of that household to bring under one arrangement. */
  schuldIds: string[];
}

export interface RequestStandaardBetalingsregelingResult {
  betalingsregeling: Betalingsregeling | null;
  userErrors: RuleError[];
}

/**
 * Standaard betalingsregeling (domain.md §3, Leidraad art. 79.7) for several schulden of one
 * household, in one `scope.transactional` with Purpose.ACT: a household or schuld outside reach is
 * FORBIDDEN (NOT_FOUND for a medewerker), a schuld of another household FORBIDDEN. The schuld rows are
 * locked (SELECT … FOR UPDATE, in id order so overlapping requests cannot deadlock) before they are
 * checked: a concurrent request for an overlapping set waits for the first to commit and then sees
 * its arrangement (SCHULD_AL_IN_REGELING). A schuld that cannot join gives userErrors and nothing is
 * written; otherwise the arrangement, its termijnen, the links, the new schuld statuses and one
 * REGELING_GESTART event per schuld are written together.
 */
export async function requestStandaardBetalingsregeling(
  ctx: RequestContext,
  input: RequestStandaardBetalingsregelingInput,
): Promise<RequestStandaardBetalingsregelingResult> {
  const householdId = fromGlobalIdOfType(input.householdId, 'Household');
  const schuldIds = input.schuldIds.map((id) => fromGlobalIdOfType(id, 'Schuld'));
  const access = ctx.scope.access(Purpose.ACT);
  const bron = ctx.scope.viewer!.role;
  const today = ctx.clock.today();

  return ctx.scope.transactional(async (tx) => {
    const household = await tx.household(householdId, Purpose.ACT);

    const idsError = checkSchuldIds(schuldIds);
    if (idsError) return { betalingsregeling: null, userErrors: [idsError] };

    // Lock the schulden (only the schuld rows, not the joined policy tables), in id order; coverage
    // is checked on the arrangement itself after the lock (schulden-lock.ts).
    const { schulden, stand } = await lockAanvraagSchulden(tx, access, household.id, schuldIds);

    // The same versioned norms as calculateBetalingscapaciteit, so the two never disagree.
    const norms = await loadNorms(tx.entityManager);
    const result = planStandaardRegeling(
      stand,
      today,
      { termijnbedrag: norms.amount(NormCode.STANDAARD_TERMIJNBEDRAG, today), maxTermijnen: norms.number(NormCode.STANDAARD_MAX_TERMIJNEN, today) },
    );
    if (!result.ok) return { betalingsregeling: null, userErrors: result.errors };

    const { totaal, startdatum, termijnen } = result.plan;
    const regeling = writeRegeling(tx, household, schulden, {
      soort: BetalingsregelingSoort.STANDAARD,
      totaal,
      startdatum,
      termijnen,
      reden: `Standaard betalingsregeling aangevraagd: ${termijnen.length} termijn(en) vanaf ${startdatum}.`,
      bron,
      datum: today,
    });
    return { betalingsregeling: regeling, userErrors: [] };
  });
}

import { randomBytes } from 'node:crypto';
import { OptimisticLockError } from '@mikro-orm/core';
import { Purpose } from '../../auth/reach';
import type { RequestContext } from '../context';
import { forbidden, notFound } from '../../shared/errors';
import { fromGlobalIdOfType } from '../../shared/global-id';
import { UserErrorCode } from '../../shared/user-error';
import { Beschikking } from '../beschikking/beschikking.entity';
import { BeschikkingSoort } from '../beschikking/beschikking.enums';
import { Toeslag } from './toeslag.entity';
import { planVoorschotpercentage, wijzigingsnummer, type RuleError } from './toeslag.rules';

export interface SetVoorschotpercentageInput {
  /** Global id of the toeslag. */
  toeslagId: string;
  percentage: number;
}

export interface SetVoorschotpercentageResult {
  toeslag: Toeslag | null;
  beschikking: Beschikking | null;
  userErrors: RuleError[];
}

/**
 * Instelbaar voorschot (domain.md §2, toeslag.rules planVoorschotpercentage): sets the share of the
 * calculated voorschot a household receives, from the first day of next month (Europe/Amsterdam).
 * Writes a WIJZIGING beschikking and updates the toeslag in one transaction, guarded by the toeslag's
 * optimistic version. The toeslag is fetched for Purpose.ACT through the scope: a citizen reaches
 * only their own household (processing activity burger-verzoek), a medewerker any; an id outside
 * reach is FORBIDDEN (NOT_FOUND for a medewerker). Business refusals are userErrors and write nothing.
 */
export async function setVoorschotpercentage(ctx: RequestContext, input: SetVoorschotpercentageInput): Promise<SetVoorschotpercentageResult> {
  const id = fromGlobalIdOfType(input.toeslagId, 'Toeslag');
  const access = ctx.scope.access(Purpose.ACT);
  const today = ctx.clock.today();
  try {
    return await ctx.scope.transactional(async (tx) => {
      const [toeslag] = await tx.owned(Toeslag, { id }, Purpose.ACT, { populate: ['household'] });
      if (!toeslag) throw access.unrestricted ? notFound('no toeslag with this id') : forbidden('this toeslag is outside your access');

      const plan = planVoorschotpercentage(toeslag, input.percentage, today);
      if (!plan.ok) return { toeslag, beschikking: null, userErrors: plan.errors };

      const w = plan.wijziging;
      const beschikking = new Beschikking();
      Object.assign(beschikking, {
        household: toeslag.household,
        toeslag,
        soort: BeschikkingSoort.WIJZIGING,
        nummer: wijzigingsnummer(toeslag.berekeningsjaar, toeslag.household.gemeentecode, randomBytes(5).toString('hex').toUpperCase()),
        dagtekening: today,
        ingangsdatum: w.ingangsdatum,
        jaarbedrag: w.jaarbedrag,
        voorschotMaandbedrag: w.voorschotMaandbedrag,
        voorschotPercentage: w.voorschotPercentage,
        reden: w.reden,
      });
      toeslag.voorschotPercentage = w.voorschotPercentage;
      toeslag.voorschotMaandbedrag = w.voorschotMaandbedrag;
      tx.persist(toeslag);
      tx.persist(beschikking);
      return { toeslag, beschikking, userErrors: [] };
    });
  } catch (err) {
    // Someone changed the toeslag between our read and our update (its version moved on): nothing
    // was written; the caller may simply try again.
    if (err instanceof OptimisticLockError) {
      return {
        toeslag: null,
        beschikking: null,
        userErrors: [
          {
            code: UserErrorCode.GELIJKTIJDIG_GEWIJZIGD,
            field: null,
            message: 'De toeslag is tegelijk door iemand anders gewijzigd. Er is niets opgeslagen; probeer het opnieuw.',
          },
        ],
      };
    }
    throw err;
  }
}

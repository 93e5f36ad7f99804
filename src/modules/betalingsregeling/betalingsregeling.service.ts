import { LockMode } from '@mikro-orm/core';
import { Purpose } from '../../auth/policy';
import type { RequestContext } from '../../server/context';
import { todayInNL } from '../../shared/dates';
import { forbidden, notFound } from '../../shared/errors';
import { fromGlobalIdOfType } from '../../shared/global-id';
import { NormCode } from '../norms/norm-codes';
import { loadNorms } from '../norms/norms';
import { SchuldEvent } from '../schuld/schuld-event.entity';
import { Schuld } from '../schuld/schuld.entity';
import { SchuldEventSoort, SchuldStatus } from '../schuld/schuld.enums';
import type { RuleError } from '../toeslag/toeslag.rules';
import { checkSchuldIds, planStandaardRegeling } from './aanvraag.rules';
import { Betalingsregeling } from './betalingsregeling.entity';
import { BetalingsregelingSoort, BetalingsregelingStatus } from './betalingsregeling.enums';
import { regelingLinks } from './betalingsregeling.loaders';
import { Termijn } from './termijn.entity';

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
  const today = todayInNL();

  return ctx.scope.transactional(async (tx) => {
    const household = await tx.household(householdId, Purpose.ACT);

    const idsError = checkSchuldIds(schuldIds);
    if (idsError) return { betalingsregeling: null, userErrors: [idsError] };

    // Lock the schulden (only the schuld rows, not the joined policy tables), in id order.
    const locked = await tx.owned(Schuld, { id: { $in: schuldIds } }, Purpose.ACT, {
      lockMode: LockMode.PESSIMISTIC_WRITE,
      lockTableAliases: ['s0'],
      orderBy: { id: 'asc' },
      refresh: true,
    });
    const byId = new Map(locked.map((s) => [s.id, s]));
    for (const id of schuldIds) {
      const s = byId.get(id);
      if (!s) throw access.unrestricted ? notFound('no schuld with this id') : forbidden('this schuld is outside your access');
      if (s.household.id !== household.id) throw forbidden('this schuld belongs to another household');
    }
    const schulden = schuldIds.map((id) => byId.get(id)!);

    // Coverage is checked on the arrangement itself (decisions.md §10), after the lock: a request that
    // waited sees the links and statuses the other one committed.
    const links = await regelingLinks(tx.entityManager, 'schuld_id', schuldIds);
    const actief = links.length
      ? await tx.owned(Betalingsregeling, { id: { $in: [...new Set(links.map((l) => l.betalingsregeling_id))] }, status: BetalingsregelingStatus.ACTIEF }, Purpose.ACT)
      : [];
    const actiefIds = new Set(actief.map((r) => r.id));
    const covered = new Set(links.filter((l) => actiefIds.has(l.betalingsregeling_id)).map((l) => l.schuld_id));

    // The same versioned norms as calculateBetalingscapaciteit, so the two never disagree.
    const norms = await loadNorms(tx.entityManager);
    const result = planStandaardRegeling(
      schulden.map((s) => ({
        openstaandBedrag: s.openstaandBedrag,
        kosten: s.kosten,
        status: s.status,
        gepauzeerd: s.gepauzeerd,
        inActieveRegeling: covered.has(s.id),
      })),
      today,
      { termijnbedrag: norms.amount(NormCode.STANDAARD_TERMIJNBEDRAG, today), maxTermijnen: norms.number(NormCode.STANDAARD_MAX_TERMIJNEN, today) },
    );
    if (!result.ok) return { betalingsregeling: null, userErrors: result.errors };

    const { totaal, startdatum, termijnen } = result.plan;
    const em = tx.entityManager;
    const regeling = em.create(
      Betalingsregeling,
      {
        household,
        soort: BetalingsregelingSoort.STANDAARD,
        status: BetalingsregelingStatus.ACTIEF,
        totaalBedrag: totaal,
        termijnbedrag: termijnen[0].bedrag,
        aantalTermijnen: termijnen.length,
        startdatum,
      },
      { persist: false },
    );
    tx.persist(regeling);
    for (const t of termijnen) {
      tx.persist(
        em.create(
          Termijn,
          { household, betalingsregeling: regeling, volgnummer: t.volgnummer, vervaldatum: t.vervaldatum, bedrag: t.bedrag },
          { persist: false },
        ),
      );
    }
    for (const s of schulden) {
      regeling.schulden.add(s);
      const vanStatus = s.status;
      s.status = SchuldStatus.IN_BETALINGSREGELING;
      s.statusSinds = today;
      tx.persist(s);
      tx.persist(
        em.create(
          SchuldEvent,
          {
            household,
            schuld: s,
            datum: today,
            soort: SchuldEventSoort.REGELING_GESTART,
            vanStatus,
            naarStatus: SchuldStatus.IN_BETALINGSREGELING,
            bedrag: s.openstaandBedrag.plus(s.kosten),
            reden: `Standaard betalingsregeling aangevraagd: ${termijnen.length} termijn(en) vanaf ${startdatum}.`,
            bron,
          },
          { persist: false },
        ),
      );
    }
    return { betalingsregeling: regeling, userErrors: [] };
  });
}

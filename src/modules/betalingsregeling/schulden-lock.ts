import { LockMode } from '@mikro-orm/core';
import type { HouseholdScope } from '../../auth/household-scope';
import { Purpose, type HouseholdAccess } from '../../auth/reach';
import { forbidden, notFound } from '../../shared/errors';
import { Schuld } from '../schuld/schuld.entity';
import type { AanvraagSchuld } from './aanvraag.rules';
import { Betalingsregeling } from './betalingsregeling.entity';
import { BetalingsregelingStatus } from './betalingsregeling.enums';
import { regelingLinks } from './betalingsregeling.loaders';

/**
 * The schulden an arrangement request or decision is about, read under a row lock inside the
 * caller's `tx.transactional` (Purpose.ACT): locked in id order (SELECT … FOR UPDATE on the schuld
 * rows only), so overlapping requests wait for each other and cannot deadlock. A schuld outside
 * reach is FORBIDDEN (NOT_FOUND for a medewerker), one of another household FORBIDDEN. After the
 * lock, coverage by an ACTIEF betalingsregeling is checked on the arrangement itself (docs/adr/0010):
 * a request that waited sees what the other one committed. Returns the schulden in the order
 * of `schuldIds` with their aanvraag.rules view.
 */
export async function lockAanvraagSchulden(
  tx: HouseholdScope,
  access: Extract<HouseholdAccess, { allowed: true }>,
  householdId: string,
  schuldIds: readonly string[],
): Promise<{ schulden: Schuld[]; stand: AanvraagSchuld[] }> {
  const locked = await tx.owned(Schuld, { id: { $in: [...schuldIds] } }, Purpose.ACT, {
    lockMode: LockMode.PESSIMISTIC_WRITE,
    lockTableAliases: ['s0'],
    orderBy: { id: 'asc' },
    refresh: true,
  });
  const byId = new Map(locked.map((s) => [s.id, s]));
  for (const id of schuldIds) {
    const s = byId.get(id);
    if (!s) throw access.unrestricted ? notFound('no schuld with this id') : forbidden('this schuld is outside your access');
    if (s.household.id !== householdId) throw forbidden('this schuld belongs to another household');
  }
  const schulden = schuldIds.map((id) => byId.get(id)!);

  const links = await regelingLinks(tx.entityManager, 'schuld_id', schuldIds);
  const actief = links.length
    ? await tx.owned(
        Betalingsregeling,
        { id: { $in: [...new Set(links.map((l) => l.betalingsregeling_id))] }, status: BetalingsregelingStatus.ACTIEF },
        Purpose.ACT,
      )
    : [];
  const actiefIds = new Set(actief.map((r) => r.id));
  const covered = new Set(links.filter((l) => actiefIds.has(l.betalingsregeling_id)).map((l) => l.schuld_id));
  return {
    schulden,
    stand: schulden.map((s) => ({
      openstaandBedrag: s.openstaandBedrag,
      kosten: s.kosten,
      status: s.status,
      gepauzeerd: s.gepauzeerd,
      inActieveRegeling: covered.has(s.id),
    })),
  };
}

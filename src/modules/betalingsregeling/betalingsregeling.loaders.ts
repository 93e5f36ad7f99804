import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { HouseholdScope } from '../../auth/household-scope';
import { Schuld } from '../schuld/schuld.entity';

/** The schulden covered by each betalingsregeling: one pivot query and one scoped schuld query per batch. */
export function schuldenOfRegelingLoader(em: EntityManager, scope: HouseholdScope) {
  return new DataLoader<string, Schuld[]>(async (regelingIds) => {
    const links: Array<{ betalingsregeling_id: string; schuld_id: string }> = await em
      .getConnection()
      .execute('select betalingsregeling_id, schuld_id from betalingsregeling_schuld where betalingsregeling_id = any(array[?]::uuid[])', [
        [...regelingIds],
      ]);
    const schulden = links.length
      ? await scope.owned(Schuld, { id: { $in: links.map((l) => l.schuld_id) } }, undefined, {
          orderBy: { vervaldatum: 'asc', id: 'asc' },
        })
      : [];
    const byId = new Map(schulden.map((s) => [s.id, s]));
    return regelingIds.map((rid) =>
      links.filter((l) => l.betalingsregeling_id === rid).flatMap((l) => byId.get(l.schuld_id) ?? []),
    );
  });
}

import { byIdLoader, childrenLoader, registerLoaders } from '../loaders';
import { Beschikking } from './beschikking.entity';
import { BeschikkingSoort } from './beschikking.enums';

const SOORT_RANK: Record<BeschikkingSoort, number> = {
  [BeschikkingSoort.VOORLOPIG]: 0,
  [BeschikkingSoort.WIJZIGING]: 1,
  [BeschikkingSoort.DEFINITIEF]: 2,
  [BeschikkingSoort.TERUGVORDERING]: 3,
};

/**
 * Beschikkingen oldest dagtekening first; on the same day in the order they follow from each other
 * (a definitieve berekening before the terugvordering it causes), then as issued.
 */
function beschikkingOrder(a: Beschikking, b: Beschikking): number {
  if (a.dagtekening !== b.dagtekening) return a.dagtekening < b.dagtekening ? -1 : 1;
  if (a.soort !== b.soort) return SOORT_RANK[a.soort] - SOORT_RANK[b.soort];
  const t = a.createdAt.getTime() - b.createdAt.getTime();
  return t !== 0 ? t : a.id.localeCompare(b.id);
}

declare module '../loaders' {
  interface Loaders {
    beschikkingById: ReturnType<typeof byIdLoader<Beschikking>>;
    beschikkingenOfToeslag: ReturnType<typeof childrenLoader<Beschikking>>;
  }
}
registerLoaders(['beschikkingById', 'beschikkingenOfToeslag'], (make, { scope }) => ({
  beschikkingById: byIdLoader(make, scope, Beschikking),
  beschikkingenOfToeslag: childrenLoader(make, scope, Beschikking, 'toeslag', { dagtekening: 'asc', id: 'asc' }, beschikkingOrder),
}));

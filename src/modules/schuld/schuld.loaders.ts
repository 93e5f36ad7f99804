import { byIdLoader, childrenLoader, pageLoader, registerLoaders } from '../loaders';
import { SchuldEvent } from './schuld-event.entity';
import { Schuld } from './schuld.entity';

/** Stable order of Household.schulden (keyset: the last key is the unique id). */
export const SCHULD_ORDER = [
  { property: 'vervaldatum', direction: 'asc' },
  { property: 'id', direction: 'asc' },
] as const;

declare module '../loaders' {
  interface Loaders {
    schuldPages: ReturnType<typeof pageLoader<Schuld>>;
    schuldById: ReturnType<typeof byIdLoader<Schuld>>;
    eventsOfSchuld: ReturnType<typeof childrenLoader<SchuldEvent>>;
  }
}
registerLoaders(['schuldPages', 'schuldById', 'eventsOfSchuld'], (make, { scope }) => ({
  schuldPages: pageLoader(make, scope, Schuld, [...SCHULD_ORDER]),
  schuldById: byIdLoader(make, scope, Schuld),
  eventsOfSchuld: childrenLoader(make, scope, SchuldEvent, 'schuld', { datum: 'asc', id: 'asc' }),
}));

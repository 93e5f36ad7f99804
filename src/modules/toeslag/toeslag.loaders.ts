import { byIdLoader, pageLoader, registerLoaders } from '../loaders';
import { Toeslag } from './toeslag.entity';

/** Stable order of Household.toeslagen (keyset: the last key is the unique id). */
export const TOESLAG_ORDER = [
  { property: 'berekeningsjaar', direction: 'desc' },
  { property: 'soort', direction: 'asc' },
  { property: 'id', direction: 'asc' },
] as const;

declare module '../loaders' {
  interface Loaders {
    toeslagPages: ReturnType<typeof pageLoader<Toeslag>>;
    toeslagById: ReturnType<typeof byIdLoader<Toeslag>>;
  }
}
registerLoaders(['toeslagPages', 'toeslagById'], (make, { scope }) => ({
  toeslagPages: pageLoader(make, scope, Toeslag, [...TOESLAG_ORDER]),
  toeslagById: byIdLoader(make, scope, Toeslag),
}));

import DataLoader from 'dataloader';
import { Purpose } from '../../auth/reach';
import type { RequestContext } from '../context';
import { decodeCursor, encodeCursor, type Page } from '../../shared/connection';
import { badInput } from '../../shared/errors';
import { KooMutatievoorstel } from './mutatie.entity';

/** Per-request loaders of this module, created on first use (no N+1 for nested lists). */
const perRequest = new WeakMap<RequestContext, Map<string, DataLoader<any, any, any>>>();

function loader<K, V>(ctx: RequestContext, name: string, make: () => DataLoader<K, V, string>): DataLoader<K, V, string> {
  let map = perRequest.get(ctx);
  if (!map) perRequest.set(ctx, (map = new Map()));
  let l = map.get(name);
  if (!l) map.set(name, (l = make()));
  return l as DataLoader<K, V, string>;
}

export interface IdxPageKey {
  leveringId: string;
  first: number;
  after: string | null;
}

function afterIdx(after: string | null): number {
  if (!after) return -1;
  const [v] = decodeCursor(after, 1);
  if (!Number.isInteger(v) || (v as number) < 0) throw badInput('after is not a valid cursor', 'after');
  return v as number;
}

/**
 * Pages of a table keyed by (levering_id, idx) for several deliveries in one statement (a window
 * function keeps first + 1 rows per delivery). The caller has already proven each delivery is the
 * caller's own (it was resolved through the KOO's list, node or payload).
 */
function idxPages<R extends { levering_id: string; idx: number }>(ctx: RequestContext, table: 'koo_record' | 'koo_levering_fout', order: string) {
  return loader<IdxPageKey, Page<R>>(ctx, table, () =>
    new DataLoader<IdxPageKey, Page<R>, string>(
      async (keys) => {
        const groups = new Map<string, IdxPageKey[]>();
        for (const k of keys) groups.set(`${k.first}|${k.after ?? ''}`, [...(groups.get(`${k.first}|${k.after ?? ''}`) ?? []), k]);
        const out = new Map<string, Page<R>>();
        for (const group of groups.values()) {
          const { first, after } = group[0];
          const rows = await ctx.em.getConnection().execute<Array<R & { rn: number }>>(
            `select * from (select t.*, row_number() over (partition by t.levering_id order by ${order}) as rn
                from ${table} t where t.levering_id = any(array[?]::uuid[]) and t.idx > ?) x where x.rn <= ? order by x.levering_id, x.rn`,
            [group.map((k) => k.leveringId), afterIdx(after), first + 1],
          );
          for (const k of group) {
            const all = rows.filter((r) => r.levering_id === k.leveringId);
            const items = all.slice(0, first);
            out.set(`${k.leveringId}|${first}|${after ?? ''}`, { items, cursors: items.map((r) => encodeCursor([r.idx])), hasNextPage: all.length > first });
          }
        }
        return keys.map((k) => out.get(`${k.leveringId}|${k.first}|${k.after ?? ''}`)!);
      },
      { cacheKeyFn: (k) => `${k.leveringId}|${k.first}|${k.after ?? ''}` },
    ),
  );
}

export interface RecordRow {
  levering_id: string;
  idx: number;
  household_id: string | null;
  organisatie_id: string;
  periode: string;
  lrk_nummer: string;
  soort_opvang: string;
  kind_bsn: string | null;
  kind_naam: string;
  kind_geboortedatum: Date | string | null;
  ouder_bsn: string;
  partner_bsn: string | null;
  uren: string;
  uurprijs: string;
  factuurbedrag: string;
  contracteinddatum: Date | string | null;
  boven_max_uurprijs: boolean;
}

export interface FoutRow {
  levering_id: string;
  idx: number;
  nr: number;
  code: string;
  veld: string;
  melding: string;
}

export const recordPages = (ctx: RequestContext) => idxPages<RecordRow>(ctx, 'koo_record', 't.idx');
export const foutPages = (ctx: RequestContext) => idxPages<FoutRow>(ctx, 'koo_levering_fout', 't.idx, t.nr');

/** The mutatievoorstellen of households, newest first, through the household scope (one statement per batch). */
export function mutatievoorstellenOfHousehold(ctx: RequestContext) {
  return loader<string, KooMutatievoorstel[]>(ctx, 'mutatievoorstellen', () =>
    new DataLoader<string, KooMutatievoorstel[], string>(async (ids) => {
      const rows = await ctx.scope.owned(KooMutatievoorstel, { household: { $in: [...ids] } }, Purpose.READ, {
        orderBy: { dagtekening: 'desc', id: 'asc' },
      });
      return ids.map((id) => rows.filter((r) => r.household.id === id));
    }),
  );
}

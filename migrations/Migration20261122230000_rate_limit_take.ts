import { Migration } from '@mikro-orm/migrations';

/**
 * rate_limit_take: the leaky-bucket take of several requests in one statement (src/modules/ratelimit/
 * leaky-bucket.ts batches the concurrent takes of one API node). Per item exactly the former single
 * TAKE statement: leak the bucket by PostgreSQL's clock since its last update, add the cost, store it
 * only if it fits. Items are applied one after another, so two items of one key see each other (the
 * second sees the first's level). Rows are locked in one global order (key, then position), so two
 * API nodes' batches can never deadlock. `now()` is the transaction's start, the same for every item.
 * A batch may wait on a row that a later-started transaction (another node) has updated, so `now()`
 * can lie before the row's `updated_at`: the elapsed time counts as 0, never negative (which would
 * fill the bucket), and `updated_at` never moves backwards.
 * One row per item: `i` its 1-based position in the arrays, `taken` the new level when it fitted
 * (else null), `prev` the leaked level it did not fit onto (refused only; null when the bucket does
 * not exist yet), for Retry-After.
 */
export class Migration20261122230000_rate_limit_take extends Migration {

  override async up(): Promise<void> {
    // OUT parameters (i, taken, prev) are PL/pgSQL variables: every column is qualified by its alias.
    this.addSql(`create function "rate_limit_take"(keys text[], costs float8[], capacities float8[], leaks float8[])
returns table (i int, taken float8, prev float8)
language plpgsql volatile as $fn$
declare
  t record;
begin
  if cardinality(costs) <> cardinality(keys) or cardinality(capacities) <> cardinality(keys) or cardinality(leaks) <> cardinality(keys) then
    raise exception 'rate_limit_take: arrays of different lengths';
  end if;
  for t in
    select u.k, u.cost, u.capacity, u.leak, u.o::int as o
    from unnest(keys, costs, capacities, leaks) with ordinality as u(k, cost, capacity, leak, o)
    order by u.k collate "C", u.o
  loop
    i := t.o;
    taken := null;
    prev := null;
    insert into rate_limit_bucket as b (key, level, updated_at)
    select t.k, t.cost, now() where t.cost <= t.capacity
    on conflict on constraint rate_limit_bucket_pkey do update
      set level = greatest(0, b.level - greatest(0, extract(epoch from (now() - b.updated_at)))::float8 * t.leak) + excluded.level,
          updated_at = greatest(b.updated_at, now())
      where greatest(0, b.level - greatest(0, extract(epoch from (now() - b.updated_at)))::float8 * t.leak) + excluded.level <= t.capacity
    returning b.level into taken;
    if taken is null then
      -- Refused: the row, if any, is unchanged (and locked by the upsert above).
      select greatest(0, b.level - greatest(0, extract(epoch from (now() - b.updated_at)))::float8 * t.leak) into prev
      from rate_limit_bucket as b where b.key = t.k;
    end if;
    return next;
  end loop;
end
$fn$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists "rate_limit_take"(text[], float8[], float8[], float8[]);`);
  }

}

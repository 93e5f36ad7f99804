import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/** A node-postgres client as knex hands it out (only what is used here). */
interface PgClient {
  query(config: { text: string; values: readonly unknown[]; name?: string }): Promise<{ rows: Array<Record<string, unknown>> }>;
}

interface KnexClient {
  acquireConnection(): Promise<PgClient>;
  releaseConnection(connection: PgClient): Promise<unknown>;
}

const names = new Map<string, string>();

/**
 * Through MikroORM's query logger when its `query` namespace is on (`debug`), as MikroORM logs its own
 * statements: the text with its placeholders, never the values (they may hold a BSN).
 */
function logQuery(em: EntityManager, text: string, context: Record<string, unknown>): void {
  if (!em.config.getLogger().isEnabled('query')) return;
  (em.getConnection() as unknown as { logQuery(query: string, context: Record<string, unknown>): void }).logQuery(text, context);
}

/** A prepared statement's name per statement text (node-postgres keeps one per connection and name). */
function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = 'q' + createHash('sha1').update(text).digest('hex').slice(0, 20);
    // Statement texts are a fixed set (built from code, values are parameters); bound the map anyway.
    if (names.size < 10_000) names.set(text, name);
  }
  return name;
}

/**
 * Runs one parameterised statement (`$1`, `$2`, … with `values`) on the pg connection MikroORM's
 * pool (or the surrounding transaction, when `em` is a transaction's) hands out, without knex's
 * query formatting: the values travel as bind parameters, never inlined into the SQL text. The
 * statement is prepared once per connection (named by a hash of its text), so PostgreSQL parses
 * and plans it once. For hot read paths whose SQL is written by hand; the connection's type
 * parsers are MikroORM's (dates and timestamps as strings, numeric as strings).
 *
 * Values must be what node-postgres can serialise (strings, numbers, booleans, Dates, arrays of
 * those, null): pass money as a string (`Decimal#toFixed`), never a Decimal.
 */
export async function queryRows<R = Record<string, unknown>>(
  em: EntityManager,
  text: string,
  values: readonly unknown[] = [],
  /** A transaction to run in (default: `em`'s, if any). */
  tx?: unknown,
): Promise<R[]> {
  const trx = (tx ?? em.getTransactionContext()) as { client: KnexClient } | undefined;
  const client = trx ? trx.client : (em.getConnection().getKnex().client as unknown as KnexClient);
  const connection = await client.acquireConnection();
  const started = performance.now();
  try {
    const result = await connection.query({ text, values, name: statementName(text) });
    logQuery(em, text, { took: performance.now() - started, results: result.rows.length });
    return result.rows as R[];
  } catch (e) {
    logQuery(em, text, { took: performance.now() - started, level: 'error' });
    throw e;
  } finally {
    await client.releaseConnection(connection);
  }
}

/**
 * Builds a statement's bind parameters: `p(value)` appends the value and returns its placeholder
 * (`$n`), so SQL text and values cannot get out of step.
 */
export class Params {
  readonly values: unknown[] = [];

  p(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

interface Pending {
  text: string;
  values: readonly unknown[];
  resolve(rows: Array<Record<string, unknown>>): void;
  reject(error: unknown): void;
}

const batches = new WeakMap<EntityManager, Pending[]>();

/**
 * `queryRows` for the independent reads of one request that run in the same tick (a DataLoader
 * wave: members, pages, the schuldenoverzicht): they travel as ONE statement, each as a
 * JSON-aggregated scalar subquery (`select (select json_agg(x) from (<statement 1>) x) as r0, …`),
 * so a wave costs one round trip and one socket write instead of one per loader. Every statement
 * keeps its own WHERE (policy included) and gets only its own rows back; parameters are renumbered.
 * Inside a transaction, or alone in its tick, a statement runs on its own (queryRows).
 *
 * Rows come back through JSON, so: numeric and bigint columns must be selected as text
 * (`columnList` does; a JSON number that is not a safe integer is refused), timestamps arrive in ISO
 * form (mapRow makes the same Date of both forms), and row order is only what `order by` in the
 * statement usually gives an aggregate: callers that need an order sort the rows themselves.
 */
export function batchedRows<R = Record<string, unknown>>(em: EntityManager, text: string, values: readonly unknown[] = []): Promise<R[]> {
  if (em.getTransactionContext()) return queryRows<R>(em, text, values);
  return new Promise<R[]>((resolve, reject) => {
    let batch = batches.get(em);
    if (!batch) {
      batch = [];
      batches.set(em, batch);
      const pending = batch;
      // After every promise job and nextTick of this turn: all loaders of the wave have queued by then.
      setImmediate(() => {
        batches.delete(em);
        void runBatch(em, pending);
      });
    }
    batch.push({ text, values, resolve: resolve as Pending['resolve'], reject });
  });
}

async function runBatch(em: EntityManager, batch: Pending[]): Promise<void> {
  if (batch.length === 1) {
    const [only] = batch;
    await queryRows(em, only.text, only.values).then(only.resolve, only.reject);
    return;
  }
  const values: unknown[] = [];
  const parts = batch.map((b, i) => {
    const offset = values.length;
    values.push(...b.values);
    const text = b.text.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`);
    return `(select coalesce(json_agg(x), '[]'::json) from (${text}) x) as r${i}`;
  });
  try {
    const [row] = await queryRows(em, `select ${parts.join(', ')}`, values);
    const results = batch.map((_, i) => {
      const rows = row[`r${i}`] as Array<Record<string, unknown>>;
      for (const r of rows) {
        for (const key in r) {
          const v = r[key];
          if (typeof v === 'number' && !Number.isSafeInteger(v)) {
            throw new Error(`column ${key} came back as a JSON number: select numeric columns as text in a batched statement`);
          }
        }
      }
      return rows;
    });
    batch.forEach((b, i) => b.resolve(results[i]));
  } catch (e) {
    for (const b of batch) b.reject(e);
  }
}

import type { MikroORM } from '@mikro-orm/postgresql';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { maskBsns } from './logger';

/** The tarn pool under MikroORM's knex: what the pool gauge reads. */
interface PoolStats {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** Distinct operation names kept as label values; beyond this every new name counts as "other". */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Prometheus metrics of ONE app instance (its own registry: tests run several apps in one process).
 * Served at GET /metrics in the text exposition format.
 */
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok: no errors; error: at least one error).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Duration of GraphQL requests, from the first byte to the response, by operation name and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly errors = new Counter({
    name: 'graphql_errors_total',
    help: 'GraphQL errors by extensions.code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  constructor(orm?: MikroORM) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'db_pool_connections',
      help: 'Connections of the database pool: used, free, and acquires waiting for one (pending).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const pool = orm ? poolOf(orm) : undefined;
        if (!pool) return;
        this.set({ state: 'used' }, pool.numUsed());
        this.set({ state: 'free' }, pool.numFree());
        this.set({ state: 'pending' }, pool.numPendingAcquires());
      },
    });
  }

  /**
   * A bounded label value for a client-chosen operation name: anonymous, the name (9-digit runs
   * masked, never a BSN in a label), or "other" once MAX_OPERATION_LABELS names were seen.
   */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    const label = maskBsns(name);
    if (this.operations.has(label)) return label;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(label);
    return label;
  }

  observe(operation: string | null | undefined, outcome: 'ok' | 'error', seconds: number, codes: string[]): void {
    const labels = { operation: this.operationLabel(operation), outcome };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
    for (const code of codes) this.errors.inc({ code });
  }
}

function poolOf(orm: MikroORM): PoolStats | undefined {
  try {
    const pool = (orm.em.getConnection().getKnex().client as { pool?: PoolStats }).pool;
    return pool && typeof pool.numUsed === 'function' ? pool : undefined;
  } catch {
    return undefined;
  }
}

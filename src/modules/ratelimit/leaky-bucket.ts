import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Actor } from '../../auth/actor';
import { actorLogSubject } from '../../auth/actor';
import type { BucketSettings } from '../../shared/config';
import type { Pseudonymiser } from '../accesslog/pseudonym';
import { GroupCommit, type GroupCommitOptions } from '../../data/group-commit';
import { queryRows } from '../../data/raw-query';

export interface BucketDecision {
  allowed: boolean;
  /** Fill of the bucket after this request (allowed) or now, leaked (refused). */
  level: number;
  /** capacity − level, never negative. */
  remaining: number;
  /** Whole seconds until this cost would fit (refused only). */
  retryAfterSeconds?: number;
}

/**
 * The bucket key of an actor: role plus the subject that may appear in logs; a citizen by the
 * HMAC pseudonym of their BSN (never the BSN itself).
 */
export function bucketKey(actor: Actor, pseudonymise: Pseudonymiser): string {
  return actor.role === Role.BURGER ? `BURGER:${pseudonymise(actor.bsn)}` : `${actor.role}:${actorLogSubject(actor)}`;
}

/** One take: `cost` points from the bucket `key` of `capacity` points that leaks `leak` points per second. */
export interface TakeItem {
  key: string;
  cost: number;
  capacity: number;
  leak: number;
}

/** What the database said about one take: the new level when it fitted, else the leaked level it did not fit onto. */
export interface TakeResult {
  /** The bucket's level after the take; null when refused. */
  taken: number | null;
  /** Refused only: the bucket's leaked level (null when the bucket did not exist). */
  prev: number | null;
}

/**
 * The takes of a batch in ONE statement (function rate_limit_take, migration
 * Migration20261122230000_rate_limit_take): per item, leak the bucket by the time since its last update
 * (PostgreSQL's clock, so every API node agrees), add the cost, and store it only if it fits. Items of
 * one key are applied in array order, each seeing the one before; rows are locked in key order, so
 * concurrent batches of several API nodes cannot deadlock.
 */
const TAKE = `select i, taken, prev from rate_limit_take($1::text[], $2::float8[], $3::float8[], $4::float8[])`;

/** Runs one batch of takes (one statement, its own transaction unless `em` is in one); results in item order. */
export async function takeFromBuckets(em: EntityManager, items: readonly TakeItem[]): Promise<TakeResult[]> {
  const rows = await queryRows<{ i: number; taken: number | null; prev: number | null }>(em, TAKE, [
    items.map((t) => t.key),
    items.map((t) => t.cost),
    items.map((t) => t.capacity),
    items.map((t) => t.leak),
  ]);
  const results: Array<TakeResult | undefined> = new Array<TakeResult | undefined>(items.length);
  for (const row of rows) {
    const at = Number(row.i) - 1;
    if (!(at >= 0 && at < items.length) || results[at]) throw new Error(`rate_limit_take: unexpected item ${row.i}`);
    results[at] = { taken: row.taken === null ? null : Number(row.taken), prev: row.prev === null ? null : Number(row.prev) };
  }
  if (rows.length !== items.length) throw new Error(`rate_limit_take: ${rows.length} results for ${items.length} takes`);
  return results as TakeResult[];
}

/** The decision for one take from what the database answered. */
export function bucketDecision(result: TakeResult, cost: number, bucket: BucketSettings): BucketDecision {
  const { capacity, leakPerSecond: leak } = bucket;
  if (result.taken !== null) {
    const level = result.taken;
    return { allowed: true, level, remaining: Math.max(0, Math.floor(capacity - level)) };
  }
  const level = result.prev ?? 0;
  const overflow = level + cost - capacity;
  return {
    allowed: false,
    level,
    remaining: Math.max(0, Math.floor(capacity - level)),
    retryAfterSeconds: Math.max(1, Math.ceil(overflow / leak)),
  };
}

/**
 * Takes costs from the actors' buckets, the concurrent takes of this process together (GroupCommit):
 * while one batch is in flight the next takes queue and then go out as one statement, in submission
 * order. One per app: `em` gives an EntityManager outside any request (e.g. `() => orm.em.fork()`).
 */
export class BucketTaker {
  private readonly commit: GroupCommit<TakeItem, TakeResult>;

  constructor(em: () => EntityManager, options: GroupCommitOptions = {}) {
    this.commit = new GroupCommit((items) => takeFromBuckets(em(), items), options);
  }

  /** Takes the cost from bucket `key`; resolves once the batch holding it is committed. */
  async take(key: string, cost: number, bucket: BucketSettings): Promise<BucketDecision> {
    const result = await this.commit.submit({ key, cost, capacity: bucket.capacity, leak: bucket.leakPerSecond });
    return bucketDecision(result, cost, bucket);
  }

  /** Takes waiting for the next batch (for tests and metrics). */
  get waiting(): number {
    return this.commit.waiting;
  }
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Actor } from '../../auth/actor';
import { actorLogSubject } from '../../auth/actor';
import type { BucketSettings } from '../../config';
import type { Pseudonymiser } from '../accesslog/pseudonym';
import { queryRows } from '../../db/raw-query';

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

/**
 * ONE atomic statement: leak the bucket by the time since its last update (PostgreSQL's clock, so
 * every API node agrees), add the cost, and store it only if it fits. The upsert locks the row, so
 * concurrent requests of one actor on any node are serialised. `prev` (the leaked level before
 * this request) only feeds Retry-After when refused.
 */
const TAKE = `
with prev as (
  select greatest(0, level - extract(epoch from (now() - updated_at))::float8 * $1::float8) as level
  from rate_limit_bucket where key = $2::text
), taken as (
  insert into rate_limit_bucket as b (key, level, updated_at)
  select $2::text, $3::float8, now() where $3::float8 <= $4::float8
  on conflict (key) do update
    set level = greatest(0, b.level - extract(epoch from (now() - b.updated_at))::float8 * $1::float8) + excluded.level,
        updated_at = now()
    where greatest(0, b.level - extract(epoch from (now() - b.updated_at))::float8 * $1::float8) + excluded.level <= $4::float8
  returning level
)
select (select level from taken) as taken, (select level from prev) as prev`;

export async function takeFromBucket(em: EntityManager, key: string, cost: number, bucket: BucketSettings): Promise<BucketDecision> {
  const { capacity, leakPerSecond: leak } = bucket;
  const [row] = await queryRows<{ taken: number | null; prev: number | null }>(em, TAKE, [leak, key, cost, capacity]);
  if (row.taken !== null && row.taken !== undefined) {
    const level = Number(row.taken);
    return { allowed: true, level, remaining: Math.max(0, Math.floor(capacity - level)) };
  }
  const level = Number(row.prev ?? 0);
  const overflow = level + cost - capacity;
  return {
    allowed: false,
    level,
    remaining: Math.max(0, Math.floor(capacity - level)),
    retryAfterSeconds: Math.max(1, Math.ceil(overflow / leak)),
  };
}

import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Leaky-bucket state per actor for rate limiting on operation cost, shared by every API node through
 * PostgreSQL. `level` is the bucket's fill after the last request; it leaks at the role's rate.
 */
@Entity({ tableName: 'rate_limit_bucket' })
export class RateLimitBucket {
  /** e.g. "INTERMEDIAIR:KVK:87654321/SR-001"; never a BSN (citizens are keyed by the pseudonym). */
  @PrimaryKey({ type: 'string', length: 200 })
  key!: string;

  @Property({ type: 'double' })
  level!: number;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}

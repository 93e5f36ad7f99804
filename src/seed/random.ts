import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/**
 * Seeded randomness for the synthetic data set. Every household draws from its own stream,
 * derived from (seed, household number), so its rows do not depend on chunk sizes or on how many
 * households come before or after it: the same seed and N always give the same bytes.
 */

/** murmur3's 32-bit finaliser: a fast, well-mixing bijection on 32-bit integers. */
export function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** A 32-bit hash of a few integers (each below 2^53). */
export function hash32(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = mix32(h ^ mix32(p >>> 0));
    h = mix32(h ^ mix32(Math.floor(p / 4294967296) + 0x632be5ab));
  }
  return h;
}

export interface Weighted<T> {
  readonly values: readonly T[];
  /** Cumulative weights, the last one being the total. */
  readonly cumulative: readonly number[];
}

/** Prepares a weighted choice: `weighted([['a', 3], ['b', 1]])` picks a three times as often as b. */
export function weighted<T>(entries: readonly (readonly [T, number])[]): Weighted<T> {
  let total = 0;
  const cumulative = entries.map(([, w]) => {
    if (!(w >= 0)) throw new Error('weights must be non-negative');
    return (total += w);
  });
  if (total <= 0) throw new Error('at least one weight must be positive');
  return { values: entries.map(([v]) => v), cumulative };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(x: number): string {
  return HEX[x >>> 24] + HEX[(x >>> 16) & 255] + HEX[(x >>> 8) & 255] + HEX[x & 255];
}

function hex16(x: number): string {
  return HEX[(x >>> 8) & 255] + HEX[x & 255];
}

export class Rng {
  private readonly g: RandomGenerator;

  /** A stream for `seed` and the given stream numbers (e.g. the household number). */
  constructor(seed: number, ...stream: number[]) {
    const s = [1, 2, 3, 4].map((k) => hash32(seed, k, ...stream) | 0);
    if (!s.some((v) => v !== 0)) s[0] = 1; // the all-zero state is a fixed point
    this.g = xoroshiro128plusFromState(s);
  }

  /** 32 random bits as an unsigned integer. */
  u32(): number {
    return this.g.next() >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return (this.g.next() >>> 0) / 4294967296;
  }

  /** Uniform integer in [from, to], both included (pure-rand's unbiased rejection sampling). */
  int(from: number, to: number): number {
    return to <= from ? from : uniformInt(this.g, from, to);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(values: readonly T[]): T {
    return values[this.int(0, values.length - 1)];
  }

  choose<T>(w: Weighted<T>): T {
    const cum = w.cumulative;
    const x = this.float() * cum[cum.length - 1];
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < cum[mid]) hi = mid;
      else lo = mid + 1;
    }
    return w.values[lo];
  }

  /** Fisher–Yates, in place. */
  shuffle<T>(values: T[]): T[] {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [values[i], values[j]] = [values[j], values[i]];
    }
    return values;
  }

  /**
   * A UUID in the version 7 layout (RFC 9562): `prefix` carries the 48-bit time field, the other 74
   * bits come from this stream. See `uuidPrefix`.
   */
  uuid(prefix: string): string {
    const a = this.g.next() >>> 0;
    const b = this.g.next() >>> 0;
    const c = this.g.next() >>> 0;
    return `${prefix}-${hex16(0x7000 | (a & 0xfff))}-${hex16(0x8000 | ((a >>> 12) & 0x3fff))}-${hex32(b)}${hex16(c)}`;
  }
}

/** 2026-11-22T00:00:00Z: the time field of seeded ids counts milliseconds from here, one per household. */
const UUID_EPOCH_MS = Date.UTC(2026, 10, 22);

/**
 * The first 13 characters (`xxxxxxxx-xxxx`) of every id of household `n`: the 48-bit UUIDv7 time
 * field set to UUID_EPOCH_MS + n. All rows of a household share it and households follow each other,
 * so primary keys and household_id indexes grow at their right-hand end during the load (random v4
 * keys would scatter every insert over the whole index). The remaining 74 bits are random.
 */
export function uuidPrefix(n: number): string {
  const t = UUID_EPOCH_MS + n;
  const high = Math.floor(t / 65536);
  return `${hex32(high)}-${hex16(t % 65536)}`;
}

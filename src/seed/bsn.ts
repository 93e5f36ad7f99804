import { hash32, mix32 } from './random';

/**
 * Unique, valid BSNs for seeded persons without remembering which were handed out.
 *
 * The valid numbers used are enumerated: index q in [0, BSN_SPACE) stands for the 7-digit prefix
 * 1000000 + ⌊q / 8⌋ followed by the (q mod 8)-th eighth digit that passes the 11-proef (at least 8
 * of the 10 do), and the check digit. A seeded Feistel permutation maps the n-th person to an index,
 * so person numbers 0, 1, 2, … get distinct, scattered BSNs. Prefixes stay below 9000000, so the
 * 99999xxxx range of the demo personas is never used.
 */
export const BSN_SPACE = 8_000_000 * 8;

const HALF_BITS = 13; // 2 × 13 = 26 bits: 2^26 = 67,108,864 ≥ BSN_SPACE
const HALF_MASK = (1 << HALF_BITS) - 1;
const ROUNDS = 4;

/** 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11) and ≠ 0 (domain.md §8). */
export function isElfproef(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (bsn.charCodeAt(i) - 48);
  sum -= bsn.charCodeAt(8) - 48;
  return sum % 11 === 0 && sum !== 0;
}

export class BsnSequence {
  private readonly keys: number[];

  constructor(seed: number) {
    this.keys = Array.from({ length: ROUNDS }, (_, r) => hash32(seed, 0xb5e, r));
  }

  /** The BSN of seeded person number `n` (0 ≤ n < BSN_SPACE); distinct n give distinct BSNs. */
  bsn(n: number): string {
    if (!(n >= 0 && n < BSN_SPACE && Number.isInteger(n))) throw new Error(`person number ${n} is outside the BSN space`);
    let q = n;
    do q = this.permute(q);
    while (q >= BSN_SPACE); // cycle walking keeps the permutation inside [0, BSN_SPACE)
    return bsnOfIndex(q);
  }

  /** A balanced Feistel network on 26 bits: a bijection for any round function. */
  private permute(x: number): number {
    let left = x >>> HALF_BITS;
    let right = x & HALF_MASK;
    for (let r = 0; r < ROUNDS; r++) {
      const next = left ^ (mix32(right ^ this.keys[r]) & HALF_MASK);
      left = right;
      right = next;
    }
    return (left << HALF_BITS) | right;
  }
}

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3];

/** The BSN with enumeration index q (see above). */
export function bsnOfIndex(q: number): string {
  const prefix = String(1_000_000 + Math.floor(q / 8));
  let t = q % 8;
  let s7 = 0;
  for (let i = 0; i < 7; i++) s7 += WEIGHTS[i] * (prefix.charCodeAt(i) - 48);
  for (let d8 = 0; d8 < 10; d8++) {
    const s = s7 + 2 * d8;
    const d9 = s % 11;
    // d9 = 10 is no digit; s < 11 would make the 11-proef sum s − d9 zero.
    if (d9 === 10 || s < 11) continue;
    if (t-- === 0) return `${prefix}${d8}${d9}`;
  }
  throw new Error('unreachable: every prefix has at least 8 valid eighth digits');
}

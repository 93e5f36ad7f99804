import { createHmac } from 'node:crypto';

/** Keyed HMAC-SHA256 of a BSN: stable per key, not reversible without the key (domain.md §7). */
export type Pseudonymiser = (bsn: string) => string;

export function createPseudonymiser(key: string): Pseudonymiser {
  return (bsn) => createHmac('sha256', key).update(bsn, 'utf8').digest('hex');
}

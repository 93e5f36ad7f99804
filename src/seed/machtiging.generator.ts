import { ds, LAST_DAY } from './calendar';
import type { HouseholdContext } from './chunk-rows';
import { stamp } from './copy-format';
import { Rng } from './random';

/**
 * The intermediary organisation of the synthetic data set (a large schuldhulp organisation): every
 * 20th household has given it an ACTIEF machtiging with scope HANDELEN, so `clients(first: 50)` has
 * full pages from 1,000 households on (50 clients per 1,000 households; 50,000 at 1,000,000).
 * Mint a token for it with `npm run token -- --role INTERMEDIAIR --org KVK:90000001 --employee SH-001`.
 */
export const SEED_INTERMEDIAIR_ORG = 'KVK:90000001';
export const SEED_MACHTIGING_EVERY = 20;

/** Stream number of the machtiging draws (generator.ts uses 1 and 2): other tables stay as they were. */
const STREAM_MACHTIGING = 3;

/** Writes the household's machtiging, if it has one (no draws from the household's own stream). */
export function generateMachtiging(ctx: HouseholdContext, seed: number): void {
  if (ctx.n % SEED_MACHTIGING_EVERY !== SEED_MACHTIGING_EVERY - 1) return;
  const rng = new Rng(seed, STREAM_MACHTIGING, ctx.n);
  const geactiveerd = LAST_DAY - rng.int(1, 700);
  const geldigTot = Math.max(LAST_DAY + 365, geactiveerd + rng.int(365, 3 * 365));
  ctx.rows.add(
    'machtiging',
    `${rng.uuid(ctx.prefix)}\t${stamp(ds(geactiveerd))}\t${stamp(ds(geactiveerd))}\t${ctx.id}\t${SEED_INTERMEDIAIR_ORG}\tdossier ${ctx.n + 1}\tHANDELEN\tACTIEF\t${ds(geldigTot)}\tDIRECT\t${stamp(ds(geactiveerd))}\t1`,
  );
}

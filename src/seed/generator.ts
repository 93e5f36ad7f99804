import { BsnSequence } from './bsn';
import { ChunkRows, type HouseholdContext, type SeedCounters } from './chunk-rows';
import { generateHousehold, pickGemeente, type HouseholdRole } from './household.generator';
import { generateMachtiging } from './machtiging.generator';
import { Rng, uuidPrefix } from './random';
import { generateSchulden } from './schuld.generator';
import { generateToeslagen } from './toeslag.generator';

/**
 * Household roles per block of 100, shuffled per block: exact shares of the special populations
 * (UHT 2 %, old debts 3 %, fraud cases 2 %), so even a small data set has every one of them.
 */
const ROLE_BLOCK: readonly HouseholdRole[] = [
  ...Array<HouseholdRole>(2).fill('UHT'),
  ...Array<HouseholdRole>(3).fill('OUD'),
  ...Array<HouseholdRole>(2).fill('FRAUDE'),
  ...Array<HouseholdRole>(93).fill('REGULIER'),
];

/** Stream numbers that keep the different uses of the seed apart. */
const STREAM_HOUSEHOLD = 1;
const STREAM_ROLES = 2;

/**
 * Generates households in order, chunk by chunk. Deterministic: household n draws only from its
 * own stream (seed, n); the running numbers (person, event id, beschikking number) depend only on
 * the households before it. So the same seed and N give the same rows however they are chunked.
 */
export class SeedGenerator {
  private readonly bsn: BsnSequence;
  private readonly counters: SeedCounters = { person: 0, event: 1, nummer: 1 };
  private rolesBlock = -1;
  private roles: HouseholdRole[] = [];
  private next = 0;

  constructor(readonly seed: number) {
    this.bsn = new BsnSequence(seed);
  }

  /** Households generated so far. */
  get generated(): number {
    return this.next;
  }

  /** The next `count` households as COPY text per table. */
  nextChunk(count: number): ChunkRows {
    const rows = new ChunkRows();
    const end = this.next + count;
    for (let n = this.next; n < end; n++) this.household(n, rows);
    this.next = end;
    return rows;
  }

  private roleOf(n: number): HouseholdRole {
    const block = Math.floor(n / ROLE_BLOCK.length);
    if (block !== this.rolesBlock) {
      this.roles = new Rng(this.seed, STREAM_ROLES, block).shuffle([...ROLE_BLOCK]);
      this.rolesBlock = block;
    }
    return this.roles[n % ROLE_BLOCK.length];
  }

  private household(n: number, rows: ChunkRows): void {
    const rng = new Rng(this.seed, STREAM_HOUSEHOLD, n);
    const prefix = uuidPrefix(n);
    const gemeente = pickGemeente(rng);
    const ctx: HouseholdContext = { n, id: rng.uuid(prefix), prefix, gemeentecode: gemeente.code, rows, counters: this.counters };
    const plan = generateHousehold(ctx, rng, this.roleOf(n), gemeente, this.bsn);
    const recoveries = generateToeslagen(ctx, rng, plan);
    generateSchulden(ctx, rng, plan, recoveries);
    generateMachtiging(ctx, this.seed);
  }
}

import { TABLE_NAMES, type TableName } from './copy-format';

/**
 * The COPY text of one chunk of households, per table, with row counts. Rows are encoded into
 * growing buffers as they come: concatenating millions of short strings would keep them all alive
 * (as rope nodes) until the end of the chunk and leave most of the time to the garbage collector.
 */
export class ChunkRows {
  readonly counts = {} as Record<TableName, number>;
  private readonly buffers = {} as Record<TableName, Buffer>;
  private readonly lengths = {} as Record<TableName, number>;

  constructor(initialBytes = 64 * 1024) {
    for (const t of TABLE_NAMES) {
      this.counts[t] = 0;
      this.buffers[t] = Buffer.allocUnsafe(initialBytes);
      this.lengths[t] = 0;
    }
  }

  /** Appends one row; `line` is the tab-separated fields without the newline. */
  add(table: TableName, line: string): void {
    let buf = this.buffers[table];
    let at = this.lengths[table];
    // UTF-8 needs at most 3 bytes per UTF-16 code unit, plus the newline.
    if (at + line.length * 3 + 1 > buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(buf.length * 2, at + line.length * 3 + 1));
      buf.copy(bigger, 0, 0, at);
      this.buffers[table] = buf = bigger;
    }
    at += buf.write(line, at);
    buf[at++] = 10;
    this.lengths[table] = at;
    this.counts[table]++;
  }

  /** The COPY text of a table (a view on the internal buffer). */
  bytes(table: TableName): Buffer {
    return this.buffers[table].subarray(0, this.lengths[table]);
  }

  get rowCount(): number {
    let n = 0;
    for (const t of TABLE_NAMES) n += this.counts[t];
    return n;
  }

  get byteCount(): number {
    let n = 0;
    for (const t of TABLE_NAMES) n += this.lengths[t];
    return n;
  }
}

/** Numbers that run on across households (kept by the one generator that walks them in order). */
export interface SeedCounters {
  /** Next seeded person number: its BSN is BsnSequence.bsn(number). */
  person: number;
  /** Next schuld_event id (bigserial, written explicitly so ids are deterministic). */
  event: number;
  /** Next beschikking number suffix. */
  nummer: number;
}

/** What the per-household generators share. */
export interface HouseholdContext {
  /** Household number, 0-based. */
  n: number;
  id: string;
  /** uuidPrefix(n): all ids of this household start with it. */
  prefix: string;
  gemeentecode: string;
  rows: ChunkRows;
  counters: SeedCounters;
}

import type { HouseholdAccess } from '../../auth/reach';

type GrantedAccess = Extract<HouseholdAccess, { allowed: true }>;

interface Touched {
  resources: Set<string>;
  write: boolean;
  activity: string;
  onBehalfOfMachtigingId: string | null;
}

/**
 * Collects, during one request, which households' data were read or changed. A mutation's
 * transaction writes what was collected up to its COMMIT inside that transaction (`take`); the
 * access-log plugin writes the rest (reads) as one row per household when the response is ready.
 */
export class AccessRecorder {
  private readonly touched = new Map<string, Touched>();
  private readonly aanvragers = new Map<string, string | null>();
  /** Per household, the resources already written to the log by this request (a committed transaction). */
  private readonly logged = new Map<string, { resources: Set<string>; write: boolean }>();

  /** Called by the scoped data access for every household whose data it returned or changed. */
  record(householdId: string, resource: string, access: GrantedAccess, write = false): void {
    const done = this.logged.get(householdId);
    // Already in a committed row of this request (e.g. a mutation's payload reading what it changed).
    if (done && done.resources.has(resource) && (done.write || !write)) return;
    let entry = this.touched.get(householdId);
    if (!entry) {
      entry = {
        resources: new Set(),
        write: false,
        activity: access.activity,
        onBehalfOfMachtigingId: access.onBehalfOfMachtigingId,
      };
      this.touched.set(householdId, entry);
    }
    entry.resources.add(resource);
    entry.write ||= write;
  }

  /**
   * The household's current aanvrager's BSN (null: none), read along with the household in a scoped
   * statement: the writer pseudonymises it as the entry's data subject instead of looking it up again.
   * Kept in memory only, never logged.
   */
  noteAanvrager(householdId: string, bsn: string | null): void {
    this.aanvragers.set(householdId, bsn);
  }

  /** The aanvrager BSNs noted so far (householdId → BSN or null). */
  knownAanvragers(): ReadonlyMap<string, string | null> {
    return this.aanvragers;
  }

  get size(): number {
    return this.touched.size;
  }

  entries(): Array<[string, Readonly<Touched>]> {
    return [...this.touched.entries()];
  }

  /**
   * Hands over everything collected so far, to be written in the caller's transaction, and starts
   * collecting afresh. If that transaction rolls back, `restore` puts the entries back, so the
   * request's processing is still logged (as a failed one) by the plugin.
   */
  take(): { entries: Array<[string, Readonly<Touched>]>; restore: () => void; committed: () => void } {
    const entries = this.entries();
    this.touched.clear();
    return {
      entries,
      restore: () => {
        for (const [householdId, t] of entries) {
          for (const resource of t.resources) this.mergeBack(householdId, resource, t);
        }
      },
      committed: () => {
        for (const [householdId, t] of entries) {
          const done = this.logged.get(householdId) ?? { resources: new Set<string>(), write: false };
          for (const r of t.resources) done.resources.add(r);
          done.write ||= t.write;
          this.logged.set(householdId, done);
        }
      },
    };
  }

  private mergeBack(householdId: string, resource: string, t: Readonly<Touched>): void {
    let entry = this.touched.get(householdId);
    if (!entry) {
      entry = { resources: new Set(), write: false, activity: t.activity, onBehalfOfMachtigingId: t.onBehalfOfMachtigingId };
      this.touched.set(householdId, entry);
    }
    entry.resources.add(resource);
    entry.write ||= t.write;
  }
}

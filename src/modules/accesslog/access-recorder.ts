import type { HouseholdAccess } from '../../auth/policy';

type GrantedAccess = Extract<HouseholdAccess, { allowed: true }>;

interface Touched {
  resources: Set<string>;
  write: boolean;
  activity: string;
  onBehalfOfMachtigingId: string | null;
}

/**
 * Collects, during one request, which households' data were read or changed. The access-log plugin
 * writes the result as one row per household in one insert when the response is ready.
 */
export class AccessRecorder {
  private readonly touched = new Map<string, Touched>();
  private readonly aanvragers = new Map<string, string | null>();

  /** Called by the scoped data access for every household whose data it returned or changed. */
  record(householdId: string, resource: string, access: GrantedAccess, write = false): void {
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
}

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

  get size(): number {
    return this.touched.size;
  }

  entries(): Array<[string, Readonly<Touched>]> {
    return [...this.touched.entries()];
  }
}

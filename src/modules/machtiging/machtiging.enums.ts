import { registerEnumType } from 'type-graphql';

export enum MachtigingScope {
  /** Read the client's household data. */
  INZIEN = 'INZIEN',
  /** Read and act: the requests a citizen can make, on the client's behalf. */
  HANDELEN = 'HANDELEN',
}
registerEnumType(MachtigingScope, { name: 'MachtigingScope', description: 'INZIEN (read) or HANDELEN (read and act).' });

/** Stored state. VERLOPEN is not stored: a machtiging past its geldigTot is expired whatever its state. */
export enum MachtigingOpslagStatus {
  AANGEVRAAGD = 'AANGEVRAAGD',
  ACTIEF = 'ACTIEF',
  INGETROKKEN = 'INGETROKKEN',
}

/** The state a client sees: the stored state, or VERLOPEN once geldigTot has passed. */
export enum MachtigingStatus {
  AANGEVRAAGD = 'AANGEVRAAGD',
  ACTIEF = 'ACTIEF',
  INGETROKKEN = 'INGETROKKEN',
  VERLOPEN = 'VERLOPEN',
}
registerEnumType(MachtigingStatus, {
  name: 'MachtigingStatus',
  description: 'AANGEVRAAGD (pending activation), ACTIEF, INGETROKKEN (revoked) or VERLOPEN (past geldigTot). Only ACTIEF grants anything.',
});

export enum MachtigingVerleendVia {
  /** The citizen entered the activation code from the letter. */
  ACTIVERINGSCODE = 'ACTIVERINGSCODE',
  /** The citizen granted it directly in their own session. */
  DIRECT = 'DIRECT',
}
registerEnumType(MachtigingVerleendVia, { name: 'MachtigingVerleendVia' });

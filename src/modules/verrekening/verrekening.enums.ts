import { registerEnumType } from 'type-graphql';

export enum VerrekeningSoort {
  /** Requested by the citizen (or an intermediary acting for them, or a medewerker on request). */
  OP_VERZOEK = 'OP_VERZOEK',
  /** Started by the daily engine: same toeslag type, no costs (verrekenen zonder kosten). */
  AMBTSHALVE = 'AMBTSHALVE',
}
registerEnumType(VerrekeningSoort, { name: 'VerrekeningSoort', description: 'On request, or automatically against a voorschot of the same toeslag type.' });

export enum VerrekeningStatus {
  ACTIEF = 'ACTIEF',
  /** The schuld is paid by the set-off; the voorschot is paid in full again. */
  VOLTOOID = 'VOLTOOID',
  /** Undone on request: voorschot and schuld restored. */
  ONGEDAAN = 'ONGEDAAN',
}
registerEnumType(VerrekeningStatus, { name: 'VerrekeningStatus' });

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
  /**
   * The toeslag's berekeningsjaar ended before the schuld was paid: no voorschot is left to set off
   * against, so the schuld goes back to the collection step it was in before the set-off.
   */
  JAAR_AFGELOPEN = 'JAAR_AFGELOPEN',
}
registerEnumType(VerrekeningStatus, { name: 'VerrekeningStatus' });

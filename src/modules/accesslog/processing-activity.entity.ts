import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The register of processing activities (Logboek Dataverwerkingen: "verwerkingsactiviteiten").
 * Rows are data, seeded by migrations; each access-log record points to one.
 */
@Entity({ tableName: 'processing_activity' })
export class ProcessingActivity {
  @PrimaryKey({ type: 'string', length: 64 })
  id!: string;

  @Property({ type: 'string', length: 200 })
  name!: string;

  @Property({ type: 'text' })
  purpose!: string;

  @Property({ type: 'text' })
  legalBasis!: string;

  /** How long access-log records of this activity are kept. */
  @Property({ type: 'smallint' })
  retentionMonths!: number;
}

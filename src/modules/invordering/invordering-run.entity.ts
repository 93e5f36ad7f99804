import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One run of the daily collection engine. Runs go forward in time: a date before the last run is refused. */
@Entity({ tableName: 'invordering_run' })
export class InvorderingRun {
  @PrimaryKey({ type: 'date' })
  datum!: string;

  @Property({ type: 'timestamptz' })
  gestartOp!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  klaarOp?: Date | null;

  /** Counts per kind of change, e.g. {"HERINNERING": 120, "AANMANING": 40}. */
  @Property({ type: 'jsonb' })
  resultaat!: Record<string, number>;
}

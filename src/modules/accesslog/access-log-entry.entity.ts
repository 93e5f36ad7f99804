import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { ProcessingActivity } from './processing-activity.entity';

/**
 * One record per household (or per person without a household) per request that read or changed
 * their data (domain.md §7, modelled on Logboek Dataverwerkingen). A mutation's rows are written in
 * its own transaction, a read's by the access-log plugin before the response leaves; never updated.
 * The data subject is a keyed HMAC of the BSN, never the BSN itself.
 */
@Entity({ tableName: 'access_log_entry' })
@Check({ name: 'access_log_entry_subject_check', expression: 'household_id is not null or data_subject is not null' })
@Index({ properties: ['householdId', 'startedAt'] })
@Index({ properties: ['traceId'] })
export class AccessLogEntry {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  /** W3C trace id (32 hex) and this request's span id (16 hex). */
  @Property({ type: 'character', length: 32 })
  traceId!: string;

  @Property({ type: 'character', length: 16 })
  spanId!: string;

  /** The caller's span, when a traceparent came in. */
  @Property({ type: 'character', length: 16, nullable: true })
  parentSpanId?: string | null;

  @Property({ type: 'string', length: 200 })
  operationName!: string;

  /** read or write */
  @Property({ type: 'string', length: 8 })
  operationType!: string;

  /** Which kinds of data were touched, e.g. {Household,Schuld}. */
  @Property({ type: 'text[]' })
  resources!: string[];

  @ManyToOne(() => ProcessingActivity, { mapToPk: true, fieldName: 'processing_activity_id' })
  processingActivity!: string;

  /** The household whose data was processed; null for a person who belongs to no household (then `dataSubject` says who). */
  @Property({ type: 'uuid', nullable: true })
  householdId!: string | null;

  /**
   * HMAC-SHA256 (hex) under PSEUDONYM_KEY of the BSN of the person whose data was processed: the
   * household's aanvrager, or the person without a household (`dpl.core.data_subject_id`).
   */
  @Property({ type: 'character', length: 64, nullable: true })
  dataSubject?: string | null;

  @Property({ type: 'string', length: 16 })
  actorRole!: string;

  /** Employee id, organisation/employee, gemeentecode, or for a citizen the pseudonymised BSN. */
  @Property({ type: 'string', length: 200 })
  actorSubject!: string;

  @Property({ type: 'string', length: 64, nullable: true })
  actorOrganisation?: string | null;

  /** The machtiging under which an intermediair acted, if any. */
  @Property({ type: 'uuid', nullable: true })
  onBehalfOfMachtigingId?: string | null;

  @Property({ type: 'timestamptz' })
  startedAt!: Date;

  @Property({ type: 'timestamptz' })
  endedAt!: Date;

  /** OK, or ERROR when the response carried errors. */
  @Property({ type: 'string', length: 8 })
  status!: string;
}

import { randomUUID } from 'node:crypto';
import { PrimaryKey, Property, sql, type Opt } from '@mikro-orm/core';

/**
 * UUID primary keys: not enumerable, safe to expose inside opaque global ids.
 *
 * `createdAt` and `updatedAt` are record metadata: when the database wrote the row, by the database's
 * own clock (returned to the entity on insert and update). A moment the agency's rules depend on (when
 * a zaak was submitted, a machtiging revoked) is set by the service from the request's clock instead.
 */
export abstract class BaseEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date & Opt;

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => sql.now() })
  updatedAt!: Date & Opt;
}

import { Entity, Enum, Index, ManyToOne, Property, Unique, type Opt } from '@mikro-orm/core';
import { BaseEntity } from '../../shared/base.entity';
import type { Household } from '../household/household.entity';
import { MachtigingOpslagStatus, MachtigingScope, MachtigingVerleendVia } from './machtiging.enums';

/**
 * A citizen's mandate for an intermediary organisation, like the doorlopende machtiging toeslagen
 * (domain.md §1, §6): asked by the organisation, activated by the citizen with the code from a letter
 * (or granted directly), scoped, valid through geldigTot, revocable at any time by either side.
 */
@Entity({ tableName: 'machtiging' })
@Index({ properties: ['organisationId', 'status'] })
export class Machtiging extends BaseEntity {
  /** Null for a request whose BSN matched no household: it can never be activated (and nothing leaks). */
  @ManyToOne({ entity: 'Household', nullable: true, index: true })
  household?: Household | null;

  @Property({ type: 'string', length: 64 })
  organisationId!: string;

  /** The intermediary's own reference for the client (never a BSN). */
  @Property({ type: 'string', length: 100, nullable: true })
  clientReferentie?: string | null;

  @Enum({ items: () => MachtigingScope })
  scope!: MachtigingScope;

  @Enum({ items: () => MachtigingOpslagStatus })
  status!: MachtigingOpslagStatus;

  /** Valid through this date (Europe/Amsterdam); expired from the next day. */
  @Property({ type: 'date' })
  geldigTot!: string;

  /** The code printed on the (simulated) letter; only for requests, shown only to the citizen and medewerkers. */
  @Unique()
  @Property({ type: 'string', length: 14, nullable: true })
  activeringscode?: string | null;

  @Property({ type: 'string', length: 64, nullable: true })
  aangevraagdDoor?: string | null;

  @Enum({ items: () => MachtigingVerleendVia, nullable: true })
  verleendVia?: MachtigingVerleendVia | null;

  @Property({ type: 'timestamptz', nullable: true })
  geactiveerdOp?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  ingetrokkenOp?: Date | null;

  /** Role that revoked it: BURGER, INTERMEDIAIR or MEDEWERKER. */
  @Property({ type: 'string', length: 16, nullable: true })
  ingetrokkenDoor?: string | null;

  @Property({ type: 'integer', version: true })
  version!: number & Opt;
}

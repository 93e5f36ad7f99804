import type { EntityManager } from '@mikro-orm/postgresql';
import { Role, type Actor } from '../../auth/actor';
import { requireKooReach, type Grant } from '../../auth/reach';
import { requireActor, type RequestContext } from '../context';
import { forbidden } from '../../shared/errors';
import { KooLocatie, KooOrganisatie } from './koo.entity';

export interface KooContext {
  organisatie: KooOrganisatie;
  /** The KOO's reach (its own organisation's rows), under which its processing is logged. */
  reach: Grant;
  /** Active LRK numbers of the KOO, from the database (not from the token). */
  lrkNummers: Set<string>;
}

/**
 * The KOO behind the token: its organisation id must be registered as a KOO, and its locations come
 * from the database. Everything a KOO reads or changes is filtered on this organisation in SQL.
 */
export async function requireKoo(ctx: RequestContext, em: EntityManager = ctx.em): Promise<KooContext> {
  const actor = requireActor(ctx);
  if (actor.role !== Role.KOO) throw forbidden('this operation is for a KOO');
  const reach = requireKooReach(actor);
  const organisatie = await em.findOne(KooOrganisatie, { organisationId: actor.organisationId });
  if (!organisatie) throw forbidden('your organisation is not registered as a childcare organisation (KOO)');
  const locaties = await em.find(KooLocatie, { organisatie, actief: true }, { fields: ['lrkNummer'] });
  return { organisatie, reach, lrkNummers: new Set(locaties.map((l) => l.lrkNummer)) };
}

/** Records, for the access log, the households whose data a KOO read (its own deliveries, payments, tegoeden). */
export function recordKooRead(ctx: RequestContext, koo: KooContext, householdIds: Iterable<string | null | undefined>, resource: string): void {
  for (const id of householdIds) if (id) ctx.scope.recordAccess(id, resource, koo.reach);
}

/**
 * The reference by which a KOO recognises a parent (household) in its payments and tegoeden: a keyed
 * HMAC of the KOO and the household, so it is stable for that KOO, different for every other KOO, and
 * reveals no BSN. The KOO sees the same reference on the records it delivered itself (where it also
 * sees the BSNs it sent), which is how it links a payment to its own invoices.
 */
export function ouderReferentie(ctx: Pick<RequestContext, 'pseudonymise'>, organisationId: string, householdId: string): string {
  return ctx.pseudonymise(`koo-ouder:${organisationId}:${householdId}`).slice(0, 20).toUpperCase();
}

export const isKoo = (actor: Actor | null) => actor?.role === Role.KOO;

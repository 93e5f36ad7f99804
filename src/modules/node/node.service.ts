import { Purpose } from '../../auth/reach';
import type { RequestContext } from '../context';
import { forbidden, notFound } from '../../shared/errors';
import { fromGlobalId } from '../../shared/global-id';
import { BeschikkingNode } from '../beschikking/beschikking.types';
import { BetalingsregelingNode } from '../betalingsregeling/betalingsregeling.types';
import { HouseholdNode } from '../household/household.types';
import { findMachtiging } from '../machtiging/machtiging.service';
import { MachtigingNode } from '../machtiging/machtiging.types';
import { requireActor } from '../context';
import { SchuldNode } from '../schuld/schuld.types';
import { ToeslagNode } from '../toeslag/toeslag.types';
import { zaakById } from '../zaak/zaak.service';
import { ZaakNode } from '../zaak/zaak.types';
import { deelnameById, vroegsignaalById } from '../vroegsignalering/vroegsignalering.service';
import { VroegsignaalNode, VroegsignaleringDeelnameNode } from '../vroegsignalering/vroegsignalering.types';
import { VerrekeningNode } from '../verrekening/verrekening.types';
import { findConvenanttegoed } from '../kinderopvang/convenant.service';
import { KinderopvangLeveringNode, MutatievoorstelNode, tegoedNode } from '../kinderopvang/kinderopvang.types';
import { findLevering } from '../kinderopvang/levering.service';
import { KooMutatievoorstel } from '../kinderopvang/mutatie.entity';
import type { Node } from '../../shared/node';
import '../beschikking/beschikking.loaders'; // registers the ctx.loaders it reads
import '../betalingsregeling/betalingsregeling.loaders'; // registers the ctx.loaders it reads
import '../schuld/schuld.loaders'; // registers the ctx.loaders it reads
import '../toeslag/toeslag.loaders'; // registers the ctx.loaders it reads
import '../verrekening/verrekening.loaders'; // registers the ctx.loaders it reads

/**
 * Resolves a global id through the same scoped loaders as the typed fields. An id outside the
 * caller's reach is FORBIDDEN (existing or not, so nothing leaks); for an unrestricted caller a
 * missing object is NOT_FOUND.
 */
export async function resolveNode(ctx: RequestContext, globalId: string): Promise<Node> {
  const { type, id } = fromGlobalId(globalId);
  // Not household data: their own scope (a gemeente reaches only its own signals and periods).
  if (type === 'Vroegsignaal') return VroegsignaalNode.from(await vroegsignaalById(ctx, id));
  if (type === 'VroegsignaleringDeelname') return VroegsignaleringDeelnameNode.from(await deelnameById(ctx, id), ctx.clock.today());
  // KOO objects first: a KOO reaches no household, only its own deliveries and tegoeden.
  if (type === 'KinderopvangLevering' || type === 'Convenanttegoed') {
    const unrestricted = requireActor(ctx).role === 'MEDEWERKER';
    const gone = () => (unrestricted ? notFound(`no ${type} with this id`) : forbidden(`this ${type} is outside your access`));
    if (type === 'KinderopvangLevering') {
      const levering = await findLevering(ctx, id);
      if (!levering) throw gone();
      return KinderopvangLeveringNode.from(levering);
    }
    const tegoed = await findConvenanttegoed(ctx, id);
    if (!tegoed) throw gone();
    return tegoedNode(ctx, tegoed);
  }
  const access = ctx.scope.access(Purpose.READ);
  const missing = () => (access.unrestricted ? notFound(`no ${type} with this id`) : forbidden(`this ${type} is outside your access`));
  switch (type) {
    case 'Household':
      return HouseholdNode.from(await ctx.scope.householdView(id));
    case 'Toeslag': {
      const toeslag = await ctx.loaders.toeslagById.load(id);
      if (!toeslag) throw missing();
      return ToeslagNode.from(toeslag);
    }
    case 'Beschikking': {
      const beschikking = await ctx.loaders.beschikkingById.load(id);
      if (!beschikking) throw missing();
      return BeschikkingNode.from(beschikking);
    }
    case 'Schuld': {
      const schuld = await ctx.loaders.schuldById.load(id);
      if (!schuld) throw missing();
      return SchuldNode.from(schuld);
    }
    case 'Betalingsregeling': {
      const regeling = await ctx.loaders.betalingsregelingById.load(id);
      if (!regeling) throw missing();
      return BetalingsregelingNode.from(regeling);
    }
    case 'Machtiging': {
      const machtiging = await findMachtiging(ctx, id);
      if (!machtiging) throw missing();
      return MachtigingNode.from(machtiging, requireActor(ctx).role, ctx.clock.today());
    }
    case 'Mutatievoorstel': {
      const [voorstel] = await ctx.scope.owned(KooMutatievoorstel, { id });
      if (!voorstel) throw missing();
      return MutatievoorstelNode.from(voorstel);
    }
    case 'Zaak': {
      // Also under the zaak visibility: an intermediary reaches only its own organisation's zaken.
      const zaak = await zaakById(ctx, id);
      if (!zaak) throw missing();
      return ZaakNode.from(zaak, ctx.clock.today());
    }
    case 'Verrekening': {
      const verrekening = await ctx.loaders.verrekeningById.load(id);
      if (!verrekening) throw missing();
      return VerrekeningNode.from(verrekening);
    }
  }
}

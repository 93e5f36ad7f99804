import Decimal from 'decimal.js';
import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Role } from '../../auth/actor';
import type { RequestContext } from '../../server/context';
import { todayInNL } from '../../shared/dates';
import { badInput } from '../../shared/errors';
import { loadNorms } from '../norms/norms';
import { berekenBetalingscapaciteit, CapaciteitInputError, type InkomenPost } from './betalingscapaciteit.rules';
import { BetalingscapaciteitInput, BetalingscapaciteitNode, type InkomenPostInput } from './betalingscapaciteit.types';

const ZERO = new Decimal(0);
const post = (p: InkomenPostInput): InkomenPost => ({ soort: p.soort, bedrag: p.bedrag, vakantiegeldInbegrepen: p.vakantiegeldInbegrepen ?? false });

@Resolver(() => BetalingscapaciteitNode)
export class BetalingscapaciteitResolver {
  @Authorized(Role.BURGER, Role.INTERMEDIAIR, Role.MEDEWERKER)
  @Query(() => BetalingscapaciteitNode, {
    description:
      'Betalingscapaciteit for a persoonlijke betalingsregeling (Uitvoeringsregeling Invorderingswet 1990 art. 11–16), line by line. ' +
      'A pure calculation on the input and the norms table: reads no household, writes nothing. BURGER, INTERMEDIAIR, MEDEWERKER.',
  })
  async calculateBetalingscapaciteit(
    @Arg('input', () => BetalingscapaciteitInput) input: BetalingscapaciteitInput,
    @Ctx() ctx: RequestContext,
  ): Promise<BetalingscapaciteitNode> {
    const norms = await loadNorms(ctx.em);
    const l = input.lasten ?? {};
    try {
      const result = berekenBetalingscapaciteit(
        {
          datum: input.datum ?? todayInNL(),
          huishoudtype: input.huishoudtype,
          inkomsten: (input.inkomsten ?? []).map(post),
          partnerInkomsten: (input.partnerInkomsten ?? []).map(post),
          lasten: {
            huur: l.huur ?? ZERO,
            huurtoeslag: l.huurtoeslag ?? ZERO,
            hypotheekrente: l.hypotheekrente ?? ZERO,
            zorgpremie: l.zorgpremie ?? ZERO,
            zorgtoeslagOntvangen: l.zorgtoeslagOntvangen ?? ZERO,
            alimentatieBetaald: l.alimentatieBetaald ?? ZERO,
            aflossingBelastingschulden: l.aflossingBelastingschulden ?? ZERO,
            aflossingAndereToeslagregelingen: l.aflossingAndereToeslagregelingen ?? ZERO,
            kostenKinderen: l.kostenKinderen ?? ZERO,
          },
          bijzondereLasten: (input.bijzondereLasten ?? []).map((b) => ({ omschrijving: b.omschrijving, bedrag: b.bedrag, toelichting: b.toelichting ?? '' })),
          openstaandBedrag: input.openstaandBedrag,
        },
        norms,
      );
      return BetalingscapaciteitNode.from(result);
    } catch (e) {
      if (e instanceof CapaciteitInputError) throw badInput(e.message, e.field ? `input.${e.field}` : undefined);
      throw e;
    }
  }
}

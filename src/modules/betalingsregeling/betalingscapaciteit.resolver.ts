import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Role } from '../../auth/actor';
import type { RequestContext } from '../context';
import { badInput } from '../../shared/errors';
import { normOnbekendError } from '../norms/norm-onbekend';
import { loadNorms, NormOntbreektError } from '../norms/norms';
import { berekenBetalingscapaciteit, CapaciteitInputError } from './betalingscapaciteit.rules';
import { BetalingscapaciteitInput, BetalingscapaciteitNode, financienFromInput } from './betalingscapaciteit.types';

@Resolver(() => BetalingscapaciteitNode)
export class BetalingscapaciteitResolver {
  @Authorized(Role.BURGER, Role.INTERMEDIAIR, Role.MEDEWERKER)
  @Query(() => BetalingscapaciteitNode, {
    description:
      'Betalingscapaciteit for a persoonlijke betalingsregeling (Uitvoeringsregeling Invorderingswet 1990 art. 11–16), line by line. ' +
      'A pure calculation on the input and the norms table: reads no household, writes nothing. BURGER, INTERMEDIAIR, MEDEWERKER. ' +
      'A datum before the first version of a norm it needs is the GraphQL error NORM_ONBEKEND (extensions: field input.datum, ' +
      'beschikbaarVanaf = the first possible date, normen = the missing norms); a datum after the last published norms gives ' +
      'the newest values with normenVoorlopig = true.',
  })
  async calculateBetalingscapaciteit(
    @Arg('input', () => BetalingscapaciteitInput) input: BetalingscapaciteitInput,
    @Ctx() ctx: RequestContext,
  ): Promise<BetalingscapaciteitNode> {
    const norms = await loadNorms(ctx.em);
    try {
      const result = berekenBetalingscapaciteit(
        { ...financienFromInput(input), datum: input.datum ?? ctx.clock.today(), openstaandBedrag: input.openstaandBedrag },
        norms,
      );
      return BetalingscapaciteitNode.from(result);
    } catch (e) {
      if (e instanceof CapaciteitInputError) throw badInput(e.message, e.field ? `input.${e.field}` : undefined);
      if (e instanceof NormOntbreektError) throw normOnbekendError(e, 'de betalingscapaciteit', 'input.datum');
      throw e;
    }
  }
}

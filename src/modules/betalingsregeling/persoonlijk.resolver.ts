import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Role } from '../../auth/actor';
import type { RequestContext } from '../context';
import { UserError } from '../../shared/user-error';
import { ZaakNode } from '../zaak/zaak.types';
import { BetalingscapaciteitNode, financienFromInput } from './betalingscapaciteit.types';
import { BetalingsregelingNode } from './betalingsregeling.types';
import { decidePersoonlijkeBetalingsregeling, requestPersoonlijkeBetalingsregeling } from './persoonlijk.service';
import {
  DecidePersoonlijkeBetalingsregelingInput,
  DecidePersoonlijkeBetalingsregelingPayload,
  RequestPersoonlijkeBetalingsregelingInput,
  RequestPersoonlijkeBetalingsregelingPayload,
} from './persoonlijk.types';

@Authorized()
@Resolver()
export class PersoonlijkeBetalingsregelingResolver {
  @Authorized(Role.BURGER, Role.INTERMEDIAIR, Role.MEDEWERKER)
  @Mutation(() => RequestPersoonlijkeBetalingsregelingPayload, {
    description:
      'Request a persoonlijke betalingsregeling (Leidraad art. 79.8) for schulden of a household, with income, costs, partner income and bijzondere lasten: ' +
      'creates a PERSOONLIJKE_BETALINGSREGELING zaak for a medewerker (beslistermijn 8 weeks) and returns the provisional calculation, line by line. ' +
      'BURGER: own household; INTERMEDIAIR: active HANDELEN machtiging; MEDEWERKER: any. Refusals are userErrors and change nothing.',
  })
  async requestPersoonlijkeBetalingsregeling(
    @Arg('input', () => RequestPersoonlijkeBetalingsregelingInput) input: RequestPersoonlijkeBetalingsregelingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RequestPersoonlijkeBetalingsregelingPayload> {
    const r = await requestPersoonlijkeBetalingsregeling(ctx, { ...input, financien: financienFromInput(input.financien) });
    return Object.assign(new RequestPersoonlijkeBetalingsregelingPayload(), {
      zaak: r.zaak && ZaakNode.from(r.zaak, ctx.clock.today()),
      berekening: r.berekening && BetalingscapaciteitNode.from(r.berekening),
      userErrors: r.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
    });
  }

  @Authorized(Role.MEDEWERKER)
  @Mutation(() => DecidePersoonlijkeBetalingsregelingPayload, {
    description:
      'MEDEWERKER: decide a persoonlijke betalingsregeling. Accept or reject each bijzondere last with a reason, take the computed or an adjusted amount (with a reason); ' +
      'the outcome is a STANDAARD, PERSOONLIJK (24 termijnen, review after 12 months) or VERLENGD (illiquid vermogen) regeling, or GEEN_CAPACITEIT (no collection measures). ' +
      'Refusals are userErrors and change nothing.',
  })
  async decidePersoonlijkeBetalingsregeling(
    @Arg('input', () => DecidePersoonlijkeBetalingsregelingInput) input: DecidePersoonlijkeBetalingsregelingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<DecidePersoonlijkeBetalingsregelingPayload> {
    const r = await decidePersoonlijkeBetalingsregeling(ctx, input);
    return Object.assign(new DecidePersoonlijkeBetalingsregelingPayload(), {
      zaak: r.zaak && ZaakNode.from(r.zaak, ctx.clock.today()),
      betalingsregeling: r.betalingsregeling && BetalingsregelingNode.from(r.betalingsregeling),
      berekening: r.berekening && BetalingscapaciteitNode.from(r.berekening),
      userErrors: r.userErrors.map((e) => UserError.of(e.code, e.message, e.field)),
    });
  }
}

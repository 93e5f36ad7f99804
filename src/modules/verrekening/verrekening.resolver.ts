import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/actor';
import type { RequestContext } from '../context';
import { badInput, forbidden } from '../../shared/errors';
import { UserError } from '../../shared/user-error';
import { normOnbekendError } from '../norms/norm-onbekend';
import { loadNorms, NormOntbreektError } from '../norms/norms';
import { SchuldNode } from '../schuld/schuld.types';
import { ToeslagNode } from '../toeslag/toeslag.types';
import { berekenBeslagvrijeVoet, BvvInputError } from './beslagvrije-voet.rules';
import { requestVerrekening, undoVerrekening } from './verrekening.service';
import {
  BeslagvrijeVoetInput,
  BeslagvrijeVoetType,
  RequestVerrekeningInput,
  RequestVerrekeningPayload,
  UndoVerrekeningInput,
  UndoVerrekeningPayload,
  VerrekeningNode,
} from './verrekening.types';
import '../schuld/schuld.loaders'; // registers the ctx.loaders it reads
import '../toeslag/toeslag.loaders'; // registers the ctx.loaders it reads
import './verrekening.loaders'; // registers the ctx.loaders it reads

const payloadErrors = (errors: Array<{ code: never; message: string; field: string[] | null }>) => errors.map((e) => UserError.of(e.code, e.message, e.field));

@Authorized()
@Resolver(() => VerrekeningNode)
export class VerrekeningResolver {
  @Authorized(Role.BURGER, Role.INTERMEDIAIR, Role.MEDEWERKER)
  @Query(() => BeslagvrijeVoetType, {
    description:
      'The beslagvrije voet for the stated income and costs, line by line. A pure calculation: reads no household, writes nothing. BURGER, INTERMEDIAIR, MEDEWERKER. ' +
      'A datum before the first version of a norm it needs is the GraphQL error NORM_ONBEKEND (extensions: field input.datum, beschikbaarVanaf, normen).',
  })
  async calculateBeslagvrijeVoet(@Arg('input', () => BeslagvrijeVoetInput) input: BeslagvrijeVoetInput, @Ctx() ctx: RequestContext): Promise<BeslagvrijeVoetType> {
    const norms = await loadNorms(ctx.em);
    try {
      return BeslagvrijeVoetType.from(
        berekenBeslagvrijeVoet(
          { ...input, datum: input.datum ?? ctx.clock.today(), huur: input.huur ?? undefined, huurtoeslag: input.huurtoeslag ?? undefined, zorgpremie: input.zorgpremie ?? undefined, zorgtoeslag: input.zorgtoeslag ?? undefined },
          norms,
        ),
      );
    } catch (e) {
      if (e instanceof BvvInputError) throw badInput(e.message, e.field ? `input.${e.field}` : undefined);
      if (e instanceof NormOntbreektError) throw normOnbekendError(e, 'de beslagvrije voet', 'input.datum');
      throw e;
    }
  }

  @Authorized(Role.BURGER, Role.INTERMEDIAIR, Role.MEDEWERKER)
  @Mutation(() => RequestVerrekeningPayload, {
    description:
      'Set a schuld off against the running voorschot of any toeslag of the household, never below the beslagvrije voet (computed from the stated income, shown in the payload). ' +
      'BURGER: own household; INTERMEDIAIR: with an active HANDELEN machtiging; MEDEWERKER: any. Refusals are userErrors and change nothing.',
  })
  async requestVerrekening(@Arg('input', () => RequestVerrekeningInput) input: RequestVerrekeningInput, @Ctx() ctx: RequestContext): Promise<RequestVerrekeningPayload> {
    if (input.datum && input.datum !== ctx.clock.today()) throw badInput('a verrekening is always determined as of today; leave datum out', 'input.datum');
    try {
      const r = await requestVerrekening(ctx, input);
      return Object.assign(new RequestVerrekeningPayload(), {
        verrekening: r.verrekening && VerrekeningNode.from(r.verrekening),
        beslagvrijeVoet: r.beslagvrijeVoet && BeslagvrijeVoetType.from(r.beslagvrijeVoet),
        userErrors: payloadErrors(r.userErrors as never),
      });
    } catch (e) {
      if (e instanceof BvvInputError) throw badInput(e.message, e.field ? `input.${e.field}` : undefined);
      throw e;
    }
  }

  @Authorized(Role.MEDEWERKER)
  @Mutation(() => UndoVerrekeningPayload, {
    description:
      'MEDEWERKER, on the citizen’s request: undo an ACTIEF verrekening. The voorschot is paid in full again, what was already set off is paid back and stands open on the schuld again, and the schuld gets its earlier status back.',
  })
  async undoVerrekening(@Arg('input', () => UndoVerrekeningInput) input: UndoVerrekeningInput, @Ctx() ctx: RequestContext): Promise<UndoVerrekeningPayload> {
    const r = await undoVerrekening(ctx, input);
    return Object.assign(new UndoVerrekeningPayload(), { verrekening: r.verrekening && VerrekeningNode.from(r.verrekening), userErrors: payloadErrors(r.userErrors as never) });
  }

  @FieldResolver(() => SchuldNode)
  async schuld(@Root() v: VerrekeningNode, @Ctx() ctx: RequestContext): Promise<SchuldNode> {
    const s = await ctx.loaders.schuldById.load(v.schuldDbId);
    if (!s) throw forbidden('this schuld is outside your access');
    return SchuldNode.from(s);
  }

  @FieldResolver(() => ToeslagNode)
  async toeslag(@Root() v: VerrekeningNode, @Ctx() ctx: RequestContext): Promise<ToeslagNode> {
    const t = await ctx.loaders.toeslagById.load(v.toeslagDbId);
    if (!t) throw forbidden('this toeslag is outside your access');
    return ToeslagNode.from(t);
  }
}

/** Schuld.verrekeningen: the set-offs of a schuld (all statuses), newest first. */
@Authorized()
@Resolver(() => SchuldNode)
export class SchuldVerrekeningenResolver {
  @FieldResolver(() => [VerrekeningNode], { description: 'Set-offs of this schuld against a voorschot, newest first.' })
  async verrekeningen(@Root() s: SchuldNode, @Ctx() ctx: RequestContext): Promise<VerrekeningNode[]> {
    return (await ctx.loaders.verrekeningenOfSchuld.load(s.dbId)).map(VerrekeningNode.from);
  }
}

import { Arg, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context';
import { DateScalar } from '../../shared/scalars';
import { loadNorms } from './norms';
import { NormNode } from './norms.types';

@Authorized()
@Resolver(() => NormNode)
export class NormsResolver {
  @Query(() => [NormNode], {
    description:
      'The norms in force on `date` (default: today in the Netherlands), one row per code, sorted by code. ' +
      'A norm without a value on `date` (before its first version) is left out; a yearly norm on a date after its last published year ' +
      'is its newest value with voorlopig = true. ' +
      'Public reference data: any authenticated role; no household data, not access-logged.',
  })
  async norms(
    @Arg('date', () => DateScalar, { nullable: true, description: 'YYYY-MM-DD; default today (Europe/Amsterdam).' }) date: string | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<NormNode[]> {
    const table = await loadNorms(ctx.em);
    return table.allAt(date ?? ctx.clock.today()).map(NormNode.from);
  }
}

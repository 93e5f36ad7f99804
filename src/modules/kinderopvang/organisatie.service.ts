import type { RequestContext } from '../context';
import { loadNorms } from '../norms/norms';
import { ConvenanttegoedStatus } from './kinderopvang.enums';
import { beoordeelNieuweOvereenkomst, type VoorwaardeUitkomst } from './kinderopvang.rules';
import { requireKoo } from './koo-access';
import { KooLocatie, type KooOrganisatie } from './koo.entity';

export interface OrganisatieOverzicht {
  organisatie: KooOrganisatie;
  locaties: KooLocatie[];
  nieuweOvereenkomst: { geschikt: boolean; voorwaarden: VoorwaardeUitkomst[] };
}

/** KOO: its own organisation, locations, agreement and the explained eligibility for a new agreement. */
export async function mijnOrganisatie(ctx: RequestContext): Promise<OrganisatieOverzicht> {
  const { organisatie } = await requireKoo(ctx);
  const conn = ctx.em.getConnection();
  const locaties = await ctx.em.find(KooLocatie, { organisatie }, { orderBy: { lrkNummer: 'asc' } });
  const [{ open }] = await conn.execute<Array<{ open: number }>>(
    'select count(*)::int as open from koo_convenanttegoed where organisatie_id = ? and status = ?',
    [organisatie.id, ConvenanttegoedStatus.OPEN],
  );
  // The first commit of each period counts (a later correction does not make a delivery late).
  const geleverd = await conn.execute<Array<{ periode: string; op: string }>>(
    `select periode, (min(verwerkt_op) at time zone 'Europe/Amsterdam')::date::text as op from koo_levering
      where organisatie_id = ? and status in ('VERWERKT', 'VERVANGEN') group by periode`,
    [organisatie.id],
  );
  const today = ctx.clock.today();
  return {
    organisatie,
    locaties,
    nieuweOvereenkomst: beoordeelNieuweOvereenkomst({
      openConvenanttegoeden: open,
      financieleGezondheidOk: organisatie.financieleGezondheidOk ?? null,
      financieleGezondheidDatum: organisatie.financieleGezondheidDatum ?? null,
      leveringen: new Map(geleverd.map((g) => [g.periode, g.op])),
      today,
      norms: await loadNorms(ctx.em),
    }),
  };
}

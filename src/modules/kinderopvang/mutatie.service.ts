import type { Clock } from '../../shared/clock';
import Decimal from 'decimal.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Purpose } from '../../auth/reach';
import type { RequestContext } from '../context';
import { traceFromHeader, type TraceContext } from '../../shared/trace';
import { yearOf } from '../../shared/dates';
import { forbidden, notFound } from '../../shared/errors';
import { fromGlobalIdOfType } from '../../shared/global-id';
import { isIsoDate } from '../../shared/scalars';
import { insertSystemAccessLog } from '../accesslog/access-log.writer';
import { ProcessingActivityId } from '../accesslog/processing-activities';
import type { Pseudonymiser } from '../accesslog/pseudonym';
import { Beschikking } from '../beschikking/beschikking.entity';
import { BeschikkingSoort } from '../beschikking/beschikking.enums';
import { loadNorms } from '../norms/norms';
import { ToeslagStatus } from '../toeslag/toeslag.enums';
import { wijzigingsnummer } from '../toeslag/toeslag.rules';
import { randomBytes } from 'node:crypto';
import { formatDatum, formatEuro } from '../../shared/format-nl';
import { MutatievoorstelStatus, SoortOpvang } from './kinderopvang.enums';
import {
  bepaalVoorstellen,
  blokkerenTot,
  mutatieJaar,
  checkBlokkeren,
  firstOfMonthAfter,
  isDoorvoerbaar,
  periodeVan,
  voorschotNaVerlaging,
  type Kandidaat,
  type RuleError,
} from './kinderopvang.rules';
import { KooMutatievoorstel } from './mutatie.entity';

export interface KinderopvangRunOptions {
  /** The run date, YYYY-MM-DD. */
  datum: string;
  pseudonymise: Pseudonymiser;
  clock: Clock;
  /** Households per batch (default 500); each batch is one transaction. */
  batchSize?: number;
}

export interface KinderopvangRunResultaat {
  /** Deliveries whose records were compared with the households' declarations. */
  leveringenVergeleken: number;
  voorstellenVerstuurd: number;
  /** Substantial deviations without a letter: the parent already had the maximum this year. */
  voorstellenOverMaximum: number;
  voorstellenDoorgevoerd: number;
  voorstellenVervallen: number;
  /** Monthly voorschotten paid to a KOO (convenant) for the run date's month. */
  betalingenAanKoo: number;
}

async function logSysteem(
  em: EntityManager,
  o: KinderopvangRunOptions,
  trace: TraceContext,
  startedAt: Date,
  householdIds: string[],
  resources: string[],
  trx: unknown,
): Promise<void> {
  const unique = [...new Set(householdIds)];
  for (let i = 0; i < unique.length; i += 1000) {
    await insertSystemAccessLog(
      em,
      o.pseudonymise,
      { trace, operationName: `kinderopvang ${o.datum}`, subject: 'kinderopvang', startedAt, endedAt: o.clock.now(), householdIds: unique.slice(i, i + 1000), resources, activity: ProcessingActivityId.KINDEROPVANG_MUTATIE },
      trx as never,
    );
  }
}

interface KandidaatRow {
  opgave_id: string;
  household_id: string;
  toeslag_id: string;
  kind_naam: string;
  soort_opvang: SoortOpvang;
  uren_per_maand: string;
  uurprijs: string;
  vergoedingspercentage: string;
  gemelde_uren: string;
  gemelde_uurprijs: string;
  open_voorstel: boolean;
  brieven: number;
}

/**
 * The daily kinderopvang step (domain.md §5), called once from runInvordering; idempotent per date:
 * 1. every newly committed KOO delivery is compared with the households' declared childcare (matched
 *    by parent BSN at commit and by child BSN here); substantial decreases become mutatievoorstellen
 *    (one letter per child, only downward, at most 3 letters per parent per year);
 * 2. OPEN proposals whose 3-week block window ended before `datum` lower the voorschot (a WIJZIGING
 *    beschikking); a proposal whose toeslag stopped running lapses;
 * 3. for parents who chose payment to their KOO, the month's voorschot is paid to the KOO (once per
 *    toeslag and month).
 * Every household touched is access-logged as SYSTEEM (KINDEROPVANG_MUTATIE), in the batch's transaction.
 */
export async function runKinderopvang(em: EntityManager, o: KinderopvangRunOptions): Promise<KinderopvangRunResultaat> {
  if (!isIsoDate(o.datum)) throw new Error(`datum must be YYYY-MM-DD, got "${o.datum}"`);
  const norms = await loadNorms(em);
  const trace = traceFromHeader(undefined);
  const startedAt = o.clock.now();
  const batchSize = o.batchSize ?? 500;
  const result: KinderopvangRunResultaat = {
    leveringenVergeleken: 0,
    voorstellenVerstuurd: 0,
    voorstellenOverMaximum: 0,
    voorstellenDoorgevoerd: 0,
    voorstellenVervallen: 0,
    betalingenAanKoo: 0,
  };
  const conn = em.getConnection();

  // 1. Compare new deliveries.
  const leveringen = await conn.execute<Array<{ id: string; periode: string }>>(
    `select id, periode from koo_levering where status = 'VERWERKT' and mutaties_bepaald_op is null and verwerkt_op < ?::date + 1 order by verwerkt_op, id`,
    [o.datum],
  );
  for (const levering of leveringen) {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows = await conn.execute<KandidaatRow[]>(
        `with hh as (
           select distinct o.household_id from koo_record r join koo_opgave o on o.household_id = r.household_id and o.kind_bsn = r.kind_bsn
            where r.levering_id = ? and o.household_id > ? order by o.household_id limit ?
         )
         select o.id as opgave_id, o.household_id, o.toeslag_id, o.kind_naam, o.soort_opvang, o.uren_per_maand::text, o.uurprijs::text,
                o.vergoedingspercentage::text, sum(r.uren)::text as gemelde_uren,
                coalesce(round(sum(r.uren * r.uurprijs) / nullif(sum(r.uren), 0), 2), max(r.uurprijs))::text as gemelde_uurprijs,
                exists (select 1 from koo_mutatievoorstel v where v.opgave_id = o.id and v.status = 'OPEN') as open_voorstel,
                (select count(*)::int from koo_mutatievoorstel v where v.household_id = o.household_id
                   and v.dagtekening >= make_date(?, 1, 1) and v.dagtekening < make_date(?, 1, 1)) as brieven
           from hh join koo_opgave o on o.household_id = hh.household_id
           join koo_record r on r.household_id = o.household_id and r.kind_bsn = o.kind_bsn and r.levering_id = ?
           join toeslag t on t.id = o.toeslag_id and t.soort = 'KINDEROPVANGTOESLAG' and t.status = 'VOORLOPIG_TOEGEKEND' and t.berekeningsjaar = ?
          group by o.id
          order by o.household_id, o.id`,
        [levering.id, after, batchSize, yearOf(o.datum), yearOf(o.datum) + 1, levering.id, mutatieJaar(o.datum, norms)],
      );
      if (rows.length === 0) {
        // Also ends the loop for a batch of households without a running toeslag (no rows): advance past them.
        const [next] = await conn.execute<Array<{ last: string }>>(
          `select household_id::text as last from (select distinct o.household_id from koo_record r join koo_opgave o
             on o.household_id = r.household_id and o.kind_bsn = r.kind_bsn where r.levering_id = ? and o.household_id > ?
             order by o.household_id limit ?) x order by household_id desc limit 1`,
          [levering.id, after, batchSize],
        );
        if (!next) break;
        after = next.last;
        continue;
      }
      after = rows[rows.length - 1].household_id;
      const perHousehold = new Map<string, KandidaatRow[]>();
      for (const r of rows) perHousehold.set(r.household_id, [...(perHousehold.get(r.household_id) ?? []), r]);
      const nieuw: Array<Record<string, unknown>> = [];
      for (const [householdId, list] of perHousehold) {
        const kandidaten: Kandidaat[] = list.map((r) => ({
          opgaveId: r.opgave_id,
          kindNaam: r.kind_naam,
          soortOpvang: r.soort_opvang,
          urenPerMaand: new Decimal(r.uren_per_maand),
          uurprijs: new Decimal(r.uurprijs),
          vergoedingspercentage: new Decimal(r.vergoedingspercentage),
          gemeldeUren: new Decimal(r.gemelde_uren),
          gemeldeUurprijs: new Decimal(r.gemelde_uurprijs),
          heeftOpenVoorstel: r.open_voorstel,
        }));
        const uitkomst = bepaalVoorstellen(kandidaten, { periode: levering.periode, datum: o.datum, brievenDitJaar: list[0].brieven, norms });
        result.voorstellenOverMaximum += uitkomst.overMaximum;
        for (const v of uitkomst.voorstellen) {
          const k = kandidaten.find((x) => x.opgaveId === v.opgaveId)!;
          const row = list.find((x) => x.opgave_id === v.opgaveId)!;
          nieuw.push({
            household_id: householdId,
            toeslag_id: row.toeslag_id,
            opgave_id: v.opgaveId,
            kind_naam: k.kindNaam,
            soort_opvang: k.soortOpvang,
            gemelde_uren: k.gemeldeUren.toFixed(2),
            gemelde_uurprijs: k.gemeldeUurprijs.toFixed(2),
            huidig_bedrag: v.huidigBedrag.toFixed(2),
            voorgesteld_bedrag: v.voorgesteldBedrag.toFixed(2),
            reden: v.reden,
          });
        }
      }
      if (nieuw.length > 0) {
        await em.transactional(async (tx) => {
          const trx = tx.getTransactionContext();
          const inserted = await tx.getConnection().execute<Array<{ household_id: string }>>(
            `insert into koo_mutatievoorstel (id, created_at, updated_at, household_id, toeslag_id, opgave_id, levering_id, periode, kind_naam,
               soort_opvang, gemelde_uren, gemelde_uurprijs, huidig_bedrag, voorgesteld_bedrag, dagtekening, blokkeren_tot, status, reden, version)
             select gen_random_uuid(), now(), now(), x.household_id, x.toeslag_id, x.opgave_id, ?::uuid, ?, x.kind_naam, x.soort_opvang,
                    x.gemelde_uren, x.gemelde_uurprijs, x.huidig_bedrag, x.voorgesteld_bedrag, ?::date, ?::date, 'OPEN', x.reden, 1
               from jsonb_to_recordset(?::jsonb) as x(household_id uuid, toeslag_id uuid, opgave_id uuid, kind_naam text, soort_opvang text,
                    gemelde_uren numeric, gemelde_uurprijs numeric, huidig_bedrag numeric, voorgesteld_bedrag numeric, reden text)
             on conflict (opgave_id, levering_id) do nothing
             returning household_id`,
            [levering.id, levering.periode, o.datum, blokkerenTot(o.datum, norms), JSON.stringify(nieuw)],
            'all',
            trx,
          );
          result.voorstellenVerstuurd += inserted.length;
          await logSysteem(tx, o, trace, startedAt, inserted.map((r) => r.household_id), ['Mutatievoorstel'], trx);
        });
      }
    }
    await conn.execute('update koo_levering set mutaties_bepaald_op = ? where id = ?', [o.datum, levering.id]);
    result.leveringenVergeleken++;
  }

  // 2. Carry out proposals whose block window has ended.
  let afterId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const done = await em.fork().transactional(async (tx) => {
      const voorstellen = await tx.find(
        KooMutatievoorstel,
        { status: MutatievoorstelStatus.OPEN, blokkerenTot: { $lt: o.datum }, id: { $gt: afterId } },
        { populate: ['toeslag', 'opgave', 'household'], orderBy: { id: 'asc' }, limit: batchSize },
      );
      if (voorstellen.length === 0) return true;
      afterId = voorstellen[voorstellen.length - 1].id;
      const touched: string[] = [];
      for (const v of voorstellen) {
        if (!isDoorvoerbaar(v, o.datum)) continue;
        touched.push(v.household.id);
        v.afgehandeldOp = o.datum;
        const t = v.toeslag;
        if (t.status !== ToeslagStatus.VOORLOPIG_TOEGEKEND || !t.berekendVoorschotMaandbedrag || yearOf(firstOfMonthAfter(o.datum)) > t.berekeningsjaar) {
          v.status = MutatievoorstelStatus.VERVALLEN;
          result.voorstellenVervallen++;
          continue;
        }
        const verlaging = v.huidigBedrag.minus(v.voorgesteldBedrag);
        const na = voorschotNaVerlaging(t.berekendVoorschotMaandbedrag, verlaging, t.voorschotPercentage);
        const ingangsdatum = firstOfMonthAfter(o.datum);
        tx.create(Beschikking, {
          household: v.household,
          toeslag: t,
          soort: BeschikkingSoort.WIJZIGING,
          nummer: wijzigingsnummer(t.berekeningsjaar, v.household.gemeentecode, randomBytes(5).toString('hex').toUpperCase()),
          dagtekening: o.datum,
          ingangsdatum,
          jaarbedrag: na.berekend.times(12),
          voorschotMaandbedrag: na.voorschot,
          voorschotPercentage: t.voorschotPercentage,
          reden:
            `Uw kinderopvangtoeslag is verlaagd na gegevens van uw kinderopvangorganisatie over ${v.periode} (${v.kindNaam}). ` +
            `U heeft het voorstel van ${formatDatum(v.dagtekening)} niet geblokkeerd. Vanaf ${formatDatum(ingangsdatum)} ontvangt u ` +
            `${formatEuro(na.voorschot)} per maand (was ${formatEuro(t.voorschotMaandbedrag ?? new Decimal(0))}).`,
        });
        t.berekendVoorschotMaandbedrag = na.berekend;
        t.voorschotMaandbedrag = na.voorschot;
        // The declaration follows the KOO's figures (never upwards).
        v.opgave.urenPerMaand = Decimal.min(v.opgave.urenPerMaand, v.gemeldeUren);
        v.opgave.uurprijs = Decimal.min(v.opgave.uurprijs, v.gemeldeUurprijs);
        v.status = MutatievoorstelStatus.DOORGEVOERD;
        result.voorstellenDoorgevoerd++;
      }
      await tx.flush();
      await logSysteem(tx, o, trace, startedAt, touched, ['Mutatievoorstel', 'Toeslag', 'Beschikking'], tx.getTransactionContext());
      return voorstellen.length < batchSize;
    });
    if (done) break;
  }

  // 3. The month's voorschot paid to the KOO for parents who chose that (convenant).
  const periode = periodeVan(o.datum);
  await em.transactional(async (tx) => {
    const trx = tx.getTransactionContext();
    const paid = await tx.getConnection().execute<Array<{ household_id: string }>>(
      `insert into koo_convenant_betaling (id, created_at, updated_at, household_id, organisatie_id, toeslag_id, periode, bedrag, betaald_op)
       select gen_random_uuid(), now(), now(), b.household_id, b.organisatie_id, t.id, ?, t.voorschot_maandbedrag, ?::date
         from koo_betaling_aan_koo b
         join koo_organisatie k on k.id = b.organisatie_id and k.overeenkomst_status in ('OUD_CONVENANT', 'NIEUWE_OVEREENKOMST')
         join toeslag t on t.household_id = b.household_id and t.soort = 'KINDEROPVANGTOESLAG' and t.status = 'VOORLOPIG_TOEGEKEND'
                       and t.berekeningsjaar = ?
        where b.vanaf <= ?::date and (b.tot is null or b.tot > ?::date) and t.voorschot_maandbedrag > 0
       on conflict (toeslag_id, periode) do nothing
       returning household_id`,
      [periode, o.datum, yearOf(o.datum), o.datum, o.datum],
      'all',
      trx,
    );
    result.betalingenAanKoo = paid.length;
    await logSysteem(tx, o, trace, startedAt, paid.map((r) => r.household_id), ['ConvenantBetaling'], trx);
  });
  return result;
}

export interface BlokkeerResult {
  voorstel: KooMutatievoorstel | null;
  userErrors: RuleError[];
}

/**
 * The parent (BURGER, or an INTERMEDIAIR with HANDELEN) blocks a mutatievoorstel, up to and including
 * its blokkerenTot (3 weeks after the letter). Through the household scope with Purpose.ACT.
 */
export async function blockMutatievoorstel(ctx: RequestContext, input: { mutatievoorstelId: string }): Promise<BlokkeerResult> {
  const id = fromGlobalIdOfType(input.mutatievoorstelId, 'Mutatievoorstel');
  const access = ctx.scope.access(Purpose.ACT);
  const today = ctx.clock.today();
  return ctx.scope.transactional(async (tx) => {
    const [v] = await tx.owned(KooMutatievoorstel, { id }, Purpose.ACT);
    if (!v) throw access.unrestricted ? notFound('no mutatievoorstel with this id') : forbidden('this mutatievoorstel is outside your access');
    const fout = checkBlokkeren(v, today);
    if (fout) return { voorstel: v, userErrors: [fout] };
    v.status = MutatievoorstelStatus.GEBLOKKEERD;
    v.geblokkeerdOp = today;
    tx.persist(v);
    return { voorstel: v, userErrors: [] };
  });
}


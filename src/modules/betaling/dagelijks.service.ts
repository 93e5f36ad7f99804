import { betaaltVoorschotVoor } from '../toeslag/toeslag.rules';
import type { Clock } from '../../shared/clock';
import Decimal from 'decimal.js';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { traceFromHeader, type TraceContext } from '../../shared/trace';
import { addMonths, firstOfNextMonth } from '../../shared/dates';
import { formatEuro } from '../../shared/format-nl';
import { insertSystemAccessLog } from '../accesslog/access-log.writer';
import { ProcessingActivityId } from '../accesslog/processing-activities';
import type { Pseudonymiser } from '../accesslog/pseudonym';
import { BetalingsregelingStatus } from '../betalingsregeling/betalingsregeling.enums';
import { Household } from '../household/household.entity';
import { NormCode } from '../norms/norm-codes';
import { loadNorms } from '../norms/norms';
import { SchuldEvent } from '../schuld/schuld-event.entity';
import { Schuld } from '../schuld/schuld.entity';
import { SchuldEventSoort, SchuldStatus, TERMINAL_SCHULD_STATUSES } from '../schuld/schuld.enums';
import { Toeslag } from '../toeslag/toeslag.entity';
import { BeslagvrijeVoetVaststelling } from '../verrekening/beslagvrije-voet.entity';
import { maxVerrekening } from '../verrekening/beslagvrije-voet.rules';
import { Verrekening } from '../verrekening/verrekening.entity';
import { VerrekeningSoort, VerrekeningStatus } from '../verrekening/verrekening.enums';
import { laadDoel, type Finder } from './betaling.core';
import { gemisteTermijnActie } from './betaling.rules';

export interface BetalingStappenResultaat {
  /** Counts per action: TERMIJN_VERSCHOVEN, REGELING_HERINNERING, REGELING_BEEINDIGD, HERINNERING_VERVALT, VERREKENING_GESTART, VERREKENING, VERREKENING_VOLTOOID. */
  acties: Record<string, number>;
  fouten: Array<{ id: string; melding: string }>;
}

const ZERO = new Decimal(0);
const LOCK = { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } as const;
const teBetalen = (s: Schuld) => s.openstaandBedrag.plus(s.kosten);

/**
 * The daily payment steps, called once from runInvordering (after its collection chain): (1) missed
 * termijnen of ACTIEF betalingsregelingen (gemisteTermijnActie: shift, reminder, end and resume
 * collection), (2) monthly booking of running verrekeningen on their schulden, (3) automatic
 * set-off of overdue schulden against a voorschot of the SAME toeslag type, at no cost, within the
 * household's valid beslagvrije voet. Idempotent per date (each step records how far it got: the
 * termijn's gemistOp / the regeling's herinnerdOp, the verrekening's laatsteMaand, the schuld's
 * VERREKEND status). Each regeling / household is one transaction with row locks in the same order
 * as the API (regeling → schulden; household → schuld → toeslag) and one access-log row as SYSTEEM.
 */
export async function runBetalingStappen(em: EntityManager, o: { datum: string; pseudonymise: Pseudonymiser; clock: Clock }): Promise<BetalingStappenResultaat> {
  const result: BetalingStappenResultaat = { acties: {}, fouten: [] };
  const tel = (k: string, n = 1) => (result.acties[k] = (result.acties[k] ?? 0) + n);
  const norms = await loadNorms(em);
  const trace = traceFromHeader(undefined);
  const conn = em.getConnection();
  const norm = { gemistNaDagen: norms.number(NormCode.REGELING_GEMIST_NA_DAGEN, o.datum), beeindigNaDagen: norms.number(NormCode.REGELING_BEEINDIGING_NA_DAGEN, o.datum) };

  const log = (tx: EntityManager, householdId: string, resources: string[], startedAt: Date) =>
    insertSystemAccessLog(
      tx,
      o.pseudonymise,
      { trace: trace as TraceContext, operationName: `invordering ${o.datum}: betalingsregelingen en verrekening`, subject: 'invordering', startedAt, endedAt: o.clock.now(), householdIds: [householdId], resources, activity: ProcessingActivityId.INVORDERING },
      tx.getTransactionContext(),
    );

  // (1) Missed termijnen.
  const regelingIds = await conn.execute<Array<{ id: string }>>(
    `select r.id from betalingsregeling r where r.status = 'ACTIEF' and (r.herinnerd_op is not null or exists (
       select 1 from termijn t where t.betalingsregeling_id = r.id and t.betaald_bedrag < t.bedrag and t.vervaldatum + ?::int < ?::date))
     order by r.id`,
    [norm.gemistNaDagen, o.datum],
  );
  for (const { id } of regelingIds) {
    try {
      await em.fork().transactional(async (t) => {
        const tx = t as EntityManager;
        const startedAt = o.clock.now();
        const find: Finder = (e, w, opt) => tx.find(e as never, w as never, opt as never) as never;
        const doel = await laadDoel(tx, find, { regelingId: id });
        const r = doel?.regeling;
        if (!doel || !r || r.status !== BetalingsregelingStatus.ACTIEF) return;
        const actie = gemisteTermijnActie(
          { aantalGemist: r.aantalGemist, herinnerdOp: r.herinnerdOp ?? null, betaalpauzeTot: r.betaalpauzeTot ?? null, termijnen: doel.termijnen },
          o.datum,
          norm,
        );
        if (!actie) return;
        const event = (s: Schuld, soort: SchuldEventSoort, reden: string, naarStatus: SchuldStatus | null = null) =>
          tx.create(SchuldEvent, { household: doel.household, schuld: s, datum: o.datum, soort, vanStatus: naarStatus ? s.status : null, naarStatus, reden, bron: 'INVORDERING' });
        const open = doel.schulden.filter((s) => !TERMINAL_SCHULD_STATUSES.includes(s.status));
        switch (actie.soort) {
          case 'HERINNERING_VERVALT':
            r.herinnerdOp = null;
            break;
          case 'VERSCHUIVEN': {
            const nieuw = new Map(actie.termijnen.map((x) => [x.volgnummer, x.vervaldatum]));
            for (const term of doel.termijnen) {
              if (term.volgnummer === actie.volgnummer) term.gemistOp = o.datum;
              const d = nieuw.get(term.volgnummer);
              if (d) term.vervaldatum = d;
            }
            r.aantalGemist += 1;
            for (const s of open) event(s, SchuldEventSoort.TERMIJN_VERSCHOVEN, `Termijn ${actie.volgnummer} niet betaald (eerste keer): de resterende termijnen schuiven een maand op, zonder dubbele betaling.`);
            break;
          }
          case 'HERINNERING':
            doel.termijnen.find((x) => x.volgnummer === actie.volgnummer)!.gemistOp = o.datum;
            r.aantalGemist += 1;
            r.herinnerdOp = o.datum;
            for (const s of open) event(s, SchuldEventSoort.REGELING_HERINNERING, `Termijn ${actie.volgnummer} niet betaald (opnieuw): herinnering. Betaal de achterstand binnen ${norm.beeindigNaDagen} dagen, anders eindigt de regeling.`);
            break;
          case 'BEEINDIGEN':
            r.status = BetalingsregelingStatus.BEEINDIGD;
            r.afgeslotenOp = o.datum;
            for (const s of open) {
              if (teBetalen(s).lte(0)) continue;
              // Back into the chain after the reminder the arrangement already sent: the next step is the aanmaning.
              event(s, SchuldEventSoort.REGELING_BEEINDIGD, `Achterstand niet betaald ${norm.beeindigNaDagen} dagen na de herinnering: de betalingsregeling is beëindigd en de invordering loopt weer.`, SchuldStatus.HERINNERD);
              s.status = SchuldStatus.HERINNERD;
              s.statusSinds = o.datum;
            }
            break;
        }
        await tx.flush();
        await log(tx, doel.household.id, ['Betalingsregeling', 'Termijn', 'Schuld', 'SchuldEvent'], startedAt);
        tel(actie.soort === 'VERSCHUIVEN' ? 'TERMIJN_VERSCHOVEN' : actie.soort === 'HERINNERING' ? 'REGELING_HERINNERING' : actie.soort === 'BEEINDIGEN' ? 'REGELING_BEEINDIGD' : 'HERINNERING_VERVALT');
      });
    } catch (err) {
      result.fouten.push({ id, melding: err instanceof Error ? err.message : String(err) });
    }
  }

  // (2) Book running verrekeningen month by month; (3) start automatic ones. Per household.
  const households = await conn.execute<Array<{ household_id: string }>>(
    `select household_id from verrekening v where v.status = 'ACTIEF'
        and (coalesce(v.laatste_maand + interval '1 month', v.ingangsdatum) <= ?::date
             or exists (select 1 from schuld s where s.id = v.schuld_id and (s.status <> 'VERREKEND' or s.openstaand_bedrag + s.kosten <= 0)))
     union
     select s.household_id from schuld s
       join household h on h.id = s.household_id and not h.uht_geregistreerd
       join toeslag ts on ts.id = s.toeslag_id
      where s.status in ('OPEN', 'HERINNERD', 'AANGEMAAND', 'DWANGBEVEL') and not s.gepauzeerd and s.vervaldatum < ?::date
        and s.openstaand_bedrag + s.kosten > 0
        and not exists (select 1 from betalingsregeling_schuld bs join betalingsregeling r on r.id = bs.betalingsregeling_id where bs.schuld_id = s.id and r.status = 'ACTIEF')
        and exists (select 1 from beslagvrije_voet b where b.household_id = s.household_id and b.datum <= ?::date and b.geldig_tot >= ?::date and b.ruimte > 0)
        and exists (select 1 from toeslag l where l.household_id = s.household_id and l.soort = ts.soort and l.status = 'VOORLOPIG_TOEGEKEND'
                     and l.voorschot_maandbedrag > l.verrekend_maandbedrag)
     order by 1`,
    [o.datum, o.datum, o.datum, o.datum],
  );
  for (const { household_id } of households) {
    try {
      const startedAt = o.clock.now();
      const n = await em.fork().transactional(async (t) => {
        const counts = await verrekenHousehold(t as EntityManager, household_id, o.datum);
        if (Object.keys(counts).length) await log(t as EntityManager, household_id, ['Verrekening', 'Schuld', 'SchuldEvent', 'Toeslag'], startedAt);
        return counts;
      });
      for (const [k, v] of Object.entries(n)) tel(k, v);
    } catch (err) {
      result.fouten.push({ id: household_id, melding: err instanceof Error ? err.message : String(err) });
    }
  }
  return result;
}

async function verrekenHousehold(tx: EntityManager, householdId: string, datum: string): Promise<Record<string, number>> {
  const n: Record<string, number> = {};
  const tel = (k: string) => (n[k] = (n[k] ?? 0) + 1);
  // The household row serialises every set-off of the household (API and engine).
  const [household] = await tx.find(Household, { id: householdId }, { ...LOCK });
  const lopend = await tx.find(Verrekening, { household: householdId, status: VerrekeningStatus.ACTIEF }, { populate: ['schuld', 'toeslag'], refresh: true });
  const event = (s: Schuld, soort: SchuldEventSoort, reden: string, bedrag: Decimal | null = null, naarStatus: SchuldStatus | null = null) =>
    tx.create(SchuldEvent, { household, schuld: s, datum, soort, vanStatus: naarStatus ? s.status : null, naarStatus, bedrag, reden, bron: 'INVORDERING' });

  // A set-off ends: the voorschot is paid in full again.
  const sluit = (v: Verrekening, status: VerrekeningStatus.VOLTOOID | VerrekeningStatus.JAAR_AFGELOPEN) => {
    v.status = status;
    v.afgeslotenOp = datum;
    v.toeslag.verrekendMaandbedrag = Decimal.max(ZERO, v.toeslag.verrekendMaandbedrag.minus(v.maandbedrag));
    tel(`VERREKENING_${status}`);
  };

  // (2) Monthly booking.
  for (const v of lopend) {
    const s = v.schuld;
    let maand = v.laatsteMaand ? addMonths(v.laatsteMaand, 1) : v.ingangsdatum;
    // Only months whose voorschot the toeslag pays: never past the end of its berekeningsjaar.
    while (maand <= datum && betaaltVoorschotVoor(v.toeslag.berekeningsjaar, maand) && s.status === SchuldStatus.VERREKEND && teBetalen(s).gt(0)) {
      const deel = Decimal.min(v.maandbedrag, teBetalen(s));
      const kosten = Decimal.min(deel, s.kosten);
      const hoofdsom = deel.minus(kosten);
      s.kosten = s.kosten.minus(kosten);
      s.openstaandBedrag = s.openstaandBedrag.minus(hoofdsom);
      v.verrekendKosten = v.verrekendKosten.plus(kosten);
      v.verrekendHoofdsom = v.verrekendHoofdsom.plus(hoofdsom);
      v.laatsteMaand = maand;
      event(s, SchuldEventSoort.VERREKENING, `Verrekend met het voorschot van ${maand.slice(0, 7)}: ${formatEuro(kosten)} op de kosten, ${formatEuro(hoofdsom)} op de hoofdsom.`, deel);
      tel('VERREKENING');
      maand = addMonths(maand, 1);
    }
    // Paid (by the set-off or directly) or taken out of VERREKEND otherwise: the set-off ends and the voorschot is paid in full again.
    if (teBetalen(s).lte(0) || s.status !== SchuldStatus.VERREKEND) {
      if (s.status === SchuldStatus.VERREKEND) {
        event(s, SchuldEventSoort.VOLDAAN, 'Volledig betaald door verrekening', null, SchuldStatus.VOLDAAN);
        s.status = SchuldStatus.VOLDAAN;
        s.statusSinds = datum;
      }
      sluit(v, VerrekeningStatus.VOLTOOID);
    } else if (!betaaltVoorschotVoor(v.toeslag.berekeningsjaar, maand)) {
      // The berekeningsjaar is over and every voorschot of it is booked: nothing is left to set off
      // against. The schuld returns to its collection step, its terms running from today.
      event(
        s,
        SchuldEventSoort.VERREKENING_JAAR_AFGELOPEN,
        `De voorschotten over ${v.toeslag.berekeningsjaar} zijn betaald; de verrekening is gestopt. Nog te betalen: ${formatEuro(teBetalen(s))}.`,
        null,
        v.vorigeStatus,
      );
      s.status = v.vorigeStatus;
      s.statusSinds = datum;
      sluit(v, VerrekeningStatus.JAAR_AFGELOPEN);
    }
  }

  // (3) Automatic set-off, same toeslag type, at no cost, within the beslagvrije voet.
  const [bvv] = await tx.find(BeslagvrijeVoetVaststelling, { household: householdId, datum: { $lte: datum }, geldigTot: { $gte: datum } }, { orderBy: { datum: 'desc', createdAt: 'desc' } });
  if (bvv && bvv.ruimte.gt(0)) {
    const actief = lopend.filter((v) => v.status === VerrekeningStatus.ACTIEF);
    let inGebruik = actief.reduce((sum, v) => sum.plus(v.maandbedrag), ZERO);
    const bezet = new Set(actief.map((v) => v.schuld.id));
    const schulden = await tx.find(
      Schuld,
      { household: householdId, status: { $in: [SchuldStatus.OPEN, SchuldStatus.HERINNERD, SchuldStatus.AANGEMAAND, SchuldStatus.DWANGBEVEL] }, gepauzeerd: false, vervaldatum: { $lt: datum } },
      { ...LOCK, lockTableAliases: ['s0'], orderBy: { vervaldatum: 'asc', id: 'asc' }, populate: ['toeslag'] },
    );
    const inRegeling = new Set(
      (
        await tx.getConnection().execute<Array<{ schuld_id: string }>>(
          `select bs.schuld_id from betalingsregeling_schuld bs join betalingsregeling r on r.id = bs.betalingsregeling_id where r.status = 'ACTIEF' and bs.schuld_id = any(array[?]::uuid[])`,
          [schulden.map((s) => s.id)],
          'all',
          tx.getTransactionContext(),
        )
      ).map((r) => r.schuld_id),
    );
    const toeslagen = await tx.find(Toeslag, { household: householdId, status: 'VOORLOPIG_TOEGEKEND' as never }, { ...LOCK, orderBy: { berekeningsjaar: 'desc', id: 'asc' } });
    if (!household.uhtGeregistreerd) {
      for (const s of schulden) {
        if (bezet.has(s.id) || inRegeling.has(s.id) || teBetalen(s).lte(0)) continue;
        const ingangsdatum = firstOfNextMonth(datum);
        // Only a toeslag that pays the voorschot of the first month of the set-off (in December: next year's).
        const toeslag = toeslagen.find(
          (l) => l.soort === s.toeslag.soort && betaaltVoorschotVoor(l.berekeningsjaar, ingangsdatum) && (l.voorschotMaandbedrag ?? ZERO).gt(l.verrekendMaandbedrag),
        );
        if (!toeslag) continue;
        const maandbedrag = maxVerrekening({ ruimte: bvv.ruimte, lopend: inGebruik, voorschotBeschikbaar: toeslag.voorschotMaandbedrag!.minus(toeslag.verrekendMaandbedrag), teBetalen: teBetalen(s) });
        if (maandbedrag.lte(0)) continue;
        tx.create(Verrekening, { household, schuld: s, toeslag, soort: VerrekeningSoort.AMBTSHALVE, maandbedrag, ingangsdatum, vorigeStatus: s.status, beslagvrijeVoet: bvv, bron: 'INVORDERING' });
        event(
          s,
          SchuldEventSoort.VERREKENING_GESTART,
          `Niet betaald na de vervaldatum: verrekend met het voorschot ${s.toeslag.soort.toLowerCase()}, ${formatEuro(maandbedrag)} per maand vanaf ${ingangsdatum}, zonder kosten; de beslagvrije voet van ${formatEuro(bvv.bedrag)} blijft over.`,
          maandbedrag,
          SchuldStatus.VERREKEND,
        );
        s.status = SchuldStatus.VERREKEND;
        s.statusSinds = datum;
        toeslag.verrekendMaandbedrag = toeslag.verrekendMaandbedrag.plus(maandbedrag);
        inGebruik = inGebruik.plus(maandbedrag);
        tel('VERREKENING_GESTART');
      }
    }
  }
  await tx.flush();
  return n;
}

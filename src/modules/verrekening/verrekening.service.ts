import Decimal from 'decimal.js';
import { LockMode, OptimisticLockError } from '@mikro-orm/core';
import { Purpose } from '../../auth/reach';
import type { RequestContext } from '../context';
import { firstOfNextMonth, yearOf } from '../../shared/dates';
import { betaaltVoorschotVoor } from '../toeslag/toeslag.rules';
import { forbidden, notFound } from '../../shared/errors';
import { formatEuro } from '../../shared/format-nl';
import { fromGlobalIdOfType } from '../../shared/global-id';
import { UserErrorCode } from '../../shared/user-error';
import type { Huishoudtype } from '../betalingsregeling/betalingscapaciteit.rules';
import { regelingLinks } from '../betalingsregeling/betalingsregeling.loaders';
import { Betalingsregeling } from '../betalingsregeling/betalingsregeling.entity';
import { BetalingsregelingStatus } from '../betalingsregeling/betalingsregeling.enums';
import { normOnbekendFout } from '../norms/norm-onbekend';
import { loadNorms, NormOntbreektError } from '../norms/norms';
import { SchuldEvent } from '../schuld/schuld-event.entity';
import { Schuld } from '../schuld/schuld.entity';
import { SchuldEventSoort, SchuldStatus, TERMINAL_SCHULD_STATUSES } from '../schuld/schuld.enums';
import { Toeslag } from '../toeslag/toeslag.entity';
import { ToeslagStatus } from '../toeslag/toeslag.enums';
import type { RuleError } from '../toeslag/toeslag.rules';
import { BeslagvrijeVoetVaststelling } from './beslagvrije-voet.entity';
import { berekenBeslagvrijeVoet, maxVerrekening, type BvvResultaat } from './beslagvrije-voet.rules';
import { Verrekening } from './verrekening.entity';
import { VerrekeningSoort, VerrekeningStatus } from './verrekening.enums';

export interface RequestVerrekeningInput {
  schuldId: string;
  toeslagId: string;
  huishoudtype: Huishoudtype;
  inkomen: Decimal;
  huur?: Decimal | null;
  huurtoeslag?: Decimal | null;
  zorgpremie?: Decimal | null;
  zorgtoeslag?: Decimal | null;
  /** The monthly amount asked for; absent: the most the beslagvrije voet allows. */
  maandbedrag?: Decimal | null;
}

export interface RequestVerrekeningResult {
  verrekening: Verrekening | null;
  beslagvrijeVoet: BvvResultaat | null;
  userErrors: RuleError[];
}

const ZERO = new Decimal(0);
const LOCK = { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } as const;
const teBetalen = (s: Schuld) => s.openstaandBedrag.plus(s.kosten);
const gelijktijdig: RuleError = { code: UserErrorCode.GELIJKTIJDIG_GEWIJZIGD, field: null, message: 'Tegelijk door iemand anders gewijzigd. Er is niets opgeslagen; probeer het opnieuw.' };

/**
 * requestVerrekening (domain.md §3 way 4; BURGER own household, INTERMEDIAIR with HANDELEN,
 * MEDEWERKER): sets a schuld off against the running voorschot of ANY toeslag of the same household.
 * The request carries the income (the data model holds none); the beslagvrije voet is determined
 * from it (valid 12 months, stored, and shown line by line in the payload) and the set-off never
 * takes more per month than inkomen − beslagvrije voet − running set-offs of the household. The
 * household row is locked first (every set-off of a household serialises on it), then the schuld and
 * the toeslag. From the first day of next month the voorschot pays `maandbedrag` less
 * (Toeslag.verrekendMaandbedrag) and the daily engine books it on the schuld. Refusals write nothing.
 */
export async function requestVerrekening(ctx: RequestContext, input: RequestVerrekeningInput): Promise<RequestVerrekeningResult> {
  const schuldId = fromGlobalIdOfType(input.schuldId, 'Schuld');
  const toeslagId = fromGlobalIdOfType(input.toeslagId, 'Toeslag');
  const access = ctx.scope.access(Purpose.ACT);
  const today = ctx.clock.today();
  const bron = ctx.scope.viewer!.role;
  try {
    return await ctx.scope.transactional(async (tx) => {
      const em = tx.entityManager;
      const [peek] = await tx.owned(Schuld, { id: schuldId }, Purpose.ACT);
      if (!peek) throw access.unrestricted ? notFound('no schuld with this id') : forbidden('this schuld is outside your access');
      const [household] = await tx.households({ id: peek.household.id }, Purpose.ACT, LOCK);
      const [schuld] = await tx.owned(Schuld, { id: schuldId }, Purpose.ACT, { ...LOCK, lockTableAliases: ['s0'] });
      const [toeslag] = await tx.owned(Toeslag, { id: toeslagId }, Purpose.ACT, { ...LOCK, lockTableAliases: ['t0'] });
      if (!toeslag) throw access.unrestricted ? notFound('no toeslag with this id') : forbidden('this toeslag is outside your access');
      if (toeslag.household.id !== household.id) throw forbidden('this toeslag belongs to another household');

      const norms = await loadNorms(em);
      let bvv: BvvResultaat;
      try {
        bvv = berekenBeslagvrijeVoet(
          {
            datum: today,
            huishoudtype: input.huishoudtype,
            inkomen: input.inkomen,
            huur: input.huur ?? undefined,
            huurtoeslag: input.huurtoeslag ?? undefined,
            zorgpremie: input.zorgpremie ?? undefined,
            zorgtoeslag: input.zorgtoeslag ?? undefined,
          },
          norms,
        );
      } catch (e) {
        // Today before the first version of a norm: refused, never an internal error.
        if (e instanceof NormOntbreektError) return { verrekening: null, beslagvrijeVoet: null, userErrors: [normOnbekendFout(e, 'de beslagvrije voet', null)] };
        throw e;
      }

      const fout = (code: UserErrorCode, field: string, message: string): RequestVerrekeningResult => ({ verrekening: null, beslagvrijeVoet: bvv, userErrors: [{ code, field: ['input', field], message }] });
      if (schuld.status === SchuldStatus.BUITEN_INVORDERING) return fout(UserErrorCode.SCHULD_BUITEN_INVORDERING, 'schuldId', 'Deze schuld wordt niet ingevorderd.');
      if (TERMINAL_SCHULD_STATUSES.includes(schuld.status) || teBetalen(schuld).lte(0)) return fout(UserErrorCode.SCHULD_AL_BETAALD, 'schuldId', 'Deze schuld is al betaald.');
      if (schuld.gepauzeerd || household.uhtGeregistreerd) return fout(UserErrorCode.SCHULD_GEPAUZEERD, 'schuldId', 'De invordering van deze schuld is gepauzeerd.');
      if (schuld.status === SchuldStatus.VERREKEND) return fout(UserErrorCode.VERREKENING_NIET_MOGELIJK, 'schuldId', 'Deze schuld wordt al verrekend.');
      const links = await regelingLinks(em, 'schuld_id', [schuld.id]);
      const actief = links.length ? await tx.owned(Betalingsregeling, { id: { $in: links.map((l) => l.betalingsregeling_id) }, status: BetalingsregelingStatus.ACTIEF }, Purpose.ACT) : [];
      if (actief.length) return fout(UserErrorCode.SCHULD_AL_IN_REGELING, 'schuldId', 'Voor deze schuld loopt een betalingsregeling.');
      const voorschot = toeslag.voorschotMaandbedrag ?? ZERO;
      if (toeslag.status !== ToeslagStatus.VOORLOPIG_TOEGEKEND || voorschot.minus(toeslag.verrekendMaandbedrag).lte(0)) {
        return fout(UserErrorCode.TOESLAG_NIET_LOPEND, 'toeslagId', 'Deze toeslag betaalt geen voorschot waarmee verrekend kan worden.');
      }
      if (!betaaltVoorschotVoor(toeslag.berekeningsjaar, firstOfNextMonth(today))) {
        return fout(
          UserErrorCode.VOORSCHOT_JAAR_VOORBIJ,
          'toeslagId',
          `Over ${toeslag.berekeningsjaar} worden geen voorschotten meer betaald; verrekenen kan met de toeslag van ${yearOf(firstOfNextMonth(today))}.`,
        );
      }
      const lopend = (await tx.owned(Verrekening, { household: household.id, status: VerrekeningStatus.ACTIEF }, Purpose.ACT)).reduce((sum, v) => sum.plus(v.maandbedrag), ZERO);
      const max = maxVerrekening({ ruimte: bvv.ruimte, lopend, voorschotBeschikbaar: voorschot.minus(toeslag.verrekendMaandbedrag), teBetalen: teBetalen(schuld) });
      const gevraagd = input.maandbedrag ?? null;
      if (gevraagd && (!gevraagd.isFinite() || gevraagd.lte(0) || gevraagd.decimalPlaces() > 2)) return fout(UserErrorCode.BETALING_ONGELDIG, 'maandbedrag', 'Het maandbedrag moet groter dan 0 zijn, in centen.');
      if (max.lte(0) || (gevraagd && gevraagd.gt(max))) {
        return fout(
          UserErrorCode.ONDER_BESLAGVRIJE_VOET,
          gevraagd ? 'maandbedrag' : 'inkomen',
          `Verrekenen kan hoogstens ${formatEuro(max)} per maand: de beslagvrije voet van ${formatEuro(bvv.bedrag)} moet overblijven` +
            (lopend.gt(0) ? ` (er wordt al ${formatEuro(lopend)} per maand verrekend).` : '.'),
        );
      }
      const maandbedrag = gevraagd ?? max;

      const vaststelling = em.create(
        BeslagvrijeVoetVaststelling,
        { household, datum: bvv.datum, geldigTot: bvv.geldigTot, huishoudtype: bvv.huishoudtype, inkomen: bvv.inkomen, bedrag: bvv.bedrag, ruimte: bvv.ruimte, regels: bvv.regels },
        { persist: false },
      );
      const ingangsdatum = firstOfNextMonth(today);
      const verrekening = em.create(
        Verrekening,
        { household, schuld, toeslag, soort: VerrekeningSoort.OP_VERZOEK, maandbedrag, ingangsdatum, vorigeStatus: schuld.status, beslagvrijeVoet: vaststelling, bron },
        { persist: false },
      );
      const event = em.create(
        SchuldEvent,
        {
          household,
          schuld,
          datum: today,
          soort: SchuldEventSoort.VERREKENING_GESTART,
          vanStatus: schuld.status,
          naarStatus: SchuldStatus.VERREKEND,
          bedrag: maandbedrag,
          reden: `Op verzoek verrekend met het voorschot ${toeslag.soort.toLowerCase()}: ${formatEuro(maandbedrag)} per maand vanaf ${ingangsdatum}; de beslagvrije voet van ${formatEuro(bvv.bedrag)} blijft over.`,
          bron,
        },
        { persist: false },
      );
      schuld.status = SchuldStatus.VERREKEND;
      schuld.statusSinds = today;
      toeslag.verrekendMaandbedrag = toeslag.verrekendMaandbedrag.plus(maandbedrag);
      for (const row of [vaststelling, verrekening, event, schuld, toeslag]) tx.persist(row as never);
      return { verrekening, beslagvrijeVoet: bvv, userErrors: [] };
    });
  } catch (err) {
    if (err instanceof OptimisticLockError) return { verrekening: null, beslagvrijeVoet: null, userErrors: [gelijktijdig] };
    throw err;
  }
}

/**
 * undoVerrekening (MEDEWERKER; domain.md §3 "refused or undone on request"): the citizen asks (by
 * phone, letter or a zaak) and a medewerker grants it here. An ACTIEF verrekening becomes ONGEDAAN:
 * the voorschot is paid in full again (Toeslag.verrekendMaandbedrag lowered), everything already
 * set off is added back to the schuld (costs and principal exactly as taken; the withheld voorschot
 * is paid back to the household) and the schuld gets its status from before the set-off back, with
 * the collection terms running from today. One VERREKENING_ONGEDAAN event. Refusals write nothing.
 */
export async function undoVerrekening(ctx: RequestContext, input: { verrekeningId: string; reden: string }): Promise<{ verrekening: Verrekening | null; userErrors: RuleError[] }> {
  const id = fromGlobalIdOfType(input.verrekeningId, 'Verrekening');
  const access = ctx.scope.access(Purpose.ACT);
  const today = ctx.clock.today();
  const reden = input.reden.trim();
  try {
    return await ctx.scope.transactional(async (tx) => {
      const [peek] = await tx.owned(Verrekening, { id }, Purpose.ACT);
      if (!peek) throw access.unrestricted ? notFound('no verrekening with this id') : forbidden('this verrekening is outside your access');
      const [household] = await tx.households({ id: peek.household.id }, Purpose.ACT, LOCK);
      const [v] = await tx.owned(Verrekening, { id }, Purpose.ACT, { ...LOCK, lockTableAliases: ['v0'] });
      await tx.entityManager.populate(v, ['beslagvrijeVoet']);
      const [schuld] = await tx.owned(Schuld, { id: v.schuld.id }, Purpose.ACT, { ...LOCK, lockTableAliases: ['s0'] });
      const [toeslag] = await tx.owned(Toeslag, { id: v.toeslag.id }, Purpose.ACT, { ...LOCK, lockTableAliases: ['t0'] });
      if (reden.length === 0 || reden.length > 2000) return { verrekening: null, userErrors: [{ code: UserErrorCode.REDEN_ONGELDIG, field: ['input', 'reden'], message: 'Geef een reden van hoogstens 2000 tekens.' }] };
      if (v.status !== VerrekeningStatus.ACTIEF) return { verrekening: null, userErrors: [{ code: UserErrorCode.VERREKENING_NIET_ACTIEF, field: ['input', 'verrekeningId'], message: 'Deze verrekening is al afgerond of ongedaan gemaakt.' }] };
      const terug = v.verrekendKosten.plus(v.verrekendHoofdsom);
      schuld.kosten = schuld.kosten.plus(v.verrekendKosten);
      schuld.openstaandBedrag = schuld.openstaandBedrag.plus(v.verrekendHoofdsom);
      const vanStatus = schuld.status;
      if (schuld.status === SchuldStatus.VERREKEND) {
        schuld.status = v.vorigeStatus;
        schuld.statusSinds = today;
      }
      toeslag.verrekendMaandbedrag = Decimal.max(ZERO, toeslag.verrekendMaandbedrag.minus(v.maandbedrag));
      v.status = VerrekeningStatus.ONGEDAAN;
      v.afgeslotenOp = today;
      v.ongedaanReden = reden;
      const event = tx.entityManager.create(
        SchuldEvent,
        {
          household,
          schuld,
          datum: today,
          soort: SchuldEventSoort.VERREKENING_ONGEDAAN,
          vanStatus,
          naarStatus: schuld.status,
          bedrag: terug,
          reden: `Verrekening ongedaan gemaakt: het voorschot wordt weer volledig betaald; ${formatEuro(terug)} al verrekend wordt terugbetaald en staat weer open. Reden: ${reden}`,
          bron: ctx.scope.viewer!.role,
        },
        { persist: false },
      );
      for (const row of [v, schuld, toeslag, event]) tx.persist(row as never);
      return { verrekening: v, userErrors: [] };
    });
  } catch (err) {
    if (err instanceof OptimisticLockError) return { verrekening: null, userErrors: [gelijktijdig] };
    throw err;
  }
}

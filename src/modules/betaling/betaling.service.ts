import type { Clock } from '../../shared/clock';
import Decimal from 'decimal.js';
import { OptimisticLockError, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Purpose } from '../../auth/reach';
import type { RequestContext } from '../context';
import { traceFromHeader } from '../../shared/trace';
import { addMonths } from '../../shared/dates';
import { badInput, forbidden, notFound } from '../../shared/errors';
import { fromGlobalIdOfType } from '../../shared/global-id';
import { UserErrorCode } from '../../shared/user-error';
import { insertSystemAccessLog } from '../accesslog/access-log.writer';
import { ProcessingActivityId } from '../accesslog/processing-activities';
import type { Pseudonymiser } from '../accesslog/pseudonym';
import { Betalingsregeling } from '../betalingsregeling/betalingsregeling.entity';
import { BetalingsregelingStatus } from '../betalingsregeling/betalingsregeling.enums';
import { NormCode } from '../norms/norm-codes';
import { loadNorms } from '../norms/norms';
import { SchuldEvent } from '../schuld/schuld-event.entity';
import { Schuld } from '../schuld/schuld.entity';
import { SchuldEventSoort } from '../schuld/schuld.enums';
import type { RuleError } from '../toeslag/toeslag.rules';
import { boekBetaling, checkInvoer, laadDoel, type Finder } from './betaling.core';
import type { Betaling } from './betaling.entity';
import { kenmerkNummerVan, pauzeVerschuiving } from './betaling.rules';

export interface RegisterBetalingInput {
  schuldId?: string | null;
  betalingsregelingId?: string | null;
  bedrag: Decimal;
  datum: string;
  bankReferentie: string;
}

export interface RegisterBetalingResult {
  betaling: Betaling | null;
  alGeregistreerd: boolean;
  userErrors: RuleError[];
}

const gelijktijdig: RuleError = {
  code: UserErrorCode.GELIJKTIJDIG_GEWIJZIGD,
  field: null,
  message: 'De gegevens zijn tegelijk door iemand anders gewijzigd. Er is niets opgeslagen; probeer het opnieuw.',
};
const referentieInGebruik: RuleError = {
  code: UserErrorCode.BANKREFERENTIE_IN_GEBRUIK,
  field: ['input', 'bankReferentie'],
  message: 'Deze bankreferentie is al gebruikt voor een andere betaling.',
};

/**
 * registerBetaling (MEDEWERKER): books a received payment on a schuld or a betalingsregeling
 * of a household, in one scope transaction with Purpose.ACT. The target rows are locked (regeling,
 * then its schulden in id order) before the bank reference is checked, so the same bank transaction
 * registered twice — also at the same moment — is stored once (the second call gets the first
 * payment back with alGeregistreerd = true); the unique index on bank_referentie catches the rest.
 * Allocation and closing: see boekBetaling. Refusals are userErrors and write nothing.
 */
export async function registerBetaling(ctx: RequestContext, input: RegisterBetalingInput): Promise<RegisterBetalingResult> {
  const target = targetOf(input);
  const access = ctx.scope.access(Purpose.ACT);
  const bron = ctx.scope.viewer!.role;
  const invoer = { bedrag: input.bedrag, datum: input.datum, bankReferentie: input.bankReferentie, bron };
  const errors = checkInvoer(invoer, ctx.clock.today());
  if (errors.length) return { betaling: null, alGeregistreerd: false, userErrors: errors };
  try {
    return await ctx.scope.transactional(async (tx) => {
      const find: Finder = (e, w, o) => tx.owned(e as never, w as never, Purpose.ACT, o as never) as never;
      const doel = await laadDoel(tx.entityManager, find, target);
      if (!doel) throw access.unrestricted ? notFound('no such schuld or betalingsregeling') : forbidden('this object is outside your access');
      const r = await boekBetaling(tx.entityManager, doel, invoer);
      if (r.soort === 'GEWEIGERD') return { betaling: null, alGeregistreerd: false, userErrors: r.errors };
      if (r.soort === 'AL_GEREGISTREERD') return { betaling: r.betaling, alGeregistreerd: true, userErrors: [] };
      for (const row of r.rows) tx.persist(row as never);
      await tx.entityManager.flush();
      return { betaling: r.betaling, alGeregistreerd: false, userErrors: [] };
    });
  } catch (err) {
    if (err instanceof OptimisticLockError) return { betaling: null, alGeregistreerd: false, userErrors: [gelijktijdig] };
    if (err instanceof UniqueConstraintViolationException) return { betaling: null, alGeregistreerd: false, userErrors: [referentieInGebruik] };
    throw err;
  }
}

function targetOf(input: { schuldId?: string | null; betalingsregelingId?: string | null }): { schuldId: string } | { regelingId: string } {
  if (input.schuldId && !input.betalingsregelingId) return { schuldId: fromGlobalIdOfType(input.schuldId, 'Schuld') };
  if (input.betalingsregelingId && !input.schuldId) return { regelingId: fromGlobalIdOfType(input.betalingsregelingId, 'Betalingsregeling') };
  // Exactly one target: an input shape error, not a business refusal.
  throw badInput('give exactly one of schuldId and betalingsregelingId', 'input');
}

// --- Bank-statement import (CLI) -----------------------------------------------------------------

export interface ImportRegel {
  regel: number;
  bankReferentie: string;
  datum: string;
  bedrag: string;
  betalingskenmerk: string;
}

export interface ImportResultaat {
  regels: number;
  geboekt: number;
  alGeregistreerd: number;
  /** Per line that was not booked: the line number (1 = the first line after the header) and why. */
  fouten: Array<{ regel: number; code: string; melding: string }>;
  /** Total of the credits (overpayments) recorded. */
  overschot: string;
}

/**
 * Parses a bank statement in the documented simple CSV format (README "Betalingen importeren"):
 * a header line `bankreferentie;datum;bedrag;betalingskenmerk` (separator `;` or `,`), then one
 * payment per line; datum YYYY-MM-DD, bedrag with a decimal point (or comma when `;` separates).
 */
export function parseAfschrift(tekst: string): { regels: ImportRegel[]; fouten: ImportResultaat['fouten'] } {
  const lines = tekst.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines.shift() ?? '';
  const sep = header.includes(';') ? ';' : ',';
  const cols = header.split(sep).map((c) => c.trim().toLowerCase());
  const idx = (name: string) => cols.indexOf(name);
  const need = ['bankreferentie', 'datum', 'bedrag', 'betalingskenmerk'];
  if (need.some((n) => idx(n) < 0)) throw new Error(`the header must name the columns ${need.join(sep)}`);
  const regels: ImportRegel[] = [];
  const fouten: ImportResultaat['fouten'] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const v = line.split(sep).map((c) => c.trim());
    if (v.length < cols.length) {
      fouten.push({ regel: i + 1, code: 'REGEL_ONGELDIG', melding: `expected ${cols.length} fields, got ${v.length}` });
      return;
    }
    regels.push({
      regel: i + 1,
      bankReferentie: v[idx('bankreferentie')],
      datum: v[idx('datum')],
      bedrag: sep === ';' ? v[idx('bedrag')].replace(',', '.') : v[idx('bedrag')],
      betalingskenmerk: v[idx('betalingskenmerk')],
    });
  });
  return { regels, fouten };
}

/**
 * The bank-statement import (`npm run betalingen:import -- --file X`): every line is booked like
 * registerBetaling (same core), each in its own transaction, on the schuld or regeling whose
 * betalingskenmerk it carries; idempotent by bank reference (a statement imported twice books
 * nothing the second time); a line that cannot be booked is reported and the others go on. Every
 * booked line writes an access-log row as SYSTEEM (processing activity betalingen-verwerken).
 */
export async function importBetalingen(em: EntityManager, o: { tekst: string; pseudonymise: Pseudonymiser; clock: Clock }): Promise<ImportResultaat> {
  const today = o.clock.today();
  const { regels, fouten } = parseAfschrift(o.tekst);
  const result: ImportResultaat = { regels: regels.length + fouten.length, geboekt: 0, alGeregistreerd: 0, fouten, overschot: '0.00' };
  let overschot = new Decimal(0);
  const trace = traceFromHeader(undefined);
  const startedAt = o.clock.now();
  for (const r of regels) {
    const fout = (code: string, melding: string) => result.fouten.push({ regel: r.regel, code, melding });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.datum) || !/^\d+(\.\d{1,2})?$/.test(r.bedrag)) {
      fout('BETALING_ONGELDIG', 'datum must be YYYY-MM-DD and bedrag an amount like 12.34');
      continue;
    }
    const invoer = { bedrag: new Decimal(r.bedrag), datum: r.datum, bankReferentie: r.bankReferentie, bron: 'SYSTEEM' };
    const invoerFouten = checkInvoer(invoer, today);
    if (invoerFouten.length) {
      fout(invoerFouten[0].code, invoerFouten[0].message);
      continue;
    }
    const nummer = kenmerkNummerVan(r.betalingskenmerk);
    if (!nummer) {
      fout('KENMERK_ONGELDIG', 'not a valid 16-digit betalingskenmerk');
      continue;
    }
    try {
      const uitkomst = await em.fork().transactional(async (tx) => {
        const t = tx as EntityManager;
        const find: Finder = (e, w, opt) => t.find(e as never, w as never, opt as never) as never;
        const [schuld] = await t.find(Schuld, { kenmerkNummer: nummer });
        const [regeling] = schuld ? [] : await t.find(Betalingsregeling, { kenmerkNummer: nummer });
        if (!schuld && !regeling) return { fout: ['KENMERK_ONBEKEND', 'no schuld or betalingsregeling has this betalingskenmerk'] as const };
        const doel = await laadDoel(t, find, schuld ? { schuldId: schuld.id } : { regelingId: regeling!.id });
        if (!doel) return { fout: ['KENMERK_ONBEKEND', 'no schuld or betalingsregeling has this betalingskenmerk'] as const };
        const b = await boekBetaling(t, doel, invoer);
        if (b.soort === 'GEWEIGERD') return { fout: [b.errors[0].code, b.errors[0].message] as const };
        if (b.soort === 'AL_GEREGISTREERD') return { al: true };
        for (const row of b.rows) t.persist(row);
        await t.flush();
        await insertSystemAccessLog(
          t,
          o.pseudonymise,
          {
            trace,
            operationName: 'betalingen:import',
            subject: 'betalingen-import',
            startedAt,
            endedAt: o.clock.now(),
            householdIds: [doel.household.id],
            resources: ['Betaling', 'Schuld', 'SchuldEvent', ...(doel.regeling ? ['Betalingsregeling', 'Termijn'] : [])],
            activity: ProcessingActivityId.BETALINGEN_VERWERKEN,
          },
          t.getTransactionContext(),
        );
        return { overschot: b.betaling.overschot };
      });
      if ('fout' in uitkomst && uitkomst.fout) fout(uitkomst.fout[0], uitkomst.fout[1]);
      else if ('al' in uitkomst) result.alGeregistreerd++;
      else {
        result.geboekt++;
        overschot = overschot.plus(uitkomst.overschot);
      }
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) fout(referentieInGebruik.code, referentieInGebruik.message);
      else if (err instanceof OptimisticLockError) fout(gelijktijdig.code, gelijktijdig.message);
      else fout('FOUT', err instanceof Error ? err.message : String(err));
    }
  }
  result.overschot = overschot.toFixed(2);
  return result;
}

// --- Betaalpauze ---------------------------------------------------------------------------------

export interface GrantBetaalpauzeInput {
  betalingsregelingId: string;
  tot: string;
  reden: string;
}

/**
 * grantBetaalpauze (MEDEWERKER; seed 004 "Doenlijk(er) invorderen"): from today through `tot` no
 * missed termijn counts, and the unpaid termijnen shift by the whole number of months that puts the
 * first of them after `tot` (pauzeVerschuiving: amounts, order and sum unchanged, no double termijn
 * afterwards). A pending reminder lapses. A new pause replaces a running one. One BETAALPAUZE event
 * per schuld. Refusals are userErrors and write nothing.
 */
export async function grantBetaalpauze(ctx: RequestContext, input: GrantBetaalpauzeInput): Promise<{ betalingsregeling: Betalingsregeling | null; userErrors: RuleError[] }> {
  const regelingId = fromGlobalIdOfType(input.betalingsregelingId, 'Betalingsregeling');
  const access = ctx.scope.access(Purpose.ACT);
  const today = ctx.clock.today();
  const reden = input.reden.trim();
  try {
    return await ctx.scope.transactional(async (tx) => {
      const find: Finder = (e, w, o) => tx.owned(e as never, w as never, Purpose.ACT, o as never) as never;
      const doel = await laadDoel(tx.entityManager, find, { regelingId });
      if (!doel) throw access.unrestricted ? notFound('no betalingsregeling with this id') : forbidden('this betalingsregeling is outside your access');
      const regeling = doel.regeling!;
      const norms = await loadNorms(tx.entityManager);
      const max = addMonths(today, norms.number(NormCode.BETAALPAUZE_MAX_MAANDEN, today));
      const errors: RuleError[] = [];
      if (regeling.status !== BetalingsregelingStatus.ACTIEF) errors.push({ code: UserErrorCode.REGELING_NIET_ACTIEF, field: ['input', 'betalingsregelingId'], message: 'Deze betalingsregeling loopt niet meer.' });
      if (input.tot <= today || input.tot > max) errors.push({ code: UserErrorCode.BETAALPAUZE_ONGELDIG, field: ['input', 'tot'], message: `Een betaalpauze loopt tot een datum na vandaag en uiterlijk ${max}.` });
      if (reden.length === 0 || reden.length > 2000) errors.push({ code: UserErrorCode.REDEN_ONGELDIG, field: ['input', 'reden'], message: 'Geef een reden van hoogstens 2000 tekens.' });
      if (errors.length) return { betalingsregeling: null, userErrors: errors };

      const shift = pauzeVerschuiving(doel.termijnen, input.tot);
      const nieuw = new Map(shift.termijnen.map((t) => [t.volgnummer, t.vervaldatum]));
      for (const t of doel.termijnen) {
        const d = nieuw.get(t.volgnummer);
        if (d) {
          t.vervaldatum = d;
          tx.persist(t);
        }
      }
      regeling.betaalpauzeVanaf = today;
      regeling.betaalpauzeTot = input.tot;
      regeling.betaalpauzeReden = reden;
      regeling.herinnerdOp = null;
      tx.persist(regeling);
      for (const s of doel.schulden) {
        tx.persist(
          tx.entityManager.create(
            SchuldEvent,
            {
              household: doel.household,
              schuld: s,
              datum: today,
              soort: SchuldEventSoort.BETAALPAUZE,
              reden: `Betaalpauze tot en met ${input.tot}; de termijnen schuiven ${shift.maanden} maand(en) op. Reden: ${reden}`,
              bron: ctx.scope.viewer!.role,
            },
            { persist: false },
          ),
        );
      }
      return { betalingsregeling: regeling, userErrors: [] };
    });
  } catch (err) {
    if (err instanceof OptimisticLockError) return { betalingsregeling: null, userErrors: [gelijktijdig] };
    throw err;
  }
}

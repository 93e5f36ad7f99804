import Decimal from 'decimal.js';
import { LockMode } from '@mikro-orm/core';
import type { HouseholdScope } from '../../auth/household-scope';
import { Purpose } from '../../auth/reach';
import { requireActor, type RequestContext } from '../context';
import { addDays, firstOfNextMonth } from '../../shared/dates';
import { badInput, notFound } from '../../shared/errors';
import { formatDatum, formatEuro } from '../../shared/format-nl';
import { fromGlobalIdOfType } from '../../shared/global-id';
import { UserErrorCode } from '../../shared/user-error';
import { NormCode } from '../norms/norm-codes';
import { normOnbekendFout } from '../norms/norm-onbekend';
import { loadNorms, NormOntbreektError, type NormsTable } from '../norms/norms';
import { SchuldEvent } from '../schuld/schuld-event.entity';
import type { Schuld } from '../schuld/schuld.entity';
import { SchuldEventSoort, SchuldStatus } from '../schuld/schuld.enums';
import type { RuleError } from '../toeslag/toeslag.rules';
import { Zaak } from '../zaak/zaak.entity';
import { Contactvoorkeur, ZaakSoort, ZaakStatus, ZaakUitkomst } from '../zaak/zaak.enums';
import {
  bijzondereLastCode,
  capaciteitToJson,
  financieleGegevensFromJson,
  financieleGegevensToJson,
  type BijzondereLastBeslissing,
} from '../zaak/zaak-gegevens';
import { OPEN_ZAAK_STATUSES } from '../zaak/zaak.rules';
import { actingMachtiging } from '../zaak/zaak.service';
import { checkSchuldIds, schuldBezwaar } from './aanvraag.rules';
import { berekenBetalingscapaciteit, CapaciteitInputError, type CapaciteitInput, type CapaciteitResultaat } from './betalingscapaciteit.rules';
import type { Betalingsregeling } from './betalingsregeling.entity';
import { checkPersoonlijkeBeslissing, checkTekst, planPersoonlijk, PersoonlijkeUitkomst, TEKST_MAX_LENGTH, type PersoonlijkeNormen } from './persoonlijk.rules';
import { writeRegeling } from './regeling.writer';
import { lockAanvraagSchulden } from './schulden-lock';

/** The submitted financial data: the calculation input without its date and amount (those come from the request). */
export type FinancieleGegevensInput = Omit<CapaciteitInput, 'datum' | 'openstaandBedrag'>;

export interface RequestPersoonlijkeBetalingsregelingInput {
  householdId: string;
  schuldIds: string[];
  financien: FinancieleGegevensInput;
  toelichting?: string | null;
  contactvoorkeur?: Contactvoorkeur | null;
}

export interface RequestPersoonlijkeBetalingsregelingResult {
  zaak: Zaak | null;
  berekening: CapaciteitResultaat | null;
  userErrors: RuleError[];
}

const OMSCHRIJVING_MAX_LENGTH = 200;

/** The calculation, with unusable input (negative amounts) as BAD_USER_INPUT. */
function bereken(input: CapaciteitInput, norms: NormsTable, prefix: string): CapaciteitResultaat {
  try {
    return berekenBetalingscapaciteit(input, norms);
  } catch (e) {
    if (e instanceof CapaciteitInputError) throw badInput(e.message, e.field ? `${prefix}.${e.field}` : undefined);
    throw e;
  }
}

/**
 * The calculation runs on today's date: a date before the first version of a norm it needs is a
 * refusal (NORM_ONBEKEND), never an internal error. Other errors are thrown on.
 */
function normOnbekend(e: unknown): RuleError[] {
  if (e instanceof NormOntbreektError) return [normOnbekendFout(e, 'de betalingscapaciteit', null)];
  throw e;
}

/** Each bijzondere last needs a description (1–200 characters) and at most 2000 characters of explanation. */
function checkBijzondereLasten(f: FinancieleGegevensInput): RuleError[] {
  return f.bijzondereLasten.flatMap((b, i): RuleError[] => {
    const o = b.omschrijving.trim();
    const errors: RuleError[] = [];
    if (o.length === 0 || o.length > OMSCHRIJVING_MAX_LENGTH) {
      errors.push({
        code: UserErrorCode.REDEN_ONGELDIG,
        field: ['input', 'financien', 'bijzondereLasten', String(i), 'omschrijving'],
        message: `Beschrijf elke bijzondere last in ten hoogste ${OMSCHRIJVING_MAX_LENGTH} tekens.`,
      });
    }
    if (b.toelichting.trim().length > TEKST_MAX_LENGTH) {
      errors.push({
        code: UserErrorCode.REDEN_ONGELDIG,
        field: ['input', 'financien', 'bijzondereLasten', String(i), 'toelichting'],
        message: `Een toelichting is ten hoogste ${TEKST_MAX_LENGTH} tekens.`,
      });
    }
    return errors;
  });
}

/**
 * Request a persoonlijke betalingsregeling (Leidraad Invordering 2008 art. 79.8; domain.md §3) for
 * schulden of one household, with income, costs, partner income and bijzondere lasten. Same reach
 * (Purpose.ACT: citizen own household, intermediary with an active HANDELEN machtiging, medewerker any)
 * and the same schuld checks and userErrors as the standaard request (aanvraag.rules, the schulden
 * locked in id order); a schuld already in an open request is ZAAK_BESTAAT_AL. Creates a
 * PERSOONLIJKE_BETALINGSREGELING zaak (NIEUW) for a medewerker with its beslistermijn (8 weeks, norms
 * table), storing the submitted data and the provisional calculation with the zaak (personal data:
 * read only through the household scope). Returns the provisional calculation, line by line:
 * bijzondere lasten are shown but not counted until a medewerker accepts them (maatwerk).
 */
export async function requestPersoonlijkeBetalingsregeling(
  ctx: RequestContext,
  input: RequestPersoonlijkeBetalingsregelingInput,
): Promise<RequestPersoonlijkeBetalingsregelingResult> {
  const householdId = fromGlobalIdOfType(input.householdId, 'Household');
  const schuldIds = input.schuldIds.map((id) => fromGlobalIdOfType(id, 'Schuld'));
  const actor = requireActor(ctx);
  const access = ctx.scope.access(Purpose.ACT);
  const today = ctx.clock.today();
  const refused = (userErrors: RuleError[]) => ({ zaak: null, berekening: null, userErrors });

  return ctx.scope.transactional(async (tx) => {
    const household = await tx.household(householdId, Purpose.ACT);
    const idsError = checkSchuldIds(schuldIds);
    if (idsError) return refused([idsError]);

    const toelichting = input.toelichting?.trim() ? checkTekst(input.toelichting, ['input', 'toelichting'], 'een toelichting') : null;
    const errors = [...checkBijzondereLasten(input.financien), ...(toelichting && !toelichting.ok ? [toelichting.error] : [])];

    const { schulden, stand } = await lockAanvraagSchulden(tx, access, household.id, schuldIds);
    errors.push(...stand.flatMap((s, i) => schuldBezwaar(s, i) ?? []));
    // One open request per schuld: checked after the lock, so two parallel requests cannot both pass.
    const open = await openZakenVoorSchulden(tx, schuldIds, ZaakSoort.PERSOONLIJKE_BETALINGSREGELING);
    schuldIds.forEach((id, i) => {
      if (open.has(id)) {
        errors.push({
          code: UserErrorCode.ZAAK_BESTAAT_AL,
          field: ['input', 'schuldIds', String(i)],
          message: 'Voor deze schuld loopt al een aanvraag voor een persoonlijke betalingsregeling.',
        });
      }
    });
    if (errors.length) return refused(errors);

    const totaal = schulden.reduce((sum, s) => sum.plus(s.openstaandBedrag).plus(s.kosten), new Decimal(0));
    const norms = await loadNorms(tx.entityManager);
    let berekening: CapaciteitResultaat;
    try {
      berekening = bereken({ ...input.financien, datum: today, openstaandBedrag: totaal }, norms, 'input.financien');
    } catch (e) {
      return refused(normOnbekend(e));
    }
    const machtiging = await actingMachtiging(tx, actor, household.id, access);

    const zaak = tx.entityManager.create(
      Zaak,
      {
        household,
        // Submitted now: its age and deadline count from the request's clock.
        createdAt: ctx.clock.now(),
        soort: ZaakSoort.PERSOONLIJKE_BETALINGSREGELING,
        status: ZaakStatus.NIEUW,
        ingediendDoorRol: actor.role,
        ingediendDoorOrganisatie: actor.role === 'INTERMEDIAIR' ? actor.organisationId : null,
        machtiging,
        reden:
          (toelichting?.ok ? toelichting.tekst : 'Verzoek om een persoonlijke betalingsregeling.') +
          (berekening.maatwerkNodig ? ' Met bijzondere lasten: beoordeling door een medewerker (maatwerk).' : ''),
        contactvoorkeur: input.contactvoorkeur ?? null,
        uiterlijkeBeslisdatum: addDays(today, 7 * norms.number(NormCode.BESLISTERMIJN_WEKEN, today)),
        gegevens: { financieel: financieleGegevensToJson(input.financien), voorlopigeBerekening: capaciteitToJson(berekening) },
      },
      { persist: false },
    );
    for (const s of schulden) zaak.schulden.add(s);
    tx.persist(zaak);
    return { zaak, berekening, userErrors: [] };
  });
}

/** Ids (of `schuldIds`) of schulden that are in an open zaak of this soort. */
export async function openZakenVoorSchulden(tx: HouseholdScope, schuldIds: readonly string[], soort: ZaakSoort): Promise<Set<string>> {
  const zaken = await tx.owned(Zaak, { soort, status: { $in: [...OPEN_ZAAK_STATUSES] }, schulden: { $in: [...schuldIds] } }, Purpose.ACT, {
    populate: ['schulden'],
  });
  const wanted = new Set(schuldIds);
  return new Set(zaken.flatMap((z) => z.schulden.getItems().map((s) => s.id)).filter((id) => wanted.has(id)));
}

/** Ids of the schulden a zaak is about (the zaak_schuld pivot; the zaak itself was read through the scope). */
export async function schuldIdsOfZaak(tx: HouseholdScope, zaakId: string): Promise<string[]> {
  const rows = await tx.entityManager
    .getConnection()
    .execute<Array<{ schuld_id: string }>>('select schuld_id from zaak_schuld where zaak_id = ? order by schuld_id', [zaakId]);
  return rows.map((r) => r.schuld_id);
}

/**
 * The zaak a medewerker decides on, locked (SELECT … FOR UPDATE) so two decisions cannot both pass;
 * NOT_FOUND when it does not exist. Wrong soort or already decided are userErrors.
 */
export async function lockOpenZaak(tx: HouseholdScope, zaakId: string, soort: ZaakSoort): Promise<{ zaak: Zaak; errors: RuleError[] }> {
  const [zaak] = await tx.owned(Zaak, { id: zaakId }, Purpose.ACT, { lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['z0'], refresh: true });
  if (!zaak) throw notFound('no zaak with this id');
  const errors: RuleError[] = [];
  if (zaak.soort !== soort) {
    errors.push({ code: UserErrorCode.ZAAK_SOORT_ONGELDIG, field: ['input', 'zaakId'], message: `Deze zaak is geen ${soort.toLowerCase().replace(/_/g, ' ')}.` });
  } else if (!OPEN_ZAAK_STATUSES.includes(zaak.status)) {
    errors.push({ code: UserErrorCode.ZAAK_AFGEHANDELD, field: ['input', 'zaakId'], message: 'Over deze zaak is al beslist.' });
  }
  return { zaak, errors };
}

export interface DecidePersoonlijkeBetalingsregelingInput {
  zaakId: string;
  termijnbedrag?: Decimal | null;
  aanpassingReden?: string | null;
  bijzondereLasten: BijzondereLastBeslissing[];
  illiquideVermogen?: string | null;
}

export interface DecidePersoonlijkeBetalingsregelingResult {
  zaak: Zaak | null;
  betalingsregeling: Betalingsregeling | null;
  berekening: CapaciteitResultaat | null;
  userErrors: RuleError[];
}

function persoonlijkeNormen(norms: NormsTable, datum: string): PersoonlijkeNormen {
  return {
    standaardTermijnbedrag: norms.amount(NormCode.STANDAARD_TERMIJNBEDRAG, datum),
    standaardMaxTermijnen: norms.number(NormCode.STANDAARD_MAX_TERMIJNEN, datum),
    persoonlijkTermijnen: norms.number(NormCode.PERSOONLIJK_TERMIJNEN, datum),
    herzieningNaMaanden: norms.number(NormCode.PERSOONLIJK_HERBEOORDELING_MAANDEN, datum),
    // The verlengde betalingsregeling exists from its norm's first version (1 July 2026) on.
    verlengdMaxMaanden: norms.numberFrom(NormCode.VERLENGD_MAX_MAANDEN, datum),
    geenCapaciteitVerrekeningJaren: norms.number(NormCode.GEEN_CAPACITEIT_VERREKENING_JAREN, datum),
  };
}

const UITKOMST: Record<PersoonlijkeUitkomst, ZaakUitkomst> = {
  STANDAARD: ZaakUitkomst.STANDAARDREGELING,
  PERSOONLIJK: ZaakUitkomst.PERSOONLIJKE_REGELING,
  VERLENGD: ZaakUitkomst.VERLENGDE_REGELING,
  GEEN_CAPACITEIT: ZaakUitkomst.GEEN_CAPACITEIT,
};

/**
 * A medewerker decides a persoonlijke betalingsregeling (Leidraad art. 79.8). Every bijzondere last
 * is accepted or rejected with a reason (accepted ones are deducted in the recorded calculation); the
 * termijnbedrag is the recalculated afloscapaciteit or an adjusted amount with a reason; illiquid
 * vermogen makes a lower amount a VERLENGD regeling. The outcome (persoonlijk.rules planPersoonlijk):
 * STANDAARD, PERSOONLIJK (24 termijnen, herzieningsdatum after 12 months, remainder remitted at the
 * end), VERLENGD, or GEEN_CAPACITEIT (no collection measures, schulden GEEN_INVORDERINGSMAATREGELEN).
 * One transaction: the zaak and the schulden are locked (zaak first, then schulden in id order), the
 * schulden are checked again (paid, paused, in another regeling meanwhile → userErrors), and the
 * regeling, the schuld changes and events and the zaak's outcome (uitkomst, per-last decisions, the
 * final calculation) are written together, or nothing is.
 */
export async function decidePersoonlijkeBetalingsregeling(
  ctx: RequestContext,
  input: DecidePersoonlijkeBetalingsregelingInput,
): Promise<DecidePersoonlijkeBetalingsregelingResult> {
  const zaakId = fromGlobalIdOfType(input.zaakId, 'Zaak');
  const actor = requireActor(ctx);
  const access = ctx.scope.access(Purpose.ACT);
  const today = ctx.clock.today();
  const refused = (userErrors: RuleError[]) => ({ zaak: null, betalingsregeling: null, berekening: null, userErrors });

  return ctx.scope.transactional(async (tx) => {
    const { zaak, errors } = await lockOpenZaak(tx, zaakId, ZaakSoort.PERSOONLIJKE_BETALINGSREGELING);
    if (errors.length) return refused(errors);
    const financieel = zaak.gegevens?.financieel;
    if (!financieel) throw new Error(`zaak ${zaak.id} has no financial data`);

    const besluiten = input.bijzondereLasten.map((b) => ({ code: b.code, geaccepteerd: b.geaccepteerd, reden: b.reden.trim() }));
    const aangepast = input.termijnbedrag ?? null;
    const vermogen = input.illiquideVermogen?.trim() ? input.illiquideVermogen.trim() : input.illiquideVermogen == null ? null : '';
    const checkErrors = checkPersoonlijkeBeslissing(
      financieel.bijzondereLasten.length,
      besluiten,
      { bedrag: aangepast, reden: input.aanpassingReden ?? null },
      vermogen,
    );
    if (checkErrors.length) return refused(checkErrors);

    const schuldIds = await schuldIdsOfZaak(tx, zaak.id);
    const { schulden, stand } = await lockAanvraagSchulden(tx, access, zaak.household.id, schuldIds);
    const schuldErrors = stand.flatMap((s, i) => schuldBezwaar(s, i) ?? []);
    if (schuldErrors.length) return refused(schuldErrors);

    const totaal = schulden.reduce((sum, s) => sum.plus(s.openstaandBedrag).plus(s.kosten), new Decimal(0));
    const norms = await loadNorms(tx.entityManager);
    let berekening: CapaciteitResultaat;
    let normen: PersoonlijkeNormen;
    try {
      berekening = bereken(financieleGegevensFromJson(financieel, today, totaal, besluiten), norms, 'zaak.gegevens');
      normen = persoonlijkeNormen(norms, today);
    } catch (e) {
      return refused(normOnbekend(e));
    }
    const termijnbedrag = aangepast ?? berekening.afloscapaciteit;
    const plan = planPersoonlijk(
      { totaal, termijnbedrag, illiquideVermogen: vermogen !== null, startdatum: firstOfNextMonth(today), datum: today },
      normen,
    );
    const bron = actor.role;

    let regeling: Betalingsregeling | null = null;
    if (plan.soort) {
      regeling = writeRegeling(tx, zaak.household, schulden, {
        soort: plan.soort,
        totaal: plan.totaalRegeling,
        startdatum: plan.termijnen[0].vervaldatum,
        termijnen: plan.termijnen,
        herzieningsdatum: plan.herzieningsdatum,
        restantNaLooptijd: plan.uitkomst === PersoonlijkeUitkomst.PERSOONLIJK ? plan.restant : null,
        reden: `Besluit op verzoek om een persoonlijke betalingsregeling: ${plan.toelichting}`,
        bron,
        datum: today,
      });
    } else {
      for (const s of schulden) markGeenMaatregelen(tx, s, plan.toelichting, plan.verrekenenTot!, bron, today);
    }

    const lastenTekst = besluiten.length
      ? ' Bijzondere lasten: ' +
        besluiten
          .map((b) => {
            const last = financieel.bijzondereLasten[Number(b.code.slice('BIJZONDERE_LAST_'.length)) - 1];
            return `${last.omschrijving} (${formatEuro(new Decimal(last.bedrag))}) ${b.geaccepteerd ? 'geaccepteerd' : 'afgewezen'}: ${b.reden}`;
          })
          .join('; ') +
        '.'
      : '';
    const aanpassingTekst = aangepast
      ? ` Termijnbedrag vastgesteld op ${formatEuro(aangepast)} in plaats van de berekende ${formatEuro(berekening.afloscapaciteit)}: ${input.aanpassingReden!.trim()}.`
      : '';

    zaak.status = ZaakStatus.AFGEROND;
    zaak.afgehandeldOp = ctx.clock.now();
    zaak.uitkomstSoort = UITKOMST[plan.uitkomst];
    zaak.uitkomst = plan.toelichting + aanpassingTekst + lastenTekst;
    zaak.beslistDoor = actor.role === 'MEDEWERKER' ? actor.employeeId : null;
    zaak.betalingsregeling = regeling;
    zaak.beslissing = {
      bijzondereLasten: financieel.bijzondereLasten.map((_, i) => besluiten.find((b) => b.code === bijzondereLastCode(i))!),
      aangepastTermijnbedrag: aangepast ? aangepast.toFixed(2) : null,
      aanpassingReden: aangepast ? input.aanpassingReden!.trim() : null,
      illiquideVermogen: vermogen,
      berekening: capaciteitToJson(berekening),
    };
    tx.persist(zaak);
    return { zaak, betalingsregeling: regeling, berekening, userErrors: [] };
  });
}

/**
 * No betalingscapaciteit: the schuld gets status GEEN_INVORDERINGSMAATREGELEN (the collection engine
 * takes no step in it) and an event that says until when refunds are still set off. For a schuld
 * from established or suspected fraud (intent or gross negligence) the 3-year limit does not apply.
 */
function markGeenMaatregelen(tx: HouseholdScope, s: Schuld, toelichting: string, verrekenenTot: string, bron: string, today: string): void {
  const vanStatus = s.status;
  s.status = SchuldStatus.GEEN_INVORDERINGSMAATREGELEN;
  s.statusSinds = today;
  tx.persist(s);
  tx.persist(
    tx.entityManager.create(
      SchuldEvent,
      {
        household: s.household,
        schuld: s,
        datum: today,
        soort: SchuldEventSoort.GEEN_INVORDERINGSMAATREGELEN,
        vanStatus,
        naarStatus: SchuldStatus.GEEN_INVORDERINGSMAATREGELEN,
        bedrag: s.openstaandBedrag.plus(s.kosten),
        reden: s.fraude
          ? `Geen betalingscapaciteit: geen invorderingsmaatregelen. Deze schuld is ontstaan door opzet of grove schuld (fraude): ` +
            `verrekening met teruggaven blijft mogelijk, ook na ${formatDatum(verrekenenTot)}.`
          : toelichting,
        bron,
      },
      { persist: false },
    ),
  );
}

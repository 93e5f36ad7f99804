import Decimal from 'decimal.js';
import { LockMode } from '@mikro-orm/core';
import type { HouseholdScope } from '../../auth/household-scope';
import { Purpose } from '../../auth/reach';
import { requireActor, type RequestContext } from '../context';
import { addDays } from '../../shared/dates';
import { badInput, forbidden, notFound } from '../../shared/errors';
import { fromGlobalIdOfType } from '../../shared/global-id';
import { UserErrorCode } from '../../shared/user-error';
import { Beschikking } from '../beschikking/beschikking.entity';
import { Betalingsregeling } from '../betalingsregeling/betalingsregeling.entity';
import { BetalingsregelingStatus } from '../betalingsregeling/betalingsregeling.enums';
import { regelingLinks } from '../betalingsregeling/betalingsregeling.loaders';
import { lockOpenZaak, openZakenVoorSchulden, schuldIdsOfZaak } from '../betalingsregeling/persoonlijk.service';
import { checkTekst } from '../betalingsregeling/persoonlijk.rules';
import { Termijn } from '../betalingsregeling/termijn.entity';
import { NormCode } from '../norms/norm-codes';
import { loadNorms } from '../norms/norms';
import { SchuldEvent } from '../schuld/schuld-event.entity';
import { Schuld } from '../schuld/schuld.entity';
import { SchuldEventSoort, SchuldStatus } from '../schuld/schuld.enums';
import type { RuleError } from '../toeslag/toeslag.rules';
import { matigingBezwaar, planMatiging, verlaagTermijnen } from './matiging.rules';
import { Zaak } from './zaak.entity';
import { MatigingBesluit, ZaakSoort, ZaakStatus, ZaakUitkomst, ZienswijzeOordeel } from './zaak.enums';
import { OPEN_ZAAK_STATUSES } from './zaak.rules';
import { actingMachtiging } from './zaak.service';

export interface ZaakResult {
  zaak: Zaak | null;
  userErrors: RuleError[];
}

const refused = (userErrors: RuleError[]): ZaakResult => ({ zaak: null, userErrors });

/** Reads a household-owned row for acting on it: FORBIDDEN outside reach (NOT_FOUND for a medewerker). */
async function target<T extends Schuld | Beschikking>(tx: HouseholdScope, entity: new () => T, id: string, lock: boolean): Promise<T> {
  const access = tx.access(Purpose.ACT);
  const [row] = (await tx.owned(entity as never, { id }, Purpose.ACT, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['s0'], refresh: true } : undefined)) as T[];
  if (!row) throw access.unrestricted ? notFound(`no ${entity.name.toLowerCase()} with this id`) : forbidden(access.outOfReach ?? 'this household is outside your access');
  return row;
}

/** A new zaak (NIEUW) of the acting caller, staged with tx.persist. */
async function nieuweZaak(
  ctx: RequestContext,
  tx: HouseholdScope,
  householdId: string,
  z: { soort: ZaakSoort; reden: string; uiterlijkeBeslisdatum: string; schuld?: Schuld; beschikking?: Beschikking },
): Promise<Zaak> {
  const actor = requireActor(ctx);
  const household = await tx.household(householdId, Purpose.ACT);
  const machtiging = await actingMachtiging(tx, actor, householdId, tx.access(Purpose.ACT));
  const zaak = tx.entityManager.create(
    Zaak,
    {
      household,
      // Submitted now: its age and deadline count from the request's clock.
      createdAt: ctx.clock.now(),
      soort: z.soort,
      status: ZaakStatus.NIEUW,
      ingediendDoorRol: actor.role,
      ingediendDoorOrganisatie: actor.role === 'INTERMEDIAIR' ? actor.organisationId : null,
      machtiging,
      reden: z.reden,
      uiterlijkeBeslisdatum: z.uiterlijkeBeslisdatum,
      beschikking: z.beschikking ?? null,
    },
    { persist: false },
  );
  if (z.schuld) zaak.schulden.add(z.schuld);
  tx.persist(zaak);
  return zaak;
}

export interface SubmitZienswijzeInput {
  schuldId?: string | null;
  beschikkingId?: string | null;
  text: string;
}

/**
 * A zienswijze (the citizen's view) on a schuld or a beschikking, before or after an adverse decision
 * (Awir; seed 001: "de gelegenheid tot het geven van hun zienswijze"). Exactly one of schuldId and
 * beschikkingId (else BAD_USER_INPUT); the text 1–2000 characters (REDEN_ONGELDIG); one open
 * zienswijze per subject (ZAAK_BESTAAT_AL). Creates a ZIENSWIJZE zaak (NIEUW) with an answer term
 * from the norms table (an assumption). Reach as for every request: Purpose.ACT.
 */
export async function submitZienswijze(ctx: RequestContext, input: SubmitZienswijzeInput): Promise<ZaakResult> {
  if (!input.schuldId === !input.beschikkingId) throw badInput('give exactly one of schuldId and beschikkingId', 'input');
  const schuldId = input.schuldId ? fromGlobalIdOfType(input.schuldId, 'Schuld') : null;
  const beschikkingId = input.beschikkingId ? fromGlobalIdOfType(input.beschikkingId, 'Beschikking') : null;
  ctx.scope.access(Purpose.ACT);
  const today = ctx.clock.today();
  return ctx.scope.transactional(async (tx) => {
    const onderwerp = schuldId ? await target(tx, Schuld, schuldId, true) : await target(tx, Beschikking, beschikkingId!, false);
    const tekst = checkTekst(input.text, ['input', 'text'], 'uw zienswijze');
    if (!tekst.ok) return refused([tekst.error]);
    const open = await tx.owned(
      Zaak,
      {
        soort: ZaakSoort.ZIENSWIJZE,
        status: { $in: [...OPEN_ZAAK_STATUSES] },
        ...(schuldId ? { schulden: { $in: [schuldId] } } : { beschikking: beschikkingId }),
      },
      Purpose.ACT,
    );
    if (open.length) {
      return refused([{ code: UserErrorCode.ZAAK_BESTAAT_AL, field: null, message: 'Over dit onderwerp loopt al een zienswijze; wij beantwoorden die eerst.' }]);
    }
    const norms = await loadNorms(tx.entityManager);
    const zaak = await nieuweZaak(ctx, tx, onderwerp.household.id, {
      soort: ZaakSoort.ZIENSWIJZE,
      reden: tekst.tekst,
      uiterlijkeBeslisdatum: addDays(today, 7 * norms.number(NormCode.ZIENSWIJZE_AFHANDELTERMIJN_WEKEN, today)),
      ...(onderwerp instanceof Schuld ? { schuld: onderwerp } : { beschikking: onderwerp as Beschikking }),
    });
    return { zaak, userErrors: [] };
  });
}

export interface RequestMatigingInput {
  schuldId: string;
  reason: string;
}

/**
 * A hardheidsverzoek: a request to lower (matigen) a schuld under the hardship clause (Awir art. 13b;
 * seeds 000, 001). The schuld must still be collectable (paid or remitted: SCHULD_AL_BETAALD; buiten
 * invordering: SCHULD_BUITEN_INVORDERING), the reason 1–2000 characters, one open request per schuld
 * (ZAAK_BESTAAT_AL; checked under the schuld's row lock). Creates a HARDHEIDSVERZOEK zaak (NIEUW),
 * beslistermijn 8 weeks (Awb 4:13, norms table).
 */
export async function requestMatiging(ctx: RequestContext, input: RequestMatigingInput): Promise<ZaakResult> {
  const schuldId = fromGlobalIdOfType(input.schuldId, 'Schuld');
  ctx.scope.access(Purpose.ACT);
  const today = ctx.clock.today();
  return ctx.scope.transactional(async (tx) => {
    const schuld = await target(tx, Schuld, schuldId, true);
    const errors: RuleError[] = [];
    const bezwaar = matigingBezwaar(schuld);
    if (bezwaar) errors.push(bezwaar);
    const tekst = checkTekst(input.reason, ['input', 'reason'], 'een reden');
    if (!tekst.ok) errors.push(tekst.error);
    if ((await openZakenVoorSchulden(tx, [schuldId], ZaakSoort.HARDHEIDSVERZOEK)).size) {
      errors.push({ code: UserErrorCode.ZAAK_BESTAAT_AL, field: ['input', 'schuldId'], message: 'Voor deze schuld loopt al een verzoek om matiging.' });
    }
    if (errors.length || !tekst.ok) return refused(errors);
    const norms = await loadNorms(tx.entityManager);
    const zaak = await nieuweZaak(ctx, tx, schuld.household.id, {
      soort: ZaakSoort.HARDHEIDSVERZOEK,
      reden: tekst.tekst,
      uiterlijkeBeslisdatum: addDays(today, 7 * norms.number(NormCode.HARDHEIDSVERZOEK_BESLISTERMIJN_WEKEN, today)),
      schuld,
    });
    return { zaak, userErrors: [] };
  });
}

export interface DecideMatigingInput {
  zaakId: string;
  besluit: MatigingBesluit;
  nieuwOpenstaandBedrag?: Decimal | null;
  reden: string;
}

/**
 * A medewerker decides a hardheidsverzoek. AFGEWEZEN: the zaak is AFGEWEZEN with the reason.
 * TOEGEWEZEN: the schuld's open amount becomes nieuwOpenstaandBedrag (below the current amount;
 * matiging.rules planMatiging), recorded in its history as a MATIGING event (bedrag = the reduction)
 * with the reason; at zero the schuld is KWIJTGESCHOLDEN (event KWIJTGESCHOLDEN, unpaid costs remitted
 * too). A schuld in an ACTIEF betalingsregeling takes the regeling down with it: the reduction comes
 * off its unpaid termijnen from the last one backwards (verlaagTermijnen), so the termijnen keep
 * summing to the lowered totaalBedrag. One transaction, zaak, schuld and regeling locked.
 */
export async function decideMatiging(ctx: RequestContext, input: DecideMatigingInput): Promise<ZaakResult> {
  const zaakId = fromGlobalIdOfType(input.zaakId, 'Zaak');
  const actor = requireActor(ctx);
  ctx.scope.access(Purpose.ACT);
  const today = ctx.clock.today();
  return ctx.scope.transactional(async (tx) => {
    const { zaak, errors } = await lockOpenZaak(tx, zaakId, ZaakSoort.HARDHEIDSVERZOEK);
    const tekst = checkTekst(input.reden, ['input', 'reden'], 'een reden');
    if (!tekst.ok) errors.push(tekst.error);
    if (input.besluit === MatigingBesluit.TOEGEWEZEN && input.nieuwOpenstaandBedrag == null) {
      errors.push({ code: UserErrorCode.BEDRAG_ONGELDIG, field: ['input', 'nieuwOpenstaandBedrag'], message: 'Geef het nieuwe openstaande bedrag op.' });
    }
    if (errors.length || !tekst.ok) return refused(errors);
    const beslistDoor = actor.role === 'MEDEWERKER' ? actor.employeeId : null;

    if (input.besluit === MatigingBesluit.AFGEWEZEN) {
      Object.assign(zaak, {
        status: ZaakStatus.AFGEWEZEN,
        afgehandeldOp: ctx.clock.now(),
        uitkomstSoort: ZaakUitkomst.MATIGING_AFGEWEZEN,
        uitkomst: `Uw verzoek om matiging is afgewezen: ${tekst.tekst}`,
        beslistDoor,
        beslissing: { reden: tekst.tekst },
      });
      tx.persist(zaak);
      return { zaak, userErrors: [] };
    }

    const [schuldId] = await schuldIdsOfZaak(tx, zaak.id);
    const schuld = await target(tx, Schuld, schuldId, true);
    const plan = planMatiging(schuld, input.nieuwOpenstaandBedrag!);
    if (!plan.ok) return refused(plan.errors);
    const e = plan.effect;
    const oud = schuld.openstaandBedrag;
    const vanStatus = schuld.status;

    await verlaagRegeling(tx, schuld, e.verlaging.plus(e.kwijtgescholdenKosten), ctx.clock.today());
    schuld.openstaandBedrag = e.nieuwOpenstaandBedrag;
    if (e.kwijtgescholden) {
      schuld.kosten = new Decimal(0);
      schuld.status = SchuldStatus.KWIJTGESCHOLDEN;
      schuld.statusSinds = today;
    }
    tx.persist(schuld);
    tx.persist(
      tx.entityManager.create(
        SchuldEvent,
        {
          household: schuld.household,
          schuld,
          datum: today,
          soort: e.kwijtgescholden ? SchuldEventSoort.KWIJTGESCHOLDEN : SchuldEventSoort.MATIGING,
          vanStatus: e.kwijtgescholden ? vanStatus : null,
          naarStatus: e.kwijtgescholden ? SchuldStatus.KWIJTGESCHOLDEN : null,
          bedrag: e.verlaging.plus(e.kwijtgescholdenKosten),
          reden: `Matiging op hardheidsverzoek (Awir art. 13b): ${e.toelichting} Reden: ${tekst.tekst}`,
          bron: actor.role,
        },
        { persist: false },
      ),
    );
    Object.assign(zaak, {
      status: ZaakStatus.AFGEROND,
      afgehandeldOp: ctx.clock.now(),
      uitkomstSoort: e.kwijtgescholden ? ZaakUitkomst.KWIJTGESCHOLDEN : ZaakUitkomst.GEMATIGD,
      uitkomst: `${e.toelichting} Reden: ${tekst.tekst}`,
      beslistDoor,
      beslissing: {
        reden: tekst.tekst,
        oudOpenstaandBedrag: oud.toFixed(2),
        nieuwOpenstaandBedrag: e.nieuwOpenstaandBedrag.toFixed(2),
        kwijtgescholdenKosten: e.kwijtgescholdenKosten.toFixed(2),
      },
    });
    tx.persist(zaak);
    return { zaak, userErrors: [] };
  });
}

/**
 * Lowers the ACTIEF betalingsregeling covering the schuld (if any) by `verlaging`: termijnen trimmed
 * from the end (verlaagTermijnen), totaalBedrag and aantalTermijnen updated; a regeling with nothing
 * left to pay ends (VOLDAAN when something was paid, BEEINDIGD otherwise). Locked, optimistic version.
 */
async function verlaagRegeling(tx: HouseholdScope, schuld: Schuld, verlaging: Decimal, today: string): Promise<void> {
  const links = await regelingLinks(tx.entityManager, 'schuld_id', [schuld.id]);
  if (!links.length) return;
  const [regeling] = await tx.owned(
    Betalingsregeling,
    { id: { $in: links.map((l) => l.betalingsregeling_id) }, status: BetalingsregelingStatus.ACTIEF },
    Purpose.ACT,
    { lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['b0'], refresh: true, limit: 1 },
  );
  if (!regeling) return;
  const termijnen = await tx.owned(Termijn, { betalingsregeling: regeling.id }, Purpose.ACT, { orderBy: { volgnummer: 'asc' } });
  const { bedragen, vervallen, verlaagd } = verlaagTermijnen(termijnen, verlaging);
  const blijven = termijnen.filter((t) => !vervallen.includes(t.volgnummer));
  for (const t of termijnen) {
    if (vervallen.includes(t.volgnummer)) tx.entityManager.remove(t);
    else if (bedragen.has(t.volgnummer)) {
      t.bedrag = bedragen.get(t.volgnummer)!;
      if (t.betaaldBedrag.gte(t.bedrag) && !t.betaaldOp) t.betaaldOp = today;
      tx.persist(t);
    }
  }
  regeling.totaalBedrag = regeling.totaalBedrag.minus(verlaagd);
  regeling.aantalTermijnen = blijven.length;
  if (blijven.every((t) => t.betaaldBedrag.gte(t.bedrag))) {
    regeling.status = blijven.some((t) => t.betaaldBedrag.gt(0)) ? BetalingsregelingStatus.VOLDAAN : BetalingsregelingStatus.BEEINDIGD;
  }
  tx.persist(regeling);
}

export interface DecideZienswijzeInput {
  zaakId: string;
  oordeel: ZienswijzeOordeel;
  antwoord: string;
}

/**
 * A medewerker answers a zienswijze: GEGROND (the citizen is (partly) right; follow-up such as a
 * matiging or a new beschikking is its own action) or ONGEGROND, always with an answer (1–2000
 * characters) that the citizen sees as the zaak's uitkomst. The zaak is AFGEROND.
 */
export async function decideZienswijze(ctx: RequestContext, input: DecideZienswijzeInput): Promise<ZaakResult> {
  const zaakId = fromGlobalIdOfType(input.zaakId, 'Zaak');
  const actor = requireActor(ctx);
  ctx.scope.access(Purpose.ACT);
  return ctx.scope.transactional(async (tx) => {
    const { zaak, errors } = await lockOpenZaak(tx, zaakId, ZaakSoort.ZIENSWIJZE);
    const tekst = checkTekst(input.antwoord, ['input', 'antwoord'], 'een antwoord');
    if (!tekst.ok) errors.push(tekst.error);
    if (errors.length || !tekst.ok) return refused(errors);
    Object.assign(zaak, {
      status: ZaakStatus.AFGEROND,
      afgehandeldOp: ctx.clock.now(),
      uitkomstSoort: input.oordeel === ZienswijzeOordeel.GEGROND ? ZaakUitkomst.ZIENSWIJZE_GEGROND : ZaakUitkomst.ZIENSWIJZE_ONGEGROND,
      uitkomst: tekst.tekst,
      beslistDoor: actor.role === 'MEDEWERKER' ? actor.employeeId : null,
      beslissing: { reden: tekst.tekst },
    });
    tx.persist(zaak);
    return { zaak, userErrors: [] };
  });
}

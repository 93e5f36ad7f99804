import { TEST_TODAY, testClock } from '../support/clock';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Decimal from 'decimal.js';
import { KooConvenanttegoed } from '../../src/modules/kinderopvang/convenant.entity';
import { ConvenanttegoedStatus, LeveringStatus, MutatievoorstelStatus, OvereenkomstStatus, SoortOpvang } from '../../src/modules/kinderopvang/kinderopvang.enums';
import { KooLocatie, KooOrganisatie } from '../../src/modules/kinderopvang/koo.entity';
import { KooLevering } from '../../src/modules/kinderopvang/levering.entity';
import { KooMutatievoorstel, KooOpgave } from '../../src/modules/kinderopvang/mutatie.entity';
import { Machtiging } from '../../src/modules/machtiging/machtiging.entity';
import { MachtigingOpslagStatus, MachtigingScope } from '../../src/modules/machtiging/machtiging.enums';
import { newActiveringscode } from '../../src/modules/machtiging/machtiging.rules';
import { Huishoudtype } from '../../src/modules/betalingsregeling/betalingscapaciteit.rules';
import { Schuld } from '../../src/modules/schuld/schuld.entity';
import { Zaak } from '../../src/modules/zaak/zaak.entity';
import { Vroegsignaal, VroegsignaleringDeelname } from '../../src/modules/vroegsignalering/vroegsignaal.entity';
import { BeslagvrijeVoetVaststelling } from '../../src/modules/verrekening/beslagvrije-voet.entity';
import { Verrekening } from '../../src/modules/verrekening/verrekening.entity';
import { ZaakSoort, ZaakStatus } from '../../src/modules/zaak/zaak.enums';
import { addDays, addMonths } from '../../src/shared/dates';
import { NODE_TYPES, toGlobalId, type NodeTypeName } from '../../src/shared/global-id';
import { getSchema } from '../../src/server/schema';
import { startTestApp, type GqlResponse, type TestApp } from '../support/app';
import { Factory, type BuiltHousehold } from '../support/factories';
import { personas } from '../support/tokens';

/**
 * The authorization matrix: every root query and mutation × every role × the relation of
 * the target household to the caller, executed against the running server. The outcomes are compared
 * with the committed, reviewed docs/authorization-matrix.md: a diff there is a permission change.
 * Regenerate after an intended change with UPDATE_AUTHZ_MATRIX=1 npx jest authorization-matrix
 * and review the diff like code.
 */

const MATRIX_FILE = path.join(__dirname, '../../docs/authorization-matrix.md');
const ROLES = ['BURGER', 'INTERMEDIAIR', 'GEMEENTE', 'KOO', 'MEDEWERKER'] as const;
type RoleName = (typeof ROLES)[number];
const RELATIONS = ['own', 'active INZIEN', 'active HANDELEN', 'pending', 'revoked', 'expired', 'unrelated'] as const;
type Relation = (typeof RELATIONS)[number];

const ORG_A = personas.intermediair.org; // the intermediary persona's organisation
const ORG_B = 'KVK:11112222';
const today = TEST_TODAY;
const inAYear = addMonths(today, 12);

interface Cell {
  token: string;
  target: BuiltHousehold;
  /** The machtiging on the target that the relation is about (org A's; org B's for "unrelated"). */
  machtiging: Machtiging;
  zaak: Zaak;
  /** A vroegsignaal about the target, sent to the gemeente persona's gemeente (0193, taking part). */
  vroegsignaal: Vroegsignaal;
  /** KOO objects around the target: tegoeden of the persona's KOO, a bulk delivery, a mutatievoorstel. */
  koo: { tegoedOpen: string; tegoedOpen2: string; tegoedOvergedragen: string; bulk: string; voorstel: string };
}

/** The gemeente persona's participation period (made in beforeAll). */
let deelname0193: VroegsignaleringDeelname;
/** A fresh gemeentecode per registerVroegsignaleringDeelname probe, so every cell's outcome is independent. */
let nextGemeente = 9000;

type Probe = (app: TestApp, c: Cell) => Promise<string>;

/**
 * A fresh OPEN schuld of the target for the payment and arrangement probes, so they neither depend on nor change the
 * schulden the other probes use (the factory's full household covers its first open schuld).
 */
async function freshSchuld(app: TestApp, c: Cell): Promise<Schuld> {
  const em = app.em();
  const model = c.target.schulden[0];
  const schuld = em.create(Schuld, {
    household: c.target.household.id,
    toeslag: model.toeslag.id,
    beschikking: model.beschikking.id,
    dagtekening: model.dagtekening,
    vervaldatum: model.vervaldatum,
    oorspronkelijkBedrag: '900.00',
    openstaandBedrag: '900.00',
    status: 'OPEN',
    statusSinds: model.vervaldatum,
  } as never);
  await em.flush();
  return schuld;
}

/** An open zaak of this soort on the target, for the decide probes (a PERSOONLIJKE_BETALINGSREGELING one with financial data and a schuld). */
async function openZaak(app: TestApp, c: Cell, soort: ZaakSoort): Promise<Zaak> {
  const schuld = await freshSchuld(app, c);
  const em = app.em();
  const zaak = em.create(Zaak, {
    household: c.target.household.id,
    soort,
    status: ZaakStatus.NIEUW,
    ingediendDoorRol: 'BURGER',
    reden: 'probe',
    gegevens:
      soort === ZaakSoort.PERSOONLIJKE_BETALINGSREGELING
        ? {
            financieel: {
              huishoudtype: Huishoudtype.ALLEENSTAANDE,
              inkomsten: [],
              partnerInkomsten: [],
              lasten: { huur: '0.00', huurtoeslag: '0.00', hypotheekrente: '0.00', zorgpremie: '0.00', zorgtoeslagOntvangen: '0.00', alimentatieBetaald: '0.00', aflossingBelastingschulden: '0.00', aflossingAndereToeslagregelingen: '0.00', kostenKinderen: '0.00' },
              bijzondereLasten: [],
            },
          }
        : null,
  } as never);
  zaak.schulden.add(em.getReference(Schuld, schuld.id));
  await em.flush();
  return zaak;
}

/** FORBIDDEN / NOT_FOUND / ... from an error, USER_ERROR:<codes> from a payload, else `ok(data)`. */
function outcome<T>(r: GqlResponse<T>, ok: (data: T) => string): string {
  if (r.errors?.length) return String(r.errors[0].extensions?.code);
  const payload = Object.values(r.data as Record<string, { userErrors?: Array<{ code: string }> }>)[0];
  if (payload?.userErrors?.length) return `USER_ERROR:${payload.userErrors.map((e) => e.code).join(',')}`;
  return ok(r.data as T);
}
const okOrCode = <T>(r: GqlResponse<T>) => outcome(r, () => 'OK');
const contains = (ids: string[], id: string) => (ids.includes(id) ? 'CONTAINS' : 'EXCLUDES');
type Nodes = Record<string, { nodes: Array<{ id: string }> }>;
const listOutcome = async (app: TestApp, c: Cell, query: string, id: string) =>
  outcome(await app.gql<Nodes, object>(query, {}, c.token), (d) => contains(Object.values(d)[0].nodes.map((n) => n.id), id));

/** One probe per root field, in execution order: reads first, then mutations (revoke last). */
const PROBES: Record<string, Probe> = {
  viewer: async (app, c) => okOrCode(await app.gql('{ viewer { role } }', {}, c.token)),
  myHousehold: async (app, c) =>
    outcome(await app.gql<{ myHousehold: { id: string } | null }, object>('{ myHousehold { id } }', {}, c.token), (d) =>
      d.myHousehold === null ? 'NULL' : d.myHousehold.id === toGlobalId('Household', c.target.household.id) ? 'TARGET' : 'OTHER',
    ),
  household: async (app, c) =>
    okOrCode(await app.gql('query($id: ID!) { household(id: $id) { id } }', { id: toGlobalId('Household', c.target.household.id) }, c.token)),
  node: async (app, c) =>
    okOrCode(await app.gql('query($id: ID!) { node(id: $id) { id } }', { id: toGlobalId('Schuld', c.target.schulden[0].id) }, c.token)),
  households: (app, c) => listOutcome(app, c, '{ households(first: 100) { nodes { id } } }', toGlobalId('Household', c.target.household.id)),
  householdByBsn: async (app, c) =>
    okOrCode(await app.gql('query($bsn: Bsn!) { householdByBsn(bsn: $bsn) { id } }', { bsn: c.target.aanvrager.bsn }, c.token)),
  clients: (app, c) => listOutcome(app, c, '{ clients(first: 100) { nodes { id } } }', toGlobalId('Household', c.target.household.id)),
  machtigingen: (app, c) => listOutcome(app, c, '{ machtigingen(first: 100) { nodes { id } } }', toGlobalId('Machtiging', c.machtiging.id)),
  zaken: (app, c) => listOutcome(app, c, '{ zaken(first: 100) { nodes { id } } }', toGlobalId('Zaak', c.zaak.id)),
  vroegsignalen: (app, c) => listOutcome(app, c, '{ vroegsignalen(first: 100) { nodes { id } } }', toGlobalId('Vroegsignaal', c.vroegsignaal.id)),
  vroegsignaleringStatistics: async (app, c) => okOrCode(await app.gql('{ vroegsignaleringStatistics { gemeentecode signalen } }', {}, c.token)),
  vroegsignaleringDeelnames: async (app, c) => okOrCode(await app.gql('{ vroegsignaleringDeelnames { id } }', {}, c.token)),
  acknowledgeVroegsignalen: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: AcknowledgeVroegsignalenInput!) { acknowledgeVroegsignalen(input: $input) { userErrors { code } } }',
        { input: { ids: [toGlobalId('Vroegsignaal', c.vroegsignaal.id)] } },
        c.token,
      ),
    ),
  recordVroegsignaalOpvolging: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: RecordVroegsignaalOpvolgingInput!) { recordVroegsignaalOpvolging(input: $input) { userErrors { code } } }',
        { input: { id: toGlobalId('Vroegsignaal', c.vroegsignaal.id), outcome: 'BEREIKT' } },
        c.token,
      ),
    ),
  registerVroegsignaleringDeelname: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: RegisterVroegsignaleringDeelnameInput!) { registerVroegsignaleringDeelname(input: $input) { userErrors { code } } }',
        { input: { gemeentecode: String(++nextGemeente), naam: 'Proefgemeente', vanaf: '2025-01-01', tot: '2027-06-01' } },
        c.token,
      ),
    ),
  changeVroegsignaleringDeelname: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: ChangeVroegsignaleringDeelnameInput!) { changeVroegsignaleringDeelname(input: $input) { userErrors { code } } }',
        { input: { deelnameId: toGlobalId('VroegsignaleringDeelname', deelname0193.id), tot: '2099-01-01' } },
        c.token,
      ),
    ),
  norms: async (app, c) => okOrCode(await app.gql('{ norms { code } }', {}, c.token)),
  calculateBetalingscapaciteit: async (app, c) =>
    okOrCode(
      await app.gql(
        'query($input: BetalingscapaciteitInput!) { calculateBetalingscapaciteit(input: $input) { afloscapaciteit } }',
        { input: { huishoudtype: 'ALLEENSTAANDE', inkomsten: [{ soort: 'NETTO_LOON', bedrag: '1960.00' }], openstaandBedrag: '1000.00' } },
        c.token,
      ),
    ),
  requestPersoonlijkeBetalingsregeling: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: RequestPersoonlijkeBetalingsregelingInput!) { requestPersoonlijkeBetalingsregeling(input: $input) { userErrors { code } } }',
        {
          input: {
            householdId: toGlobalId('Household', c.target.household.id),
            schuldIds: [toGlobalId('Schuld', (await freshSchuld(app, c)).id)],
            financien: { huishoudtype: 'ALLEENSTAANDE', inkomsten: [{ soort: 'NETTO_LOON', bedrag: '1960.00' }] },
          },
        },
        c.token,
      ),
    ),
  submitZienswijze: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: SubmitZienswijzeInput!) { submitZienswijze(input: $input) { userErrors { code } } }',
        { input: { schuldId: toGlobalId('Schuld', c.target.schulden[0].id), text: 'Ik ben het niet eens met deze terugvordering.' } },
        c.token,
      ),
    ),
  requestMatiging: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: RequestMatigingInput!) { requestMatiging(input: $input) { userErrors { code } } }',
        { input: { schuldId: toGlobalId('Schuld', (await freshSchuld(app, c)).id), reason: 'Onvoorziene omstandigheden' } },
        c.token,
      ),
    ),
  decidePersoonlijkeBetalingsregeling: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: DecidePersoonlijkeBetalingsregelingInput!) { decidePersoonlijkeBetalingsregeling(input: $input) { userErrors { code } } }',
        { input: { zaakId: toGlobalId('Zaak', (await openZaak(app, c, ZaakSoort.PERSOONLIJKE_BETALINGSREGELING)).id), termijnbedrag: '0.00', aanpassingReden: 'Geen ruimte' } },
        c.token,
      ),
    ),
  decideMatiging: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: DecideMatigingInput!) { decideMatiging(input: $input) { userErrors { code } } }',
        { input: { zaakId: toGlobalId('Zaak', c.zaak.id), besluit: 'AFGEWEZEN', reden: 'Geen bijzondere omstandigheden' } },
        c.token,
      ),
    ),
  decideZienswijze: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: DecideZienswijzeInput!) { decideZienswijze(input: $input) { userErrors { code } } }',
        { input: { zaakId: toGlobalId('Zaak', (await openZaak(app, c, ZaakSoort.ZIENSWIJZE)).id), oordeel: 'ONGEGROND', antwoord: 'De beschikking blijft staan.' } },
        c.token,
      ),
    ),
  requestStandaardBetalingsregeling: async (app, c) =>
    // A schuld that can join: open, not paused, not yet in an arrangement. A fresh one, because the
    // factory's full household covers its first open schuld and which others exist depends on the data.
    okOrCode(
      await app.gql(
        'mutation($input: RequestStandaardBetalingsregelingInput!) { requestStandaardBetalingsregeling(input: $input) { userErrors { code } } }',
        { input: { householdId: toGlobalId('Household', c.target.household.id), schuldIds: [toGlobalId('Schuld', (await freshSchuld(app, c)).id)] } },
        c.token,
      ),
    ),
  setVoorschotpercentage: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: SetVoorschotpercentageInput!) { setVoorschotpercentage(input: $input) { userErrors { code } } }',
        { input: { toeslagId: toGlobalId('Toeslag', c.target.lopend!.id), percentage: c.target.lopend!.voorschotPercentage === 55 ? 65 : 55 } },
        c.token,
      ),
    ),
  referToPersoonlijkeBegeleiding: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: ReferToPersoonlijkeBegeleidingInput!) { referToPersoonlijkeBegeleiding(input: $input) { userErrors { code } } }',
        { input: { householdId: toGlobalId('Household', c.target.household.id), reason: 'Vraagt om hulp bij schulden', contactPreference: 'TELEFOON' } },
        c.token,
      ),
    ),
  // Payments, betaalpauze, verrekening.
  calculateBeslagvrijeVoet: async (app, c) =>
    okOrCode(await app.gql('query($input: BeslagvrijeVoetInput!) { calculateBeslagvrijeVoet(input: $input) { bedrag } }', { input: { huishoudtype: 'ALLEENSTAANDE', inkomen: '1500.00' } }, c.token)),
  registerBetaling: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: RegisterBetalingInput!) { registerBetaling(input: $input) { userErrors { code } } }',
        { input: { schuldId: toGlobalId('Schuld', c.target.schulden[0].id), bedrag: '0.01', datum: today, bankReferentie: `AUTHZ-${randomUUID().slice(0, 12)}` } },
        c.token,
      ),
    ),
  grantBetaalpauze: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: GrantBetaalpauzeInput!) { grantBetaalpauze(input: $input) { userErrors { code } } }',
        { input: { betalingsregelingId: toGlobalId('Betalingsregeling', c.target.regelingen[0].id), tot: addMonths(today, 1), reden: 'probe' } },
        c.token,
      ),
    ),
  requestVerrekening: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: RequestVerrekeningInput!) { requestVerrekening(input: $input) { userErrors { code } } }',
        { input: { schuldId: toGlobalId('Schuld', c.target.schulden[0].id), toeslagId: toGlobalId('Toeslag', c.target.lopend!.id), huishoudtype: 'ALLEENSTAANDE', inkomen: '1500.00' } },
        c.token,
      ),
    ),
  undoVerrekening: async (app, c) => {
    // An ACTIEF verrekening of the target to undo (made directly, as the engine would).
    const em = app.em();
    const bvv = em.create(BeslagvrijeVoetVaststelling, { household: c.target.household.id, datum: today, geldigTot: inAYear, huishoudtype: 'ALLEENSTAANDE', inkomen: '1500.00', bedrag: '1331.43', ruimte: '168.57', regels: [] } as never);
    const v = em.create(Verrekening, { household: c.target.household.id, schuld: c.target.schulden[0].id, toeslag: c.target.lopend!.id, soort: 'AMBTSHALVE', maandbedrag: '1.00', ingangsdatum: addMonths(today, 1), vorigeStatus: 'OPEN', beslagvrijeVoet: bvv, bron: 'INVORDERING' } as never);
    await em.flush();
    return okOrCode(
      await app.gql('mutation($input: UndoVerrekeningInput!) { undoVerrekening(input: $input) { userErrors { code } } }', { input: { verrekeningId: toGlobalId('Verrekening', v.id), reden: 'probe' } }, c.token),
    );
  },
  requestMachtiging: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: RequestMachtigingInput!) { requestMachtiging(input: $input) { userErrors { code } } }',
        { input: { bsn: c.target.aanvrager.bsn, scope: 'HANDELEN', geldigTot: inAYear } },
        c.token,
      ),
    ),
  grantMachtiging: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: GrantMachtigingInput!) { grantMachtiging(input: $input) { userErrors { code } } }',
        { input: { organisationId: 'KVK:55556666', scope: 'INZIEN', geldigTot: inAYear } },
        c.token,
      ),
    ),
  activateMachtiging: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: ActivateMachtigingInput!) { activateMachtiging(input: $input) { userErrors { code } } }',
        { input: { activeringscode: c.machtiging.activeringscode ?? 'AAAA-BBBB-CCCC' } },
        c.token,
      ),
    ),
  kinderopvangOrganisatie: async (app, c) => okOrCode(await app.gql('{ kinderopvangOrganisatie { naam } }', {}, c.token)),
  kinderopvangLeveringen: (app, c) =>
    listOutcome(app, c, '{ kinderopvangLeveringen(first: 100) { nodes { id } } }', toGlobalId('KinderopvangLevering', c.koo.bulk)),
  convenantBetalingen: async (app, c) => okOrCode(await app.gql('{ convenantBetalingen(first: 10) { nodes { bedrag } } }', {}, c.token)),
  convenanttegoeden: (app, c) =>
    listOutcome(app, c, '{ convenanttegoeden(first: 100) { nodes { id } } }', toGlobalId('Convenanttegoed', c.koo.tegoedOpen)),
  deliverKinderopvangGegevens: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: DeliverKinderopvangGegevensInput!) { deliverKinderopvangGegevens(input: $input) { userErrors { code } } }',
        { input: { idempotencyKey: `matrix-${randomKey()}`, periode: today.slice(0, 7), records: [kooRecord(c.target.aanvrager.bsn)] } },
        c.token,
      ),
    ),
  createBulkKinderopvangLevering: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: CreateBulkKinderopvangLeveringInput!) { createBulkKinderopvangLevering(input: $input) { userErrors { code } } }',
        { input: { idempotencyKey: `matrix-${randomKey()}`, periode: today.slice(0, 7) } },
        c.token,
      ),
    ),
  appendBulkKinderopvangChunk: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: AppendBulkKinderopvangChunkInput!) { appendBulkKinderopvangChunk(input: $input) { userErrors { code } } }',
        { input: { leveringId: toGlobalId('KinderopvangLevering', c.koo.bulk), volgnummer: 1, records: [kooRecord(c.target.aanvrager.bsn)] } },
        c.token,
      ),
    ),
  commitBulkKinderopvangLevering: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: CommitBulkKinderopvangLeveringInput!) { commitBulkKinderopvangLevering(input: $input) { userErrors { code } } }',
        { input: { leveringId: toGlobalId('KinderopvangLevering', c.koo.bulk) } },
        c.token,
      ),
    ),
  reportConvenanttegoedPaid: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: ConvenanttegoedInput!) { reportConvenanttegoedPaid(input: $input) { userErrors { code } } }',
        { input: { convenanttegoedId: toGlobalId('Convenanttegoed', c.koo.tegoedOpen) } },
        c.token,
      ),
    ),
  transferConvenanttegoed: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: ConvenanttegoedInput!) { transferConvenanttegoed(input: $input) { userErrors { code } } }',
        { input: { convenanttegoedId: toGlobalId('Convenanttegoed', c.koo.tegoedOpen2) } },
        c.token,
      ),
    ),
  payConvenanttegoedToParent: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: ConvenanttegoedInput!) { payConvenanttegoedToParent(input: $input) { userErrors { code } } }',
        { input: { convenanttegoedId: toGlobalId('Convenanttegoed', c.koo.tegoedOvergedragen) } },
        c.token,
      ),
    ),
  blockMutatievoorstel: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: BlockMutatievoorstelInput!) { blockMutatievoorstel(input: $input) { userErrors { code } } }',
        { input: { mutatievoorstelId: toGlobalId('Mutatievoorstel', c.koo.voorstel) } },
        c.token,
      ),
    ),
  setKinderopvangtoeslagBetalingAanKoo: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: SetKinderopvangtoeslagBetalingAanKooInput!) { setKinderopvangtoeslagBetalingAanKoo(input: $input) { userErrors { code } } }',
        { input: { householdId: toGlobalId('Household', c.target.household.id), aanKoo: false } },
        c.token,
      ),
    ),
  revokeMachtiging: async (app, c) =>
    okOrCode(
      await app.gql(
        'mutation($input: RevokeMachtigingInput!) { revokeMachtiging(input: $input) { userErrors { code } } }',
        { input: { machtigingId: toGlobalId('Machtiging', c.machtiging.id) } },
        c.token,
      ),
    ),
};

/**
 * `node(id)` once per node type (rows `node(<Type>)`): the same policy as the typed fields must hold
 * for every kind of object, household-owned or not. Run before the other probes, so no mutation has
 * changed the objects yet.
 */
const nodeProbe = (type: NodeTypeName, id: (c: Cell) => string | Promise<string>): Probe => async (app, c) =>
  okOrCode(await app.gql('query($id: ID!) { node(id: $id) { id } }', { id: toGlobalId(type, await id(c)) }, c.token));
const NODE_PROBES: Record<NodeTypeName, Probe> = {
  Household: nodeProbe('Household', (c) => c.target.household.id),
  Toeslag: nodeProbe('Toeslag', (c) => c.target.toeslagen[0].id),
  Beschikking: nodeProbe('Beschikking', (c) => c.target.beschikkingen[0].id),
  Schuld: nodeProbe('Schuld', (c) => c.target.schulden[0].id),
  Betalingsregeling: nodeProbe('Betalingsregeling', (c) => c.target.regelingen[0].id),
  Machtiging: nodeProbe('Machtiging', (c) => c.machtiging.id),
  Zaak: nodeProbe('Zaak', (c) => c.zaak.id),
  Vroegsignaal: nodeProbe('Vroegsignaal', (c) => c.vroegsignaal.id),
  VroegsignaleringDeelname: nodeProbe('VroegsignaleringDeelname', () => deelname0193.id),
  Verrekening: async (app, c) => {
    // An ACTIEF verrekening on a fresh schuld of the target (made directly, as the engine would).
    const schuld = await freshSchuld(app, c);
    const em = app.em();
    const bvv = em.create(BeslagvrijeVoetVaststelling, { household: c.target.household.id, datum: today, geldigTot: inAYear, huishoudtype: 'ALLEENSTAANDE', inkomen: '1500.00', bedrag: '1331.43', ruimte: '168.57', regels: [] } as never);
    const v = em.create(Verrekening, { household: c.target.household.id, schuld: schuld.id, toeslag: c.target.lopend!.id, soort: 'AMBTSHALVE', maandbedrag: '1.00', ingangsdatum: addMonths(today, 1), vorigeStatus: 'OPEN', beslagvrijeVoet: bvv, bron: 'INVORDERING' } as never);
    await em.flush();
    return nodeProbe('Verrekening', () => v.id)(app, c);
  },
  KinderopvangLevering: nodeProbe('KinderopvangLevering', (c) => c.koo.bulk),
  Convenanttegoed: nodeProbe('Convenanttegoed', (c) => c.koo.tegoedOpen),
  Mutatievoorstel: nodeProbe('Mutatievoorstel', (c) => c.koo.voorstel),
};

const TOKENS: Record<Exclude<RoleName, 'BURGER'>, object> = {
  INTERMEDIAIR: personas.intermediair,
  GEMEENTE: personas.gemeente,
  KOO: personas.koo,
  MEDEWERKER: personas.medewerker,
};

let keys = 0;
const randomKey = () => `${process.pid}-${++keys}`;
const kooRecord = (ouderBsn: string) => ({
  periode: today.slice(0, 7),
  lrkNummer: personas.koo.lrk[0],
  soortOpvang: 'DAGOPVANG',
  kindNaam: 'Kind',
  ouderBsn,
  uren: '80.00',
  uurprijs: '10.00',
  factuurbedrag: '800.00',
});

let app: TestApp;
let koo: KooOrganisatie;
beforeAll(async () => {
  app = await startTestApp({ demoData: false });
  const em = app.em();
  deelname0193 = em.create(VroegsignaleringDeelname, { gemeentecode: '0193', naam: 'Zwolle', vanaf: '2025-01-01', tot: '2099-01-01', gewijzigdDoor: 'test' });
  // The KOO persona's organisation, registered with its LRK location.
  koo = em.create(KooOrganisatie, { organisationId: personas.koo.org, naam: 'Matrix KOO', overeenkomstStatus: OvereenkomstStatus.OUD_CONVENANT });
  em.create(KooLocatie, { organisatie: koo, lrkNummer: personas.koo.lrk[0], naam: 'Matrix' });
  await em.flush();
});
afterAll(() => app.close());

/** A fresh target household and the state of `relation` around it, and the caller's token. */
async function setUp(role: RoleName, relation: Relation, seed: number): Promise<Cell> {
  const em = app.em();
  const factory = new Factory(em, seed);
  const target = factory.household({ full: true, uht: false });
  const other = factory.household({ full: true, uht: false }); // the citizen of the non-own cells lives here
  const base = { household: target.household, scope: MachtigingScope.HANDELEN, geldigTot: inAYear, organisationId: ORG_A };
  const states: Record<Relation, Partial<Machtiging>> = {
    own: { status: MachtigingOpslagStatus.AANGEVRAAGD, activeringscode: newActiveringscode() },
    'active INZIEN': { status: MachtigingOpslagStatus.ACTIEF, scope: MachtigingScope.INZIEN },
    'active HANDELEN': { status: MachtigingOpslagStatus.ACTIEF },
    pending: { status: MachtigingOpslagStatus.AANGEVRAAGD, activeringscode: newActiveringscode() },
    revoked: { status: MachtigingOpslagStatus.INGETROKKEN, ingetrokkenOp: testClock().now(), ingetrokkenDoor: 'BURGER' },
    expired: { status: MachtigingOpslagStatus.ACTIEF, geldigTot: addDays(today, -1) },
    unrelated: { status: MachtigingOpslagStatus.ACTIEF, organisationId: ORG_B },
  };
  const machtiging = em.create(Machtiging, { ...base, ...states[relation] } as never);
  const zaak = em.create(Zaak, {
    household: target.household,
    soort: ZaakSoort.HARDHEIDSVERZOEK,
    status: ZaakStatus.NIEUW,
    ingediendDoorRol: 'BURGER',
    reden: 'Hardheidsverzoek',
    // The earliest deadline, so the work-list probe finds it within its first 100 whatever other probes add.
    uiterlijkeBeslisdatum: '2000-01-01',
  });
  const vroegsignaal = em.create(Vroegsignaal, {
    household: target.household,
    gemeentecode: '0193',
    signaaldatum: today,
    ontstaansdatum: addDays(today, -60),
    crisissignaal: false,
    warmeOverdracht: false,
    achternaam: 'Doel',
  });
  const tegoed = (status: ConvenanttegoedStatus) =>
    em.create(KooConvenanttegoed, { household: target.household, organisatie: koo.id, periode: '2025-06', bedrag: new Decimal('50.00'), status, ontstaanOp: '2026-01-05' });
  const tegoeden = [tegoed(ConvenanttegoedStatus.OPEN), tegoed(ConvenanttegoedStatus.OPEN), tegoed(ConvenanttegoedStatus.OVERGEDRAGEN)];
  const bulk = em.create(KooLevering, {
    organisatie: koo.id,
    periode: today.slice(0, 7),
    idempotencyKey: `matrix-bulk-${randomKey()}`,
    inhoudHash: '0'.repeat(64),
    bulk: true,
    status: LeveringStatus.ONTVANGEN,
  });
  const opgave = em.create(KooOpgave, {
    household: target.household,
    toeslag: target.lopend!,
    kindBsn: target.aanvrager.bsn,
    kindNaam: 'Kind',
    soortOpvang: SoortOpvang.DAGOPVANG,
    lrkNummer: personas.koo.lrk[0],
    urenPerMaand: new Decimal('100'),
    uurprijs: new Decimal('10.00'),
    vergoedingspercentage: new Decimal('90'),
  });
  const voorstel = em.create(KooMutatievoorstel, {
    household: target.household,
    toeslag: target.lopend!,
    opgave,
    leveringId: bulk.id,
    periode: today.slice(0, 7),
    kindNaam: 'Kind',
    soortOpvang: SoortOpvang.DAGOPVANG,
    gemeldeUren: new Decimal('60'),
    gemeldeUurprijs: new Decimal('10.00'),
    huidigBedrag: new Decimal('900.00'),
    voorgesteldBedrag: new Decimal('540.00'),
    dagtekening: today,
    blokkerenTot: addDays(today, 21),
    status: MutatievoorstelStatus.OPEN,
    reden: 'matrix',
  });
  await em.flush();
  const claims = role === 'BURGER' ? { role: 'BURGER', sub: (relation === 'own' ? target : other).aanvrager.bsn } : TOKENS[role];
  return {
    token: await app.token({ ...claims }),
    target,
    machtiging,
    zaak,
    vroegsignaal,
    koo: { tegoedOpen: tegoeden[0].id, tegoedOpen2: tegoeden[1].id, tegoedOvergedragen: tegoeden[2].id, bulk: bulk.id, voorstel: voorstel.id },
  };
}

function render(rows: Array<{ operation: string; role: RoleName; cells: string[] }>): string {
  const lines = [
    '# Authorization matrix',
    '',
    'Generated by `test/integration/authorization-matrix.test.ts`, which executes every cell against the running',
    'server and fails when the outcome differs from this file. **A diff in this file is a permission change:**',
    'review it like code. Regenerate after an intended change: `UPDATE_AUTHZ_MATRIX=1 npx jest authorization-matrix`.',
    '',
    'Columns: the target household\'s relation to the caller. *own*: the caller\'s own household (citizens only);',
    '*active INZIEN / active HANDELEN / pending / revoked / expired*: the target has a machtiging in that state for',
    `the intermediary persona's organisation (${ORG_A}); *unrelated*: another household (with a machtiging of another organisation only).`,
    '',
    'Outcomes: `OK`; `FORBIDDEN`; `NOT_FOUND`; `USER_ERROR:<codes>` (refused as a business outcome, nothing written);',
    '`CONTAINS` / `EXCLUDES` (a list does or does not include the target); `TARGET` / `OTHER` / `NULL` (which household',
    '`myHousehold` returns); `—` not applicable (only citizens have an own household). Probes per operation: the test file.',
    '',
    `| operation | role | ${RELATIONS.join(' | ')} |`,
    `|---|---|${RELATIONS.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.operation} | ${r.role} | ${r.cells.join(' | ')} |`),
    '',
  ];
  return lines.join('\n');
}

it('has a probe for every root query and mutation of the schema (and nothing else)', async () => {
  const schema = await getSchema();
  const fields = [...Object.keys(schema.getQueryType()!.getFields()), ...Object.keys(schema.getMutationType()?.getFields() ?? {})].sort();
  expect(Object.keys(PROBES).sort()).toEqual(fields);
  // ... and a node(<Type>) probe for every type node(id) can return.
  expect(Object.keys(NODE_PROBES).sort()).toEqual([...NODE_TYPES].sort());
});

it('every cell of the matrix matches the committed, reviewed docs/authorization-matrix.md', async () => {
  const results = new Map<string, string>(); // `${op}|${role}|${relation}` → outcome
  let seed = 1;
  for (const role of ROLES) {
    for (const relation of RELATIONS) {
      if (relation === 'own' && role !== 'BURGER') continue;
      const cell = await setUp(role, relation, seed++);
      for (const [type, probe] of Object.entries(NODE_PROBES)) results.set(`node(${type})|${role}|${relation}`, await probe(app, cell));
      for (const [op, probe] of Object.entries(PROBES)) results.set(`${op}|${role}|${relation}`, await probe(app, cell));
    }
  }
  const rows = [...Object.keys(PROBES), ...Object.keys(NODE_PROBES).map((type) => `node(${type})`)]
    .sort()
    .flatMap((operation) =>
      ROLES.map((role) => ({
        operation,
        role,
        cells: RELATIONS.map((relation) => results.get(`${operation}|${role}|${relation}`) ?? '—'),
      })),
    );
  const actual = render(rows);
  if (process.env.UPDATE_AUTHZ_MATRIX === '1') writeFileSync(MATRIX_FILE, actual);
  const committed = existsSync(MATRIX_FILE) ? readFileSync(MATRIX_FILE, 'utf8') : '';
  expect(actual).toBe(committed);
}, 120_000);

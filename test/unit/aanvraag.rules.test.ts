import Decimal from 'decimal.js';
import { checkSchuldIds, planStandaardRegeling, schuldBezwaar, type AanvraagSchuld } from '../../src/modules/betalingsregeling/aanvraag.rules';
import { SchuldStatus } from '../../src/modules/schuld/schuld.enums';

const d = (v: string) => new Decimal(v);
const schuld = (o: Partial<AanvraagSchuld> = {}): AanvraagSchuld => ({
  openstaandBedrag: d('100.00'),
  kosten: d('0'),
  status: SchuldStatus.OPEN,
  gepauzeerd: false,
  inActieveRegeling: false,
  ...o,
});

describe('checkSchuldIds', () => {
  it('accepts distinct ids', () => expect(checkSchuldIds(['a', 'b'])).toBeNull());
  it('refuses an empty list', () => expect(checkSchuldIds([])).toMatchObject({ code: 'SCHULDEN_ONGELDIG', field: ['input', 'schuldIds'] }));
  it('refuses duplicates', () => expect(checkSchuldIds(['a', 'b', 'a'])).toMatchObject({ code: 'SCHULDEN_ONGELDIG' }));
});

describe('schuldBezwaar', () => {
  it.each([
    ['VOLDAAN', schuld({ status: SchuldStatus.VOLDAAN }), 'SCHULD_AL_BETAALD'],
    ['KWIJTGESCHOLDEN', schuld({ status: SchuldStatus.KWIJTGESCHOLDEN }), 'SCHULD_AL_BETAALD'],
    ['nothing open', schuld({ openstaandBedrag: d('0'), kosten: d('0') }), 'SCHULD_AL_BETAALD'],
    ['BUITEN_INVORDERING', schuld({ status: SchuldStatus.BUITEN_INVORDERING }), 'SCHULD_BUITEN_INVORDERING'],
    ['in an active arrangement', schuld({ inActieveRegeling: true }), 'SCHULD_AL_IN_REGELING'],
    ['paused', schuld({ gepauzeerd: true }), 'SCHULD_GEPAUZEERD'],
  ])('%s', (_, s, code) => {
    expect(schuldBezwaar(s, 2)).toMatchObject({ code, field: ['input', 'schuldIds', '2'] });
  });

  it.each([SchuldStatus.OPEN, SchuldStatus.HERINNERD, SchuldStatus.AANGEMAAND, SchuldStatus.DWANGBEVEL, SchuldStatus.VERREKEND, SchuldStatus.IN_BETALINGSREGELING])(
    'a %s schuld with something to pay and no active arrangement can join',
    (status) => expect(schuldBezwaar(schuld({ status }), 0)).toBeNull(),
  );

  it('only costs left is still something to pay', () => expect(schuldBezwaar(schuld({ openstaandBedrag: d('0'), kosten: d('8.00') }), 0)).toBeNull());
});

describe('planStandaardRegeling', () => {
  it('one arrangement for several schulden: totaal = Σ openstaand + kosten, from the first of next month, termijnen sum exactly', () => {
    const r = planStandaardRegeling([schuld({ openstaandBedrag: d('700.00'), kosten: d('56.00') }), schuld({ openstaandBedrag: d('312.33') })], '2026-03-31');
    if (!r.ok) throw new Error('expected a plan');
    expect(r.plan.totaal.toFixed(2)).toBe('1068.33');
    expect(r.plan.startdatum).toBe('2026-04-01');
    expect(r.plan.termijnen).toHaveLength(24);
    expect(r.plan.termijnen[0]).toMatchObject({ volgnummer: 1, vervaldatum: '2026-04-01' });
    expect(r.plan.termijnen[0].bedrag.toFixed(2)).toBe('44.52');
    expect(r.plan.termijnen.at(-1)!.vervaldatum).toBe('2028-03-01');
    expect(r.plan.termijnen.reduce((s, t) => s.plus(t.bedrag), d('0')).toFixed(2)).toBe('1068.33');
  });

  it('small totals pay €20 a month with the remainder last', () => {
    const r = planStandaardRegeling([schuld({ openstaandBedrag: d('50.00') })], '2026-12-15');
    if (!r.ok) throw new Error('expected a plan');
    expect(r.plan.startdatum).toBe('2027-01-01');
    expect(r.plan.termijnen.map((t) => t.bedrag.toFixed(2))).toEqual(['20.00', '20.00', '10.00']);
  });

  it('is allowed long after the 6-week term (no date check on the schuld)', () => {
    expect(planStandaardRegeling([schuld({ status: SchuldStatus.DWANGBEVEL })], '2030-01-01').ok).toBe(true);
  });

  it('any schuld that cannot join refuses the whole request, with one error per such schuld', () => {
    const r = planStandaardRegeling([schuld(), schuld({ gepauzeerd: true }), schuld({ status: SchuldStatus.VOLDAAN })], '2026-03-01');
    expect(r).toMatchObject({
      ok: false,
      errors: [
        { code: 'SCHULD_GEPAUZEERD', field: ['input', 'schuldIds', '1'] },
        { code: 'SCHULD_AL_BETAALD', field: ['input', 'schuldIds', '2'] },
      ],
    });
  });

  it('no schulden is SCHULDEN_ONGELDIG', () => {
    expect(planStandaardRegeling([], '2026-03-01')).toMatchObject({ ok: false, errors: [{ code: 'SCHULDEN_ONGELDIG' }] });
  });
});

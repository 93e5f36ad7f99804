import Decimal from 'decimal.js';
import fc from 'fast-check';
import {
  betalingskenmerk,
  gemisteTermijnActie,
  kenmerkNummerVan,
  pauzeVerschuiving,
  toerekeningsvolgorde,
  verdeelBetaling,
  verschuif,
  type RegelingTermijn,
} from '../../src/modules/betaling/betaling.rules';
import { standaardTermijnen } from '../../src/modules/betalingsregeling/betalingsregeling.rules';
import { isValidBsn } from '../../src/shared/bsn';

const d = (v: string | number) => new Decimal(v);
const cents = (n: number) => d(n).dividedBy(100);
const sum = (xs: Decimal[]) => xs.reduce((s, x) => s.plus(x), d(0));

describe('verdeelBetaling: allocation', () => {
  const schulden = [
    { id: 'a', vervaldatum: '2025-03-01', kosten: d('8.00'), hoofdsom: d('100.00') },
    { id: 'b', vervaldatum: '2025-05-01', kosten: d('0'), hoofdsom: d('50.00') },
  ];
  it('worked example: costs before principal, schulden in the given order, termijnen oldest first', () => {
    const termijnen = [
      { volgnummer: 1, vervaldatum: '2026-01-01', bedrag: d('20.00'), betaaldBedrag: d('20.00') },
      { volgnummer: 2, vervaldatum: '2026-02-01', bedrag: d('20.00'), betaaldBedrag: d('5.00') },
      { volgnummer: 3, vervaldatum: '2026-03-01', bedrag: d('20.00'), betaaldBedrag: d('0') },
    ];
    const v = verdeelBetaling(d('30.00'), schulden, termijnen);
    expect(v.schulden.map((s) => [s.id, s.kosten.toFixed(2), s.hoofdsom.toFixed(2)])).toEqual([['a', '8.00', '22.00']]);
    expect(v.termijnen.map((t) => [t.volgnummer, t.bedrag.toFixed(2)])).toEqual([[2, '15.00'], [3, '15.00']]);
    expect(v.overschot.toFixed(2)).toBe('0.00');
  });
  it('pays the first schuld off, then the next; an overpayment is the overschot', () => {
    const v = verdeelBetaling(d('200.00'), schulden);
    expect(v.schulden.map((s) => [s.id, s.kosten.toFixed(2), s.hoofdsom.toFixed(2)])).toEqual([['a', '8.00', '100.00'], ['b', '0.00', '50.00']]);
    expect(v.toegerekend.toFixed(2)).toBe('158.00');
    expect(v.overschot.toFixed(2)).toBe('42.00');
  });
  it('the named schuld goes first, then oldest vervaldatum', () => {
    expect(toerekeningsvolgorde(schulden, 'b').map((s) => s.id)).toEqual(['b', 'a']);
    expect(toerekeningsvolgorde([...schulden].reverse()).map((s) => s.id)).toEqual(['a', 'b']);
  });
  it('refuses a non-positive or sub-cent amount', () => {
    expect(() => verdeelBetaling(d(0), schulden)).toThrow();
    expect(() => verdeelBetaling(d('1.001'), schulden)).toThrow();
  });
  it('property: money is conserved exactly and nothing gets more than it owes', () => {
    const schuldArb = fc.record({ kosten: fc.integer({ min: 0, max: 10_000 }), hoofdsom: fc.integer({ min: 0, max: 500_000 }) });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(schuldArb, { minLength: 1, maxLength: 5 }), (bedrag, raw) => {
        const list = raw.map((s, i) => ({ id: `s${i}`, vervaldatum: '2025-01-01', kosten: cents(s.kosten), hoofdsom: cents(s.hoofdsom) }));
        const total = sum(list.map((s) => s.kosten.plus(s.hoofdsom)));
        const planned = total.gt(0) ? standaardTermijnen(total, '2026-01-01') : [];
        const v = verdeelBetaling(cents(bedrag), list, planned.map((t) => ({ ...t, betaaldBedrag: d(0) })));
        const paid = sum(v.schulden.map((s) => s.kosten.plus(s.hoofdsom)));
        expect(paid.plus(v.overschot).eq(cents(bedrag))).toBe(true);
        expect(paid.eq(v.toegerekend)).toBe(true);
        expect(sum(v.termijnen.map((t) => t.bedrag)).eq(v.toegerekend)).toBe(true);
        for (const s of v.schulden) {
          const own = list.find((x) => x.id === s.id)!;
          expect(s.kosten.lte(own.kosten) && s.hoofdsom.lte(own.hoofdsom)).toBe(true);
          // principal only once the costs are paid
          if (s.hoofdsom.gt(0)) expect(s.kosten.eq(own.kosten)).toBe(true);
        }
        expect(v.overschot.eq(Decimal.max(0, cents(bedrag).minus(total)))).toBe(true);
      }),
    );
  });
});

describe('betalingskenmerk', () => {
  it('16 digits, check digit first, round trip, never accepts a wrong check digit', () => {
    const k = betalingskenmerk('100042');
    expect(k).toMatch(/^\d{16}$/);
    expect(kenmerkNummerVan(k)).toBe('100042');
    expect(kenmerkNummerVan(`${(Number(k[0]) + 1) % 10}${k.slice(1)}`)).toBeNull();
    expect(kenmerkNummerVan('12345')).toBeNull();
    fc.assert(fc.property(fc.bigInt({ min: 1n, max: 999_999_999_999_999n }), (n) => expect(kenmerkNummerVan(betalingskenmerk(n))).toBe(String(n))));
  });
  it('a BSN is never a kenmerk (9 digits are refused)', () => {
    const bsn = '111222333';
    expect(isValidBsn(bsn)).toBe(true);
    expect(kenmerkNummerVan(bsn)).toBeNull();
  });
});

const t = (volgnummer: number, vervaldatum: string, bedrag: string, betaald = '0', gemistOp: string | null = null): RegelingTermijn => ({
  volgnummer,
  vervaldatum,
  bedrag: d(bedrag),
  betaaldBedrag: d(betaald),
  gemistOp,
});
const norm = { gemistNaDagen: 14, beeindigNaDagen: 28 };

describe('gemisteTermijnActie: missed termijnen', () => {
  const termijnen = [t(1, '2026-01-01', '20.00', '20.00'), t(2, '2026-02-01', '20.00'), t(3, '2026-03-01', '20.00'), t(4, '2026-04-01', '15.00')];
  const stand = { aantalGemist: 0, herinnerdOp: null, betaalpauzeTot: null, termijnen };

  it('nothing within the grace period (14 days after the vervaldatum)', () => {
    expect(gemisteTermijnActie(stand, '2026-02-15', norm)).toBeNull();
  });
  it('first miss: every unpaid termijn shifts one month, paid ones stay', () => {
    const a = gemisteTermijnActie(stand, '2026-02-16', norm);
    expect(a).toEqual({
      soort: 'VERSCHUIVEN',
      volgnummer: 2,
      termijnen: [
        { volgnummer: 2, vervaldatum: '2026-03-01' },
        { volgnummer: 3, vervaldatum: '2026-04-01' },
        { volgnummer: 4, vervaldatum: '2026-05-01' },
      ],
    });
  });
  it('after the shift nothing is missed on the same date (idempotent)', () => {
    const shifted = termijnen.map((x) => (x.volgnummer >= 2 ? { ...x, vervaldatum: `2026-0${Number(x.vervaldatum.slice(6, 7)) + 1}-01` } : x));
    expect(gemisteTermijnActie({ ...stand, aantalGemist: 1, termijnen: shifted }, '2026-02-16', norm)).toBeNull();
  });
  it('second miss: a reminder; then nothing until 28 days later; then the arrangement ends', () => {
    const s1 = { ...stand, aantalGemist: 1 };
    expect(gemisteTermijnActie(s1, '2026-02-16', norm)).toEqual({ soort: 'HERINNERING', volgnummer: 2 });
    const s2 = { ...s1, aantalGemist: 2, herinnerdOp: '2026-02-16' };
    expect(gemisteTermijnActie(s2, '2026-03-15', norm)).toBeNull();
    expect(gemisteTermijnActie(s2, '2026-03-16', norm)).toEqual({ soort: 'BEEINDIGEN', volgnummer: 2 });
  });
  it('a reminder lapses when the arrears are paid', () => {
    const paid = termijnen.map((x) => (x.volgnummer <= 2 ? { ...x, betaaldBedrag: x.bedrag } : x));
    expect(gemisteTermijnActie({ ...stand, aantalGemist: 2, herinnerdOp: '2026-02-16', termijnen: paid }, '2026-03-10', norm)).toEqual({ soort: 'HERINNERING_VERVALT' });
  });
  it('during a betaalpauze nothing counts', () => {
    expect(gemisteTermijnActie({ ...stand, aantalGemist: 1, betaalpauzeTot: '2026-03-31' }, '2026-03-31', norm)).toBeNull();
    expect(gemisteTermijnActie({ ...stand, aantalGemist: 1, betaalpauzeTot: '2026-03-31' }, '2026-04-01', norm)).toEqual({ soort: 'HERINNERING', volgnummer: 2 });
  });
});

describe('pauzeVerschuiving: betaalpauze', () => {
  it('worked example: pause through 15 April shifts every unpaid termijn 3 months (first one to 1 May)', () => {
    const termijnen = [t(1, '2026-01-01', '20', '20'), t(2, '2026-02-01', '20', '5'), t(3, '2026-03-01', '20')];
    expect(pauzeVerschuiving(termijnen, '2026-04-15')).toEqual({
      maanden: 3,
      termijnen: [
        { volgnummer: 2, vervaldatum: '2026-05-01' },
        { volgnummer: 3, vervaldatum: '2026-06-01' },
      ],
    });
  });
  it('nothing to shift when all is paid or the first unpaid is already after the pause', () => {
    expect(pauzeVerschuiving([t(1, '2026-01-01', '20', '20')], '2026-04-15')).toEqual({ maanden: 0, termijnen: [] });
    expect(pauzeVerschuiving([t(1, '2026-06-01', '20')], '2026-04-15')).toEqual({ maanden: 0, termijnen: [] });
  });
  it('property: shifted schedules keep the sum, the order and the amounts; nothing unpaid falls in the pause', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 1, max: 400 }), (total, paidCount, pauseDays) => {
        const planned = standaardTermijnen(cents(total), '2026-01-01');
        const st = planned.map((p) => ({ ...p, betaaldBedrag: p.volgnummer <= paidCount ? p.bedrag : d(0) }));
        const tot = new Date(Date.UTC(2026, 0, 1 + pauseDays)).toISOString().slice(0, 10);
        const { termijnen: moved } = pauzeVerschuiving(st, tot);
        const byNr = new Map(moved.map((m) => [m.volgnummer, m.vervaldatum]));
        const after = st.map((x) => ({ ...x, vervaldatum: byNr.get(x.volgnummer) ?? x.vervaldatum }));
        expect(sum(after.map((x) => x.bedrag)).eq(cents(total))).toBe(true);
        for (let i = 1; i < after.length; i++) expect(after[i].vervaldatum > after[i - 1].vervaldatum).toBe(true);
        for (const x of after) if (x.betaaldBedrag.lt(x.bedrag)) expect(x.vervaldatum > tot).toBe(true);
        const once = verschuif(st, 1);
        expect(once.length).toBe(st.filter((x) => x.betaaldBedrag.lt(x.bedrag)).length);
      }),
    );
  });
});

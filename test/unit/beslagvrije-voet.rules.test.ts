import Decimal from 'decimal.js';
import fc from 'fast-check';
import { Huishoudtype } from '../../src/modules/betalingsregeling/betalingscapaciteit.rules';
import { NormsTable, type NormRow } from '../../src/modules/norms/norms';
import { berekenBeslagvrijeVoet, maxVerrekening } from '../../src/modules/verrekening/beslagvrije-voet.rules';

const d = (v: string | number) => new Decimal(v);
const row = (code: string, geldigVanaf: string, waarde: string): NormRow => ({ code, geldigVanaf, waarde: d(waarde), eenheid: 'EUR', omschrijving: code, bron: 'test', aanname: false });
const norms = new NormsTable([
  row('BIJSTANDSNORM_ALLEENSTAANDE', '2026-01-01', '1401.50'),
  row('BIJSTANDSNORM_GEHUWDEN', '2026-01-01', '2002.13'),
  row('BIJSTANDSNORM_AOW_ALLEENSTAANDE', '2026-01-01', '1564.69'),
  row('BIJSTANDSNORM_AOW_GEHUWDEN', '2026-01-01', '2144.16'),
  row('BESLAGVRIJE_VOET_PERCENTAGE', '2000-01-01', '95'),
  row('NORMHUUR', '2026-01-01', '252.49'),
  row('MAXIMALE_HUURGRENS', '2026-01-01', '932.93'),
  row('NORMPREMIE_ALLEENSTAANDE', '2026-01-01', '47'),
  row('NORMPREMIE_GEHUWDEN', '2026-01-01', '106'),
]);

describe('berekenBeslagvrijeVoet', () => {
  it('a date before the first version of a norm throws NormOntbreektError with the missing norms and the first possible date', () => {
    expect(() => berekenBeslagvrijeVoet({ datum: '2025-06-01', huishoudtype: Huishoudtype.GEHUWDEN, inkomen: d('1800.00') }, norms)).toThrow(
      expect.objectContaining({
        name: 'NormOntbreektError',
        codes: ['BIJSTANDSNORM_GEHUWDEN', 'NORMHUUR', 'MAXIMALE_HUURGRENS', 'NORMPREMIE_GEHUWDEN'],
        datum: '2025-06-01',
        beschikbaarVanaf: '2026-01-01',
      }),
    );
  });

  it('worked example, base rule: 95 % of 1401.50 = 1331.425 → 1331.43 (rounded up), ruimte = income − voet', () => {
    const r = berekenBeslagvrijeVoet({ datum: '2026-03-10', huishoudtype: Huishoudtype.ALLEENSTAANDE, inkomen: d('1800.00') }, norms);
    expect(r.bedrag.toFixed(2)).toBe('1331.43');
    expect(r.ruimte.toFixed(2)).toBe('468.57');
    expect(r.geldigTot).toBe('2027-03-09');
    expect(r.regels.map((x) => [x.code, x.bedrag])).toEqual([
      ['BASIS', '1331.43'],
      ['WOONLASTEN', '0.00'],
      ['ZORG', '0.00'],
      ['PLAFOND', '1710.00'],
      ['BESLAGVRIJE_VOET', '1331.43'],
      ['RUIMTE', '468.57'],
    ]);
  });
  it('corrections: housing above the normhuur up to the maximale huurgrens, health premium above normpremie and zorgtoeslag', () => {
    const r = berekenBeslagvrijeVoet(
      { datum: '2026-03-10', huishoudtype: Huishoudtype.GEHUWDEN, inkomen: d('3000.00'), huur: d('1100.00'), huurtoeslag: d('100.00'), zorgpremie: d('300.00'), zorgtoeslag: d('150.00') },
      norms,
    );
    // 95 % of 2002.13 = 1902.0235 → 1902.03; housing min(1000, 932.93) − 252.49 = 680.44; health 300 − 106 − 150 = 44.00
    expect(r.regels.find((x) => x.code === 'WOONLASTEN')!.bedrag).toBe('680.44');
    expect(r.regels.find((x) => x.code === 'ZORG')!.bedrag).toBe('44.00');
    expect(r.bedrag.toFixed(2)).toBe('2626.47');
  });
  it('capped at 95 % of income (rounded up): a low income keeps 95 % of itself', () => {
    const r = berekenBeslagvrijeVoet({ datum: '2026-03-10', huishoudtype: Huishoudtype.ALLEENSTAANDE, inkomen: d('1000.01') }, norms);
    expect(r.bedrag.toFixed(2)).toBe('950.01');
    expect(r.ruimte.toFixed(2)).toBe('50.00');
  });
  it('property: whatever maxVerrekening allows leaves at least the beslagvrije voet', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 800_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 500_000 }),
        fc.constantFrom(...Object.values(Huishoudtype)),
        (inkomen, huur, lopend, teBetalen, type) => {
          const r = berekenBeslagvrijeVoet({ datum: '2026-03-10', huishoudtype: type, inkomen: d(inkomen).div(100), huur: d(huur).div(100) }, norms);
          const max = maxVerrekening({ ruimte: r.ruimte, lopend: d(lopend).div(100), voorschotBeschikbaar: d(500), teBetalen: d(teBetalen).div(100) });
          expect(max.gte(0)).toBe(true);
          expect(d(inkomen).div(100).minus(d(lopend).div(100)).minus(max).gte(r.bedrag) || max.isZero()).toBe(true);
          expect(r.bedrag.lte(d(inkomen).div(100).times(0.95).toDecimalPlaces(2, Decimal.ROUND_UP))).toBe(true);
        },
      ),
    );
  });
});

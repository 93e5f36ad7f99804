import Decimal from 'decimal.js';
import { NORM_PUBLICATIE, NormCode, NormPublicatie } from '../../src/modules/norms/norm-codes';
import { NormOntbreektError, NormsTable, type NormRow } from '../../src/modules/norms/norms';

// NormsTable: the value of a norm on a date. Before the first row there is none (a typed error);
// after the newest row of a yearly norm the newest value is used, marked voorlopig.

const row = (code: string, geldigVanaf: string, waarde: string): NormRow => ({
  code, geldigVanaf, waarde: new Decimal(waarde), eenheid: 'EUR', omschrijving: code, bron: 'test', aanname: false,
});
const norms = new NormsTable([
  row('BIJSTANDSNORM_ALLEENSTAANDE', '2025-01-01', '1345.45'),
  row('BIJSTANDSNORM_ALLEENSTAANDE', '2025-07-01', '1369.06'),
  row('BIJSTANDSNORM_ALLEENSTAANDE', '2026-01-01', '1401.50'),
  row('NORMHUUR', '2026-01-01', '252.49'),
  row('NORMPREMIE_ALLEENSTAANDE', '2026-01-01', '47'),
  row('KOSTEN_VAN_BESTAAN_PERCENTAGE', '2000-01-01', '90'),
]);

function thrown(f: () => unknown): NormOntbreektError {
  try {
    f();
  } catch (e) {
    if (e instanceof NormOntbreektError) return e;
    throw e;
  }
  throw new Error('expected a NormOntbreektError');
}

describe('a date before the first version of a norm', () => {
  it('throws NormOntbreektError with the code, the date and the first date with a value', () => {
    const e = thrown(() => norms.entry(NormCode.NORMHUUR, '2025-06-01'));
    expect(e).toMatchObject({ name: 'NormOntbreektError', codes: ['NORMHUUR'], datum: '2025-06-01', beschikbaarVanaf: '2026-01-01' });
    expect(() => norms.amount(NormCode.NORMHUUR, '2025-12-31')).toThrow(NormOntbreektError);
    expect(() => norms.number(NormCode.BIJSTANDSNORM_ALLEENSTAANDE, '2024-12-31')).toThrow(NormOntbreektError);
    expect(thrown(() => norms.entry(NormCode.MAXIMALE_HUURGRENS, '2026-06-15')).beschikbaarVanaf).toBeNull();
  });

  it('requireAll names every norm missing on the date and the first date on which all have a value', () => {
    const codes = [NormCode.BIJSTANDSNORM_ALLEENSTAANDE, NormCode.NORMHUUR, NormCode.NORMPREMIE_ALLEENSTAANDE, NormCode.KOSTEN_VAN_BESTAAN_PERCENTAGE];
    const e = thrown(() => norms.requireAll(codes, '2025-06-01'));
    expect(e).toMatchObject({ codes: ['NORMHUUR', 'NORMPREMIE_ALLEENSTAANDE'], datum: '2025-06-01', beschikbaarVanaf: '2026-01-01' });
    expect(() => norms.requireAll(codes, '2026-01-01')).not.toThrow();
    expect(norms.availableFrom(codes)).toBe('2026-01-01');
    expect(norms.availableFrom([...codes, NormCode.MAXIMALE_HUURGRENS])).toBeNull();
  });

  it('allAt leaves those norms out', () => {
    expect(norms.allAt('2025-06-01').map((n) => n.code)).toEqual(['BIJSTANDSNORM_ALLEENSTAANDE', 'KOSTEN_VAN_BESTAAN_PERCENTAGE']);
  });
});

describe('a date after the last published version: voorlopig', () => {
  it('a yearly norm in a later year than its newest row gives that row, marked voorlopig with an explanation', () => {
    expect(norms.entry(NormCode.NORMHUUR, '2027-03-01')).toMatchObject({
      geldigVanaf: '2026-01-01',
      waarde: new Decimal('252.49'),
      voorlopig: true,
      toelichting: 'Norm voor 2027 nog niet vastgesteld; de waarde die geldt vanaf 1 januari 2026 is gebruikt.',
    });
    expect(norms.entry(NormCode.BIJSTANDSNORM_ALLEENSTAANDE, '2027-01-01')).toMatchObject({ geldigVanaf: '2026-01-01', voorlopig: true });
  });

  it('is not voorlopig within the year of the newest row, nor on an earlier row', () => {
    expect(norms.entry(NormCode.NORMHUUR, '2026-06-15')).toMatchObject({ voorlopig: false, toelichting: null });
    expect(norms.entry(NormCode.NORMHUUR, '2026-12-31')).toMatchObject({ voorlopig: false, toelichting: null });
    expect(norms.entry(NormCode.BIJSTANDSNORM_ALLEENSTAANDE, '2025-08-01')).toMatchObject({ geldigVanaf: '2025-07-01', voorlopig: false });
  });

  it('a norm in force until changed is never voorlopig', () => {
    expect(NORM_PUBLICATIE.KOSTEN_VAN_BESTAAN_PERCENTAGE).toBe(NormPublicatie.DOORLOPEND);
    expect(norms.entry(NormCode.KOSTEN_VAN_BESTAAN_PERCENTAGE, '2027-03-01')).toMatchObject({ geldigVanaf: '2000-01-01', voorlopig: false, toelichting: null });
  });

  it('allAt marks each row', () => {
    const m = new Map(norms.allAt('2027-03-01').map((n) => [n.code, n.voorlopig]));
    expect(Object.fromEntries(m)).toEqual({ BIJSTANDSNORM_ALLEENSTAANDE: true, KOSTEN_VAN_BESTAAN_PERCENTAGE: false, NORMHUUR: true, NORMPREMIE_ALLEENSTAANDE: true });
  });

  it('the yearly norms are the indexed amounts (a reviewed list)', () => {
    expect(Object.entries(NORM_PUBLICATIE).filter(([, p]) => p === NormPublicatie.JAARLIJKS).map(([c]) => c).sort()).toEqual([
      'BIJSTANDSNORM_ALLEENSTAANDE', 'BIJSTANDSNORM_AOW_ALLEENSTAANDE', 'BIJSTANDSNORM_AOW_GEHUWDEN', 'BIJSTANDSNORM_GEHUWDEN',
      'DOELMATIGHEIDSGRENS', 'MAXIMALE_HUURGRENS', 'MAX_UURPRIJS_BSO', 'MAX_UURPRIJS_DAGOPVANG', 'MAX_UURPRIJS_GASTOUDEROPVANG',
      'NORMHUUR', 'NORMPREMIE_ALLEENSTAANDE', 'NORMPREMIE_GEHUWDEN',
    ]);
  });
});

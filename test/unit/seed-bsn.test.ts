import { isValidBsn } from '../../src/shared/bsn';
import { BSN_SPACE, BsnSequence, bsnOfIndex, isElfproef } from '../../src/seed/bsn';
import { Rng, uuidPrefix } from '../../src/seed/random';
import { money } from '../../src/seed/copy-format';

describe('seeded BSNs', () => {
  it('enumerates only valid BSNs, including the edges of the index space', () => {
    for (const q of [0, 1, 7, 8, 9, 1234567, BSN_SPACE - 8, BSN_SPACE - 1]) {
      const bsn = bsnOfIndex(q);
      expect([q, isValidBsn(bsn), isElfproef(bsn)]).toEqual([q, true, true]);
    }
    // 1000000 with eighth digit 0 would give 11-proef sum 0: skipped
    expect(bsnOfIndex(0)).toBe('100000010');
    expect(bsnOfIndex(BSN_SPACE - 1) < '900000000').toBe(true);
  });

  it('gives distinct valid BSNs to the first 200,000 persons, different per seed, never 99999xxxx', () => {
    const a = new BsnSequence(1);
    const seen = new Set<string>();
    for (let n = 0; n < 200_000; n++) {
      const bsn = a.bsn(n);
      if (!isValidBsn(bsn) || bsn.startsWith('99999')) throw new Error(`bad BSN ${bsn}`);
      seen.add(bsn);
    }
    expect(seen.size).toBe(200_000);
    expect(new BsnSequence(2).bsn(0)).not.toBe(a.bsn(0));
    expect(new BsnSequence(1).bsn(12345)).toBe(a.bsn(12345));
    expect(() => a.bsn(BSN_SPACE)).toThrow();
  });
});

describe('seeded randomness and formatting', () => {
  it('is reproducible per (seed, stream) and makes v7-layout UUIDs that sort by household', () => {
    const take = (r: Rng) => [r.u32(), r.int(1, 6), r.uuid(uuidPrefix(5))];
    expect(take(new Rng(7, 1, 5))).toEqual(take(new Rng(7, 1, 5)));
    expect(take(new Rng(7, 1, 5))).not.toEqual(take(new Rng(8, 1, 5)));
    const id = new Rng(1).uuid(uuidPrefix(0));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidPrefix(1) > uuidPrefix(0)).toBe(true);
    expect(uuidPrefix(999_999) > uuidPrefix(65_535)).toBe(true);
  });

  it('formats cents as money strings without floats', () => {
    expect([money(0), money(5), money(1250), money(125040), money(9_999_999_999)]).toEqual(['0.00', '0.05', '12.50', '1250.40', '99999999.99']);
    expect(() => money(1.5)).toThrow();
    expect(() => money(-1)).toThrow();
  });
});

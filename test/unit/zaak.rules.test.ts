import { Role, type Actor } from '../../src/auth/actor';
import { MEDEWERKER_ORGANISATIE, organisatieVan, SYSTEEM_ORGANISATIE } from '../../src/modules/toegangslog/toegangslog.service';
import { Contactvoorkeur } from '../../src/modules/zaak/zaak.enums';
import { leeftijdInDagen, planBegeleiding, REDEN_MAX_LENGTH, zaakZichtbaarheid, type BegeleidingVerzoek } from '../../src/modules/zaak/zaak.rules';

const verzoek = (o: Partial<BegeleidingVerzoek> = {}): BegeleidingVerzoek => ({
  reden: 'Schulden lopen op',
  contactvoorkeur: Contactvoorkeur.TELEFOON,
  indienerRol: Role.INTERMEDIAIR,
  openBegeleidingZaken: 0,
  ...o,
});
const codes = (plan: ReturnType<typeof planBegeleiding>) => (plan.ok ? [] : plan.errors.map((e) => e.code));

describe('planBegeleiding (referral to persoonlijke begeleiding)', () => {
  it('accepts a reason and trims it', () => {
    expect(planBegeleiding(verzoek({ reden: '  Hulp nodig \n' }))).toEqual({ ok: true, reden: 'Hulp nodig' });
  });

  it.each([
    ['empty', ''],
    ['only whitespace', ' \t\n '],
    ['too long', 'x'.repeat(REDEN_MAX_LENGTH + 1)],
  ])('refuses a reason that is %s with REDEN_ONGELDIG on input.reason', (_, reden) => {
    const plan = planBegeleiding(verzoek({ reden }));
    expect(plan).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'REDEN_ONGELDIG', field: ['input', 'reason'] })] });
  });

  it('accepts exactly the maximum length, counted after trimming', () => {
    expect(planBegeleiding(verzoek({ reden: ` ${'x'.repeat(REDEN_MAX_LENGTH)} ` })).ok).toBe(true);
  });

  it('refuses while an open begeleiding zaak exists (ZAAK_BESTAAT_AL, not about one field)', () => {
    expect(planBegeleiding(verzoek({ openBegeleidingZaken: 1 }))).toEqual({ ok: false, errors: [expect.objectContaining({ code: 'ZAAK_BESTAAT_AL', field: null })] });
  });

  it('allows contact VIA_INTERMEDIAIR only when an intermediary submits', () => {
    expect(planBegeleiding(verzoek({ contactvoorkeur: Contactvoorkeur.VIA_INTERMEDIAIR })).ok).toBe(true);
    for (const indienerRol of [Role.BURGER, Role.MEDEWERKER]) {
      expect(codes(planBegeleiding(verzoek({ indienerRol, contactvoorkeur: Contactvoorkeur.VIA_INTERMEDIAIR })))).toEqual(['CONTACTVOORKEUR_ONGELDIG']);
      expect(planBegeleiding(verzoek({ indienerRol, contactvoorkeur: Contactvoorkeur.POST })).ok).toBe(true);
    }
  });

  it('reports every problem at once', () => {
    expect(codes(planBegeleiding(verzoek({ reden: '', indienerRol: Role.BURGER, contactvoorkeur: Contactvoorkeur.VIA_INTERMEDIAIR, openBegeleidingZaken: 2 })))).toEqual([
      'REDEN_ONGELDIG',
      'CONTACTVOORKEUR_ONGELDIG',
      'ZAAK_BESTAAT_AL',
    ]);
  });
});

describe('leeftijdInDagen: calendar days in Europe/Amsterdam', () => {
  it('is 0 on the day of submission and counts Dutch calendar days, not 24-hour periods', () => {
    expect(leeftijdInDagen(new Date('2026-03-10T09:00:00Z'), null, '2026-03-10')).toBe(0);
    // 23:30 UTC on 9 March is 00:30 on 10 March in Amsterdam (CET).
    expect(leeftijdInDagen(new Date('2026-03-09T23:30:00Z'), null, '2026-03-10')).toBe(0);
    expect(leeftijdInDagen(new Date('2026-03-09T22:30:00Z'), null, '2026-03-10')).toBe(1);
  });

  it('is not thrown off by the switch to summer time', () => {
    expect(leeftijdInDagen(new Date('2026-03-28T12:00:00Z'), null, '2026-03-30')).toBe(2);
    expect(leeftijdInDagen(new Date('2026-10-24T12:00:00Z'), null, '2026-10-26')).toBe(2);
  });

  it('stops at the day the zaak was handled', () => {
    expect(leeftijdInDagen(new Date('2026-01-01T10:00:00Z'), new Date('2026-01-15T10:00:00Z'), '2026-06-01')).toBe(14);
  });

  it('is never negative (a clock slightly ahead)', () => {
    expect(leeftijdInDagen(new Date('2026-01-02T10:00:00Z'), null, '2026-01-01')).toBe(0);
  });
});

describe('zaakZichtbaarheid', () => {
  it('restricts an intermediary to its own organisation’s zaken; citizens and medewerkers see all of a reachable household', () => {
    const intermediair: Actor = { role: Role.INTERMEDIAIR, subject: 'x', organisationId: 'KVK:1', employeeId: 'e' };
    expect(zaakZichtbaarheid(intermediair)).toEqual({ ingediendDoorOrganisatie: 'KVK:1' });
    expect(zaakZichtbaarheid({ role: Role.BURGER, subject: '999990019', bsn: '999990019' })).toEqual({});
    expect(zaakZichtbaarheid({ role: Role.MEDEWERKER, subject: 'M1', employeeId: 'M1' })).toEqual({});
  });
});

describe('organisatieVan (toegangslog)', () => {
  it('names the organisation a citizen is told about, never an employee', () => {
    expect(organisatieVan('INTERMEDIAIR', 'KVK:87654321')).toBe('KVK:87654321');
    expect(organisatieVan('MEDEWERKER', null)).toBe(MEDEWERKER_ORGANISATIE);
    expect(organisatieVan('SYSTEEM', null)).toBe(SYSTEEM_ORGANISATIE);
    expect(organisatieVan('BURGER', null)).toBeNull();
  });
});

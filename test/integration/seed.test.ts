import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Decimal from 'decimal.js';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormConfig } from '../../src/db/orm.config';
import { Betalingsregeling } from '../../src/modules/betalingsregeling/betalingsregeling.entity';
import { Termijn } from '../../src/modules/betalingsregeling/termijn.entity';
import { HouseholdMember } from '../../src/modules/household/household-member.entity';
import { SchuldEvent } from '../../src/modules/schuld/schuld-event.entity';
import { Schuld } from '../../src/modules/schuld/schuld.entity';
import { standaardTermijnen } from '../../src/modules/betalingsregeling/betalingsregeling.rules';
import { isValidBsn } from '../../src/shared/bsn';
import { TABLE_NAMES } from '../../src/seed/copy-format';
import { GEMEENTEN } from '../../src/seed/gemeenten';
import { SEED_INTERMEDIAIR_ORG, SEED_MACHTIGING_EVERY } from '../../src/seed/machtiging.generator';
import { seedDatabase, type SeedReport } from '../../src/seed/seed.runner';
import { createTestDatabase, type TestDatabase } from '../support/db';

// `npm run seed`: deterministic synthetic households. Seeds a few hundred households into test
// databases and checks, in SQL, determinism, identifiers and every domain invariant of the data.

jest.setTimeout(180_000);

const N = 400;
const SEED = 20261122;
const CLI = path.join(__dirname, '..', '..', 'dist', 'src', 'cli', 'seed.js');
const TERMINAL = `('VOLDAAN', 'KWIJTGESCHOLDEN', 'BUITEN_INVORDERING')`;

let inline: TestDatabase; // seeded in-process (generator inline, small chunks)
let viaCli: TestDatabase; // seeded by the compiled command (generator in a worker thread)
let other: TestDatabase; // another seed
let empty: TestDatabase; // only migrated: the reference schema
let db: Client;
let report: SeedReport;
const clients: Client[] = [];

async function connect(t: TestDatabase): Promise<Client> {
  const c = new Client({ connectionString: t.url });
  await c.connect();
  clients.push(c);
  return c;
}

function runCli(t: TestDatabase, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: t.url, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One md5 per table over all rows in a stable order: equal data ⇔ equal checksums. */
async function checksums(t: TestDatabase): Promise<Record<string, string>> {
  const c = await connect(t);
  const out: Record<string, string> = {};
  for (const table of TABLE_NAMES) {
    const { rows } = await c.query(`select md5(coalesce(string_agg(r::text, E'\\n' order by r::text), '')) as sum from "${table}" r`);
    out[table] = rows[0].sum;
  }
  return out;
}

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await db.query(`select count(*)::int as n from (${sql}) x`, params);
  return rows[0].n;
}

beforeAll(async () => {
  [inline, viaCli, other, empty] = await Promise.all([createTestDatabase(), createTestDatabase(), createTestDatabase(), createTestDatabase()]);
  report = await seedDatabase({ url: inline.url, households: N, seed: SEED, reset: false, chunkSize: 37 });
  await seedDatabase({ url: other.url, households: N, seed: SEED + 1, reset: false, chunkSize: 500 });
  const cli = runCli(viaCli, '--households', String(N), '--seed', String(SEED), '--chunk-size', '150');
  if (cli.status !== 0) throw new Error(`seed CLI failed: ${cli.stderr}`);
  db = await connect(inline);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end()));
  await Promise.all([inline, viaCli, other, empty].filter(Boolean).map((t) => t.drop()));
});

describe('determinism', () => {
  it('the same N and seed give identical rows, ids included, whatever the chunk size or process', async () => {
    const a = await checksums(inline);
    const b = await checksums(viaCli);
    expect(b).toEqual(a);
    expect(Object.values(a).every((s) => /^[0-9a-f]{32}$/.test(s))).toBe(true);
  });

  it('another seed gives other data in every table', async () => {
    const a = await checksums(inline);
    const c = await checksums(other);
    for (const table of TABLE_NAMES) expect([table, c[table]]).not.toEqual([table, a[table]]);
  });

  it('reports the rows it stored', async () => {
    for (const table of TABLE_NAMES) {
      const { rows } = await db.query(`select count(*)::int as n from "${table}"`);
      expect([table, rows[0].n]).toEqual([table, report.rows[table]]);
    }
    expect(report.rows.household).toBe(N);
  });

  it('ids are lowercase UUIDs, not the demo ids', async () => {
    expect(await count(`select id from household where id::text !~ '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' or id::text like '0e8a4a6c-%'`)).toBe(0);
  });
});

describe('schema and integrity after the bulk load', () => {
  it('has exactly the indexes and constraints of the migrations, all validated', async () => {
    const shape = async (c: Client) =>
      (
        await c.query(`select conrelid::regclass::text as t, conname, pg_get_constraintdef(oid) as def, convalidated from pg_constraint
                        where connamespace = 'public'::regnamespace
                       union all
                       select tablename, indexname, indexdef, true from pg_indexes where schemaname = 'public'
                       order by 1, 2, 3`)
      ).rows;
    const reference = await shape(await connect(empty));
    expect(await shape(db)).toEqual(reference);
    expect(reference.filter((r) => /^FOREIGN KEY /.test(r.def)).length).toBeGreaterThanOrEqual(15);
  });

  it('foreign keys hold (checked again by hand)', async () => {
    for (const [child, col, parent] of [
      ['household_member', 'household_id', 'household'],
      ['household_member', 'person_id', 'person'],
      ['toeslag', 'household_id', 'household'],
      ['beschikking', 'toeslag_id', 'toeslag'],
      ['schuld', 'beschikking_id', 'beschikking'],
      ['schuld_event', 'schuld_id', 'schuld'],
      ['termijn', 'betalingsregeling_id', 'betalingsregeling'],
      ['betalingsregeling_schuld', 'schuld_id', 'schuld'],
    ] as const) {
      expect([child, col, await count(`select 1 from "${child}" c where not exists (select 1 from "${parent}" p where p.id = c.${col})`)]).toEqual([child, col, 0]);
    }
  });

  it('the schuld_event sequence continues after the seeded ids', async () => {
    const { rows } = await db.query(`select max(id)::bigint as max, nextval(pg_get_serial_sequence('schuld_event', 'id'))::bigint as next from schuld_event`);
    expect(BigInt(rows[0].next)).toBeGreaterThan(BigInt(rows[0].max));
  });
});

describe('households, persons, addresses', () => {
  it('every BSN is 9 digits, passes the 11-proef, is unique and outside the 99999xxxx demo range', async () => {
    const { rows } = await db.query<{ bsn: string }>('select bsn from person');
    expect(rows.length).toBe(report.rows.person);
    expect(rows.filter((r) => !isValidBsn(r.bsn))).toEqual([]);
    expect(new Set(rows.map((r) => r.bsn)).size).toBe(rows.length);
    expect(rows.filter((r) => r.bsn.startsWith('99999'))).toEqual([]);
    // and in SQL, the rule itself
    expect(
      await count(`select bsn from person, lateral (select sum((9 - i) * substr(bsn, i + 1, 1)::int) - substr(bsn, 9, 1)::int as s from generate_series(0, 7) i) p
                   where p.s % 11 <> 0 or p.s = 0`),
    ).toBe(0);
  });

  it('every household has exactly one current AANVRAGER; every person one membership', async () => {
    expect(await count(`select h.id from household h left join household_member m on m.household_id = h.id and m.rol = 'AANVRAGER' and m.tot is null group by h.id having count(m.id) <> 1`)).toBe(0);
    expect(await count(`select person_id from household_member group by 1 having count(*) <> 1`)).toBe(0);
    expect(await count(`select 1 from person p where not exists (select 1 from household_member m where m.person_id = p.id)`)).toBe(0);
    expect(await count(`select 1 from household_member where tot is not null and tot <= vanaf`)).toBe(0);
  });

  it('has plausible household compositions', async () => {
    const { rows } = await db.query(`select rol, count(distinct household_id)::int as households from household_member where tot is null group by rol`);
    const per = Object.fromEntries(rows.map((r) => [r.rol, r.households / N]));
    expect(per.AANVRAGER).toBe(1);
    expect(per.TOESLAGPARTNER).toBeGreaterThan(0.3);
    expect(per.TOESLAGPARTNER).toBeLessThan(0.7);
    expect(per.KIND).toBeGreaterThan(0.2);
    expect(per.KIND).toBeLessThan(0.6);
    expect(per.MEDEBEWONER).toBeGreaterThan(0);
    expect(per.MEDEBEWONER).toBeLessThan(0.1);
    expect(await count(`select 1 from household_member where tot is not null`)).toBeGreaterThan(0);
  });

  it('uses real gemeentecodes, with postcodes of that woonplaats', async () => {
    const byCode = new Map(GEMEENTEN.map((g) => [g.code, g]));
    expect(GEMEENTEN.length).toBeGreaterThanOrEqual(30);
    const { rows } = await db.query('select gemeentecode, adres_postcode, adres_woonplaats, adres_huisnummer from household');
    for (const r of rows) {
      const g = byCode.get(r.gemeentecode);
      expect(g).toBeDefined();
      expect(r.adres_postcode).toMatch(/^[1-9]\d{3}[A-EGHJ-NPRSTVWXZ]{2}$/);
      expect(['SA', 'SD', 'SS']).not.toContain(r.adres_postcode.slice(4));
      const pc4 = Number(r.adres_postcode.slice(0, 4));
      expect(pc4 >= g!.postcodeVan && pc4 <= g!.postcodeTot).toBe(true);
      expect(r.adres_woonplaats).toBe(g!.woonplaats);
      expect(r.adres_huisnummer).toBeGreaterThan(0);
    }
    expect(new Set(rows.map((r) => r.gemeentecode)).size).toBeGreaterThan(20);
    // Weighted: Amsterdam far more often than Urk.
    const n = (code: string) => rows.filter((r) => r.gemeentecode === code).length;
    expect(n('0363')).toBeGreaterThan(n('0184'));
  });
});

describe('toeslagen and beschikkingen', () => {
  it('has every toeslag type, years up to the running 2026', async () => {
    const { rows } = await db.query(`select soort, min(berekeningsjaar) as min, max(berekeningsjaar) as max from toeslag group by soort`);
    expect(rows.map((r) => r.soort).sort()).toEqual(['HUURTOESLAG', 'KINDEROPVANGTOESLAG', 'KINDGEBONDEN_BUDGET', 'ZORGTOESLAG']);
    for (const r of rows) expect(r.max).toBe(2026);
  });

  it('one VOORLOPIG per toeslag, matching its voorschot; DEFINITIEF exactly for definitief toegekende years', async () => {
    expect(await count(`select t.id from toeslag t left join beschikking b on b.toeslag_id = t.id and b.soort = 'VOORLOPIG' group by t.id having count(b.id) <> 1`)).toBe(0);
    expect(
      await count(`select 1 from toeslag t join beschikking b on b.toeslag_id = t.id and b.soort = 'VOORLOPIG'
                   where b.voorschot_maandbedrag <> t.voorschot_maandbedrag or b.voorschot_percentage <> t.voorschot_percentage
                      or t.voorschot_maandbedrag <> floor(t.berekend_voorschot_maandbedrag * t.voorschot_percentage) / 100
                      or b.jaarbedrag <> t.berekend_voorschot_maandbedrag * (13 - extract(month from b.ingangsdatum))
                      or extract(year from b.ingangsdatum) <> t.berekeningsjaar or b.dagtekening > b.ingangsdatum`),
    ).toBe(0);
    expect(
      await count(`select t.id from toeslag t left join beschikking b on b.toeslag_id = t.id and b.soort = 'DEFINITIEF' group by t.id, t.status
                   having count(b.id) <> (case when t.status = 'DEFINITIEF_TOEGEKEND' then 1 else 0 end)`),
    ).toBe(0);
    expect(await count(`select 1 from toeslag where berekeningsjaar = 2026 and status <> 'VOORLOPIG_TOEGEKEND'`)).toBe(0);
    expect(await count(`select 1 from toeslag where berekeningsjaar <= 2024 and status <> 'DEFINITIEF_TOEGEKEND'`)).toBe(0);
    expect(await count(`select 1 from beschikking b join toeslag t on t.id = b.toeslag_id where b.household_id <> t.household_id`)).toBe(0);
  });

  it('DEFINITIEF: betaalde voorschotten = monthly voorschot × months; TERUGVORDERING exactly when they exceed the definitive amount', async () => {
    expect(
      await count(`select 1 from beschikking d join beschikking v on v.toeslag_id = d.toeslag_id and v.soort = 'VOORLOPIG'
                   where d.soort = 'DEFINITIEF' and d.betaalde_voorschotten <> v.voorschot_maandbedrag * (13 - extract(month from v.ingangsdatum))`),
    ).toBe(0);
    expect(
      await count(`select 1 from beschikking d left join beschikking tv on tv.toeslag_id = d.toeslag_id and tv.soort = 'TERUGVORDERING'
                   where d.soort = 'DEFINITIEF' and (
                     (d.betaalde_voorschotten > d.jaarbedrag) <> (tv.id is not null)
                     or tv.terug_te_betalen <> d.betaalde_voorschotten - d.jaarbedrag
                     or tv.betaalde_voorschotten <> d.betaalde_voorschotten
                     or tv.dagtekening <> d.dagtekening)`),
    ).toBe(0);
    expect(await count(`select 1 from beschikking where soort = 'TERUGVORDERING' and not (terug_te_betalen > 0 and reden <> '')`)).toBe(0);
  });
});

describe('schulden', () => {
  it('one schuld per terugvorderingsbeschikking, with its amount, dagtekening and vervaldatum = dagtekening + 42', async () => {
    expect(await count(`select 1 from beschikking where soort = 'TERUGVORDERING'`)).toBe(report.rows.schuld);
    expect(
      await count(`select 1 from schuld s join beschikking b on b.id = s.beschikking_id
                   where b.soort <> 'TERUGVORDERING' or s.toeslag_id <> b.toeslag_id or s.household_id <> b.household_id
                      or s.dagtekening <> b.dagtekening or s.oorspronkelijk_bedrag <> b.terug_te_betalen
                      or s.vervaldatum <> s.dagtekening + 42`),
    ).toBe(0);
    expect(await count(`select beschikking_id from schuld group by 1 having count(*) > 1`)).toBe(0);
  });

  it('open amounts: 0 ≤ open ≤ oorspronkelijk; VOLDAAN exactly when nothing is open', async () => {
    expect(await count(`select 1 from schuld where openstaand_bedrag < 0 or openstaand_bedrag > oorspronkelijk_bedrag or kosten < 0`)).toBe(0);
    expect(await count(`select 1 from schuld where (status = 'VOLDAAN') <> (openstaand_bedrag = 0 and kosten = 0)`)).toBe(0);
  });

  it('money reconciles with the history: oorspronkelijk + costs − payments = open + kosten', async () => {
    expect(
      await count(`select 1 from schuld s left join (
                     select schuld_id, sum(bedrag) filter (where soort in ('AANMANING', 'DWANGBEVEL')) as kosten,
                            sum(bedrag) filter (where soort = 'BETALING') as betaald
                     from schuld_event group by schuld_id) e on e.schuld_id = s.id
                   where s.oorspronkelijk_bedrag + coalesce(e.kosten, 0) - coalesce(e.betaald, 0) <> s.openstaand_bedrag + s.kosten`),
    ).toBe(0);
    expect(await count(`select 1 from schuld_event where soort in ('AANMANING', 'DWANGBEVEL', 'BETALING') and not bedrag > 0`)).toBe(0);
  });

  it('the history starts with ONTSTAAN and its status changes chain up to the current status and status_sinds', async () => {
    expect(
      await count(`select 1 from (select distinct on (schuld_id) schuld_id, soort, naar_status, datum from schuld_event order by schuld_id, datum, id) f
                   join schuld s on s.id = f.schuld_id where f.soort <> 'ONTSTAAN' or f.naar_status <> 'OPEN' or f.datum <> s.dagtekening`),
    ).toBe(0);
    expect(await count(`select 1 from schuld s where not exists (select 1 from schuld_event e where e.schuld_id = s.id)`)).toBe(0);
    expect(
      await count(`select 1 from (select e.*, lag(naar_status) over w as vorige, row_number() over w as rn
                                    from schuld_event e where naar_status is not null window w as (partition by schuld_id order by datum, id)) c
                   where (rn = 1 and van_status is not null) or (rn > 1 and van_status is distinct from vorige)`),
    ).toBe(0);
    expect(
      await count(`select 1 from (select distinct on (schuld_id) schuld_id, naar_status, datum from schuld_event
                                   where naar_status is not null order by schuld_id, datum desc, id desc) l
                   join schuld s on s.id = l.schuld_id where l.naar_status <> s.status or l.datum <> s.status_sinds`),
    ).toBe(0);
    // ids follow the history: ordering by id is ordering by date
    expect(await count(`select 1 from (select datum, lag(datum) over (partition by schuld_id order by id) as vorige from schuld_event) e where e.vorige > e.datum`)).toBe(0);
    expect(await count(`select 1 from schuld_event e join schuld s on s.id = e.schuld_id where e.household_id <> s.household_id`)).toBe(0);
  });

  it('collection follows the norms: herinnering 7 days after the vervaldatum, aanmaning 14 later (costs 8.00), dwangbevel 14 later (48.00)', async () => {
    expect(
      await count(`select 1 from schuld_event e join schuld s on s.id = e.schuld_id where
                     (e.soort = 'HERINNERING' and (e.datum <> s.vervaldatum + 7 or e.bedrag is not null))
                  or (e.soort = 'AANMANING' and (e.datum <> s.vervaldatum + 21 or e.bedrag <> 8.00))
                  or (e.soort = 'DWANGBEVEL' and (e.datum <> s.vervaldatum + 35 or e.bedrag <> 48.00))`),
    ).toBe(0);
  });

  it('UHT: every open schuld of a registered household is paused, with a GEPAUZEERD event; nothing is collected after it', async () => {
    expect(await count(`select 1 from household where uht_geregistreerd`)).toBeGreaterThan(0);
    expect(await count(`select 1 from schuld s join household h on h.id = s.household_id where h.uht_geregistreerd and s.status not in ${TERMINAL} and not s.gepauzeerd`)).toBe(0);
    expect(await count(`select 1 from schuld s join household h on h.id = s.household_id where not h.uht_geregistreerd and s.gepauzeerd`)).toBe(0);
    expect(await count(`select 1 from schuld s where s.gepauzeerd <> exists (select 1 from schuld_event e where e.schuld_id = s.id and e.soort = 'GEPAUZEERD')`)).toBe(0);
    expect(
      await count(`select 1 from schuld_event p join schuld_event e on e.schuld_id = p.schuld_id and e.id > p.id
                   where p.soort = 'GEPAUZEERD' and e.soort in ('HERINNERING', 'AANMANING', 'DWANGBEVEL', 'BETALING', 'REGELING_GESTART')`),
    ).toBe(0);
    expect(await count(`select 1 from betalingsregeling r join household h on h.id = r.household_id where h.uht_geregistreerd`)).toBe(0);
    expect(await count(`select 1 from schuld s join household h on h.id = s.household_id where h.uht_geregistreerd and s.gepauzeerd`)).toBeGreaterThan(0);
  });

  it('dagtekening 2016 or earlier: buiten invordering unless fraud; BUITEN_INVORDERING only there', async () => {
    expect(await count(`select 1 from schuld where dagtekening <= '2016-12-31' and not fraude`)).toBeGreaterThan(0);
    expect(await count(`select 1 from schuld where dagtekening <= '2016-12-31' and fraude`)).toBeGreaterThan(0);
    expect(await count(`select 1 from schuld where dagtekening <= '2016-12-31' and not fraude and status not in ('BUITEN_INVORDERING', 'VOLDAAN')`)).toBe(0);
    expect(await count(`select 1 from schuld where status = 'BUITEN_INVORDERING' and (fraude or dagtekening > '2016-12-31')`)).toBe(0);
  });

  it('at or below the doelmatigheidsgrens (€116): never collected', async () => {
    expect(await count(`select 1 from schuld where oorspronkelijk_bedrag <= 116 and dagtekening > '2016-12-31'`)).toBeGreaterThan(0);
    expect(
      await count(`select 1 from schuld s join schuld_event e on e.schuld_id = s.id where s.oorspronkelijk_bedrag <= 116 and s.dagtekening > '2016-12-31'
                   and e.soort in ('HERINNERING', 'AANMANING', 'DWANGBEVEL', 'REGELING_GESTART')`),
    ).toBe(0);
  });

  it('contains every special case and state', async () => {
    const { rows } = await db.query(`select status, count(*)::int as n from schuld group by status`);
    const per = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    for (const status of ['OPEN', 'HERINNERD', 'AANGEMAAND', 'DWANGBEVEL', 'IN_BETALINGSREGELING', 'VOLDAAN', 'BUITEN_INVORDERING']) {
      expect([status, per[status] > 0]).toEqual([status, true]);
    }
    expect(await count(`select 1 from schuld where fraude`)).toBeGreaterThan(0);
    expect(await count(`select 1 from schuld where status = 'AANGEMAAND' and kosten > 0`)).toBeGreaterThan(0);
    expect(await count(`select 1 from schuld where status = 'DWANGBEVEL' and kosten > 0`)).toBeGreaterThan(0);
    expect(await count(`select 1 from schuld where status not in ${TERMINAL} and openstaand_bedrag < oorspronkelijk_bedrag`)).toBeGreaterThan(0);
    expect(await count(`select betalingsregeling_id from betalingsregeling_schuld group by 1 having count(*) > 1`)).toBeGreaterThan(0);
    expect(await count(`select 1 from betalingsregeling where status = 'VOLDAAN'`)).toBeGreaterThan(0);
    expect(await count(`select 1 from betalingsregeling where status = 'ACTIEF'`)).toBeGreaterThan(0);
  });
});

describe('betalingsregelingen', () => {
  it('termijnen are those of standaardTermijnen and sum exactly to the total', async () => {
    const { rows: regelingen } = await db.query(
      `select r.id, r.totaal_bedrag, r.termijnbedrag, r.aantal_termijnen, to_char(r.startdatum, 'YYYY-MM-DD') as startdatum,
              json_agg(json_build_object('v', t.volgnummer, 'd', to_char(t.vervaldatum, 'YYYY-MM-DD'), 'b', t.bedrag::text) order by t.volgnummer) as termijnen
         from betalingsregeling r join termijn t on t.betalingsregeling_id = r.id group by r.id`,
    );
    expect(regelingen.length).toBe(report.rows.betalingsregeling);
    for (const r of regelingen) {
      const plan = standaardTermijnen(new Decimal(r.totaal_bedrag), r.startdatum);
      expect(r.termijnen).toEqual(plan.map((p) => ({ v: p.volgnummer, d: p.vervaldatum, b: p.bedrag.toFixed(2) })));
      expect(r.aantal_termijnen).toBe(plan.length);
      expect(r.termijnbedrag).toBe(plan[0].bedrag.toFixed(2));
    }
    expect(await count(`select 1 from betalingsregeling r where r.totaal_bedrag <> (select sum(bedrag) from termijn t where t.betalingsregeling_id = r.id)`)).toBe(0);
    expect(await count(`select 1 from betalingsregeling where soort <> 'STANDAARD'`)).toBe(0);
  });

  it('covers schulden of its own household; total = their amounts; paid termijnen = principal paid off', async () => {
    expect(
      await count(`select r.id from betalingsregeling r join betalingsregeling_schuld rs on rs.betalingsregeling_id = r.id join schuld s on s.id = rs.schuld_id
                   group by r.id, r.totaal_bedrag
                   having bool_or(s.household_id <> r.household_id) or r.totaal_bedrag <> sum(s.oorspronkelijk_bedrag)
                       or (select sum(betaald_bedrag) from termijn t where t.betalingsregeling_id = r.id) <> sum(s.oorspronkelijk_bedrag - s.openstaand_bedrag)
                       or bool_or(s.status not in ('IN_BETALINGSREGELING', 'VOLDAAN'))
                       or (r.status = 'VOLDAAN') <> bool_and(s.status = 'VOLDAAN')`),
    ).toBe(0);
    expect(await count(`select 1 from schuld s where (s.status = 'IN_BETALINGSREGELING') and not exists (select 1 from betalingsregeling_schuld rs where rs.schuld_id = s.id)`)).toBe(0);
    expect(await count(`select 1 from betalingsregeling_schuld rs where not exists (select 1 from schuld_event e where e.schuld_id = rs.schuld_id and e.soort = 'REGELING_GESTART')`)).toBe(0);
  });

  it('paid termijnen are paid in full, in order, and only when due', async () => {
    expect(
      await count(`select 1 from termijn where not ((betaald_bedrag = 0 and betaald_op is null) or (betaald_bedrag = bedrag and betaald_op = vervaldatum))`),
    ).toBe(0);
    expect(
      await count(`select 1 from termijn a join termijn b on b.betalingsregeling_id = a.betalingsregeling_id and b.volgnummer > a.volgnummer
                   where a.betaald_bedrag = 0 and b.betaald_bedrag > 0`),
    ).toBe(0);
    expect(await count(`select 1 from termijn where betaald_op >= '2026-11-22'`)).toBe(0);
    expect(
      await count(`select 1 from betalingsregeling r where (r.status = 'VOLDAAN') <> not exists (select 1 from termijn t where t.betalingsregeling_id = r.id and t.betaald_bedrag < t.bedrag)`),
    ).toBe(0);
  });
});

describe('read back through the entities', () => {
  it('MikroORM loads seeded rows of every kind with decimal money and the right relations', async () => {
    const orm = await MikroORM.init(ormConfig({ clientUrl: inline.url, poolMax: 2 }));
    try {
      const em = orm.em.fork() as EntityManager;
      const schulden = await em.find(Schuld, { status: 'IN_BETALINGSREGELING' as never }, { populate: ['beschikking', 'toeslag', 'household'], limit: 20 });
      expect(schulden.length).toBeGreaterThan(0);
      for (const s of schulden) {
        expect(Decimal.isDecimal(s.openstaandBedrag)).toBe(true);
        expect(s.oorspronkelijkBedrag.equals(s.beschikking.terugTeBetalen!)).toBe(true);
        expect(s.toeslag.id).toBe((s.beschikking.toeslag as { id: string }).id);
      }
      const regeling = await em.findOneOrFail(Betalingsregeling, { schulden: { $some: {} } }, { populate: ['schulden'] });
      const termijnen = await em.find(Termijn, { betalingsregeling: regeling }, { orderBy: { volgnummer: 'asc' } });
      expect(termijnen.reduce((sum, t) => sum.plus(t.bedrag), new Decimal(0)).equals(regeling.totaalBedrag)).toBe(true);
      expect(regeling.schulden.getItems().every((s) => s.household.id === regeling.household.id)).toBe(true);
      expect(await em.count(SchuldEvent, { soort: 'GEPAUZEERD' as never })).toBeGreaterThan(0);
      expect(await em.count(HouseholdMember, { rol: 'AANVRAGER' as never, tot: null })).toBe(N);
    } finally {
      await orm.close(true);
    }
  });
});

describe('machtigingen (for the intermediary benchmark)', () => {
  it('every 20th household has an ACTIEF HANDELEN machtiging of the seed intermediary, valid after the reference date', async () => {
    const { rows } = await db.query(
      `select m.organisation_id, m.scope, m.status, m.verleend_via, m.geldig_tot::text as geldig_tot, m.geactiveerd_op::date::text as geactiveerd, m.household_id
         from machtiging m order by m.household_id`,
    );
    expect(rows.length).toBe(N / SEED_MACHTIGING_EVERY);
    expect(report.rows.machtiging).toBe(N / SEED_MACHTIGING_EVERY);
    for (const r of rows) {
      expect([r.organisation_id, r.scope, r.status, r.verleend_via]).toEqual([SEED_INTERMEDIAIR_ORG, 'HANDELEN', 'ACTIEF', 'DIRECT']);
      expect(r.geldig_tot >= '2027-11-21').toBe(true);
      expect(r.geactiveerd < '2026-11-22').toBe(true);
    }
    expect(new Set(rows.map((r) => r.household_id)).size).toBe(rows.length);
    expect(await count(`select 1 from machtiging where activeringscode is not null`)).toBe(0);
  });
});

describe('dates', () => {
  it('everything that happened, happened before 22 November 2026', async () => {
    const { rows } = await db.query(`select greatest(
        (select max(created_at) from household), (select max(updated_at) from household_member), (select max(tot) from household_member),
        (select max(vanaf) from household_member), (select max(geboortedatum) from person), (select max(dagtekening) from beschikking),
        (select max(ingangsdatum) from beschikking), (select max(dagtekening) from schuld), (select max(status_sinds) from schuld),
        (select max(datum) from schuld_event), (select max(betaald_op) from termijn), (select max(created_at) from betalingsregeling)
      )::date::text as last`);
    expect(rows[0].last < '2026-11-22').toBe(true);
  });
});

describe('the command', () => {
  it('refuses a database that has households, with one line and exit code 1, and changes nothing', async () => {
    const before = await checksums(viaCli);
    const r = runCli(viaCli, '--households', '10');
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^error: the database already has 400 households .*--reset/);
    expect(await checksums(viaCli)).toEqual(before);
  });

  it('--reset replaces all household data, keeping norms, processing activities and the access log', async () => {
    const c = await connect(viaCli);
    await c.query(`insert into access_log_entry (trace_id, span_id, operation_name, operation_type, resources, processing_activity_id, household_id,
                     actor_role, actor_subject, started_at, ended_at, status)
                   select repeat('a', 32), repeat('b', 16), 'Test', 'read', '{Household}', 'medewerker-zaakbehandeling', id, 'MEDEWERKER', 'M1', now(), now(), 'OK'
                     from household limit 1`);
    const kept = async () =>
      (await c.query(`select (select count(*) from norm) as norms, (select count(*) from processing_activity) as activities, (select count(*) from access_log_entry) as log`)).rows[0];
    const before = await kept();
    const r = runCli(viaCli, '--households', String(N), '--seed', String(SEED + 1), '--reset');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(/seeded 400 households \(seed 20261123\) in [\d.]+ s: [\d,]+ rows\/s/);
    expect(r.stdout).toMatch(/^\s+schuld_event\s+[\d,]+$/m);
    expect(await kept()).toEqual(before);
    expect(await checksums(viaCli)).toEqual(await checksums(other));
  });

  it('rejects bad arguments with one line', () => {
    for (const args of [[], ['--households', 'many'], ['--households', '0'], ['--households', '10', '--seed', '-1'], ['--households', '10', '--bogus']]) {
      const r = runCli(empty, ...args);
      expect([args, r.status]).toEqual([args, 1]);
      expect(r.stderr).toMatch(/^error: /);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

// Scenario (c): a gemeente's vroegsignalen feed, one page of 50, rotating over the pages
// of the gemeente with the most signals. Optional: runs only when this build's schema has
// Query.vroegsignalen (checked by introspection before anything else); otherwise the run reports
// "not available in this build". The selection is every field of the signal type (from
// introspection), so it follows the type as the schema defines it.
//
// The signals are made by the real daily step on the benchmark database (prepareData, once per data
// set, recorded in its marker): every gemeente of the seeded households takes part
// (vroegsignalering_deelname rows, registration data like the seed's), then createVroegsignalen runs
// (from dist/, as runInvordering calls it) on the seed's reference date, on which the seeded
// schulden in AANGEMAAND or DWANGBEVEL have their aanmaning.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { claims } from '../lib/keys.mjs';
import { readPrepared, writePrepared } from '../lib/dataset.mjs';
import { rootField, selectAll, unwrap, typeByName } from '../lib/introspection.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const PAGE = 50;
const MAX_PAGES = 50;
/** Bump when prepareData changes what it makes: a data set prepared by an older version is prepared again. */
const PREPARED_VERSION = 1;
const BY = 'bench';

function feedQuery(introspection) {
  const field = rootField(introspection, 'Query', 'vroegsignalen');
  const connection = unwrap(field.type).name;
  const nodesField = typeByName(introspection, connection)?.fields?.find((f) => f.name === 'nodes');
  if (!nodesField) throw new Error(`Query.vroegsignalen returns ${connection}, which has no nodes field: adapt bench/scenarios/vroegsignalen.mjs`);
  const nodeType = unwrap(nodesField.type).name;
  return `query Vroegsignalen($after: String) { vroegsignalen(first: ${PAGE}, after: $after) { nodes { ${selectAll(introspection, nodeType, 1)} } pageInfo { hasNextPage endCursor } } }`;
}

const publishedSignals = async (db) => Number((await db.query('select count(*) as n from vroegsignaal where volgnummer is not null')).rows[0].n);

/**
 * Registers every gemeente of the data set as participating and runs the daily vroegsignalering
 * step on the seed's reference date. Idempotent (the step is idempotent per date, the registration
 * is only added where missing); skipped when the marker says it was done and the signals are there.
 */
async function prepareData({ db, url, keys, log }) {
  const done = await readPrepared(url, 'vroegsignalen');
  if (done?.version === PREPARED_VERSION && (await publishedSignals(db)) > 0) {
    log(`  scenario c: reusing ${done.signals.toLocaleString('en-US')} vroegsignalen of ${done.gemeenten} gemeenten (made ${done.at})`);
    return;
  }
  const { REFERENCE_DATE } = require(path.join(ROOT, 'dist', 'src', 'seed', 'calendar.js'));
  const { GEMEENTEN } = require(path.join(ROOT, 'dist', 'src', 'seed', 'gemeenten.js'));
  const names = new Map(GEMEENTEN.map((g) => [g.code, g.naam]));
  const codes = (await db.query('select distinct gemeentecode from household order by 1')).rows.map((r) => r.gemeentecode);
  // Participation from before the seeded history to far ahead, so the feed is open on any run date.
  const registered = await db.query(
    `insert into vroegsignalering_deelname (id, gemeentecode, naam, vanaf, tot, gewijzigd_door)
     select gen_random_uuid(), g.code, g.naam, date '2000-01-01', date '2100-01-01', $3
       from unnest($1::text[], $2::text[]) as g(code, naam)
      where not exists (select 1 from vroegsignalering_deelname d where d.gemeentecode = g.code and d.vanaf <= $4::date and $4::date < d.tot)`,
    [codes, codes.map((c) => names.get(c) ?? `Gemeente ${c}`), BY, REFERENCE_DATE],
  );
  const { rows: [{ n: achterstallig }] } = await db.query(`select count(distinct household_id)::int as n from schuld where status in ('AANGEMAAND', 'DWANGBEVEL')`);
  log(`  scenario c: ${registered.rowCount} of ${codes.length} gemeenten registered as participating; creating vroegsignalen on ${REFERENCE_DATE} (${achterstallig.toLocaleString('en-US')} households with a schuld after an aanmaning)`);

  const { MikroORM } = require('@mikro-orm/postgresql');
  const { ormConfig } = require(path.join(ROOT, 'dist', 'src', 'db', 'orm.config.js'));
  const { createVroegsignalen } = require(path.join(ROOT, 'dist', 'src', 'modules', 'vroegsignalering', 'vroegsignalering.engine.js'));
  const { createPseudonymiser } = require(path.join(ROOT, 'dist', 'src', 'modules', 'accesslog', 'pseudonym.js'));
  // The step runs as of the seed's reference date: its clock says it is that day.
  const { PinnedClock } = require(path.join(ROOT, 'dist', 'src', 'shared', 'clock.js'));
  const orm = await MikroORM.init(ormConfig({ clientUrl: url, poolMax: 2 }));
  const started = Date.now();
  let r;
  try {
    r = await createVroegsignalen(orm.em.fork(), { datum: REFERENCE_DATE, clock: new PinnedClock(REFERENCE_DATE), pseudonymise: createPseudonymiser(keys.pseudonymKey) });
  } finally {
    await orm.close(true);
  }
  const seconds = (Date.now() - started) / 1000;
  const signals = await publishedSignals(db);
  log(`  scenario c: ${r.onderzocht.toLocaleString('en-US')} households examined, ${r.geopend.toLocaleString('en-US')} signals opened, ${signals.toLocaleString('en-US')} in the feeds (${seconds.toFixed(1)} s)`);
  if (signals === 0) throw new Error(`the daily vroegsignalering step on ${REFERENCE_DATE} created no signal (${achterstallig} households with a schuld after an aanmaning)`);
  await writePrepared(url, 'vroegsignalen', { version: PREPARED_VERSION, datum: REFERENCE_DATE, gemeenten: codes.length, signals, seconds, at: new Date().toISOString() });
}

export default {
  id: 'c',
  name: 'vroegsignalen-feed',
  title: "a gemeente's vroegsignalen feed, page of 50 (GEMEENTE)",
  requires: { type: 'Query', field: 'vroegsignalen' },
  targets: ['ours'],
  prepareData,

  /** The gemeente with the most signals in its feed. */
  async prepare({ db, sign, introspection }) {
    const query = feedQuery(introspection);
    const { rows } = await db.query(
      `select gemeentecode, count(*)::int as signals from vroegsignaal where volgnummer is not null group by 1 order by 2 desc, 1 limit 1`,
    );
    if (!rows.length) throw new Error('no gemeente in the data set has any vroegsignaal (prepareData made none)');
    const gemeente = rows[0].gemeentecode;
    return { query, gemeente, signals: rows[0].signals, token: await sign(claims.gemeente(gemeente)), afters: null };
  },

  /** Walks the feed over HTTP once: the cursors of up to MAX_PAGES pages, rotated over by the load. */
  async prepareTarget(target, state, { post, log }) {
    const afters = [null];
    let first = null;
    for (;;) {
      const r = await post('/graphql', { query: state.query, variables: { after: afters.at(-1) } }, { authorization: `Bearer ${state.token}` });
      const conn = r.json?.data?.vroegsignalen;
      if (r.status !== 200 || !conn || r.json.errors) throw new Error(`feed of gemeente ${state.gemeente} refused (${r.status}): ${r.text.slice(0, 800)}`);
      first ??= conn.nodes.length;
      if (!conn.pageInfo.hasNextPage || afters.length >= MAX_PAGES) break;
      afters.push(conn.pageInfo.endCursor);
    }
    if (!first) throw new Error(`the feed of gemeente ${state.gemeente} is empty although it has ${state.signals} signals`);
    state.afters = afters;
    log(`  c: gemeente ${state.gemeente}, ${state.signals.toLocaleString('en-US')} signals, rotating over ${afters.length} page(s) of ${PAGE}`);
  },

  request(target, state, i) {
    return {
      path: '/graphql',
      headers: { authorization: `Bearer ${state.token}` },
      body: JSON.stringify({ query: state.query, variables: { after: state.afters[i % state.afters.length] } }),
    };
  },
};

// Scenario (d): a KOO delivery of 100,000 records (target d): records per second for
// the whole delivery and the server's peak memory. Optional: runs only when this build's schema has
// Mutation.commitBulkKinderopvangLevering (checked by introspection); otherwise the run reports "not
// available in this build".
//
// The delivery takes the bulk path a KOO uses for a large delivery (docs/adr/0025), with the client
// code of `npm run bench:koo` (src/cli/koo-bulk-client.ts, from dist/): createBulkKinderopvangLevering,
// appendBulkKinderopvangChunk with chunks of the maximum size, 2 in flight, then
// commitBulkKinderopvangLevering. The chunks carry their records as recordsNdjson (docs/adr/0031;
// `--koo-format records` sends the typed records instead). The bench KOO and its LRK location are registered in the benchmark
// database by prepareData (registration data, like the seed's). The records are valid for the current
// month; half of their parents are current aanvragers/toeslagpartners of seeded households (a sample
// read from the database), so the commit does real matching and access-log work, the other half match
// no one. Any userError or GraphQL error fails the scenario, and so does a commit that stored fewer
// records than were sent (checked in its result and in koo_record).
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { withClient } from '../lib/dataset.mjs';
import { claims } from '../lib/keys.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const COMMIT_FIELD = 'commitBulkKinderopvangLevering';
export const KOO_ORG = 'KVK:90000002';
export const LRK = '900000001';
const PARALLEL = 2;
/** Most distinct matching parents read from the database. */
const PARENT_SAMPLE = 50_000;

const client = () => require(path.join(ROOT, 'dist', 'src', 'cli', 'koo-bulk-client.js'));

/** Registers the bench KOO and its LRK location (idempotent: only what is missing is added). */
async function prepareData({ db, log }) {
  const org = await db.query(
    `insert into koo_organisatie (id, organisation_id, naam, overeenkomst_status)
     select gen_random_uuid(), $1::text, 'Benchmark KOO', 'OUD_CONVENANT'
      where not exists (select 1 from koo_organisatie where organisation_id = $1::text)`,
    [KOO_ORG],
  );
  const loc = await db.query(
    `insert into koo_locatie (id, organisatie_id, lrk_nummer, naam, actief)
     select gen_random_uuid(), o.id, $2::text, 'Benchmark locatie', true from koo_organisatie o
      where o.organisation_id = $1::text and not exists (select 1 from koo_locatie l where l.organisatie_id = o.id and l.lrk_nummer = $2::text)`,
    [KOO_ORG, LRK],
  );
  await db.query(`update koo_locatie set actief = true where lrk_nummer = $1 and not actief`, [LRK]);
  if (org.rowCount || loc.rowCount) log(`  scenario d: registered KOO ${KOO_ORG} (LRK ${LRK})`);
}

/** The current month in the Netherlands (a delivery is for a month that has started). */
const currentPeriode = () => require(path.join(ROOT, 'dist', 'src', 'shared', 'clock.js')).systemClock.today().slice(0, 7);

/** The record generator of the delivery: half the parents from `parents` (matching), half matching no one. */
export function recordsOf(parents, periode) {
  const { kooBenchRecord, unmatchedBsn } = client();
  const ouderBsn = (i) => (i % 2 === 0 && parents.length ? parents[(i / 2) % parents.length] : unmatchedBsn(i));
  return (i) => kooBenchRecord(i, { periode, lrkNummer: LRK, ouderBsn });
}

export default {
  id: 'd',
  name: 'koo-delivery',
  title: 'a KOO delivery of 100,000 records, bulk path (KOO): records per second, peak memory',
  requires: { type: 'Mutation', field: COMMIT_FIELD },
  targets: ['ours'],
  custom: true,
  prepareData,

  async prepare({ db, url, sign, options }) {
    const records = options.deliveryRecords;
    const { rows } = await db.query(
      `select p.bsn from household_member hm join person p on p.id = hm.person_id
        where hm.tot is null and hm.rol in ('AANVRAGER', 'TOESLAGPARTNER') group by p.bsn limit $1`,
      [Math.min(PARENT_SAMPLE, Math.ceil(records / 2))],
    );
    return { url, token: await sign(claims.koo(KOO_ORG, [LRK])), records, parents: rows.map((r) => r.bsn) };
  },

  async custom(target, state, { origin, log, options }) {
    const { kooGqlClient, stageBulkDelivery, commitBulkDelivery } = client();
    const gql = kooGqlClient(`${origin}/graphql`, state.token);
    const periode = currentPeriode();
    const idempotencyKey = `bench-${Date.now()}`;
    let logged = 0;
    const started = Date.now();
    const staged = await stageBulkDelivery(gql, {
      idempotencyKey,
      periode,
      count: state.records,
      record: recordsOf(state.parents, periode),
      parallel: PARALLEL,
      format: options.kooFormat ?? 'ndjson',
      onChunk: (sent) => {
        if (sent - logged >= 20_000) log(`    ${(logged = sent).toLocaleString('en-US')} records staged`);
      },
    });
    const stagedAt = Date.now();
    const done = await commitBulkDelivery(gql, staged.leveringId);
    const ended = Date.now();
    const seconds = (ended - started) / 1000;
    if (done.userErrors?.length || done.levering?.status !== 'VERWERKT') {
      throw new Error(`commit refused (status ${done.levering?.status}): ${JSON.stringify(done.userErrors).slice(0, 800)}`);
    }
    const stored = await withClient(state.url, async (c) =>
      Number(
        (
          await c.query(
            `select count(*) as n from koo_record r join koo_levering l on l.id = r.levering_id
               join koo_organisatie o on o.id = l.organisatie_id where o.organisation_id = $1 and l.idempotency_key = $2`,
            [KOO_ORG, idempotencyKey],
          )
        ).rows[0].n,
      ),
    );
    if (done.levering.aantalRecords !== state.records || stored !== state.records) {
      throw new Error(`sent ${state.records} records, the commit reports ${done.levering.aantalRecords}, koo_record holds ${stored}`);
    }
    return {
      records: state.records,
      recordsStored: stored,
      recordsMatched: done.levering.aantalGekoppeld,
      chunks: staged.chunks,
      parallel: PARALLEL,
      format: options.kooFormat ?? 'ndjson',
      largestChunkBytes: staged.largestChunkBytes,
      requests: staged.chunks + 2,
      seconds,
      stagingSeconds: (stagedAt - started) / 1000,
      commitSeconds: (ended - stagedAt) / 1000,
      recordsPerSecond: state.records / seconds,
      non2xx: 0,
      errors: 0,
      graphqlErrors: 0,
    };
  },
};

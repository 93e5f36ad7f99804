// Scenario (d): a KOO delivery of 100,000 records (issue 7): records per second and the server's
// peak memory. Optional: runs only when this build's schema has a Mutation field whose name starts
// with "deliver" (checked by introspection); otherwise the run reports "not available in this
// build". The records are generated from the mutation's input type (introspection): the one list of
// input objects in it is the record list; every value is made from its type and field name (see
// valueFor). The records are sent in batches of BATCH records (the API's request body limit is 1 MB),
// each batch with a key of its own (a key names one idempotent delivery); if issue 7 stages a
// delivery over several calls instead, `custom` is the place to follow that. Any userError or
// GraphQL error fails the scenario: nothing passes silently.
import { claims } from '../lib/keys.mjs';
import { rootField, typeByName, unwrap } from '../lib/introspection.mjs';

export const DELIVERY_FIELD = /^deliver/i;
const BATCH = 1000;
const KOO_ORG = 'KVK:90000002';
const LRK = '900000001';

/** A valid BSN (11-proef) from a number: 8 digits of n, the ninth chosen to pass. */
function bsnOf(n) {
  const d = String(100_000_000 + (n % 80_000_000)).slice(1, 9).split('').map(Number);
  d[0] = d[0] || 1;
  const s = d.reduce((acc, x, i) => acc + x * (9 - i), 0);
  for (let last = 0; last <= 9; last++) if ((s - last) % 11 === 0) return d.join('') + last;
  return bsnOf(n + 1);
}

/** A value for one input field of record i, by type and name. */
function valueFor(introspection, field, typeName, kind, i, ctx) {
  const name = field.toLowerCase();
  if (kind === 'ENUM') return typeByName(introspection, typeName).enumValues[i % typeByName(introspection, typeName).enumValues.length].name;
  if (kind === 'INPUT_OBJECT') return objectFor(introspection, typeName, i, ctx);
  switch (typeName) {
    case 'Bsn':
      return bsnOf(name.includes('partner') ? 2 * i + 1 : name.includes('kind') ? 3 * i + 7 : 2 * i);
    case 'Date':
      return name.includes('einde') || name.includes('eind') ? '2027-07-31' : name.includes('geboorte') ? '2022-03-15' : `${ctx.periode}-01`;
    case 'Money':
      return name.includes('prijs') || name.includes('tarief') ? '9.12' : '1094.40';
    case 'Int':
      return /uren|uur/.test(name) ? 120 : name.includes('jaar') ? 2026 : name.includes('maand') ? Number(ctx.periode.slice(5)) : 1;
    case 'Float':
      return 120.5;
    case 'Boolean':
      return false;
    case 'ID':
    case 'String':
      if (name.includes('lrk')) return LRK;
      if (name.includes('periode') || name.includes('maand')) return ctx.periode;
      if (name.includes('key') || name.includes('sleutel')) return ctx.key;
      if (name.includes('geboorte')) return '2022-03-15';
      if (name.includes('naam')) return `Kind ${i}`;
      return `bench-${i}`;
    default:
      return /^\d{4}-\d{2}$/.test(ctx.periode) && name.includes('periode') ? ctx.periode : `bench-${i}`;
  }
}

function objectFor(introspection, typeName, i, ctx, records) {
  const type = typeByName(introspection, typeName);
  const out = {};
  for (const f of type.inputFields) {
    const t = unwrap(f.type);
    if (t.list && t.kind === 'INPUT_OBJECT' && records) out[f.name] = records;
    else if (t.list) out[f.name] = [valueFor(introspection, f.name, t.name, t.kind, i, ctx)];
    else out[f.name] = valueFor(introspection, f.name, t.name, t.kind, i, ctx);
  }
  return out;
}

/** Finds the argument and the path to the record list in the mutation's input. */
function shape(introspection) {
  const field = rootField(introspection, 'Mutation', DELIVERY_FIELD);
  const arg = field.args.find((a) => unwrap(a.type).kind === 'INPUT_OBJECT');
  if (!arg) throw new Error(`Mutation.${field.name} takes no input object: adapt bench/scenarios/koo-delivery.mjs`);
  const inputType = unwrap(arg.type).name;
  const listField = typeByName(introspection, inputType).inputFields.find((f) => unwrap(f.type).list && unwrap(f.type).kind === 'INPUT_OBJECT');
  if (!listField) throw new Error(`${inputType} has no list of records: adapt bench/scenarios/koo-delivery.mjs`);
  const payload = unwrap(field.type).name;
  const payloadFields = typeByName(introspection, payload).fields.map((f) => f.name);
  const selection = [payloadFields.includes('userErrors') ? 'userErrors { field code message }' : '', '__typename'].join(' ');
  return { field: field.name, arg: arg.name, argType: arg.type, inputType, recordType: unwrap(listField.type).name, listField: listField.name, selection };
}

function typeRef(ref) {
  if (ref.kind === 'NON_NULL') return `${typeRef(ref.ofType)}!`;
  if (ref.kind === 'LIST') return `[${typeRef(ref.ofType)}]`;
  return ref.name;
}

export default {
  id: 'd',
  name: 'koo-delivery',
  title: 'a KOO delivery of 100,000 records (KOO): records per second, peak memory',
  requires: { type: 'Mutation', field: DELIVERY_FIELD },
  targets: ['ours'],
  custom: true,

  async prepare({ sign, introspection, options }) {
    const s = shape(introspection);
    const token = await sign(claims.koo(KOO_ORG, [LRK]));
    const mutation = `mutation Deliver($input: ${typeRef(s.argType)}) { ${s.field}(${s.arg}: $input) { ${s.selection} } }`;
    return { ...s, token, mutation, records: options.deliveryRecords, introspection };
  },

  /** Never used for load: (d) is measured by custom(); the pre-check sends one small batch. */
  request(target, state, i) {
    const ctx = { periode: '2026-10', key: `bench-check-${Date.now()}-${i}` };
    const records = [objectFor(state.introspection, state.recordType, i, ctx)];
    return { path: '/graphql', headers: { authorization: `Bearer ${state.token}` }, body: JSON.stringify({ query: state.mutation, variables: { input: objectFor(state.introspection, state.inputType, i, ctx, records) } }) };
  },

  async custom(target, state, { post, log }) {
    const started = Date.now();
    const ctx = { periode: '2026-10', key: '' };
    let sent = 0;
    for (let b = 0; sent < state.records; b++) {
      ctx.key = `bench-${started}-${b}`;
      const n = Math.min(BATCH, state.records - sent);
      const records = Array.from({ length: n }, (_, k) => objectFor(state.introspection, state.recordType, sent + k, ctx));
      const input = objectFor(state.introspection, state.inputType, b, ctx, records);
      const r = await post('/graphql', { query: state.mutation, variables: { input } }, { authorization: `Bearer ${state.token}` });
      const result = r.json?.data?.[state.field];
      if (r.status !== 200 || !result || r.json.errors || result.userErrors?.length) {
        throw new Error(`delivery batch ${b} refused (${r.status}): ${r.text.slice(0, 800)}`);
      }
      sent += n;
      if (b % 20 === 0) log(`    ${sent.toLocaleString('en-US')} records`);
    }
    const seconds = (Date.now() - started) / 1000;
    return { records: sent, batchSize: BATCH, seconds, recordsPerSecond: sent / seconds, non2xx: 0, errors: 0, graphqlErrors: 0 };
  },
};

// Scenario (c): a gemeente's vroegsignalen feed, one page of 50 (issue 6). Optional: runs only when
// this build's schema has Query.vroegsignalen (checked by introspection before anything else);
// otherwise the run reports "not available in this build". The selection is every field of the
// signal type (from introspection), so it follows the type as issue 6 defines it.
import { claims } from '../lib/keys.mjs';
import { rootField, selectAll, unwrap, typeByName } from '../lib/introspection.mjs';

const PAGE = 50;
const MAX_PAGES = 50;

function feedQuery(introspection) {
  const field = rootField(introspection, 'Query', 'vroegsignalen');
  const connection = unwrap(field.type).name;
  const nodesField = typeByName(introspection, connection)?.fields?.find((f) => f.name === 'nodes');
  if (!nodesField) throw new Error(`Query.vroegsignalen returns ${connection}, which has no nodes field: adapt bench/scenarios/vroegsignalen.mjs`);
  const nodeType = unwrap(nodesField.type).name;
  return `query Vroegsignalen($after: String) { vroegsignalen(first: ${PAGE}, after: $after) { nodes { ${selectAll(introspection, nodeType, 1)} } pageInfo { hasNextPage endCursor } } }`;
}

export default {
  id: 'c',
  name: 'vroegsignalen-feed',
  title: "a gemeente's vroegsignalen feed, page of 50 (GEMEENTE)",
  requires: { type: 'Query', field: 'vroegsignalen' },
  targets: ['ours'],

  async prepare({ db, sign, introspection }) {
    const query = feedQuery(introspection);
    // Candidate gemeenten: the largest ones in the data set; the one with the most signals is chosen
    // in prepareTarget (which gemeenten take part is issue 6's data, not this benchmark's).
    const { rows } = await db.query('select gemeentecode from household group by 1 order by count(*) desc limit 51');
    const tokens = new Map();
    for (const r of rows) tokens.set(r.gemeentecode, await sign(claims.gemeente(r.gemeentecode)));
    return { query, tokens, gemeente: null, afters: null };
  },

  async prepareTarget(target, state, { post }) {
    let best = null;
    for (const [code, token] of state.tokens) {
      const r = await post('/graphql', { query: state.query, variables: { after: null } }, { authorization: `Bearer ${token}` });
      const conn = r.json?.data?.vroegsignalen;
      if (!conn) continue; // not a participating gemeente (FORBIDDEN) or another refusal
      if (!best || conn.nodes.length > best.count) best = { code, count: conn.nodes.length };
      if (conn.nodes.length === PAGE) break;
    }
    if (!best || best.count === 0) {
      throw new Error('no gemeente in the data set gets any vroegsignaal: create the signals on the benchmark database first (the daily step of issue 6), then run again');
    }
    state.gemeente = best.code;
    const afters = [null];
    while (afters.length < MAX_PAGES) {
      const r = await post('/graphql', { query: state.query, variables: { after: afters.at(-1) } }, { authorization: `Bearer ${state.tokens.get(best.code)}` });
      const conn = r.json?.data?.vroegsignalen;
      if (!conn?.pageInfo?.hasNextPage) break;
      afters.push(conn.pageInfo.endCursor);
    }
    state.afters = afters;
  },

  request(target, state, i) {
    return {
      path: '/graphql',
      headers: { authorization: `Bearer ${state.tokens.get(state.gemeente)}` },
      body: JSON.stringify({ query: state.query, variables: { after: state.afters[i % state.afters.length] } }),
    };
  },
};

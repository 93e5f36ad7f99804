// Scenario (b): an intermediary's `clients` page of 50, each with its schuldenOverzicht. The seed
// gives organisation KVK:90000001 a machtiging for every 20th household (src/seed/machtiging.generator.ts).
import { claims } from '../lib/keys.mjs';

export const ORG = 'KVK:90000001';
const PAGE = 50;
const MAX_PAGES = 100;

export const CLIENTS_QUERY = `query Clients($after: String) {
  clients(first: 50, after: $after) {
    nodes {
      id
      adres { straat huisnummer postcode woonplaats }
      schuldenOverzicht {
        totaalOpenstaand aantalSchulden oudsteVervaldatum gedektDoorRegeling nietGedekt waarvanGepauzeerd
        perToeslagsoort { soort aantalSchulden totaalOpenstaand }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * PostGraphile: the organisation's ACTIEF machtigingen (no date comparison in its condition
 * argument, so geldigTot is not checked), each with the household and its schulden rows.
 */
export const POSTGRAPHILE_CLIENTS_QUERY = `query Clients($org: String!, $after: Cursor) {
  allMachtigings(first: 50, after: $after, condition: { organisationId: $org, status: "ACTIEF" }, orderBy: [HOUSEHOLD_ID_ASC, ROW_ID_ASC]) {
    nodes {
      householdByHouseholdId {
        rowId adresStraat adresHuisnummer adresPostcode adresWoonplaats
        schuldsByHouseholdId(orderBy: [VERVALDATUM_ASC, ROW_ID_ASC]) {
          nodes { rowId status vervaldatum openstaandBedrag kosten gepauzeerd toeslagByToeslagId { soort } }
        }
        regelingen: betalingsregelingsByHouseholdId {
          nodes { rowId status betalingsregelingSchuldsByBetalingsregelingId { nodes { schuldId } } }
        }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

const ourCursor = (id) => Buffer.from(JSON.stringify([id]), 'utf8').toString('base64url');

export default {
  id: 'b',
  name: 'clients-page',
  title: "intermediary's clients page of 50 with their schuldenOverzicht (INTERMEDIAIR)",
  requires: { type: 'Query', field: 'clients' },
  targets: ['ours', 'floor', 'postgraphile'],

  /** Page starts (the household id before each page) of the first MAX_PAGES pages, and tokens. */
  async prepare({ db, sign }) {
    const { rows } = await db.query(
      `select h.id from household h where exists (select 1 from machtiging m where m.household_id = h.id and m.organisation_id = $1
          and m.status = 'ACTIEF' and m.geldig_tot >= current_date) order by h.id limit $2`,
      [ORG, PAGE * MAX_PAGES],
    );
    if (rows.length < PAGE) throw new Error(`organisation ${ORG} has ${rows.length} clients; the seed gives 1 per 20 households (at least 1,000 households needed)`);
    const afters = [null];
    for (let k = PAGE; k + PAGE <= rows.length; k += PAGE) afters.push(rows[k - 1].id);
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => sign(claims.intermediair(ORG, `BENCH-SH${String(i).padStart(3, '0')}`))));
    return { afters, tokens, postgraphileAfters: null };
  },

  /** PostGraphile cursors are its own: walk the same number of pages once through its API. */
  async prepareTarget(target, state, { post }) {
    if (target !== 'postgraphile') return;
    const cursors = [null];
    while (cursors.length < state.afters.length) {
      const r = await post('/graphql', { query: POSTGRAPHILE_CLIENTS_QUERY, variables: { org: ORG, after: cursors.at(-1) } });
      const conn = r.json?.data?.allMachtigings;
      if (!conn) throw new Error(`postgraphile clients page failed: ${r.text.slice(0, 500)}`);
      if (!conn.pageInfo.hasNextPage) break;
      cursors.push(conn.pageInfo.endCursor);
    }
    state.postgraphileAfters = cursors;
  },

  request(target, state, i) {
    const n = i % state.afters.length;
    const after = state.afters[n];
    if (target === 'floor') return { path: '/clients', body: JSON.stringify({ organisationId: ORG, after }) };
    if (target === 'postgraphile') {
      const cursors = state.postgraphileAfters;
      return { path: '/graphql', body: JSON.stringify({ query: POSTGRAPHILE_CLIENTS_QUERY, variables: { org: ORG, after: cursors[i % cursors.length] } }) };
    }
    return {
      path: '/graphql',
      headers: { authorization: `Bearer ${state.tokens[i % state.tokens.length]}` },
      body: JSON.stringify({ query: CLIENTS_QUERY, variables: { after: after === null ? null : ourCursor(after) } }),
    };
  },
};

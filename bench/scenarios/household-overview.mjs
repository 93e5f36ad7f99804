// Scenario (a): the household overview by id as MEDEWERKER, authorization and access log on,
// rotating over many household ids and many medewerker identities.
import { claims } from '../lib/keys.mjs';

export const OVERVIEW_QUERY = `query Overview($id: ID!) {
  household(id: $id) {
    id gemeentecode uhtGeregistreerd
    adres { straat huisnummer huisnummertoevoeging postcode woonplaats }
    members { rol vanaf person { voornamen tussenvoegsel achternaam geboortedatum } }
    toeslagen(first: 20) { nodes { id soort berekeningsjaar status voorschotMaandbedrag voorschotPercentage } }
    schulden(first: 20) { nodes { id status vervaldatum openstaandBedrag kosten gepauzeerd } }
    schuldenOverzicht {
      totaalOpenstaand aantalSchulden oudsteVervaldatum gedektDoorRegeling nietGedekt waarvanGepauzeerd
      perToeslagsoort { soort aantalSchulden totaalOpenstaand }
    }
    betalingsregelingen(first: 10) { nodes { id soort status startdatum termijnbedrag aantalTermijnen } }
  }
}`;

/**
 * The same shape in PostGraphile's own naming (amber preset). It has no schuldenOverzicht: the
 * overview's aggregates are not expressible without a custom plugin or SQL function, so it fetches
 * the household's schulden rows (with their toeslag soort) and its regelingen (status, and the schulden
 * they cover), from which a client computes it. PostGraphile orders only by indexed columns by default: members and betalingsregelingen
 * come in id order (a client sorts them; households have a handful of each).
 */
export const POSTGRAPHILE_OVERVIEW_QUERY = `query Overview($id: UUID!) {
  householdByRowId(rowId: $id) {
    rowId gemeentecode uhtGeregistreerd
    adresStraat adresHuisnummer adresHuisnummertoevoeging adresPostcode adresWoonplaats
    householdMembersByHouseholdId(condition: { tot: null }, orderBy: [ROW_ID_ASC]) {
      nodes { rol vanaf personByPersonId { voornamen tussenvoegsel achternaam geboortedatum } }
    }
    toeslagsByHouseholdId(first: 20, orderBy: [BEREKENINGSJAAR_DESC, SOORT_ASC, ROW_ID_ASC]) {
      nodes { rowId soort berekeningsjaar status voorschotMaandbedrag voorschotPercentage }
    }
    schuldsByHouseholdId(first: 20, orderBy: [VERVALDATUM_ASC, ROW_ID_ASC]) {
      nodes { rowId status vervaldatum openstaandBedrag kosten gepauzeerd }
    }
    overzicht: schuldsByHouseholdId(orderBy: [VERVALDATUM_ASC, ROW_ID_ASC]) {
      nodes { rowId status vervaldatum openstaandBedrag kosten gepauzeerd toeslagByToeslagId { soort } }
    }
    regelingen: betalingsregelingsByHouseholdId {
      nodes { rowId status betalingsregelingSchuldsByBetalingsregelingId { nodes { schuldId } } }
    }
    betalingsregelingsByHouseholdId(first: 10, orderBy: [ROW_ID_DESC]) {
      nodes { rowId soort status startdatum termijnbedrag aantalTermijnen }
    }
  }
}`;

const globalId = (type, id) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

export default {
  id: 'a',
  name: 'household-overview',
  title: 'household overview by id (MEDEWERKER; household, members, toeslagen, schulden + overview, betalingsregelingen)',
  requires: { type: 'Query', field: 'household' },
  targets: ['ours', 'floor', 'postgraphile'],

  /** Sample household ids (seeded random order, so every run takes the same ones) and tokens. */
  async prepare({ db, sign, sampleSize }) {
    await db.query('select setseed(0.20261122)');
    const { rows } = await db.query('select id from household order by random() limit $1', [sampleSize]);
    if (!rows.length) throw new Error('no households in the data set');
    const tokens = await Promise.all(Array.from({ length: 50 }, (_, i) => sign(claims.medewerker(`BENCH-M${String(i).padStart(4, '0')}`))));
    return { ids: rows.map((r) => r.id), tokens };
  },

  /** The request for request number i on a target. */
  request(target, state, i) {
    const id = state.ids[i % state.ids.length];
    if (target === 'floor') return { path: '/household', body: JSON.stringify({ id }) };
    if (target === 'postgraphile') return { path: '/graphql', body: JSON.stringify({ query: POSTGRAPHILE_OVERVIEW_QUERY, variables: { id } }) };
    return {
      path: '/graphql',
      headers: { authorization: `Bearer ${state.tokens[i % state.tokens.length]}` },
      body: JSON.stringify({ query: OVERVIEW_QUERY, variables: { id: globalId('Household', id) } }),
    };
  },
};

// The raw-SQL floor: the same data as our GraphQL operations (bench/scenarios/*), built by ONE
// hand-written SQL statement per request with json_build_object/json_agg. It is what PostgreSQL
// and node-postgres can do at best for this query shape; the JSON equals our API's `data` exactly
// (the smoke test compares them for a sample household).

/** base64url("Type:uuid") in SQL: our opaque global id (src/shared/global-id.ts). */
const gid = (type, col) => `translate(encode(convert_to('${type}:' || ${col}::text, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;

const TERMINAL = `('VOLDAAN', 'KWIJTGESCHOLDEN', 'BUITEN_INVORDERING')`;
const ROL_ORDER = `array['AANVRAGER', 'TOESLAGPARTNER', 'KIND', 'MEDEBEWONER']`;
const SOORT_ORDER = `array['ZORGTOESLAG', 'HUURTOESLAG', 'KINDEROPVANGTOESLAG', 'KINDGEBONDEN_BUDGET']`;

/** The schuldenOverzicht aggregates of household alias `h` (schulden-overzicht.rules.ts). */
const overzicht = `(
  with open as (
    select s.id, s.vervaldatum, s.gepauzeerd, s.openstaand_bedrag + s.kosten as bedrag, t.soort,
           -- via the household's regelingen: betalingsregeling_schuld has no index on schuld_id
           exists (select 1 from betalingsregeling r join betalingsregeling_schuld bs on bs.betalingsregeling_id = r.id
                    where r.household_id = h.id and r.status = 'ACTIEF' and bs.schuld_id = s.id) as gedekt
      from schuld s join toeslag t on t.id = s.toeslag_id
     where s.household_id = h.id and s.status not in ${TERMINAL} and s.openstaand_bedrag + s.kosten > 0
  )
  select json_build_object(
    'totaalOpenstaand', coalesce(sum(bedrag), 0)::numeric(15,2)::text,
    'aantalSchulden', count(*),
    'oudsteVervaldatum', min(vervaldatum),
    'gedektDoorRegeling', coalesce(sum(bedrag) filter (where gedekt), 0)::numeric(15,2)::text,
    'nietGedekt', coalesce(sum(bedrag) filter (where not gedekt), 0)::numeric(15,2)::text,
    'waarvanGepauzeerd', coalesce(sum(bedrag) filter (where gepauzeerd), 0)::numeric(15,2)::text,
    'perToeslagsoort', coalesce((
      select json_agg(json_build_object('soort', soort, 'aantalSchulden', n, 'totaalOpenstaand', totaal::numeric(15,2)::text)
                      order by array_position(${SOORT_ORDER}, soort))
        from (select soort, count(*) as n, sum(bedrag) as totaal from open group by soort) p), '[]'::json)
  ) from open
)`;

/** Scenario (a): the household overview (bench/scenarios/household-overview.mjs, OVERVIEW_QUERY). */
export const HOUSEHOLD_OVERVIEW_SQL = `
select json_build_object('data', json_build_object('household', json_build_object(
  'id', ${gid('Household', 'h.id')},
  'gemeentecode', h.gemeentecode,
  'uhtGeregistreerd', h.uht_geregistreerd,
  'adres', json_build_object('straat', h.adres_straat, 'huisnummer', h.adres_huisnummer,
                             'huisnummertoevoeging', h.adres_huisnummertoevoeging, 'postcode', h.adres_postcode,
                             'woonplaats', h.adres_woonplaats),
  'members', coalesce((
    select json_agg(json_build_object('rol', m.rol, 'vanaf', m.vanaf,
                    'person', json_build_object('voornamen', p.voornamen, 'tussenvoegsel', p.tussenvoegsel,
                                                'achternaam', p.achternaam, 'geboortedatum', p.geboortedatum))
                    order by array_position(${ROL_ORDER}, m.rol), m.vanaf, m.id)
      from household_member m join person p on p.id = m.person_id
     where m.household_id = h.id and m.tot is null), '[]'::json),
  'toeslagen', json_build_object('nodes', coalesce((
    select json_agg(json_build_object('id', ${gid('Toeslag', 't.id')}, 'soort', t.soort, 'berekeningsjaar', t.berekeningsjaar,
                    'status', t.status, 'voorschotMaandbedrag', t.voorschot_maandbedrag::text,
                    'voorschotPercentage', t.voorschot_percentage) order by t.berekeningsjaar desc, t.soort, t.id)
      from (select * from toeslag where household_id = h.id order by berekeningsjaar desc, soort, id limit 20) t), '[]'::json)),
  'schulden', json_build_object('nodes', coalesce((
    select json_agg(json_build_object('id', ${gid('Schuld', 's.id')}, 'status', s.status, 'vervaldatum', s.vervaldatum,
                    'openstaandBedrag', s.openstaand_bedrag::text, 'kosten', s.kosten::text, 'gepauzeerd', s.gepauzeerd)
                    order by s.vervaldatum, s.id)
      from (select * from schuld where household_id = h.id order by vervaldatum, id limit 20) s), '[]'::json)),
  'schuldenOverzicht', ${overzicht},
  'betalingsregelingen', json_build_object('nodes', coalesce((
    select json_agg(json_build_object('id', ${gid('Betalingsregeling', 'r.id')}, 'soort', r.soort, 'status', r.status,
                    'startdatum', r.startdatum, 'termijnbedrag', r.termijnbedrag::text, 'aantalTermijnen', r.aantal_termijnen)
                    order by r.startdatum desc, r.id)
      from (select * from betalingsregeling where household_id = h.id order by startdatum desc, id limit 10) r), '[]'::json))
))) as body
from household h where h.id = $1`;

/**
 * Scenario (b): one page of 50 clients of an intermediary organisation, each with its overview
 * (bench/scenarios/clients-page.mjs). $1 organisation, $2 the id after which the page starts
 * (null for the first page), $3 today (Europe/Amsterdam). endCursor is our cursor format
 * (src/shared/connection.ts: base64url of the JSON array [id]).
 */
export const CLIENTS_PAGE_SQL = `
with page as (
  select h.* from household h
   where exists (select 1 from machtiging m where m.household_id = h.id and m.organisation_id = $1
                   and m.status = 'ACTIEF' and m.geldig_tot >= $3::date and m.scope in ('INZIEN', 'HANDELEN'))
     and ($2::uuid is null or h.id > $2::uuid)
   order by h.id limit 51
)
select json_build_object('data', json_build_object('clients', json_build_object(
  'nodes', coalesce((
    select json_agg(json_build_object(
      'id', ${gid('Household', 'h.id')},
      'adres', json_build_object('straat', h.adres_straat, 'huisnummer', h.adres_huisnummer, 'postcode', h.adres_postcode,
                                 'woonplaats', h.adres_woonplaats),
      'schuldenOverzicht', ${overzicht}) order by h.id)
      from (select * from page order by id limit 50) h), '[]'::json),
  'pageInfo', json_build_object('hasNextPage', (select count(*) > 50 from page),
                                'endCursor', (select translate(encode(convert_to('["' || id::text || '"]', 'UTF8'), 'base64'), E'+/=\\n', '-_')
                                                from (select id from page order by id limit 50) l order by id desc limit 1))
))) as body`;

// The two statements that fill one bench tenant (bench/lib/crm-data.ts). Values are picked from the word lists by
// multiplicative hashes of the row number and the tenant number, so every load produces the same names, emails,
// phones, tags and addresses; only ids and timestamps (UUIDv7 from created_at, as the app makes them) differ.
import {
  AREA_CODES,
  CITIES,
  COMPANY_SUFFIXES,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  LAST_NAMES,
  NOTES,
  STREET_SUFFIXES,
  STREETS,
  TAGS,
} from './crm-names.js';

const literal = (value: string) => `'${value.replaceAll("'", "''")}'`;
const textArray = (values: readonly string[]) => `array[${values.map(literal).join(', ')}]::text[]`;
const pick = (array: string, hash: string) => `(${array})[1 + (${hash}) % cardinality(${array})]`;
/** Folds accents and drops what cannot be in the local part of an address: "Muñoz" → "munoz", "O'Brien" → "obrien". */
const emailWord = (word: string) =>
  `regexp_replace(translate(lower(${word}), 'áàâäãåéèêëíìîïóòôöõúùûüñçýÿæøšžł', 'aaaaaaeeeeiiiiooooouuuuncyyaoszl'), '[^a-z0-9]', '', 'g')`;
/** A UUIDv7 whose time is `at` (so ids sort like created_at, as the app's newId() makes them). */
const uuid7 = (at: string, salt: string) =>
  `(lpad(to_hex((extract(epoch from ${at}) * 1000)::bigint), 12, '0') || '7' || substr(md5(${salt}), 1, 3)
    || substr('89ab', 1 + get_byte(decode(md5(${salt}), 'hex'), 15) % 4, 1) || substr(md5(${salt}), 5, 15))::uuid`;

const FIRST = textArray(FIRST_NAMES);
const LAST = textArray(LAST_NAMES);

/**
 * $1 tenant id, $2 contacts, $3 tenant number. One in eight is a company; one in ten has no email and one in twenty
 * no phone (never neither); some have further emails or phones, tags and notes. created_at spreads over two years.
 */
export const insertContactsSql = `
insert into contacts (tenant_id, id, kind, display_name, company_name, email, phone, emails, phones, preferred_channel,
                      tags, notes, created_at, updated_at)
select $1::uuid, ${uuid7('r.created_at', "$1::text || ':' || i")}, n.kind::contact_kind, n.display_name,
       n.company_name, e.email, p.phone, e.emails, p.phones,
       (case when e.email is null then 'sms' else 'email' end)::contact_channel, t.tags,
       case when r.h % 5 = 0 then ${pick(textArray(NOTES), 'r.h / 5')} end, r.created_at, r.created_at
from generate_series(1, $2::int) i
cross join lateral (
  select (i::bigint * 2654435761 + $3::bigint * 97) % 4294967296 as h,
         (i::bigint * 40503 + $3::bigint * 7919) % 1000003 as g,
         now() - make_interval(secs => ($2::int - i) * (63072000.0 / $2::int)) as created_at) r
cross join lateral (
  select ${pick(FIRST, 'r.h')} as first, ${pick(LAST, 'r.h / 100')} as last, ${pick(LAST, 'r.g')} as employer,
         ${pick(textArray(COMPANY_SUFFIXES), 'r.g / 7')} as suffix, i % 8 = 0 as is_company) w
cross join lateral (
  select case when w.is_company then 'company' else 'person' end as kind,
         case when w.is_company then w.last || ' ' || w.suffix else w.first || ' ' || w.last end as display_name,
         case when w.is_company then w.last || ' ' || w.suffix
              when r.g % 6 = 0 then w.employer || ' ' || w.suffix end as company_name) n
cross join lateral (
  select case when r.h % 10 = 3 then null
              when w.is_company then 'office@' || ${emailWord('w.last')} || ${emailWord('w.suffix')} || '.com'
              else ${emailWord('w.first')} || '.' || ${emailWord('w.last')}
                   || case when i % 3 = 0 then (i % 1000)::text else '' end
                   || '@' || ${pick(textArray(EMAIL_DOMAINS), 'r.g')} end as email,
         case when r.g % 20 = 1 then array[${emailWord('w.first')} || (i % 100)::text || '@work.example']
              else '{}'::text[] end as emails) e
cross join lateral (
  select case when r.g % 20 = 7 and e.email is not null then null
              else '+1' || ${pick(textArray(AREA_CODES), 'r.g / 3')} || (2000000 + r.h % 7999999)::text end as phone,
         case when r.h % 25 = 4 then array['+1' || ${pick(textArray(AREA_CODES), 'r.h / 11')}
                                             || (2000000 + r.g * 7 % 7999999)::text]
              else '{}'::text[] end as phones) p
cross join lateral (
  select array_remove(array[case when r.h % 7 = 0 then 'vip' end,
                            case when w.is_company then 'commercial' when r.g % 3 = 0 then 'residential' end,
                            case when r.h % 11 = 2 then 'hoa' end, case when r.g % 13 = 3 then 'net-30' end,
                            case when r.h % 4 = 1 then ${pick(textArray(TAGS), 'r.g / 13')} end], null) as tags) t
`;

const cityRow = (index: 0 | 1, cast = '') => textArray(CITIES.map((c) => String(c[index]))) + cast;
const lat = `array[${CITIES.map((c) => c[2]).join(', ')}]::numeric[]`;
const lon = `array[${CITIES.map((c) => c[3]).join(', ')}]::numeric[]`;

/** $1 tenant id. One service address per contact, two for one in ten (a rental), geocoded around Central Texas. */
export const insertPropertiesSql = `
insert into properties (tenant_id, id, contact_id, label, address_line1, address_line2, city, region, postal_code,
                        country, latitude, longitude, geocode_status, geocoded_at, created_at, updated_at)
select c.tenant_id, ${uuid7('c.created_at', "c.id::text || ':' || k")}, c.id,
       case when k = 2 then 'Rental' when x.h % 4 = 0 then 'Home' end,
       (100 + x.h % 9800)::text || ' ' || ${pick(textArray(STREETS), 'x.h / 7')} || ' '
         || ${pick(textArray(STREET_SUFFIXES), 'x.h / 3')},
       case when x.h % 9 = 0 then 'Unit ' || (1 + x.h % 40)::text end,
       (${cityRow(0)})[x.city], 'TX', (${cityRow(1)})[x.city] || lpad((x.h % 100)::text, 2, '0'), 'US',
       round(((${lat})[x.city] + (x.h % 2001 - 1000) / 10000.0)::numeric, 6),
       round(((${lon})[x.city] + (x.h / 2001 % 2001 - 1000) / 10000.0)::numeric, 6),
       'ok', c.created_at, c.created_at, c.created_at
from contacts c
cross join lateral generate_series(1, case when (hashtext(c.id::text) & 2147483647) % 10 = 0 then 2 else 1 end) k
cross join lateral (
  select hashtext(c.id::text || k) & 2147483647 as h,
         1 + (hashtext(c.id::text || k) & 2147483647) % ${CITIES.length} as city) x
where c.tenant_id = $1::uuid
`;

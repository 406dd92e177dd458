// Turns the TZID of an imported .ics file into an IANA zone name: IANA names as they are, Windows
// names (Outlook, Exchange) through CLDR's table, prefixed names, and as a last resort a zone whose
// offsets match the file's own VTIMEZONE definition.
import ICAL from 'ical.js';
import { IANAZone } from 'luxon';
import { CALENDAR_LIMITS } from './calendar-limits';

// CLDR windowsZones.xml, territory "001" (each Windows zone's main IANA zone), with today's IANA
// spellings. Windows zones that hold fixed offsets ("UTC-11") map to Etc zones.
const WINDOWS_ZONES: Record<string, string> = {
  'Dateline Standard Time': 'Etc/GMT+12',
  'UTC-11': 'Etc/GMT+11',
  'Aleutian Standard Time': 'America/Adak',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Marquesas Standard Time': 'Pacific/Marquesas',
  'Alaskan Standard Time': 'America/Anchorage',
  'UTC-09': 'Etc/GMT+9',
  'Pacific Standard Time (Mexico)': 'America/Tijuana',
  'UTC-08': 'Etc/GMT+8',
  'Pacific Standard Time': 'America/Los_Angeles',
  'US Mountain Standard Time': 'America/Phoenix',
  'Mountain Standard Time (Mexico)': 'America/Mazatlan',
  'Mountain Standard Time': 'America/Denver',
  'Yukon Standard Time': 'America/Whitehorse',
  'Central America Standard Time': 'America/Guatemala',
  'Central Standard Time': 'America/Chicago',
  'Easter Island Standard Time': 'Pacific/Easter',
  'Central Standard Time (Mexico)': 'America/Mexico_City',
  'Canada Central Standard Time': 'America/Regina',
  'SA Pacific Standard Time': 'America/Bogota',
  'Eastern Standard Time (Mexico)': 'America/Cancun',
  'Eastern Standard Time': 'America/New_York',
  'Haiti Standard Time': 'America/Port-au-Prince',
  'Cuba Standard Time': 'America/Havana',
  'US Eastern Standard Time': 'America/Indiana/Indianapolis',
  'Turks And Caicos Standard Time': 'America/Grand_Turk',
  'Paraguay Standard Time': 'America/Asuncion',
  'Atlantic Standard Time': 'America/Halifax',
  'Venezuela Standard Time': 'America/Caracas',
  'Central Brazilian Standard Time': 'America/Cuiaba',
  'SA Western Standard Time': 'America/La_Paz',
  'Pacific SA Standard Time': 'America/Santiago',
  'Newfoundland Standard Time': 'America/St_Johns',
  'Tocantins Standard Time': 'America/Araguaina',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'SA Eastern Standard Time': 'America/Cayenne',
  'Argentina Standard Time': 'America/Argentina/Buenos_Aires',
  'Greenland Standard Time': 'America/Nuuk',
  'Montevideo Standard Time': 'America/Montevideo',
  'Magallanes Standard Time': 'America/Punta_Arenas',
  'Saint Pierre Standard Time': 'America/Miquelon',
  'Bahia Standard Time': 'America/Bahia',
  'UTC-02': 'Etc/GMT+2',
  'Azores Standard Time': 'Atlantic/Azores',
  'Cape Verde Standard Time': 'Atlantic/Cape_Verde',
  UTC: 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'Sao Tome Standard Time': 'Africa/Sao_Tome',
  'Morocco Standard Time': 'Africa/Casablanca',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'Jordan Standard Time': 'Asia/Amman',
  'GTB Standard Time': 'Europe/Bucharest',
  'Middle East Standard Time': 'Asia/Beirut',
  'Egypt Standard Time': 'Africa/Cairo',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Syria Standard Time': 'Asia/Damascus',
  'West Bank Standard Time': 'Asia/Hebron',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'FLE Standard Time': 'Europe/Kyiv',
  'Israel Standard Time': 'Asia/Jerusalem',
  'South Sudan Standard Time': 'Africa/Juba',
  'Kaliningrad Standard Time': 'Europe/Kaliningrad',
  'Sudan Standard Time': 'Africa/Khartoum',
  'Libya Standard Time': 'Africa/Tripoli',
  'Namibia Standard Time': 'Africa/Windhoek',
  'Arabic Standard Time': 'Asia/Baghdad',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Arab Standard Time': 'Asia/Riyadh',
  'Belarus Standard Time': 'Europe/Minsk',
  'Russian Standard Time': 'Europe/Moscow',
  'E. Africa Standard Time': 'Africa/Nairobi',
  'Volgograd Standard Time': 'Europe/Volgograd',
  'Iran Standard Time': 'Asia/Tehran',
  'Arabian Standard Time': 'Asia/Dubai',
  'Astrakhan Standard Time': 'Europe/Astrakhan',
  'Azerbaijan Standard Time': 'Asia/Baku',
  'Russia Time Zone 3': 'Europe/Samara',
  'Mauritius Standard Time': 'Indian/Mauritius',
  'Saratov Standard Time': 'Europe/Saratov',
  'Georgian Standard Time': 'Asia/Tbilisi',
  'Caucasus Standard Time': 'Asia/Yerevan',
  'Afghanistan Standard Time': 'Asia/Kabul',
  'West Asia Standard Time': 'Asia/Tashkent',
  'Ekaterinburg Standard Time': 'Asia/Yekaterinburg',
  'Pakistan Standard Time': 'Asia/Karachi',
  'Qyzylorda Standard Time': 'Asia/Qyzylorda',
  'India Standard Time': 'Asia/Kolkata',
  'Sri Lanka Standard Time': 'Asia/Colombo',
  'Nepal Standard Time': 'Asia/Kathmandu',
  'Central Asia Standard Time': 'Asia/Bishkek',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'Omsk Standard Time': 'Asia/Omsk',
  'Myanmar Standard Time': 'Asia/Yangon',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'Altai Standard Time': 'Asia/Barnaul',
  'W. Mongolia Standard Time': 'Asia/Hovd',
  'North Asia Standard Time': 'Asia/Krasnoyarsk',
  'N. Central Asia Standard Time': 'Asia/Novosibirsk',
  'Tomsk Standard Time': 'Asia/Tomsk',
  'China Standard Time': 'Asia/Shanghai',
  'North Asia East Standard Time': 'Asia/Irkutsk',
  'Singapore Standard Time': 'Asia/Singapore',
  'W. Australia Standard Time': 'Australia/Perth',
  'Taipei Standard Time': 'Asia/Taipei',
  'Ulaanbaatar Standard Time': 'Asia/Ulaanbaatar',
  'Aus Central W. Standard Time': 'Australia/Eucla',
  'Transbaikal Standard Time': 'Asia/Chita',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'North Korea Standard Time': 'Asia/Pyongyang',
  'Korea Standard Time': 'Asia/Seoul',
  'Yakutsk Standard Time': 'Asia/Yakutsk',
  'Cen. Australia Standard Time': 'Australia/Adelaide',
  'AUS Central Standard Time': 'Australia/Darwin',
  'E. Australia Standard Time': 'Australia/Brisbane',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'West Pacific Standard Time': 'Pacific/Port_Moresby',
  'Tasmania Standard Time': 'Australia/Hobart',
  'Vladivostok Standard Time': 'Asia/Vladivostok',
  'Lord Howe Standard Time': 'Australia/Lord_Howe',
  'Bougainville Standard Time': 'Pacific/Bougainville',
  'Russia Time Zone 10': 'Asia/Srednekolymsk',
  'Magadan Standard Time': 'Asia/Magadan',
  'Norfolk Standard Time': 'Pacific/Norfolk',
  'Sakhalin Standard Time': 'Asia/Sakhalin',
  'Central Pacific Standard Time': 'Pacific/Guadalcanal',
  'Russia Time Zone 11': 'Asia/Kamchatka',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'UTC+12': 'Etc/GMT-12',
  'Fiji Standard Time': 'Pacific/Fiji',
  'Chatham Islands Standard Time': 'Pacific/Chatham',
  'UTC+13': 'Etc/GMT-13',
  'Tonga Standard Time': 'Pacific/Tongatapu',
  'Samoa Standard Time': 'Pacific/Apia',
  'Line Islands Standard Time': 'Pacific/Kiritimati',
};
const WINDOWS_LOWER = new Map(Object.entries(WINDOWS_ZONES).map(([k, v]) => [k.toLowerCase(), v]));
const UTC_NAMES = new Set(['z', 'utc', 'gmt', 'etc/utc', 'etc/gmt', 'coordinated universal time']);

const ZONE_NAME = /^[A-Za-z0-9_+\-/]{1,64}$/;
const validity = new Map<string, boolean>();

/** A zone name the model accepts and this runtime's zone data knows (asked once per name). */
export function isKnownZone(name: string): boolean {
  let ok = validity.get(name);
  if (ok === undefined) {
    ok = ZONE_NAME.test(name) && IANAZone.isValidZone(name);
    if (validity.size < 1000) validity.set(name, ok);
  }
  return ok;
}

/** The IANA zone a TZID names without looking at any VTIMEZONE, or null. */
export function zoneFromName(tzid: string): string | null {
  const name = tzid.trim().replace(/^"|"$/g, '');
  if (UTC_NAMES.has(name.toLowerCase())) return 'UTC';
  if (isKnownZone(name)) return name;
  const windows = WINDOWS_LOWER.get(name.toLowerCase());
  if (windows) return windows;
  // "/mozilla.org/20050126_1/Europe/Berlin", "/freeassociation.sourceforge.net/Tzfile/Europe/Vilnius"
  const parts = name.split('/').filter(Boolean);
  for (let take = Math.min(3, parts.length); take >= 2; take--) {
    const candidate = parts.slice(-take).join('/');
    if (isKnownZone(candidate)) return candidate;
  }
  return null;
}

// Years and months at which a VTIMEZONE and a candidate zone must agree: noon on the 1st and
// 15th, far from any transition, over two years (enough to tell EU, US and other DST rules apart).
function samplePoints(year: number): ICAL.Time[] {
  const points: ICAL.Time[] = [];
  for (let y = year; y <= year + 1; y++)
    for (let month = 1; month <= 12; month++)
      for (const day of [1, 15])
        points.push(ICAL.Time.fromData({ year: y, month, day, hour: 12, minute: 0, second: 0 }));
  return points;
}

function luxonOffsetSeconds(zone: IANAZone, t: ICAL.Time): number {
  // Noon local is never inside a transition, so the UTC guess one offset away lands on the same day.
  const guess = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute);
  const first = zone.offset(guess);
  return zone.offset(guess - first * 60_000) * 60;
}

// A VTIMEZONE that ical.js would expand without end (sub-yearly rules, huge lists, a start in
// antiquity, or many rules walked from 1601 to `year`) is not trusted: real ones use one or two
// yearly rules or a few dates, and need a few hundred steps at most.
function isSaneVtimezone(vtimezone: ICAL.Component, year: number): boolean {
  const parts = vtimezone.getAllSubcomponents();
  if (parts.length === 0 || parts.length > 200) return false;
  let steps = 0;
  for (const part of parts) {
    if (part.name !== 'standard' && part.name !== 'daylight') return false;
    const start = part.getFirstPropertyValue('dtstart');
    if (!(start instanceof ICAL.Time) || start.year < 1500 || start.year > 3000) return false;
    const rdates = part.getAllProperties('rdate').length;
    if (part.getAllProperties('rrule').length > 1 || rdates > 400) return false;
    steps += 1 + rdates;
    const rule = part.getFirstPropertyValue('rrule');
    if (rule instanceof ICAL.Recur) {
      const perYear = yearlyRuleSteps(rule);
      if (perYear === null) return false;
      const last = Math.min(year + 2, rule.until?.year ?? Infinity);
      steps += Math.max(0, last - start.year + 1) * perYear;
    }
  }
  return steps <= CALENDAR_LIMITS.vtimezoneMaxSteps;
}

/** About how many days ical.js visits a year for a VTIMEZONE rule, or null for one not trusted. */
function yearlyRuleSteps(rule: ICAL.Recur): number | null {
  if (rule.freq !== 'YEARLY') return null;
  const allowed = new Set(['BYMONTH', 'BYDAY', 'BYMONTHDAY']);
  for (const [key, values] of Object.entries(rule.parts))
    if (!allowed.has(key) || !Array.isArray(values) || values.length > 31) return null;
  const { BYDAY = [], BYMONTH = [], BYMONTHDAY = [] } = rule.parts;
  // A weekday without an ordinal matches up to five days of each month.
  const weekdays = BYDAY.reduce((n, day) => n + (/^[+-]?\d/.test(day) ? 1 : 5), 0);
  return Math.max(1, BYMONTH.length) * Math.max(1, BYMONTHDAY.length, weekdays);
}

let allZones: string[] | null = null;
function candidateZones(tzid: string, defaultZone: string): string[] {
  allZones ??= [
    ...Intl.supportedValuesOf('timeZone'),
    // Fixed offsets, for a definition with no daylight saving that matches no place's zone.
    ...Array.from({ length: 14 }, (_, i) => [`Etc/GMT+${i + 1}`, `Etc/GMT-${i + 1}`]).flat(),
    'UTC',
  ];
  const hint = tzid.toLowerCase();
  const named = allZones.filter((z) => {
    const city = z.split('/').pop()?.replace(/_/g, ' ').toLowerCase();
    return city !== undefined && city.length > 2 && hint.includes(city);
  });
  return [defaultZone, ...named, ...allZones];
}

/**
 * An IANA zone whose offsets agree with this VTIMEZONE around `year`, or null. Wall-clock times
 * then keep their meaning in the chosen zone, which is what a repeating event needs.
 */
export function zoneFromVtimezone(
  vtimezone: ICAL.Component,
  tzid: string,
  year: number,
  defaultZone: string,
): string | null {
  const sampled = Math.min(Math.max(year, 1970), 2100);
  if (!isSaneVtimezone(vtimezone, sampled)) return null;
  const definition = new ICAL.Timezone({ component: vtimezone, tzid });
  const points = samplePoints(sampled);
  const wanted = points.map((p) => definition.utcOffset(p));
  const quick = [1, 13]; // mid-January and mid-July of the first year: rules most zones out cheaply
  for (const name of candidateZones(tzid, defaultZone)) {
    if (!isKnownZone(name)) continue;
    const zone = IANAZone.create(name);
    const agrees = (i: number): boolean => {
      const point = points[i];
      return point !== undefined && luxonOffsetSeconds(zone, point) === wanted[i];
    };
    if (quick.every(agrees) && points.every((_, i) => agrees(i))) return name;
  }
  return null;
}

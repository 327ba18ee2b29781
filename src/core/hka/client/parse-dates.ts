// HKA's timestamps come in several shapes (REFERENCE.md §1.6.1, §1.6.2): with an offset
// (`2019-05-29T13:32:21+00:00`, `2025-09-01T21:05:49-05:00`), without one (`2024-05-24T22:27:28`, demo) and with a
// space instead of the `T` (`2023-04-10 10:29:09`, EstadoDocumento). A timestamp without an offset is Panamá
// time: UTC−05:00 all year (no daylight saving).

const PANAMA_OFFSET_MINUTES = -5 * 60;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,7}))?(Z|[+-]\d{2}:\d{2})?$/;

function offsetMinutes(zone: string | undefined): number | undefined {
  if (zone === undefined) return PANAMA_OFFSET_MINUTES;
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const hours = Number(zone.slice(1, 3));
  const minutes = Number(zone.slice(4, 6));
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

/** The instant an HKA timestamp denotes, or undefined when it is not one of HKA's shapes or not a real date. */
export function parseHkaDateTime(raw: string): Date | undefined {
  const m = DATE_TIME.exec(raw.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, '0').slice(0, 3));
  const offset = offsetMinutes(m[8]);
  if (offset === undefined || hour > 23 || minute > 59 || second > 59) return undefined;
  const wallClockUtc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const check = new Date(wallClockUtc);
  // Date.UTC rolls 2024-02-30 over to March: a real calendar date survives the round trip unchanged.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
    return undefined;
  return new Date(wallClockUtc - offset * 60_000);
}

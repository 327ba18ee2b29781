// Panamá is UTC−05:00 all year (no daylight saving time), so DGI timestamps are a fixed-offset rendering.

const OFFSET_MS = -5 * 3_600_000;

/** `AAAA-MM-DDThh:mm:ss-05:00` for an instant, as DGI/HKA expect for fechaEmision and the like. */
export function toPanamaDateTime(instant: Date): string {
  const shifted = new Date(instant.getTime() + OFFSET_MS);
  return `${shifted.toISOString().slice(0, 19)}-05:00`;
}

/** `AAAA-MM-DD` of an instant in Panamá (the fiscal day of a sale). */
export function toPanamaDate(instant: Date): string {
  return toPanamaDateTime(instant).slice(0, 10);
}

/** The instant a Panamá day (`AAAA-MM-DD`) begins: its midnight at −05:00. */
export function panamaDayStartUtc(day: string): Date {
  return new Date(`${day}T00:00:00-05:00`);
}

/** `dd/mm/aaaa hh:mm:ss` in Panamá: how people read an instant on our screens (the receipt's own form). */
export function toPanamaDisplay(instant: Date): string {
  const s = toPanamaDateTime(instant);
  return `${s.slice(8, 10)}/${s.slice(5, 7)}/${s.slice(0, 4)} ${s.slice(11, 19)}`;
}

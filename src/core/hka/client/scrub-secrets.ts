// Last line of defence for "no token ever leaves the client": whatever text ends up in an outcome or an error
// (a fault string, an HTML error page, an echo of our request) has every credential replaced. The client never
// puts tokens there itself; this guards against servers and libraries that echo what they received.

export const REDACTED = '[redacted]';

/** Secrets too short to be real tokens would mangle ordinary text; HKA tokens are long random strings. */
const MIN_SECRET_LENGTH = 4;

export function scrubText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= MIN_SECRET_LENGTH) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** Deep copy of plain data with every string scrubbed; Buffers and Dates are kept as they are. */
export function scrubDeep<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return scrubText(value, secrets) as T;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value) || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => scrubDeep(item, secrets)) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v as unknown, secrets)])) as T;
}

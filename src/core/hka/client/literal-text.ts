// The `soap` package escapes every string it writes (&, <, >, quotes, tab/CR/LF), except one: a value that starts
// with "<![CDATA[" and ends with "]]>" is copied into the envelope raw, as markup (soap's xmlEscape). A description
// typed as "<![CDATA[x]]>" would then reach HKA as "x", and one with "]]>" inside could inject elements. Such values
// are rewritten here as CDATA sections that spell the original text exactly, so HKA reads what the cashier typed.

const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';

/** True for the strings soap would write without escaping. */
function passesRaw(text: string): boolean {
  return text.startsWith(CDATA_OPEN) && text.endsWith(CDATA_CLOSE);
}

/** CDATA that an XML parser reads back as `text` ("]]>" inside is split across two sections). */
export function literalCdata(text: string): string {
  return `${CDATA_OPEN}${text.split(CDATA_CLOSE).join(']]]]><![CDATA[>')}${CDATA_CLOSE}`;
}

/** The value with every string soap would pass raw turned into literal CDATA; other values are returned as they are. */
export function protectLiteralText<T>(value: T): T {
  if (typeof value === 'string') return (passesRaw(value) ? literalCdata(value) : value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => protectLiteralText(item)) as T;
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, protectLiteralText(v)])) as T;
  }
  return value;
}

// What PostgreSQL text and jsonb cannot hold: the NUL character (U+0000) and UTF-16 surrogates that are not part of
// a pair (a lone half of an emoji, say, left by a truncation). A register can hold such text (SQLite stores any
// string), so both sides run this check: the register parks the event instead of sending it, the server refuses that
// one event (`unstorable_text`, naming the field) instead of failing the whole batch.

/** A surrogate that is not half of a well-formed pair. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The refusal message of a text field that fails isStorableText. */
export const UNSTORABLE_TEXT_MESSAGE = 'holds a NUL character or a broken surrogate pair';

export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** Deepest nesting walked; deeper structures are reported as unstorable rather than walked without bound. */
const MAX_DEPTH = 64;

/**
 * The path ("payload.details.lines.0.name") of the first string or object key that PostgreSQL cannot store, or
 * null when every piece of text in `value` is storable.
 */
export function findUnstorableText(value: unknown): string | null {
  const reversed = walk(value, 0);
  return reversed === null ? null : reversed.reverse().join('.').slice(0, MAX_PATH_CHARS);
}

/** Paths are reported back to the register; a pathological key must not make the answer huge. */
const MAX_PATH_CHARS = 200;

/**
 * The path to the first unstorable piece of text below `value`, innermost key first, or null. The path is built only
 * on the way back from a find: every event of every batch is walked, and nearly all of them hold nothing to report.
 */
function walk(value: unknown, depth: number): string[] | null {
  if (typeof value === 'string') return isStorableText(value) ? null : [];
  if (typeof value !== 'object' || value === null) return null;
  if (depth >= MAX_DEPTH) return [];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = walk(value[i], depth + 1);
      if (found !== null) return [...found, String(i)];
    }
    return null;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (!isStorableText(key)) return [JSON.stringify(key).slice(1, -1)];
    const found = walk((value as Record<string, unknown>)[key], depth + 1);
    if (found !== null) return [...found, key];
  }
  return null;
}

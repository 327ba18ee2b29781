// A read's big arrays (the sales report's product lines) cross from the read worker as JSON text in slices, and the
// core thread rebuilds them one slice per event-loop turn (decision 0041). A reply posted as one object graph is
// deserialised on the core thread in one go, and every IPC call that arrives meanwhile (the status bar's app:status)
// waits for all of it; strings cross as a copy, and each slice's JSON.parse is short, so a call waits one slice at
// most. Only plain JSON data is sliced (strings, numbers, booleans, null, arrays and plain objects): for such data the
// rebuilt value is identical to the unsliced one.

/** One array of the reply, taken out of it at `path` and carried as JSON slices of whole items, in order. */
export interface SlicedArray {
  path: readonly string[];
  slices: string[];
}

/** A slice's size in characters (~0.1 ms of JSON.parse); an item longer than this is a slice of its own. */
export const DEFAULT_SLICE_CHARS = 32_768;

type Turn = () => Promise<void>;
const nextTurn: Turn = () => new Promise((resolve) => setImmediate(resolve));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` with the array at `path` replaced by `replacement`, copying only the objects along the path. */
function replacedAt(value: unknown, path: readonly string[], replacement: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined || !isRecord(value)) return value;
  return { ...value, [key]: rest.length === 0 ? replacement : replacedAt(value[key], rest, replacement) };
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((at, key) => (isRecord(at) ? at[key] : undefined), value);
}

/** The items of `items` as JSON arrays of at most `maxChars` characters each (an empty list gives no slice). */
export function jsonSlices(items: readonly unknown[], maxChars: number): string[] {
  const slices: string[] = [];
  let parts: string[] = [];
  let chars = 0;
  for (const item of items) {
    const json = JSON.stringify(item);
    if (json === undefined) throw new TypeError('A sliced reply carries JSON data only');
    if (parts.length > 0 && chars + json.length + 1 > maxChars) {
      slices.push(`[${parts.join(',')}]`);
      parts = [];
      chars = 0;
    }
    parts.push(json);
    chars += json.length + 1;
  }
  if (parts.length > 0) slices.push(`[${parts.join(',')}]`);
  return slices;
}

/**
 * The worker's side: `value` without the arrays at `paths` (each left as an empty array in the head) and those arrays
 * as slices. A path that does not lead to an array is left in the head as it is.
 */
export function sliceReply(
  value: unknown,
  paths: readonly (readonly string[])[],
  maxChars = DEFAULT_SLICE_CHARS,
): { head: unknown; sliced: SlicedArray[] } {
  let head = value;
  const sliced: SlicedArray[] = [];
  for (const path of paths) {
    const items = valueAt(value, path);
    if (!Array.isArray(items)) continue;
    sliced.push({ path, slices: jsonSlices(items, maxChars) });
    head = replacedAt(head, path, []);
  }
  return { head, sliced };
}

/**
 * The core's side: the head with each sliced array rebuilt, one slice per event-loop turn (setImmediate), items in
 * their order. A slice that is not a JSON array rejects the whole reply.
 */
export async function assembleReply(
  head: unknown,
  sliced: readonly SlicedArray[],
  turn: Turn = nextTurn,
): Promise<unknown> {
  let value = head;
  for (const { path, slices } of sliced) {
    const items: unknown[] = [];
    for (const slice of slices) {
      await turn();
      const part: unknown = JSON.parse(slice);
      if (!Array.isArray(part)) throw new TypeError(`A slice of ${path.join('.')} is not a JSON array`);
      for (const item of part) items.push(item);
    }
    value = replacedAt(value, path, items);
  }
  return value;
}

// Query-string pieces shared by the read API: text, instants, keyset cursors. Every malformed parameter is a 400
// naming it (zod issue paths), never a query the database refuses with a 500: text is checked for what PostgreSQL
// cannot hold, instants for the year zero it does not know, cursor ids for the shape of the key they stand for.
// Unknown parameters are refused (schemas are strict), so e.g. an `orgId=` parameter fails loudly instead of being
// silently ignored.
import { z } from 'zod';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '../../shared/sync/storable';

/** Free text of at most `max` characters that PostgreSQL can compare (no NUL, no broken surrogate pair). */
export const textParam = (max: number) =>
  z.string().min(1).max(max).refine(isStorableText, { error: UNSTORABLE_TEXT_MESSAGE });

const notYearZero = (t: string) => !t.startsWith('0000');
const isoInstant = z.iso.datetime({ offset: true }).refine(notYearZero, { error: 'year 0000 does not exist' });

/** A bare date is a day in Panama (UTC-5, no daylight saving), the stores' own calendar. */
export const instantParam = z.union([
  isoInstant,
  z.iso
    .date()
    .refine(notYearZero, { error: 'year 0000 does not exist' })
    .transform((d) => `${d}T00:00:00-05:00`),
]);

/** The query of a route that takes no parameter: any parameter is a 400 naming it (it would be ignored otherwise). */
export const noQuery = z.object({}).strict();

export const limitParam = z.coerce.number().int().min(1).max(200).default(50);

/** A page's sort key: the last row's time and id. */
export interface Cursor {
  t: string;
  id: string;
}

/** Opaque to clients: the sort key of the last row returned. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decode(raw: string, id: z.ZodType<string>): Cursor | undefined {
  try {
    const parsed = z
      .object({ t: isoInstant, id })
      .safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** `?cursor=` of a listing whose rows are keyed by ids of the shape `id` (a UUID, a document id…). */
export const cursorParam = (id: z.ZodType<string>) =>
  z
    .string()
    .max(300)
    .transform((raw, ctx) => {
      const cursor = decode(raw, id);
      if (!cursor) {
        ctx.addIssue({ code: 'custom', message: 'is not a cursor returned by this API' });
        return z.NEVER;
      }
      return cursor;
    });

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Turns `limit + 1` fetched rows into a page and the cursor after its last item. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => Cursor): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

// Query-string pieces shared by the read API: keyset cursors and date bounds. Unknown parameters are refused
// (schemas are strict), so e.g. an `orgId=` parameter fails loudly instead of being silently ignored.
import { z } from 'zod';

/** A bare date is a day in Panama (UTC-5, no daylight saving), the stores' own calendar. */
export const instantParam = z.union([
  z.iso.datetime({ offset: true }),
  z.iso.date().transform((d) => `${d}T00:00:00-05:00`),
]);

export const limitParam = z.coerce.number().int().min(1).max(200).default(50);

const cursorSchema = z.object({ t: z.iso.datetime(), id: z.string().max(64) });
export type Cursor = z.infer<typeof cursorSchema>;

/** Opaque to clients: the sort key of the last row returned. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(raw: string): Cursor | undefined {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export const cursorParam = z.string().max(300).transform((raw, ctx) => {
  const cursor = decodeCursor(raw);
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

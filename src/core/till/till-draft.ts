// The basket in progress, kept in SQLite as the cashier works (the till saves it debounced), so a crash or a restart
// loses nothing. One per register: it belongs to the user who was selling. When someone else signs in and asks for
// it, it is parked under its owner's name first (parked-sales.ts) — never shown to the wrong cashier, never lost.
import type { Basket, ParkedSale } from '../../shared/ipc/areas/till/contract';
import { basketSchema } from '../../shared/ipc/areas/till/contract';
import type { ActingUser } from '../app/caller';
import type { StoreDb } from '../store/open-database';
import { parkSale } from './parked-sales';

const DRAFT_ID = 'current';

export function saveDraft(db: StoreDb, user: ActingUser, basket: Basket | null, at: Date): boolean {
  if (basket === null || basket.lines.length === 0) {
    db.$client.prepare('DELETE FROM till_draft WHERE id = ? AND user_id = ?').run(DRAFT_ID, user.id);
    return false;
  }
  db.$client
    .prepare(
      `INSERT INTO till_draft (id, user_id, user_name, basket, updated_at) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, user_name = excluded.user_name, basket = excluded.basket,
    updated_at = excluded.updated_at`,
    )
    .run(DRAFT_ID, user.id, user.displayName, JSON.stringify(basket), at.toISOString());
  return true;
}

export function loadDraft(
  db: StoreDb,
  user: ActingUser,
  at: Date,
): { basket: Basket | null; parkedForOther: ParkedSale | null } {
  const row = db.$client
    .prepare('SELECT user_id AS userId, user_name AS userName, basket FROM till_draft WHERE id = ?')
    .get(DRAFT_ID) as { userId: string; userName: string; basket: string } | undefined;
  if (!row) return { basket: null, parkedForOther: null };
  const parsed = basketSchema.safeParse(JSON.parse(row.basket));
  if (!parsed.success) {
    // A draft this version cannot read (written by another version): dropped rather than crash the till at start.
    db.$client.prepare('DELETE FROM till_draft WHERE id = ?').run(DRAFT_ID);
    return { basket: null, parkedForOther: null };
  }
  if (row.userId === user.id) return { basket: parsed.data, parkedForOther: null };
  const parked = parkSale(
    db,
    { basket: parsed.data, reason: 'handover', owner: { id: row.userId, name: row.userName }, by: user },
    at,
  );
  db.$client.prepare('DELETE FROM till_draft WHERE id = ?').run(DRAFT_ID);
  return { basket: null, parkedForOther: parked };
}

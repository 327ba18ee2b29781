// Head office's alert settings: minutes of silence before a register is flagged, and the webhook (URL + secret).
// The secret is written, never read back out: the API answers only whether one is set.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { SILENT_AFTER_MINUTES, WEBHOOK_SECRET_PATTERN } from '../../shared/alerts/alert-rules';
import { isStorableText } from '../../shared/sync/storable';
import { rowsOf, type TenantDatabase } from '../db/tenant-db';
import { DEFAULT_SILENT_AFTER_MINUTES } from './alert-rules';

const webhookUrl = z
  .string()
  .max(2_000)
  .refine(isStorableText, { error: 'must be storable text' })
  .refine(
    (raw) => {
      try {
        const url = new URL(raw);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
      } catch {
        return false;
      }
    },
    { error: 'must be an http(s) URL without user or password' },
  );

export const alertSettingsUpdateSchema = z
  .object({
    /** 1 minute to 7 days. */
    silentAfterMinutes: z.number().int().min(SILENT_AFTER_MINUTES.min).max(SILENT_AFTER_MINUTES.max).optional(),
    /** null removes the webhook (pending deliveries are then given up). */
    webhook: z
      .object({
        url: webhookUrl,
        /** Printable ASCII, 16-256 characters: the HMAC key the receiver shares. */
        secret: z
          .string()
          .regex(WEBHOOK_SECRET_PATTERN, { error: 'must be 16-256 printable ASCII characters without spaces' }),
      })
      .strict()
      .nullable()
      .optional(),
  })
  .strict();
export type AlertSettingsUpdate = z.infer<typeof alertSettingsUpdateSchema>;

export interface AlertSettingsView {
  silentAfterMinutes: number;
  webhook: { url: string; secretSet: true } | null;
}

type Row = { silent_after_minutes: number; webhook_url: string | null };

const view = (row: Row | undefined): AlertSettingsView => ({
  silentAfterMinutes: row?.silent_after_minutes ?? DEFAULT_SILENT_AFTER_MINUTES,
  webhook: row?.webhook_url ? { url: row.webhook_url, secretSet: true } : null,
});

export async function readAlertSettings(db: TenantDatabase, orgId: string): Promise<AlertSettingsView> {
  const [row] = await db.withTenant(orgId, (tx) =>
    rowsOf<Row>(tx, sql`select silent_after_minutes, webhook_url from alert_settings`),
  );
  return view(row);
}

export async function updateAlertSettings(
  db: TenantDatabase,
  orgId: string,
  update: AlertSettingsUpdate,
): Promise<AlertSettingsView> {
  const hook = update.webhook;
  const setHook = hook !== undefined;
  const [row] = await db.withTenant(orgId, async (tx) => {
    // An organisation made before the alerts migration by a non-superuser owner may not be on the schedule yet.
    await tx.execute(sql`insert into alert_schedule (org_id) values (${orgId}::uuid) on conflict do nothing`);
    return rowsOf<Row>(
      tx,
      sql`
      insert into alert_settings (org_id, silent_after_minutes, webhook_url, webhook_secret)
      values (${orgId}::uuid, ${update.silentAfterMinutes ?? DEFAULT_SILENT_AFTER_MINUTES}, ${hook?.url ?? null}, ${hook?.secret ?? null})
      on conflict (org_id) do update set
        silent_after_minutes = ${update.silentAfterMinutes === undefined ? sql`alert_settings.silent_after_minutes` : sql`excluded.silent_after_minutes`},
        webhook_url = ${setHook ? sql`excluded.webhook_url` : sql`alert_settings.webhook_url`},
        webhook_secret = ${setHook ? sql`excluded.webhook_secret` : sql`alert_settings.webhook_secret`},
        updated_at = now()
      returning silent_after_minutes, webhook_url`,
    );
  });
  return view(row);
}

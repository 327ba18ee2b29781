// Typed access to the non-secret settings table. Each value has a zod schema: a row that does not parse (an old or
// hand-edited value) falls back to the default instead of stopping the register.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { NATURALEZA_OPERACION, codesOf } from '../../shared/fiscal/codes';
import { MAX_AUTORIZADOS_DESCARGA, autorizadoDescargaSchema } from '../../shared/fiscal/document-groups';
import type { StoreDb } from './open-database';
import { settings } from './schema';
import { cachedStatement } from './statement-cache';

export const issuerSettingsSchema = z.object({
  codigoSucursalEmisor: z.string().regex(/^[A-Za-z0-9]{4}$/),
  tipoSucursal: z.enum(['1', '2']),
  puntoFacturacionFiscal: z.string().regex(/^(?!000)\d{3}$/),
  naturalezaOperacion: z.enum(codesOf(NATURALEZA_OPERACION)),
  /** Sent on every document as listaAutorizadosDescargaFEyEventos; absent in rows saved before it existed. */
  autorizadosDescarga: z.array(autorizadoDescargaSchema).max(MAX_AUTORIZADOS_DESCARGA).default([]),
});
export type IssuerSettings = z.infer<typeof issuerSettingsSchema>;

export const DEFAULT_ISSUER_SETTINGS: IssuerSettings = {
  codigoSucursalEmisor: '0000',
  tipoSucursal: '1',
  puntoFacturacionFiscal: '001',
  naturalezaOperacion: '01',
  autorizadosDescarga: [],
};

const SETTING_VALUE_SQL = 'SELECT value FROM settings WHERE key = ? /* readJsonSetting */';

/**
 * One setting's stored text. `app:status` reads seven settings per call and the status bar asks often: on the
 * register's connection the statement is prepared once (statement-cache.ts), where building drizzle's query each
 * time was most of the call's CPU (decision 0036). A transaction (no `$client`) builds the query as before.
 */
function storedSetting(db: Pick<StoreDb, 'select'>, key: string): string | undefined {
  const client = (db as Partial<Pick<StoreDb, '$client'>>).$client;
  if (client) return cachedStatement(client, SETTING_VALUE_SQL).pluck().get(key) as string | undefined;
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
}

export function readJsonSetting<T>(db: Pick<StoreDb, 'select'>, key: string, schema: z.ZodType<T>, fallback: T): T {
  const stored = storedSetting(db, key);
  if (stored === undefined) return fallback;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return fallback;
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : fallback;
}

export function writeJsonSetting<T>(db: Pick<StoreDb, 'insert'>, key: string, schema: z.ZodType<T>, value: T): void {
  const json = JSON.stringify(schema.parse(value));
  db.insert(settings)
    .values({ key, value: json })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: new Date().toISOString() } })
    .run();
}

export function readIssuerSettings(db: StoreDb): IssuerSettings {
  return readJsonSetting(db, 'issuer', issuerSettingsSchema, DEFAULT_ISSUER_SETTINGS);
}

export function writeIssuerSettings(db: Pick<StoreDb, 'insert'>, value: IssuerSettings): void {
  writeJsonSetting(db, 'issuer', issuerSettingsSchema, value);
}

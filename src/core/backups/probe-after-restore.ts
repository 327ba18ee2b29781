// After a restore the copy's numbering is behind what HKA already holds for every sale made since the copy was
// taken (issue 11 §6). Before the queue sends anything, every series the restored data knows — and the billing
// point the settings name now — is probed at HKA and moved past its highest number (decision 0009), so no new sale
// reuses a number HKA already authorised. Training does the same against the simulator, which keeps its ledger.
import { probeAndAdvance, type ProbeDeps, type SeriesKey } from '../queue/series-advance';
import { fiscalSeries } from '../store/schema';
import { readIssuerSettings } from '../store/settings-repo';
import type { StoreDb } from '../store/open-database';
import type { AfterRestore } from './restore-backup';

/** Invoices are what a till issues first; other types are probed when the restored data has used them. */
const ALWAYS_PROBED_TYPE = '01';

export function seriesToProbe(db: StoreDb): SeriesKey[] {
  const keys = new Map<string, SeriesKey>();
  const add = (key: SeriesKey) => keys.set(`${key.codigoSucursal}/${key.puntoFacturacion}/${key.tipoDocumento}`, key);
  for (const row of db.select().from(fiscalSeries).all()) {
    add({
      codigoSucursal: row.codigoSucursal,
      puntoFacturacion: row.puntoFacturacion,
      tipoDocumento: row.tipoDocumento,
    });
  }
  const issuer = readIssuerSettings(db);
  add({
    codigoSucursal: issuer.codigoSucursalEmisor,
    puntoFacturacion: issuer.puntoFacturacionFiscal,
    tipoDocumento: ALWAYS_PROBED_TYPE,
  });
  return [...keys.values()];
}

/**
 * The restore's hook: forgets the copy's probes (they describe HKA as it was when the copy was taken), then probes
 * every series. A series HKA could not be asked about makes the restore warn, and stays unprobed: the queue worker
 * probes it before it sends that series' first document, whenever HKA answers (credentials re-entered, network back).
 */
export function probeAfterRestore(deps: Omit<ProbeDeps, 'db'>): AfterRestore {
  return async (db) => {
    db.update(fiscalSeries).set({ probedAt: null }).run();
    const failed: string[] = [];
    for (const key of seriesToProbe(db)) {
      const result = await probeAndAdvance({ ...deps, db }, key, 'restore', { actor: 'sistema:cola' });
      if (!result.ok)
        failed.push(`${key.codigoSucursal}/${key.puntoFacturacion}/${key.tipoDocumento}: ${result.error}`);
    }
    if (failed.length > 0) throw new Error(`Series not probed after the restore: ${failed.join('; ')}`);
  };
}

// Folios left in HKA's licence cycle (FoliosRestantes). The last answer is kept in settings so the monitoring panel
// shows it without a call; "Probar conexión" (settings:testHka), "Consultar folios" (monitor:checkFolios) and the
// monitor's periodic check all store it. The panel raises an alarm below the manager's threshold; a changed figure is
// also pushed to head office (its folios alert).
import { z } from 'zod';
import type { HkaClient } from '../hka/client/hka-client';
import type { FoliosData, HkaOutcome } from '../hka/client/outcomes';
import { recordedHkaCall } from '../queue/hka-metrics';
import { readContingencySettings } from '../settings/contingency-settings';
import { reportFoliosChange } from '../sync/folios-report';
import type { HkaCredentialSource } from '../queue/transmit-job';
import type { StoreDb } from '../store/open-database';
import { readJsonSetting, writeJsonSetting } from '../store/settings-repo';

const FOLIOS_KEY = 'monitor_folios';

const lastFoliosSchema = z.object({ available: z.number().int(), checkedAt: z.string() });
type LastFolios = z.infer<typeof lastFoliosSchema>;

export interface FoliosView {
  available: number | null;
  checkedAt: string | null;
  threshold: number;
  alarm: boolean;
}

/** Keeps the answer; a changed figure is also reported to head office (sync/folios-report.ts), atomically. */
export function recordFolios(db: StoreDb, available: number, at: Date): void {
  db.transaction(
    (tx) => {
      const previous = readJsonSetting<LastFolios | null>(tx, FOLIOS_KEY, lastFoliosSchema, null)?.available ?? null;
      writeJsonSetting(tx, FOLIOS_KEY, lastFoliosSchema, { available, checkedAt: at.toISOString() });
      reportFoliosChange(tx, available, previous, at);
    },
    { behavior: 'immediate' },
  );
}

export function foliosView(db: StoreDb): FoliosView {
  const last = readJsonSetting<LastFolios | null>(db, FOLIOS_KEY, lastFoliosSchema, null);
  // The manager sets the threshold with the contingency settings (settings:saveContingency).
  const threshold = readContingencySettings(db).foliosAlarmThreshold;
  return {
    available: last?.available ?? null,
    checkedAt: last?.checkedAt ?? null,
    threshold,
    alarm: last !== null && last.available < threshold,
  };
}

export interface FoliosDeps {
  db: StoreDb;
  client: HkaClient;
  credentials: HkaCredentialSource;
  clock: () => Date;
}

/** Asks HKA now and keeps a successful answer; the outcome tells the caller what went wrong otherwise. */
export async function checkFolios(deps: FoliosDeps): Promise<HkaOutcome<FoliosData>> {
  const outcome = await deps.credentials.withCredentials((c) =>
    recordedHkaCall(deps.db, deps.clock, 'FoliosRestantes', null, () => deps.client.foliosRestantes(c)),
  );
  if (outcome.kind === 'ok') recordFolios(deps.db, outcome.data.foliosDisponibleCiclo, deps.clock());
  return outcome;
}

// What the status bar and the header show: environment (and so training mode), connectivity, contingency, the
// queue, who is issuing from which branch and billing point, and the clock and folios warnings.
import type { AppStatus } from '../../shared/ipc/schemas';
import type { HkaEnvironment } from '../hka/contract';
import type { Connectivity } from '../queue/connectivity';
import type { ContingencyManager } from '../queue/contingency';
import { queueCounts, type QueueCounts } from '../queue/outbox-repo';
import type { StoreDb } from '../store/open-database';
import { readIssuerSettings } from '../store/settings-repo';
import { readIssuerIdentity } from '../settings/issuer-identity';
import { clockCheck } from '../monitor/clock-offset';
import { foliosView } from '../monitor/folios';

export function contingencyView(contingency: ContingencyManager): AppStatus['contingency'] {
  const { active, since, motivo } = contingency.current;
  return {
    active,
    ...(since !== undefined ? { since } : {}),
    ...(motivo !== undefined ? { motivo } : {}),
    needsExtendedReason: contingency.needsExtendedReason(),
  };
}

/** QueueCounts without an undefined field (the contract's optional field is absent, not undefined). */
export function queueCountsView(counts: QueueCounts): AppStatus['queue'] {
  const { oldestWaitingSince, ...rest } = counts;
  return oldestWaitingSince === undefined ? rest : { ...rest, oldestWaitingSince };
}

/** The issuer as receipts show it (screen and thermal printer): identity, branch and billing point. */
export function issuerView(db: StoreDb, environment: HkaEnvironment): AppStatus['issuer'] {
  const issuer = readIssuerSettings(db);
  return {
    ...readIssuerIdentity(db, environment),
    codigoSucursal: issuer.codigoSucursalEmisor,
    puntoFacturacion: issuer.puntoFacturacionFiscal,
  };
}

export function appStatus(deps: {
  db: StoreDb;
  environment: HkaEnvironment;
  connectivity: { state: Connectivity };
  contingency: ContingencyManager;
}): AppStatus {
  return {
    environment: deps.environment,
    trainingMode: deps.environment === 'simulador',
    connectivity: deps.connectivity.state,
    contingency: contingencyView(deps.contingency),
    queue: queueCountsView(queueCounts(deps.db)),
    issuer: issuerView(deps.db, deps.environment),
    warnings: tillWarnings(deps.db),
  };
}

/** The clock and folios alarms of the monitoring panel, in the short form the status bar shows. */
export function tillWarnings(db: StoreDb): NonNullable<AppStatus['warnings']> {
  const clock = clockCheck(db);
  const folios = foliosView(db);
  const offsets = [clock.hkaOffsetMs, clock.serverOffsetMs].filter((ms): ms is number => ms !== null);
  const worst = offsets.reduce<number | null>((w, ms) => (w === null || Math.abs(ms) > Math.abs(w) ? ms : w), null);
  return { clockOffsetMs: clock.warn ? worst : null, foliosLeft: folios.alarm ? folios.available : null };
}

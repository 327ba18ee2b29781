// Handlers of the central sync (sync:status, sync:pushNow, sync:enrol); merged into createIpcHandlers. Training data
// never reaches head office; an enrolled register claims its billing point before it sells.
import { ensurePointClaimed } from '../../../sync/claim-point';
import { enrolRegister, type EnrolError } from '../../../sync/enrol';
import { readIssuerSettings } from '../../../store/settings-repo';
import { AppError } from '../../app-error';
import { auditedBy } from '../../caller';
import type { IpcHandlers } from '../../dispatch';
import type { RegisterContext } from '../../register-context';

/** Training data never reaches head office (docs/decisions/0009-one-data-set-per-environment.md). */
const TRAINING_NOT_SYNCED =
  'En modo entrenamiento (Simulador) la caja no se sincroniza con la oficina central; cambie a Demo o Producción para inscribirla';

/** Spanish for the manager; the English detail stays in the sync client's logs. */
const ENROL_MESSAGES: Record<EnrolError, string> = {
  invalid_url: 'La dirección del servidor debe empezar con https:// (http:// solo en esta máquina o la red local)',
  invalid_code: 'El servidor no aceptó el código (desconocido, ya usado o vencido)',
  unreachable: 'No se pudo contactar el servidor central; revise la dirección y la conexión',
  rate_limited: 'Demasiados intentos fallidos; espere un minuto e intente de nuevo',
  server_error: 'El servidor central no pudo inscribir la caja; intente más tarde',
};

const run = <T>(work: () => T): Promise<T> => new Promise((resolve) => resolve(work()));

export function createSyncHandlers(
  ctx: Pick<RegisterContext, 'db' | 'vault' | 'clock' | 'environment' | 'sync' | 'catalog'>,
): Pick<IpcHandlers, 'sync:status' | 'sync:pushNow' | 'sync:enrol'> {
  const { db, clock } = ctx;
  return {
    'sync:status': () => run(() => ctx.sync.status()),
    'sync:pushNow': async () => {
      if (ctx.environment === 'simulador') throw new AppError('not_allowed', TRAINING_NOT_SYNCED);
      await ctx.sync.pushNow();
      await ctx.catalog.pullNow(); // "Sincronizar ahora" brings head office's prices too
      return ctx.sync.status();
    },
    'sync:enrol': async (req, caller) => {
      if (ctx.environment === 'simulador') throw new AppError('not_allowed', TRAINING_NOT_SYNCED);
      const input = {
        serverUrl: req.serverUrl,
        code: req.code,
        ...(req.registerName ? { registerName: req.registerName } : {}),
      };
      const outcome = await enrolRegister(
        { db, vault: ctx.vault, clock },
        input,
        auditedBy(caller.user, caller.manager),
      );
      if (!outcome.ok) {
        const invalid = outcome.error === 'invalid_url' || outcome.error === 'invalid_code';
        throw new AppError(invalid ? 'invalid_request' : 'not_allowed', ENROL_MESSAGES[outcome.error]);
      }
      ctx.sync.start();
      ctx.catalog.start();
      const issuer = readIssuerSettings(db);
      // The server's answer is kept for capture's gate; an unanswered claim is asked again at the next start.
      await ensurePointClaimed(
        { db, vault: ctx.vault, clock },
        { codigoSucursal: issuer.codigoSucursalEmisor, puntoFacturacion: issuer.puntoFacturacionFiscal },
        auditedBy(caller.user, caller.manager),
      );
      const { deviceId, storeCode, storeName, registerName } = outcome;
      return { deviceId, storeCode, storeName, registerName };
    },
  };
}

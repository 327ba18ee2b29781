// Handlers of the HKA connection settings (settings:hka, settings:saveHka, settings:testHka); merged into
// createIpcHandlers. The rules live in hka-settings-handlers.ts; a typed connection's verification is remembered here.
import { DraftVerifications } from '../../../hka/draft-connection';
import { recordFolios } from '../../../monitor/folios';
import { auditedBy } from '../../caller';
import type { IpcHandlers } from '../../dispatch';
import { hkaSettingsView, saveHkaSettings, testHkaSettings, type HkaSettingsContext } from './hka-settings';
import type { RegisterContext } from '../../register-context';

export function createHkaHandlers(
  ctx: Pick<RegisterContext, 'db' | 'clock' | 'dataSets' | 'hka'>,
): Pick<IpcHandlers, 'settings:hka' | 'settings:saveHka' | 'settings:testHka'> {
  const { db, clock } = ctx;
  const hkaCtx: HkaSettingsContext = {
    db,
    dataSets: ctx.dataSets,
    clock,
    drafts: new DraftVerifications(clock),
    ...ctx.hka,
  };
  return {
    'settings:hka': () => hkaSettingsView(hkaCtx),
    'settings:saveHka': (req, caller) => saveHkaSettings(hkaCtx, req, auditedBy(caller.user, caller.manager)),
    'settings:testHka': async (req, caller) => {
      const draft =
        req.draft === undefined
          ? undefined
          : {
              environment: req.draft.environment,
              ...(req.draft.endpoint ? { endpoint: req.draft.endpoint } : {}),
              ...(req.draft.tokenEmpresa ? { tokenEmpresa: req.draft.tokenEmpresa } : {}),
              ...(req.draft.tokenPassword ? { tokenPassword: req.draft.tokenPassword } : {}),
            };
      const tested = await testHkaSettings(hkaCtx, draft, auditedBy(caller.user, caller.manager));
      // The monitoring panel shows the saved connection's latest folios, not those of values only typed.
      if (tested.tested === 'saved') recordFolios(db, tested.foliosDisponibleCiclo, clock());
      return tested;
    },
  };
}

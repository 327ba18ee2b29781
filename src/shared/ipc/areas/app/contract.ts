// IPC contract of the app itself (names in channels.ts): its status for the sign-in screen, the restart that applies
// saved HKA settings, and the UI preferences (the language is anyone's).
import { z } from 'zod';
import type { ContractEntry } from '../../access';
import { appStatusSchema, uiPreferencesSchema } from '../../schemas';
import { approvalField, emptyRequest } from '../../fields';

export const appContract = {
  'app:status': { access: 'open', request: emptyRequest, response: appStatusSchema },
  /**
   * Restarts the app so saved HKA environment/endpoint changes take effect (settings:hka says restartNeeded): the
   * desktop app drains its HKA calls and relaunches ('relaunch'); the web host cannot, and says so ('manual').
   */
  'app:restart': {
    access: 'approval:app:restart',
    request: z.object({ approval: approvalField }),
    response: z.object({ via: z.enum(['relaunch', 'manual']) }),
  },
  'preferences:get': { access: 'open', request: emptyRequest, response: uiPreferencesSchema },
  /** The language only: anyone's, even on the sign-in screen. The receipt printer is a gerente's (settings:saveReceipt). */
  'preferences:set': {
    access: 'open',
    request: uiPreferencesSchema.pick({ language: true }).strict(),
    response: uiPreferencesSchema,
  },
} as const satisfies Record<string, ContractEntry>;

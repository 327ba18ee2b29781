// IPC contract of the central sync (names in channels.ts): its state, push now, and enrolment.
import { z } from 'zod';
import type { ContractEntry } from '../../access';
import { syncStatusSchema } from '../../../sync/status';
import { approvalField, emptyRequest } from '../../fields';

export const syncContract = {
  /** Central sync: state for the monitoring panel, push now, and enrolment (server URL + one-time code). */
  'sync:status': { access: 'signedIn', request: emptyRequest, response: syncStatusSchema },
  'sync:pushNow': { access: 'signedIn', request: emptyRequest, response: syncStatusSchema },
  'sync:enrol': {
    access: 'approval:sync:enrol',
    request: z.object({
      serverUrl: z.string().min(1).max(300),
      code: z.string().min(1).max(300),
      registerName: z.string().min(1).max(60).optional(),
      approval: approvalField,
    }),
    response: z.object({
      deviceId: z.string(),
      storeCode: z.string(),
      storeName: z.string(),
      registerName: z.string(),
    }),
  },
} as const satisfies Record<string, ContractEntry>;

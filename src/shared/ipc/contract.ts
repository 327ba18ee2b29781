// The one IPC contract: every operation the renderer may call (name `domain:verb`, access rule, request and response
// schemas) and every event main pushes. The operations are declared by area, side by side with their handlers
// (src/shared/ipc/areas/<area>/contract.ts ↔ src/core/app/areas/<area>/handlers.ts; decision 0030): this file only
// spreads the areas, so adding a channel edits no file here. Main binds each entry to a core handler (a missing
// handler fails the typecheck); the preload exposes one named method per entry (window.sago.<domain>.<verb>); the
// web host serves the same map.
import { z } from 'zod';
import type { ContractEntry } from './access';
import { contingencyViewSchema, documentStatusSchema, queueCountsSchema } from './schemas';
import { syncStatusSchema } from '../sync/status';
import { appContract } from './areas/app/contract';
import { catalogContract } from './areas/catalog/contract';
import { salesContract } from './areas/sales/contract';
import { documentsContract } from './areas/documents/contract';
import { syncContract } from './areas/sync/contract';
import { hkaContract } from './areas/hka/contract';
import { authContract } from './areas/auth/contract';
import { reportsContract } from './areas/reports/contract';
import { settingsContract } from './areas/settings/contract';
import { documentFilesContract } from './areas/document-files/contract';
import { monitorContract } from './areas/monitor/contract';
import { lossPreventionContract } from './areas/loss-prevention/contract';
import { backupsContract } from './areas/backups/contract';
import { seriesContract } from './areas/series/contract';
import { tillContract } from './areas/till/contract';
import { printerContract } from './areas/printer/contract';

/** Each area's contract by area name (its folder under areas/); a test proves every channel is in exactly one. */
export const contractAreas = {
  app: appContract,
  catalog: catalogContract,
  sales: salesContract,
  documents: documentsContract,
  sync: syncContract,
  hka: hkaContract,
  auth: authContract,
  reports: reportsContract,
  settings: settingsContract,
  'document-files': documentFilesContract,
  monitor: monitorContract,
  'loss-prevention': lossPreventionContract,
  backups: backupsContract,
  series: seriesContract,
  till: tillContract,
  printer: printerContract,
} as const;

export const ipcContract = {
  ...appContract,
  ...catalogContract,
  ...salesContract,
  ...documentsContract,
  ...syncContract,
  ...hkaContract,
  ...authContract,
  ...reportsContract,
  ...settingsContract,
  ...documentFilesContract,
  ...monitorContract,
  ...lossPreventionContract,
  ...backupsContract,
  ...seriesContract,
  ...tillContract,
  ...printerContract,
} as const satisfies Record<string, ContractEntry>;

export const ipcEvents = {
  'document:status': z.object({ documentId: z.string(), from: documentStatusSchema, to: documentStatusSchema }),
  'queue:counts': queueCountsSchema,
  'connectivity:changed': z.object({ state: z.enum(['online', 'offline']) }),
  'contingency:changed': contingencyViewSchema,
  'sync:changed': syncStatusSchema,
} as const;

export type Channel = keyof typeof ipcContract;
/** The access rule a channel declares (access.ts). */
export type AccessOf<C extends Channel> = (typeof ipcContract)[C]['access'];
export type EventName = keyof typeof ipcEvents;
export type Request<C extends Channel> = z.input<(typeof ipcContract)[C]['request']>;
export type ParsedRequest<C extends Channel> = z.output<(typeof ipcContract)[C]['request']>;
export type Response<C extends Channel> = z.output<(typeof ipcContract)[C]['response']>;
export type EventPayload<E extends EventName> = z.output<(typeof ipcEvents)[E]>;

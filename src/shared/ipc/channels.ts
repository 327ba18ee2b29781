// Channel and event names only (no schemas): what the preload needs to build window.sago. Each area lists its names
// next to its contract (src/shared/ipc/areas/<area>/channels.ts); a test checks these lists equal the contract's keys,
// area by area.
import { APP_CHANNELS } from './areas/app/channels';
import { CATALOG_CHANNELS } from './areas/catalog/channels';
import { SALES_CHANNELS } from './areas/sales/channels';
import { DOCUMENTS_CHANNELS } from './areas/documents/channels';
import { SYNC_CHANNELS } from './areas/sync/channels';
import { HKA_CHANNELS } from './areas/hka/channels';
import { AUTH_CHANNELS } from './areas/auth/channels';
import { REPORTS_CHANNELS } from './areas/reports/channels';
import { SETTINGS_CHANNELS } from './areas/settings/channels';
import { DOCUMENT_FILES_CHANNELS } from './areas/document-files/channels';
import { MONITOR_CHANNELS } from './areas/monitor/channels';
import { LOSS_PREVENTION_CHANNELS } from './areas/loss-prevention/channels';
import { BACKUP_CHANNELS } from './areas/backups/channels';
import { SERIES_CHANNELS } from './areas/series/channels';
import { TILL_CHANNELS } from './areas/till/channels';
import { PRINTER_CHANNELS } from './areas/printer/channels';

/** Each area's channel names by area name, as contractAreas (contract.ts) holds their entries. */
export const channelAreas = {
  app: APP_CHANNELS,
  catalog: CATALOG_CHANNELS,
  sales: SALES_CHANNELS,
  documents: DOCUMENTS_CHANNELS,
  sync: SYNC_CHANNELS,
  hka: HKA_CHANNELS,
  auth: AUTH_CHANNELS,
  reports: REPORTS_CHANNELS,
  settings: SETTINGS_CHANNELS,
  'document-files': DOCUMENT_FILES_CHANNELS,
  monitor: MONITOR_CHANNELS,
  'loss-prevention': LOSS_PREVENTION_CHANNELS,
  backups: BACKUP_CHANNELS,
  series: SERIES_CHANNELS,
  till: TILL_CHANNELS,
  printer: PRINTER_CHANNELS,
} as const;

export const CHANNELS = [
  ...APP_CHANNELS,
  ...CATALOG_CHANNELS,
  ...SALES_CHANNELS,
  ...DOCUMENTS_CHANNELS,
  ...SYNC_CHANNELS,
  ...HKA_CHANNELS,
  ...AUTH_CHANNELS,
  ...REPORTS_CHANNELS,
  ...SETTINGS_CHANNELS,
  ...DOCUMENT_FILES_CHANNELS,
  ...MONITOR_CHANNELS,
  ...LOSS_PREVENTION_CHANNELS,
  ...BACKUP_CHANNELS,
  ...SERIES_CHANNELS,
  ...TILL_CHANNELS,
  ...PRINTER_CHANNELS,
] as const;

export const EVENTS = [
  'document:status',
  'queue:counts',
  'connectivity:changed',
  'contingency:changed',
  'sync:changed',
] as const;

/** Prefix of the event channel names on the wire (ipcRenderer.on / the web host's event stream). */
export const EVENT_CHANNEL_PREFIX = 'sago-event:';

// Channel and event names only (no schemas): what the preload needs to build window.sago. A test checks these lists
// equal the contract's keys.
import { AUTH_CHANNELS } from './areas/auth/channels';
import { BACKUP_CHANNELS } from './areas/backups/channels';
import { LOSS_PREVENTION_CHANNELS } from './areas/loss-prevention/channels';
import { MANAGER_CHANNELS } from './areas/settings/channels';
import { REPORTS_CHANNELS } from './areas/reports/channels';
import { SERIES_CHANNELS } from './areas/series/channels';
import { PRINTER_CHANNELS } from './areas/printer/channels';
import { TILL_CHANNELS } from './areas/till/channels';

export const CHANNELS = [
  'app:status',
  'catalog:search',
  'catalog:lookup',
  'catalog:saveProduct',
  'customers:search',
  'customers:save',
  'sales:complete',
  'sales:last',
  'documents:list',
  'documents:get',
  'documents:retry',
  'documents:annul',
  'documents:creditNote',
  'queue:sendNow',
  'receipt:print',
  'preferences:get',
  'preferences:set',
  'sync:status',
  'sync:pushNow',
  'sync:enrol',
  'settings:hka',
  'settings:saveHka',
  'settings:testHka',
  ...AUTH_CHANNELS,
  ...REPORTS_CHANNELS,
  ...MANAGER_CHANNELS,
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

// Events the UI subscribes to (through IPC): document status changes, queue counts, connectivity, contingency.
import { EventEmitter } from 'node:events';
import type { StatusChange } from './apply-outcome';
import type { Connectivity } from './connectivity';
import type { ContingencyState } from './contingency';
import type { QueueCounts } from './outbox-repo';

export interface QueueEventMap {
  'document-status': [StatusChange];
  'queue-counts': [QueueCounts];
  connectivity: [Connectivity];
  contingency: [ContingencyState];
}

export class QueueEvents extends EventEmitter<QueueEventMap> {}

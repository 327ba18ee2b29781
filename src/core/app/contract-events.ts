// The queue's events (QueueEvents) renamed and reshaped as the IPC contract's events, for main to forward to the
// window and the web host to stream. One subscription per bridge; listeners get contract payloads only.
import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import type { ContingencyManager } from '../queue/contingency';
import type { QueueEvents } from '../queue/queue-events';
import type { SyncPusher } from '../sync/sync-pusher';
import { contingencyView, queueCountsView } from './app-status';

export interface RegisterEvents {
  /** Subscribes to a contract event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

type ContractEventMap = { [E in EventName]: [EventPayload<E>] };

export function contractEvents(
  queue: QueueEvents,
  contingency: ContingencyManager,
  sync?: SyncPusher,
): RegisterEvents & { dispose(): void } {
  const out = new EventEmitter<ContractEventMap>();
  out.setMaxListeners(0); // one listener per open window or event stream
  const forward = {
    'document-status': (change: EventPayload<'document:status'>) => out.emit('document:status', change),
    'queue-counts': (counts: Parameters<typeof queueCountsView>[0]) =>
      out.emit('queue:counts', queueCountsView(counts)),
    connectivity: (state: EventPayload<'connectivity:changed'>['state']) => out.emit('connectivity:changed', { state }),
    contingency: () => out.emit('contingency:changed', contingencyView(contingency)),
  };
  queue.on('document-status', forward['document-status']);
  queue.on('queue-counts', forward['queue-counts']);
  queue.on('connectivity', forward.connectivity);
  queue.on('contingency', forward.contingency);
  const stopSync = sync?.onChange((status) => out.emit('sync:changed', status));
  return {
    on(event, listener) {
      // EventEmitter's typed overloads cannot relate a generic E to its tuple; the map above guarantees it.
      const untyped = out as unknown as EventEmitter;
      untyped.on(event, listener as (...args: unknown[]) => void);
      return () => untyped.off(event, listener as (...args: unknown[]) => void);
    },
    dispose() {
      queue.off('document-status', forward['document-status']);
      queue.off('queue-counts', forward['queue-counts']);
      queue.off('connectivity', forward.connectivity);
      queue.off('contingency', forward.contingency);
      stopSync?.();
      out.removeAllListeners();
    },
  };
}

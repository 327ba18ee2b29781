// The contract's events as Server-Sent Events (GET /events): one stream per page, every contract event as
// `event: <name>` with its JSON payload. A comment line every 15 s keeps idle connections (and proxies) alive.
import type { ServerResponse } from 'node:http';
import type { RegisterEvents } from '../core/app/contract-events';
import { EVENTS } from '../shared/ipc/channels';

const HEARTBEAT_MS = 15_000;

export class EventStreams {
  private readonly open = new Set<ServerResponse>();

  constructor(private events: RegisterEvents) {}

  /** After the host restarted its core: new streams follow the new core's events. */
  rebind(events: RegisterEvents): void {
    this.events = events;
  }

  attach(res: ServerResponse): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    // EventSource reconnects by itself; tell it to retry quickly (a restarted host has a new token, though).
    res.write('retry: 2000\n\n');
    const offs = EVENTS.map((name) =>
      this.events.on(name, (payload) => {
        res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
      }),
    );
    const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    this.open.add(res);
    res.on('close', () => {
      clearInterval(heartbeat);
      for (const off of offs) off();
      this.open.delete(res);
    });
  }

  get size(): number {
    return this.open.size;
  }

  closeAll(): void {
    for (const res of this.open) res.end();
  }
}

// Online/offline, decided by a cheap probe (a TCP connect to HKA's host) and by what real calls report.
// While offline the queue sends nothing, so waiting documents burn no attempts; a probe brings it back by itself.
import { connect } from 'node:net';

export type Connectivity = 'online' | 'offline';

export interface ConnectivityOptions {
  /** How often to probe while offline (default 5 s). */
  offlineProbeMs?: number;
  /** How often to probe while online, to notice an outage before a sale does (default 30 s). */
  onlineProbeMs?: number;
}

export class ConnectivityMonitor {
  private current: Connectivity = 'online';
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners = new Set<(state: Connectivity) => void>();

  constructor(
    private readonly probe: () => Promise<boolean>,
    private readonly options: ConnectivityOptions = {},
  ) {}

  get state(): Connectivity {
    return this.current;
  }

  onChange(listener: (state: Connectivity) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reportReachable(): void {
    this.set('online');
  }

  reportUnreachable(): void {
    this.set('offline');
  }

  async probeNow(): Promise<Connectivity> {
    const ok = await this.probe().catch(() => false);
    this.set(ok ? 'online' : 'offline');
    return this.current;
  }

  start(): void {
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.stop();
    const delay =
      this.current === 'offline' ? (this.options.offlineProbeMs ?? 5_000) : (this.options.onlineProbeMs ?? 30_000);
    this.timer = setTimeout(() => {
      void this.probeNow().finally(() => this.schedule());
    }, delay);
    this.timer.unref();
  }

  private set(state: Connectivity): void {
    if (state === this.current) return;
    this.current = state;
    if (this.timer) this.schedule(); // probe at the new state's pace
    for (const listener of this.listeners) listener(state);
  }
}

/** Probe: can we open a TCP connection to the endpoint's host and port? No request, no credentials. */
export function tcpProbe(endpoint: string, timeoutMs = 3_000): () => Promise<boolean> {
  const url = new URL(endpoint);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return () =>
    new Promise((resolve) => {
      const socket = connect({ host: url.hostname, port });
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.setTimeout(timeoutMs, () => done(false));
      socket.once('connect', () => done(true));
      socket.once('error', () => done(false));
    });
}

// The simulator's TCP/HTTP listener: connection bookkeeping, refusing connections on demand (close the listening
// socket, listen again later on the same port) and a close() that also ends hanging requests.
import { setMaxListeners } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ListenerSwitch } from './faults';

const IDLE_CLOSE_GRACE_MS = 25;

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export class SimHttpServer implements ListenerSwitch {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly closing = new AbortController();
  private boundPort = 0;
  private listening = false;

  constructor(
    private readonly host: string,
    port: number,
    listener: RequestListener,
  ) {
    // Every delayed request listens for shutdown on this one signal; dozens at once is normal, not a leak.
    setMaxListeners(0, this.closing.signal);
    this.boundPort = port;
    this.server = createServer((req, res) => {
      const work = listener(req, res).catch((error: unknown) => {
        console.error('[hka-sim] request failed:', error instanceof Error ? error.message : error);
        if (!res.headersSent && !res.destroyed) res.writeHead(500).end();
      });
      this.inFlight.add(work);
      void work.finally(() => this.inFlight.delete(work));
    });
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  /** Aborted when close() starts: pending latency waits stop and no more work is committed. */
  get closingSignal(): AbortSignal {
    return this.closing.signal;
  }

  get port(): number {
    return this.boundPort;
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error): void => reject(error);
      this.server.once('error', onError);
      this.server.listen(this.boundPort, this.host, () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    this.listening = true;
    this.boundPort = (this.server.address() as AddressInfo).port;
    return this.boundPort;
  }

  /** New connections get ECONNREFUSED; idle keep-alive sockets are closed too so clients must reconnect. */
  async stopListening(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    this.server.close(); // stops accepting now; Node ≥ 19 also closes idle keep-alive connections
    this.server.closeIdleConnections();
    // Let clients see their pooled sockets close, so their next request opens a new connection and gets
    // ECONNREFUSED instead of writing into a half-closed socket.
    await new Promise((resolve) => setTimeout(resolve, IDLE_CLOSE_GRACE_MS));
  }

  async resumeListening(): Promise<void> {
    if (this.listening || this.closing.signal.aborted) return;
    await this.listen();
  }

  /** Stops listening, destroys every connection (hanging requests included) and waits for handlers to finish. */
  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    const wasListening = this.listening;
    this.listening = false;
    const closed = wasListening
      ? new Promise<void>((resolve) => this.server.close(() => resolve()))
      : Promise.resolve();
    this.server.closeAllConnections();
    for (const socket of this.sockets) socket.destroy();
    await Promise.allSettled([...this.inFlight]);
    await closed;
  }
}

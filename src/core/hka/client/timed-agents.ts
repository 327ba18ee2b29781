// HTTP(S) agents for ONE exchange that time the two phases separately, because they mean different things for a
// fiscal document: a connect timeout proves the request never left (safe to resend), a response timeout does not
// (HKA may have authorised it). axios' own `timeout` cannot tell them apart: it runs from socket assignment,
// through connect, to the end of the response.
//
// - connect timer: from socket creation (DNS lookup included) until `connect` (http) / `secureConnect` (https);
// - response timer: from then until the exchange is disposed (the whole reply read).
// Both destroy the socket with a coded error and record what happened in `progress`.
// Keep-alive is off and the agents are per exchange, so `progress` describes exactly one request.
import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import { CONNECT_TIMEOUT_CODE, RESPONSE_TIMEOUT_CODE, type TransportProgress } from './transport-errors';

export interface PhaseTimeouts {
  connectTimeoutMs: number;
  responseTimeoutMs: number;
}

export interface TimedAgents {
  httpAgent: http.Agent;
  httpsAgent: https.Agent;
  progress: TransportProgress;
  /** Stops the timers and closes the agents' sockets; call once the exchange is over, whatever its result. */
  dispose(): void;
}

/** Test seam: opens the raw socket instead of the agent (e.g. one that never connects). */
export type SocketOpener = (options: http.ClientRequestArgs) => Duplex;

function codedError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

export function createTimedAgents(timeouts: PhaseTimeouts, openSocket?: SocketOpener): TimedAgents {
  const progress: TransportProgress = { socketOpened: false, connected: false };
  const timers = new Set<NodeJS.Timeout>();
  let disposed = false;

  const startTimer = (ms: number, fire: () => void): NodeJS.Timeout => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fire();
    }, ms);
    timers.add(timer);
    return timer;
  };

  const watch = (socket: Duplex | null | undefined, connectedEvent: 'connect' | 'secureConnect'): void => {
    if (!socket) return;
    progress.socketOpened = true;
    const connectTimer = startTimer(timeouts.connectTimeoutMs, () => {
      progress.timedOut = 'connect';
      socket.destroy(codedError(CONNECT_TIMEOUT_CODE, `No connection within ${timeouts.connectTimeoutMs} ms`));
    });
    socket.once(connectedEvent, () => {
      clearTimeout(connectTimer);
      timers.delete(connectTimer);
      progress.connected = true;
      if (disposed) return;
      startTimer(timeouts.responseTimeoutMs, () => {
        progress.timedOut = 'response';
        socket.destroy(
          codedError(RESPONSE_TIMEOUT_CODE, `No complete response within ${timeouts.responseTimeoutMs} ms`),
        );
      });
    });
    socket.once('close', () => {
      clearTimeout(connectTimer);
      timers.delete(connectTimer);
    });
  };

  class TimedHttpAgent extends http.Agent {
    override createConnection(
      options: http.ClientRequestArgs,
      callback?: (err: Error | null, stream: Duplex) => void,
    ): Duplex | null | undefined {
      const socket = openSocket ? openSocket(options) : super.createConnection(options, callback);
      watch(socket, 'connect');
      return socket;
    }
  }

  class TimedHttpsAgent extends https.Agent {
    override createConnection(
      options: https.RequestOptions,
      callback?: (err: Error | null, stream: Duplex) => void,
    ): Duplex | null | undefined {
      const socket = openSocket ? openSocket(options) : super.createConnection(options, callback);
      watch(socket, openSocket ? 'connect' : 'secureConnect');
      return socket;
    }
  }

  const httpAgent = new TimedHttpAgent({ keepAlive: false, maxSockets: 1 });
  const httpsAgent = new TimedHttpsAgent({ keepAlive: false, maxSockets: 1 });
  return {
    httpAgent,
    httpsAgent,
    progress,
    dispose() {
      disposed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

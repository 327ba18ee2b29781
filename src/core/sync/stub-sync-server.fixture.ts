// A stand-in for the central API in the register's unit tests: records every request and answers as each test
// scripts it (acknowledge, fail, hang up, refuse). The real server is exercised in tests/e2e.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: string;
  json: { events?: { eventId: string; seq: number; kind: string; payload: unknown }[] } & Record<string, unknown>;
}

/** What to do with one request; returning undefined acknowledges a batch with nothing rejected. */
export type StubAnswer = { status: number; body?: unknown; headers?: Record<string, string> } | 'hang-up' | undefined;

export interface StubSyncServer {
  url: string;
  requests: RecordedRequest[];
  /** Decides each answer (default: acknowledge). May wait (to observe the register mid-request). */
  answer: (request: RecordedRequest, index: number) => StubAnswer | Promise<StubAnswer>;
  close(): Promise<void>;
}

export function acknowledge(
  request: RecordedRequest,
  rejectIndexes: number[] = [],
): Exclude<StubAnswer, 'hang-up' | undefined> {
  const events = request.json.events ?? [];
  return {
    status: 200,
    body: {
      received: events.length,
      stored: events.length - rejectIndexes.length,
      duplicates: 0,
      rejected: rejectIndexes.map((index) => ({
        index,
        eventId: events[index]?.eventId ?? null,
        reason: 'invalid',
        issues: [{ path: 'payload', message: 'bad' }],
      })),
    },
  };
}

export async function startStubSyncServer(): Promise<StubSyncServer> {
  const stub: StubSyncServer = { url: '', requests: [], answer: () => undefined, close: () => Promise.resolve() };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    for await (const chunk of req) body += String(chunk);
    let json: RecordedRequest['json'] = {};
    try {
      json = JSON.parse(body) as RecordedRequest['json'];
    } catch {
      // recorded as is
    }
    const request: RecordedRequest = { path: req.url ?? '', authorization: req.headers.authorization, body, json };
    stub.requests.push(request);
    const answer = (await stub.answer(request, stub.requests.length - 1)) ?? acknowledge(request);
    if (answer === 'hang-up') {
      req.socket.destroy();
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  stub.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return stub;
}

/** A URL where nothing listens (a port opened then closed again), for "server down". */
export async function deadServerUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

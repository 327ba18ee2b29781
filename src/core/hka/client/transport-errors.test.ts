// The classifier on its own (with SYNTHETIC errors shaped like Node's and axios'), and the connect timer of the
// timed agents. A real connect timeout cannot be produced on loopback reliably (a full listen backlog is not), so
// the connect-timeout path is tested with a black-hole stream that never emits 'connect' instead.
import http from 'node:http';
import { Duplex } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTimedAgents } from './timed-agents';
import { classifyTransportError, CONNECT_TIMEOUT_CODE, type TransportProgress } from './transport-errors';

const NOT_CONNECTED: TransportProgress = { socketOpened: true, connected: false };
const CONNECTED: TransportProgress = { socketOpened: true, connected: true };

/** An Error with a Node-style code, wrapped the way axios wraps it (AxiosError.from keeps code and cause). */
function nodeError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}
function axiosWrapped(cause: Error & { code?: string }): Error {
  return Object.assign(new Error(cause.message), { code: cause.code, name: 'AxiosError', cause });
}

describe('classifyTransportError (synthetic errors)', () => {
  it.each([
    ['DNS failure', nodeError('ENOTFOUND', 'getaddrinfo ENOTFOUND demoemision.thefactoryhka.com.pa'), 'dns'],
    ['DNS server unreachable', nodeError('EAI_AGAIN', 'getaddrinfo EAI_AGAIN demoemision.thefactoryhka.com.pa'), 'dns'],
    ['refused', nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9'), 'connection_refused'],
    ['unreachable network', nodeError('ENETUNREACH', 'connect ENETUNREACH 10.0.0.1:443'), 'connection_refused'],
    ['OS connect timeout', nodeError('ETIMEDOUT', 'connect ETIMEDOUT 10.0.0.1:443'), 'connect_timeout'],
    ['our connect timer', nodeError(CONNECT_TIMEOUT_CODE, 'No connection within 5000 ms'), 'connect_timeout'],
    [
      'reset during the TLS handshake',
      nodeError('ECONNRESET', 'Client network socket disconnected before secure TLS connection was established'),
      'connection_reset',
    ],
    ['bad certificate', nodeError('CERT_HAS_EXPIRED', 'certificate has expired'), 'connection_refused'],
  ])('before connecting, %s → %s, did not reach HKA', (_, error, reason) => {
    expect(classifyTransportError(axiosWrapped(error), NOT_CONNECTED)).toMatchObject({
      kind: 'transient',
      reason,
      mayHaveReachedHka: false,
    });
  });

  it('happy-eyeballs AggregateError of refusals is connection_refused', () => {
    const aggregate = Object.assign(
      new AggregateError([nodeError('ECONNREFUSED', 'connect ECONNREFUSED ::1:80')], ''),
      { code: 'ECONNREFUSED' },
    );
    expect(classifyTransportError(aggregate, NOT_CONNECTED)).toMatchObject({
      reason: 'connection_refused',
      mayHaveReachedHka: false,
    });
  });

  it.each([
    ['reset', nodeError('ECONNRESET', 'read ECONNRESET'), 'connection_reset'],
    ['hang-up', nodeError('ECONNRESET', 'socket hang up'), 'connection_reset'],
    ['broken pipe', nodeError('EPIPE', 'write EPIPE'), 'connection_reset'],
    ['aborted response stream', nodeError('ERR_BAD_RESPONSE', 'stream has been aborted'), 'connection_reset'],
    ['axios timeout', nodeError('ECONNABORTED', 'timeout of 30000ms exceeded'), 'response_timeout'],
    ['anything unforeseen', new Error('boom'), 'connection_reset'],
  ])('after connecting, %s → %s, may have reached HKA', (_, error, reason) => {
    expect(classifyTransportError(axiosWrapped(error), CONNECTED)).toMatchObject({
      kind: 'transient',
      reason,
      mayHaveReachedHka: true,
    });
  });

  it('the timers recorded in progress win over whatever error surfaced', () => {
    const hangUp = nodeError('ECONNRESET', 'socket hang up');
    expect(classifyTransportError(hangUp, { ...NOT_CONNECTED, timedOut: 'connect' })).toMatchObject({
      reason: 'connect_timeout',
      mayHaveReachedHka: false,
    });
    expect(classifyTransportError(hangUp, { ...CONNECTED, timedOut: 'response' })).toMatchObject({
      reason: 'response_timeout',
      mayHaveReachedHka: true,
    });
  });

  it('the detail names the code and the message', () => {
    expect(
      classifyTransportError(axiosWrapped(nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:9')), NOT_CONNECTED)
        .detail,
    ).toBe('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9');
  });
});

describe('timed agents: connect timer', () => {
  it('destroys a socket that does not connect in time, and the classifier calls it connect_timeout', async () => {
    // Black hole: accepts writes, never emits 'connect', never answers.
    const blackHole = () =>
      new Duplex({
        read() {},
        write(_chunk, _encoding, callback) {
          callback();
        },
      });
    const agents = createTimedAgents({ connectTimeoutMs: 100, responseTimeoutMs: 5_000 }, blackHole);
    const started = Date.now();
    try {
      const error = await new Promise<Error>((resolve) => {
        const req = http.request({ host: '127.0.0.1', port: 9, method: 'POST', agent: agents.httpAgent }, () =>
          resolve(new Error('unexpected response')),
        );
        req.on('error', resolve);
        req.end('<x/>');
      });
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
      expect(agents.progress).toEqual({ socketOpened: true, connected: false, timedOut: 'connect' });
      expect(classifyTransportError(error, agents.progress)).toMatchObject({
        reason: 'connect_timeout',
        mayHaveReachedHka: false,
      });
    } finally {
      agents.dispose();
    }
  });
});

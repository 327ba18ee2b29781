// Turns a failed HTTP exchange (no HTTP response at all) into a Transient outcome. The one question that matters
// to the queue is whether the request may have reached HKA: only failures before the connection was established
// (DNS, refused, connect timeout, TLS handshake) prove it did not. Everything after the connection is up is
// "maybe": the request is written as soon as the socket connects, and HKA may have authorised the document.
import { transient, type Transient } from './outcomes';

/** Error codes our own timers put on the socket they destroy (see timed-agents.ts). */
export const CONNECT_TIMEOUT_CODE = 'HKA_CONNECT_TIMEOUT';
export const RESPONSE_TIMEOUT_CODE = 'HKA_RESPONSE_TIMEOUT';

/** How far one exchange got, recorded by the timed agents. */
export interface TransportProgress {
  /** A socket was opened for the request (false: the failure happened before any network activity). */
  socketOpened: boolean;
  /** TCP (and TLS, for https) connection established, so the request was being sent. */
  connected: boolean;
  /** Which of our timers fired, if any. */
  timedOut?: 'connect' | 'response';
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE']);

interface ErrorFacts {
  codes: string[];
  messages: string[];
}

/** Codes and messages of an error, its `cause` chain and, for AggregateError (happy eyeballs), its members. */
function factsOf(error: unknown, depth = 0, facts: ErrorFacts = { codes: [], messages: [] }): ErrorFacts {
  if (depth > 5 || typeof error !== 'object' || error === null) {
    if (typeof error === 'string') facts.messages.push(error);
    return facts;
  }
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && !facts.codes.includes(code)) facts.codes.push(code);
  if (typeof message === 'string' && message !== '' && !facts.messages.includes(message)) facts.messages.push(message);
  if (cause !== undefined) factsOf(cause, depth + 1, facts);
  if (Array.isArray(errors)) for (const member of errors as unknown[]) factsOf(member, depth + 1, facts);
  return facts;
}

function detailOf(facts: ErrorFacts): string {
  const text = [facts.codes.join('/'), facts.messages[0] ?? 'unknown error'].filter((part) => part !== '').join(': ');
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

/** Classifies a transport failure; `progress` comes from the agents that carried the request. */
export function classifyTransportError(error: unknown, progress: TransportProgress): Transient {
  const facts = factsOf(error);
  const has = (set: ReadonlySet<string>) => facts.codes.some((c) => set.has(c));
  const detail = detailOf(facts);
  const socketHangUp = facts.messages.some((m) => /socket hang up|aborted/i.test(m));

  if (progress.timedOut === 'connect' || facts.codes.includes(CONNECT_TIMEOUT_CODE)) {
    return transient('connect_timeout', false, detail);
  }
  if (progress.timedOut === 'response' || facts.codes.includes(RESPONSE_TIMEOUT_CODE)) {
    return transient('response_timeout', true, detail);
  }
  if (has(DNS_CODES)) return transient('dns', false, detail);
  if (facts.codes.includes('ECONNREFUSED')) return transient('connection_refused', false, detail);
  if (!progress.connected) {
    // Not connected yet: nothing was sent. An OS-level connect timeout or a reset during the handshake still
    // proves it; anything else (unreachable network, TLS certificate problems) is "could not connect".
    if (has(TIMEOUT_CODES)) return transient('connect_timeout', false, detail);
    if (has(RESET_CODES) || socketHangUp) return transient('connection_reset', false, detail);
    return transient('connection_refused', false, detail);
  }
  if (has(TIMEOUT_CODES)) return transient('response_timeout', true, detail);
  // Reset, hang-up, aborted response stream, or anything unforeseen after the request went out.
  return transient('connection_reset', true, detail);
}

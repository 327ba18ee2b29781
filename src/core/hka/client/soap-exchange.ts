// One SOAP exchange with HKA through the `soap` package: it builds the envelope from the WSDL (namespaces, the
// quoted SOAPAction, text/xml; charset=utf-8) and posts it with axios. We only borrow the HTTP reply from it
// (status + body, via its 'response' event) and read that ourselves (soap-reply.ts): soap's own parsing rejects
// replies we can still read and gives no status on success.
import { randomUUID } from 'node:crypto';
import type { Client } from 'soap';
import type { HkaOperation } from '../contract';
import { readSoapReply, type SoapReply } from './soap-reply';
import { scrubText } from './scrub-secrets';
import { createTimedAgents, type PhaseTimeouts } from './timed-agents';
import { classifyTransportError } from './transport-errors';

type SoapMethod = (args: unknown, options: Record<string, unknown>) => Promise<unknown>;

interface HttpReply {
  status: number;
  body: unknown;
}

/** Thrown only when the request could not even be built or handed to the network (a bug, not an outage). */
export class HkaRequestError extends Error {
  override readonly name = 'HkaRequestError';
}

export interface ExchangeSettings extends PhaseTimeouts {
  /** Tokens of this call, scrubbed from any error text. */
  secrets: readonly string[];
  /** Called with the reply's Date header (HKA's clock), when the reply has one. */
  onServerDate?: (serverDate: Date) => void;
}

function dateHeaderOf(response: unknown): Date | undefined {
  const headers = (response as { headers?: unknown } | undefined)?.headers;
  const raw =
    typeof headers === 'object' && headers !== null ? (headers as Record<string, unknown>)['date'] : undefined;
  if (typeof raw !== 'string') return undefined;
  const date = new Date(raw);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export async function soapExchange(
  client: Client,
  operation: HkaOperation,
  args: Record<string, unknown>,
  settings: ExchangeSettings,
): Promise<SoapReply> {
  const method = client[`${operation}Async`] as SoapMethod | undefined;
  if (typeof method !== 'function') throw new HkaRequestError(`The WSDL has no operation ${operation}`);
  const agents = createTimedAgents(settings);
  const exchangeId = randomUUID();
  let reply: HttpReply | undefined;
  const onResponse = (body: unknown, response: unknown, eid: string): void => {
    const status = (response as { status?: unknown } | undefined)?.status;
    if (eid === exchangeId && typeof status === 'number') {
      reply = { status, body };
      const serverDate = dateHeaderOf(response);
      if (serverDate) settings.onServerDate?.(serverDate);
    }
  };
  client.on('response', onResponse);
  try {
    await method.call(client, args, {
      exchangeId,
      httpAgent: agents.httpAgent,
      httpsAgent: agents.httpsAgent,
      // Our agents must carry the request for the phase timers to mean anything: no proxy, no redirects
      // (a 3xx is an http_error), no axios timeout (ours are finer).
      proxy: false,
      maxRedirects: 0,
      timeout: 0,
    });
  } catch (error) {
    // With an HTTP reply in hand, soap's complaint (Fault, unexpected body…) is ours to judge below.
    if (!reply) {
      if (!agents.progress.socketOpened) {
        const message = error instanceof Error ? error.message : String(error);
        throw new HkaRequestError(
          `HKA ${operation}: the request was not sent: ${scrubText(message, settings.secrets)}`,
        );
      }
      return classifyTransportError(error, agents.progress);
    }
  } finally {
    client.removeListener('response', onResponse);
    agents.dispose();
    // The soap client keeps the last envelope (with the tokens) around for debugging; we do not need it.
    delete client.lastRequest;
    delete client.lastMessage;
  }
  if (!reply) throw new HkaRequestError(`HKA ${operation}: the soap package returned without an HTTP reply`);
  return readSoapReply(operation, reply.status, reply.body);
}

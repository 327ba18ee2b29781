// One HTTP request at the service path: WSDL on GET, SOAP on POST (read → dispatch → fault injection → operation →
// optional reply delay → answer). Everything else is answered the way IIS/WCF would: 404, 405, 413, 415.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SERVICE_PATH, type HkaOperation } from '../contract';
import type { XNode } from '../xml/xnode';
import { normalizeSoapAction, resolveOperation } from './dispatch';
import type { FaultDecision } from './faults';
import {
  INTERNAL_ERROR_TEXT,
  SoapFault,
  faultEnvelope,
  readBodyWrapper,
  resultEnvelope,
  type ResultFields,
} from './soap-envelope';
import type { ServedContract } from './served-contract';
import { isWsdlQuery } from './wsdl';
import { readBody } from '../../http/read-body';

const XML = 'text/xml; charset=utf-8';
const HTML = 'text/html; charset=utf-8';
const MAX_BODY_BYTES = 32 * 1024 * 1024;

const IIS_500_PAGE =
  '<!DOCTYPE html><html><head><title>500 - Internal server error.</title></head><body>' +
  '<h2>500 - Internal server error.</h2><h3>There is a problem with the resource you are looking for, and it cannot ' +
  'be displayed.</h3></body></html>';

export interface SoapRouteDeps {
  endpoint: () => string;
  contract: ServedContract;
  closing: AbortSignal;
  decide: (operation: HkaOperation | undefined) => FaultDecision;
  onCall: (operation: HkaOperation) => void;
  run: (operation: HkaOperation, wrapper: XNode, rawBody: string) => Promise<ResultFields>;
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  if (res.destroyed) return;
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': bytes.length }).end(bytes);
}

/** Destroys the connection without an answer (a TCP RST where the platform supports it). */
function drop(req: IncomingMessage): void {
  const socket = req.socket;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

/** Resolves true after `ms`, or false as soon as the simulator starts closing. */
function wait(ms: number, closing: AbortSignal): Promise<boolean> {
  if (closing.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      closing.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    closing.addEventListener('abort', onAbort, { once: true });
  });
}

/** A response cut off in the middle of an element, like a proxy that gave up half-way. */
function truncatedResponse(operation: HkaOperation | undefined): string {
  const op = operation ?? 'Enviar';
  const whole = resultEnvelope(op, { codigo: '200', resultado: 'procesado', mensaje: 'x' });
  return whole.slice(0, whole.indexOf('<a:resultado>') + '<a:resul'.length);
}

export function soapRoute(deps: SoapRouteDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  async function handlePost(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if ((req.headers['content-type'] ?? '').toLowerCase().startsWith('application/soap+xml')) {
      send(
        res,
        415,
        HTML,
        "Cannot process the message because the content type was not the expected type 'text/xml; charset=utf-8'.",
      );
      return;
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === undefined) {
      send(res, 413, HTML, 'Request Entity Too Large');
      return;
    }
    let operation: HkaOperation | undefined;
    let wrapper: XNode | undefined;
    let fault: SoapFault | undefined;
    try {
      wrapper = readBodyWrapper(body);
      operation = resolveOperation(normalizeSoapAction(req.headers.soapaction), wrapper);
      deps.onCall(operation);
    } catch (error) {
      if (!(error instanceof SoapFault)) throw error;
      fault = error;
    }

    const decision = deps.decide(operation);
    if (decision.delayMs > 0 && !(await wait(decision.delayMs, deps.closing))) return;
    if (deps.closing.aborted) return;
    switch (decision.outcome) {
      case 'hang':
        return; // never answered: the client or close() destroys the socket
      case 'reset':
        drop(req);
        return;
      case 'http500':
        send(res, 500, HTML, IIS_500_PAGE);
        return;
      case 'soapFault':
        send(res, 500, XML, faultEnvelope(new SoapFault('InternalServiceFault', INTERNAL_ERROR_TEXT)));
        return;
      case 'malformed':
        send(res, 200, XML, truncatedResponse(operation));
        return;
      case 'none':
      case 'commitThenDrop':
        break;
    }

    let answer: { status: number; xml: string };
    if (fault || !operation || !wrapper) {
      answer = { status: 500, xml: faultEnvelope(fault ?? new SoapFault('Client', 'Unreadable request.')) };
    } else {
      try {
        answer = {
          status: 200,
          xml: resultEnvelope(operation, await deps.run(operation, deps.contract.read(operation, wrapper), body)),
        };
      } catch (error) {
        console.error(`[hka-sim] ${operation} failed:`, error instanceof Error ? error.message : error);
        answer = { status: 500, xml: faultEnvelope(new SoapFault('InternalServiceFault', INTERNAL_ERROR_TEXT)) };
      }
    }
    if (decision.outcome === 'commitThenDrop') {
      drop(req);
      return;
    }
    // replyDelay: the work is committed; hold the reply (a client that dies meanwhile never learns the result).
    if (decision.replyDelayMs !== undefined && !(await wait(decision.replyDelayMs, deps.closing))) return;
    send(res, answer.status, XML, answer.xml);
  }

  async function handleGet(url: URL, res: ServerResponse): Promise<void> {
    if (!isWsdlQuery(url.searchParams)) {
      send(
        res,
        200,
        HTML,
        `<html><body><h1>Service</h1><p>HKA simulator. SOAP 1.1 endpoint: ${deps.endpoint()}` +
          ` (description at ?wsdl).</p></body></html>`,
      );
      return;
    }
    const wsdl = await deps.contract.wsdl(deps.endpoint());
    if (wsdl === undefined) send(res, 404, HTML, 'WSDL not available: the simulator has no WSDL file.');
    else send(res, 200, XML, wsdl);
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    if (url.pathname.toLowerCase() !== SERVICE_PATH.toLowerCase()) {
      send(res, 404, HTML, 'Not Found');
    } else if (req.method === 'POST') {
      await handlePost(req, res);
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      await handleGet(url, res);
    } else {
      res.setHeader('Allow', 'GET, POST');
      send(res, 405, HTML, 'Method Not Allowed');
    }
  };
}

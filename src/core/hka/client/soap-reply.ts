// Reads an HTTP reply to one HKA operation: either the `<Op>Result` element with its codigo, or a Transient
// explaining why there is no usable answer. Elements are matched by local name (xnode), so the reply's prefixes
// and namespaces do not matter: HKA's published samples use several, some undeclared (REFERENCE.md §1.3).
import type { HkaOperation } from '../contract';
import { child, find, parseXml, textOf, type XNode } from '../xml/xnode';
import { transient, unparseable, type Transient } from './outcomes';

export interface ResultReply {
  kind: 'result';
  operation: HkaOperation;
  /** The `<Op>Result` element. */
  result: XNode;
  codigo: string;
  mensaje: string;
  httpStatus: number;
}

export type SoapReply = ResultReply | Transient;

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (Buffer.isBuffer(body)) return body.toString('utf8');
  return '';
}

/** A short, tag-free excerpt of a non-SOAP body (an HTML error page, say) for the detail. */
function excerpt(text: string): string {
  const flat = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > 200 ? `${flat.slice(0, 197)}...` : flat;
}

function faultDetail(fault: XNode): string {
  // SOAP 1.1: faultcode/faultstring; SOAP 1.2: Code/Value and Reason/Text.
  const code = textOf(fault, 'faultcode') ?? textOf(child(fault, 'Code'), 'Value') ?? 'unknown';
  const reason = textOf(fault, 'faultstring') ?? textOf(child(fault, 'Reason'), 'Text') ?? '';
  const text = `SOAP Fault ${code}: ${reason}`.trim();
  return text.length > 300 ? `${text.slice(0, 297)}...` : text;
}

/** Any reply that came back over HTTP. 5xx and SOAP Faults are transient even with a readable body. */
export function readSoapReply(operation: HkaOperation, httpStatus: number, body: unknown): SoapReply {
  const text = bodyText(body);
  const notUsable = (why: string): Transient =>
    httpStatus === 200
      ? unparseable(why, httpStatus)
      : transient('http_error', true, `HTTP ${httpStatus}: ${why}`, httpStatus);

  if (text.trim() === '') return notUsable('empty body');
  let root: XNode;
  try {
    root = parseXml(text);
  } catch {
    return notUsable(`body is not XML: ${excerpt(text)}`);
  }
  const soapBody = root.name === 'Envelope' ? child(root, 'Body') : undefined;
  const fault = root.name === 'Fault' ? root : child(soapBody, 'Fault');
  if (fault) return transient('soap_fault', true, faultDetail(fault), httpStatus);
  if (httpStatus >= 500) return transient('http_error', true, `HTTP ${httpStatus}: ${excerpt(text)}`, httpStatus);

  const result = find(root, `${operation}Result`);
  if (!result) return notUsable(`no ${operation}Result in the reply`);
  const codigo = textOf(result, 'codigo');
  if (codigo === undefined) return notUsable(`${operation}Result has no codigo`);
  return { kind: 'result', operation, result, codigo, mensaje: textOf(result, 'mensaje') ?? '', httpStatus };
}

// Reading SOAP 1.1 requests and writing HKA-shaped responses and WCF-style faults (REFERENCE.md §1.2, §1.6, §8).
import { INFO_RUC_FIELDS, NS, RESULT_FIELDS, TRACKING_FIELDS, type HkaOperation } from '../contract';
import { XmlParseError, child, parseXml, type XNode } from '../xml/xnode';

/** WCF's dispatcher / addressing fault codes, with the namespace WCF declares for their prefix. */
const FAULT_CODES = {
  ActionNotSupported: 'http://schemas.microsoft.com/ws/2005/05/addressing/none',
  DeserializationFailed: 'http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher',
  InternalServiceFault: 'http://schemas.microsoft.com/net/2005/12/windowscommunicationfoundation/dispatcher',
  /** Not WCF (it answers a bare HTTP 400 to unreadable XML); a plain SOAP 1.1 Client fault is more useful to a client. */
  Client: NS.soapenv,
} as const;
export type FaultCode = keyof typeof FAULT_CODES;

/** A request the service cannot dispatch; answered with HTTP 500 and a SOAP Fault. */
export class SoapFault extends Error {
  override readonly name = 'SoapFault';
  constructor(
    readonly code: FaultCode,
    message: string,
  ) {
    super(message);
  }
}

export const INTERNAL_ERROR_TEXT =
  'The server was unable to process the request due to an internal error. For more information about the error, ' +
  'either turn on IncludeExceptionDetailInFaults on the server in order to send the exception information back to ' +
  'the client, or turn on tracing as per the Microsoft .NET Framework SDK documentation and inspect the server trace logs.';

/** The first element inside soap:Body: the operation wrapper (`<tem:Enviar>`). */
export function readBodyWrapper(xml: string): XNode {
  let root: XNode;
  try {
    root = parseXml(xml);
  } catch (error) {
    if (error instanceof XmlParseError) throw new SoapFault('Client', 'The request message is not well-formed XML.');
    throw error;
  }
  if (root.name !== 'Envelope') throw new SoapFault('Client', `Expected a SOAP Envelope, found <${root.name}>.`);
  const wrapper = child(root, 'Body')?.children[0];
  if (!wrapper) throw new SoapFault('Client', 'The SOAP Body is missing or empty.');
  return wrapper;
}

/** Text content escaping as .NET's XmlWriter does it (quotes stay as they are outside attributes). */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A record inside a result (`infoRuc`) or an item of a list (`listTracking`); null = `i:nil`. */
export type ResultRecord = Readonly<Record<string, string | null>>;
export type ResultValue = string | null | ResultRecord | readonly ResultRecord[];
/** Values of an `<Op>Result`, by field name; a field left out is written as nil. */
export type ResultFields = Readonly<Partial<Record<string, ResultValue>>>;

/** Lists in results: item element, its namespace prefix/URI and item fields. Only RastreoCorreo has one. */
const LISTS: Record<string, { item: string; prefix: string; namespace: string; fields: readonly string[] }> = {
  listaRastreo: { item: 'listTracking', prefix: 'b', namespace: NS.tracking, fields: TRACKING_FIELDS },
};
const RECORD_FIELDS: Record<string, readonly string[]> = { infoRuc: INFO_RUC_FIELDS };

function leaf(tag: string, value: string | null | undefined): string {
  return value === null || value === undefined ? `<${tag} i:nil="true"/>` : `<${tag}>${escapeText(value)}</${tag}>`;
}

function recordXml(record: ResultRecord, prefix: string, order: readonly string[]): string {
  return order.map((name) => leaf(`${prefix}:${name}`, record[name])).join('');
}

function fieldXml(name: string, value: ResultValue | undefined): string {
  const tag = `a:${name}`;
  if (value === null || value === undefined || typeof value === 'string') return leaf(tag, value);
  const list = LISTS[name];
  if (isRecordList(value)) {
    if (!list) throw new Error(`Result field ${name} is not a list`);
    const items = value.map(
      (item) =>
        `<${list.prefix}:${list.item}>${recordXml(item, list.prefix, list.fields)}</${list.prefix}:${list.item}>`,
    );
    const open = `${tag} xmlns:${list.prefix}="${list.namespace}"`;
    return items.length === 0 ? `<${open}/>` : `<${open}>${items.join('')}</${tag}>`;
  }
  return `<${tag}>${recordXml(value, 'a', RECORD_FIELDS[name] ?? Object.keys(value))}</${tag}>`;
}

function isRecordList(value: ResultRecord | readonly ResultRecord[]): value is readonly ResultRecord[] {
  return Array.isArray(value);
}

/** `<s:Envelope>…<OpResponse xmlns="http://tempuri.org/"><OpResult xmlns:a=… xmlns:i=…>` in RESULT_FIELDS order. */
export function resultEnvelope(operation: HkaOperation, fields: ResultFields): string {
  const body = RESULT_FIELDS[operation].map((name) => fieldXml(name, fields[name])).join('');
  return (
    `<s:Envelope xmlns:s="${NS.soapenv}"><s:Body>` +
    `<${operation}Response xmlns="${NS.tem}">` +
    `<${operation}Result xmlns:a="${NS.response}" xmlns:i="${NS.xsi}">${body}</${operation}Result>` +
    `</${operation}Response></s:Body></s:Envelope>`
  );
}

export function faultEnvelope(fault: SoapFault): string {
  const code =
    fault.code === 'Client'
      ? '<faultcode>s:Client</faultcode>'
      : `<faultcode xmlns:a="${FAULT_CODES[fault.code]}">a:${fault.code}</faultcode>`;
  return (
    `<s:Envelope xmlns:s="${NS.soapenv}"><s:Body><s:Fault>${code}` +
    `<faultstring xml:lang="en-US">${escapeText(fault.message)}</faultstring>` +
    `</s:Fault></s:Body></s:Envelope>`
  );
}

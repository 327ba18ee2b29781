// The common event checked without zod (decision 0032): a hand-written check of the exact shapes registers send, which
// builds the same event the shared zod schema would (known fields only). It may only ever be stricter than the schema:
// what it does not recognise at once (anything unusual, anything wrong) goes to checkSyncEvent, which judges it and
// names the issues, so the verdicts and the one-bad-event-refused-alone guarantee are the schema's.
// fast-event-check.test.ts proves "accepted here ⇒ the schema accepts the same event" on generated and mutated events.
import { AUDIT_HASH_PATTERN } from '../../shared/audit/audit-chain';
import { TIPO_DOCUMENTO, TIPO_EMISION } from '../../shared/fiscal/codes';
import { DOCUMENT_STATUSES } from '../../shared/fiscal/lifecycle';
import { DECIMAL_2_PATTERN } from '../../shared/fiscal/money';
import { MAX_DETAILS_CHARS, type AuditEvent, type DocumentStatusEvent } from '../../shared/sync/events';

type Json = Record<string, unknown>;

/** RFC 4122 versions 1-8 with the RFC variant: a subset of what z.uuid() accepts (nil and max UUIDs go to zod). */
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$/;
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const ACTION = /^[A-Za-z0-9_.:-]{1,100}$/;
/** What Date#toISOString writes (UTC, milliseconds); isInstant also checks that the date and time exist. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const STATUSES = new Set<string>(DOCUMENT_STATUSES);
const TIPOS_DOCUMENTO = new Set(Object.keys(TIPO_DOCUMENTO));
const TIPOS_EMISION = new Set(Object.keys(TIPO_EMISION));

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const isText = (v: unknown, min: number, max: number): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;
/** Year 0000 is refused like the schema refuses it (PostgreSQL has no year zero); Gregorian leap years. */
function isInstant(v: unknown): v is string {
  if (typeof v !== 'string' || !ISO_INSTANT.test(v)) return false;
  const year = Number(v.slice(0, 4));
  const month = Number(v.slice(5, 7));
  const day = Number(v.slice(8, 10));
  if (year === 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return false;
  return Number(v.slice(11, 13)) <= 23 && Number(v.slice(14, 16)) <= 59 && Number(v.slice(17, 19)) <= 59;
}
const isNullableText = (v: unknown, max: number): v is string | null => v === null || isText(v, 1, max);
const isNullableName = (v: unknown): v is string | null => v === null || isText(v, 0, 200);

function auditPayload(p: unknown): AuditEvent['payload'] | undefined {
  if (!isObject(p)) return undefined;
  const { auditId, at, actor, actorName, approvedBy, approvedByName, action, documentId, details, prevHash, hash } = p;
  if (!isCount(auditId) || !isInstant(at) || !isText(actor, 1, 100) || !isText(actorName, 0, 200)) return undefined;
  if (!isNullableText(approvedBy, 100) || !isNullableName(approvedByName)) return undefined;
  if (typeof action !== 'string' || !ACTION.test(action)) return undefined;
  if (documentId !== null && (typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId))) return undefined;
  if (typeof prevHash !== 'string' || !AUDIT_HASH_PATTERN.test(prevHash)) return undefined;
  if (typeof hash !== 'string' || !AUDIT_HASH_PATTERN.test(hash)) return undefined;
  if (!isObject(details) || Object.getPrototypeOf(details) !== Object.prototype) return undefined;
  if (JSON.stringify(details).length > MAX_DETAILS_CHARS) return undefined;
  return { auditId, at, actor, actorName, approvedBy, approvedByName, action, documentId, details, prevHash, hash };
}

function statusPayload(p: unknown): DocumentStatusEvent['payload'] | undefined {
  if (!isObject(p)) return undefined;
  const { documentId, status, from, at, tipoDocumento, numero, tipoEmision, total } = p;
  if (typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId)) return undefined;
  if (typeof status !== 'string' || !STATUSES.has(status) || !isInstant(at)) return undefined;
  const payload = { documentId, status, at } as DocumentStatusEvent['payload'];
  if (from !== undefined) {
    if (typeof from !== 'string' || !STATUSES.has(from)) return undefined;
    payload.from = from as DocumentStatusEvent['payload']['status'];
  }
  if (tipoDocumento !== undefined) {
    if (typeof tipoDocumento !== 'string' || !TIPOS_DOCUMENTO.has(tipoDocumento)) return undefined;
    payload.tipoDocumento = tipoDocumento as DocumentStatusEvent['payload']['tipoDocumento'];
  }
  if (numero !== undefined) {
    if (!isCount(numero) || numero > 2_147_483_647) return undefined;
    payload.numero = numero;
  }
  if (tipoEmision !== undefined) {
    if (typeof tipoEmision !== 'string' || !TIPOS_EMISION.has(tipoEmision)) return undefined;
    payload.tipoEmision = tipoEmision as DocumentStatusEvent['payload']['tipoEmision'];
  }
  if (total !== undefined) {
    if (typeof total !== 'string' || !DECIMAL_2_PATTERN.test(total)) return undefined;
    payload.total = total;
  }
  return payload;
}

/** The event as the schema would parse it, when it certainly passes; undefined when the schema must judge it. */
export function fastSyncEvent(raw: unknown): AuditEvent | DocumentStatusEvent | undefined {
  if (!isObject(raw)) return undefined;
  const { eventId, seq, kind } = raw;
  if (typeof eventId !== 'string' || !UUID.test(eventId) || !isCount(seq)) return undefined;
  if (kind === 'audit') {
    const payload = auditPayload(raw['payload']);
    return payload && { eventId, seq, kind, payload };
  }
  if (kind === 'document_status') {
    const payload = statusPayload(raw['payload']);
    return payload && { eventId, seq, kind, payload };
  }
  return undefined;
}

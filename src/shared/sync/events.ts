// What a register pushes to the central API: its audit entries and document status snapshots, each with the UUID
// the register gave it (so a replay is harmless) and its sync outbox id (`seq`, the register's own order).
// Payload objects keep only the fields listed here (zod strips the rest), so nothing unexpected — a secret
// included by mistake, say — is stored; audit `details` is the one free-form part, and is size-capped and checked
// for credentials by the server.
import { z } from 'zod';
import { TIPO_DOCUMENTO, TIPO_EMISION, codesOf } from '../fiscal/codes';
import { DOCUMENT_STATUSES } from '../fiscal/lifecycle';
import { DECIMAL_2_PATTERN } from '../fiscal/money';
import { AUDIT_HASH_PATTERN } from '../audit/audit-chain';

/** Serialized size cap of an audit entry's details; keeps a full batch of 500 well under the body limit. */
export const MAX_DETAILS_CHARS = 4_096;

/** ISO instants; year 0000 is ISO-valid but PostgreSQL has no year zero, so it is refused here rather than in SQL. */
const timestamp = z.iso
  .datetime({ offset: true })
  .refine((t) => !t.startsWith('0000'), { error: 'year 0000 does not exist' });
/** The register's document ids (UUIDs in practice; any short opaque id is accepted). */
export const documentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be an id of 1-64 letters, digits, "-" or "_"' });
const documentId = documentIdSchema;

const hash = z.string().regex(AUDIT_HASH_PATTERN, { error: 'must be 64 lowercase hex digits (SHA-256)' });
const personName = z.string().max(200);

/**
 * An audit entry as the register chained it (src/shared/audit/audit-chain.ts): `auditId` is its row id in the
 * register's trail, `hash` covers the content and `prevHash`, so the server can check each link.
 */
export const auditPayloadSchema = z.object({
  auditId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  at: timestamp,
  actor: z.string().min(1).max(100),
  actorName: personName,
  approvedBy: z.string().min(1).max(100).nullable(),
  approvedByName: personName.nullable(),
  action: z.string().regex(/^[A-Za-z0-9_.:-]{1,100}$/, { error: 'must be 1-100 letters, digits or "_.:-"' }),
  documentId: documentId.nullable(),
  details: z.record(z.string(), z.unknown()).refine((d) => JSON.stringify(d).length <= MAX_DETAILS_CHARS, {
    error: `must serialize to at most ${MAX_DETAILS_CHARS} characters`,
  }),
  prevHash: hash,
  hash,
});

export const documentStatusPayloadSchema = z.object({
  documentId,
  status: z.enum(DOCUMENT_STATUSES),
  from: z.enum(DOCUMENT_STATUSES).optional(),
  at: timestamp,
  /** Present on the snapshot taken at capture; later status changes carry only the status. */
  tipoDocumento: z.enum(codesOf(TIPO_DOCUMENTO)).optional(),
  numero: z.number().int().positive().max(2_147_483_647).optional(),
  tipoEmision: z.enum(codesOf(TIPO_EMISION)).optional(),
  total: z.string().regex(DECIMAL_2_PATTERN).optional(),
});

const envelope = {
  eventId: z.uuid(),
  seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
};

export const syncEventSchema = z.discriminatedUnion('kind', [
  z.object({ ...envelope, kind: z.literal('audit'), payload: auditPayloadSchema }),
  z.object({ ...envelope, kind: z.literal('document_status'), payload: documentStatusPayloadSchema }),
]);
export type SyncEvent = z.infer<typeof syncEventSchema>;
export type AuditEvent = Extract<SyncEvent, { kind: 'audit' }>;
export type DocumentStatusEvent = Extract<SyncEvent, { kind: 'document_status' }>;

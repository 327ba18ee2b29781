// SQLite schema of the register (drizzle). Money is stored as decimal TEXT ("12.50"), never REAL.
// Migrations are generated into drizzle/sqlite by `npm run db:generate` (tables made STRICT there, so SQLite refuses e.g. text in an INTEGER column).
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

/** Non-secret settings as JSON values (issuer, HKA environment, contingency thresholds…). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull().default(now),
});

/** Sealed secrets (AES-256-GCM, see src/core/vault); `__data_key__` holds the wrapped data key. */
export const secrets = sqliteTable('secrets', {
  name: text('name').primaryKey(),
  sealed: text('sealed').notNull(),
  updatedAt: text('updated_at').notNull().default(now),
});

/**
 * Last number issued per fiscal series; numbers are never reused. The series probe (queue/series-probe.ts) may move
 * last_number forward past what HKA already holds (decision 0009); a number collision blocks the series until a
 * manager resolves it (capture refuses while blocked_by_collision = 1).
 */
export const fiscalSeries = sqliteTable(
  'fiscal_series',
  {
    codigoSucursal: text('codigo_sucursal').notNull(),
    puntoFacturacion: text('punto_facturacion').notNull(),
    tipoDocumento: text('tipo_documento').notNull(),
    lastNumber: integer('last_number').notNull(),
    blockedByCollision: integer('blocked_by_collision').notNull().default(0),
    /** Last probe of HKA for this series: when (ISO), why, the highest number HKA held, and how many calls it took. */
    probedAt: text('probed_at'),
    probeReason: text('probe_reason'),
    probeHighest: integer('probe_highest'),
    probeCalls: integer('probe_calls'),
  },
  (t) => [primaryKey({ columns: [t.codigoSucursal, t.puntoFacturacion, t.tipoDocumento] })],
);

export const documents = sqliteTable(
  'documents',
  {
    id: text('id').primaryKey(),
    codigoSucursal: text('codigo_sucursal').notNull(),
    puntoFacturacion: text('punto_facturacion').notNull(),
    tipoDocumento: text('tipo_documento').notNull(),
    numero: integer('numero').notNull(),
    tipoEmision: text('tipo_emision').notNull(),
    fechaEmision: text('fecha_emision').notNull(),
    status: text('status').notNull(),
    /** The validated FiscalDocument as sent to HKA, JSON. */
    body: text('body').notNull(),
    /** DocumentTotals, JSON. */
    totals: text('totals').notNull(),
    totalFactura: text('total_factura').notNull(),
    receptorNombre: text('receptor_nombre'),
    cufe: text('cufe'),
    qr: text('qr'),
    nroProtocolo: text('nro_protocolo'),
    fechaRecepcionDgi: text('fecha_recepcion_dgi'),
    hkaCodigo: text('hka_codigo'),
    hkaMensajes: text('hka_mensajes'),
    createdBy: text('created_by').notNull(),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('documents_series_number').on(t.codigoSucursal, t.puntoFacturacion, t.tipoDocumento, t.numero),
    // Never two documents with one CUFE (issue 11): another sale's authorisation can never be booked as ours twice.
    uniqueIndex('documents_cufe').on(t.cufe),
    // Per status, newest first (issue 17): the "needs attention" list reads its page off this index in order.
    index('documents_status_created').on(t.status, t.createdAt, t.id),
    index('documents_created_at').on(t.createdAt),
    // Issue 17: a cashier typing a number finds it by index at any history size; a sales report reads only its days.
    index('documents_numero').on(t.numero),
    index('documents_day').on(sql`substr(${t.fechaEmision}, 1, 10)`),
    // Issue 17 (0011): the sales report reads a period's credit notes for invoices (04) one by one, by type and day.
    index('documents_type_day').on(t.tipoDocumento, sql`substr(${t.fechaEmision}, 1, 10)`),
  ],
);

/**
 * How many documents are in each status, kept by triggers of migration 0009 (issue 17): the documents list shows its
 * total without counting 700 000 rows per page. Only the triggers write it.
 */
export const documentStatusCounts = sqliteTable('document_status_counts', {
  status: text('status').primaryKey(),
  n: integer('n').notNull(),
});

// The search tables (migrations 0009, 0014) live in their own file; re-exported so drizzle-kit and `schema` see them.
export { documentSearch, documentSearchKeys } from './search-schema';

// The report rollups (migration 0011) live in their own file; re-exported so drizzle-kit and `schema` see them.
export { documentRollups, productDekadRollups, productMonthRollups, productRollups } from './rollup-schema';

export const documentItems = sqliteTable(
  'document_items',
  {
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
    line: integer('line').notNull(),
    codigo: text('codigo'),
    descripcion: text('descripcion').notNull(),
    cantidad: text('cantidad').notNull(),
    precioUnitario: text('precio_unitario').notNull(),
    descuentoUnitario: text('descuento_unitario'),
    tasaItbms: text('tasa_itbms').notNull(),
    precioItem: text('precio_item').notNull(),
    valorItbms: text('valor_itbms').notNull(),
    valorTotal: text('valor_total').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.line] })],
);

export const documentPayments = sqliteTable(
  'document_payments',
  {
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
    line: integer('line').notNull(),
    formaPago: text('forma_pago').notNull(),
    descripcion: text('descripcion'),
    monto: text('monto').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.line] })],
);

/** Transmission jobs (one per document). Leased with an expiry so a crash mid-call is picked up again. */
export const outboxJobs = sqliteTable(
  'outbox_jobs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    documentId: text('document_id')
      .notNull()
      .references(() => documents.id),
    state: text('state').notNull(), // pending | leased | done | parked | failed | cancelled (document discarded)
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(), // epoch ms
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: integer('lease_expires_at'),
    /** 1 when the last attempt may have reached HKA: the next one asks EstadoDocumento before sending again. */
    maybeSent: integer('maybe_sent').notNull().default(0),
    lastError: text('last_error'),
    /**
     * Cached identity proof of HKA's answer (JSON: the CUFE it was about and the verdict): a 102 or an EstadoDocumento
     * "Autorizada" is compared with our document once per CUFE, not on every send (queue/identity-proof.ts).
     */
    identityProof: text('identity_proof'),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [uniqueIndex('outbox_jobs_document').on(t.documentId), index('outbox_jobs_due').on(t.state, t.nextAttemptAt)],
);

/**
 * Append-only and hash-chained (store/audit.ts): triggers of migration 0004 refuse UPDATE and DELETE of a sealed row.
 * `actor`/`approved_by` are user ids (or system labels); the names beside them are as they were at that moment.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actor: text('actor').notNull(),
    actorName: text('actor_name').notNull().default(''),
    approvedBy: text('approved_by'),
    approvedByName: text('approved_by_name'),
    action: text('action').notNull(),
    documentId: text('document_id'),
    details: text('details').notNull().default('{}'),
    /** Hash of the previous entry (all zeros for the first); null only on rows older than the chain, until sealed. */
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_document').on(t.documentId),
    index('audit_log_action').on(t.action, t.id),
    index('audit_log_at').on(t.at),
    // The rows older than the chain, still to seal: empty once sealed (triggers refuse new unsealed rows), so the
    // check every open makes (sealLegacyAuditRows) reads an empty index instead of a year's trail (issue 17).
    index('audit_log_unsealed')
      .on(t.id)
      .where(sql`${t.hash} IS NULL`),
  ],
);

export const products = sqliteTable(
  'products',
  {
    id: text('id').primaryKey(),
    codigo: text('codigo').notNull(),
    barcode: text('barcode'),
    descripcion: text('descripcion').notNull(),
    unidad: text('unidad').notNull().default('und'),
    precio: text('precio').notNull(),
    tasaItbms: text('tasa_itbms').notNull(),
    /** Full CPBS code (4 digits) for sales to the State; the abbreviated code is its first two digits. */
    codigoCPBS: text('codigo_cpbs'),
    /** Unit of measure in the CPBS (HKA unidadMedidaCPBS), sent with the code. */
    unidadMedidaCPBS: text('unidad_medida_cpbs'),
    /** 1 for a medicine: the checkout asks for its lot and the lot's quantity, and the core refuses a sale without them. */
    requiereLote: integer('requiere_lote').notNull().default(0),
    active: integer('active').notNull().default(1),
    updatedAt: text('updated_at').notNull().default(now),
    /** The head-office catalogue version this row was last set from (null: never came from head office). */
    centralVersion: integer('central_version'),
    /** updated_at as head office's change left it: a different updated_at means a local edit since (decision 0018). */
    centralAppliedAt: text('central_applied_at'),
  },
  (t) => [uniqueIndex('products_codigo').on(t.codigo), index('products_barcode').on(t.barcode)],
);

export const customers = sqliteTable(
  'customers',
  {
    id: text('id').primaryKey(),
    tipoClienteFe: text('tipo_cliente_fe').notNull(),
    identificacion: text('identificacion'),
    nombre: text('nombre').notNull(),
    /** The receptor as the fiscal core models it, JSON. */
    receptor: text('receptor').notNull(),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [index('customers_identificacion').on(t.identificacion)],
);

/** Events waiting to be pushed to the central API (audit entries, document status snapshots). No secrets. */
export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    eventId: text('event_id').notNull(),
    kind: text('kind').notNull(),
    payload: text('payload').notNull(),
    createdAt: text('created_at').notNull().default(now),
    sentAt: text('sent_at'),
  },
  (t) => [uniqueIndex('sync_outbox_event').on(t.eventId), index('sync_outbox_pending').on(t.sentAt)],
);

/** One row per HKA call, for latency percentiles and error rates (monitoring). */
export const hkaCalls = sqliteTable(
  'hka_calls',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    operation: text('operation').notNull(),
    documentId: text('document_id'),
    startedAt: integer('started_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    outcome: text('outcome').notNull(),
    codigo: text('codigo'),
  },
  (t) => [index('hka_calls_started').on(t.startedAt)],
);

/**
 * Queue depth sampled once a minute for the monitoring chart (kept 48 h). Sampled rather than rebuilt from document
 * timestamps: how long each document waited is spread over the audit trail, and a sample is one cheap count.
 */
export const queueSamples = sqliteTable('queue_samples', {
  /** Epoch ms of the sample. */
  at: integer('at').primaryKey(),
  waiting: integer('waiting').notNull(),
});

/** People who use the register: cashiers and managers, signing in with a PIN (stored as a slow salted hash). */
export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(), // cajero | gerente
    /** scrypt, self-describing text (algorithm, parameters, salt, hash). */
    pinHash: text('pin_hash').notNull(),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    /** Epoch ms until which sign-in is refused after too many wrong PINs. */
    lockedUntil: integer('locked_until'),
    active: integer('active').notNull().default(1),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('users_username').on(t.username)],
);

/** Cash sessions (turnos): opened with a float, closed by a Z report with counted cash. */
export const shifts = sqliteTable(
  'shifts',
  {
    id: text('id').primaryKey(),
    openedAt: text('opened_at').notNull(),
    openedBy: text('opened_by').notNull(),
    openingCash: text('opening_cash').notNull(),
    closedAt: text('closed_at'),
    closedBy: text('closed_by'),
    countedCash: text('counted_cash'),
    /** Why the counted cash differed from the expected, and the gerente (user id) who approved the close, if any. */
    differenceReason: text('difference_reason'),
    closeApprovedBy: text('close_approved_by'),
    /** The Z report as closed (JSON), so it can be reprinted exactly. */
    zReport: text('z_report'),
  },
  (t) => [index('shifts_open').on(t.closedAt)],
);

/**
 * The credit ledger (decision 0010): what each credit note (04) takes from each line of the invoice it credits,
 * written in the note's capture transaction after checking what is left. A note discarded (CANCELLED) or annulled
 * gives its credit back (the ledger keeps the row; the check skips it by the note's status).
 */
export const creditLedger = sqliteTable(
  'credit_ledger',
  {
    noteId: text('note_id')
      .notNull()
      .references(() => documents.id),
    invoiceId: text('invoice_id')
      .notNull()
      .references(() => documents.id),
    /** 1-based line of the invoice. */
    line: integer('line').notNull(),
    cantidad: text('cantidad').notNull(),
    /** The credited line's valorTotal (decimal TEXT). */
    amount: text('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.noteId, t.line] }), index('credit_ledger_invoice').on(t.invoiceId)],
);

/**
 * Sales put on hold at the till (issue 14): the basket as the till had it (JSON, areas/till/contract.ts), recalled later
 * (the row is deleted then) or counted in the Z. The total is the core's own arithmetic over the lines, for the list.
 */
export const parkedSales = sqliteTable(
  'parked_sales',
  {
    id: text('id').primaryKey(),
    label: text('label').notNull(),
    basket: text('basket').notNull(),
    total: text('total').notNull(),
    lineCount: integer('line_count').notNull(),
    /** Whose sale it is (user id, and the name as it was): the cashier who parked it, or whose basket was parked for them. */
    parkedBy: text('parked_by').notNull(),
    parkedByName: text('parked_by_name').notNull(),
    /** manual | handover (another user took over the till — after "Bloquear" or a restart — and found this basket). */
    reason: text('reason').notNull(),
    parkedAt: text('parked_at').notNull(),
  },
  (t) => [index('parked_sales_at').on(t.parkedAt)],
);

/** The basket in progress (one per register), saved as the cashier works so a crash or restart loses nothing. */
export const tillDraft = sqliteTable('till_draft', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull(),
  userName: text('user_name').notNull(),
  basket: text('basket').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Cash put into or taken out of the drawer without a sale (pay-in / pay-out), with its reason; counted in the X/Z. */
export const cashMovements = sqliteTable(
  'cash_movements',
  {
    id: text('id').primaryKey(),
    shiftId: text('shift_id').notNull(),
    kind: text('kind').notNull(), // in | out
    amount: text('amount').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    approvedBy: text('approved_by'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('cash_movements_shift').on(t.shiftId)],
);

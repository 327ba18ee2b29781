// Everything the simulator remembers, in SQLite (a file survives restarts; ':memory:' otherwise). better-sqlite3 is
// synchronous, so each public method is atomic with respect to the (single-threaded) request handlers.
import Database from 'better-sqlite3';
import type { SimIssuer } from '../types';
import { SCHEMA_SQL } from './schema';

/** HKA's duplicate key (§2.12 rule 9): RUC of the token + sucursal + punto + número (as a number) + tipoDocumento. */
export interface DocumentKey {
  ruc: string;
  codigoSucursalEmisor: string;
  puntoFacturacionFiscal: string; // 3 digits
  numero: number;
  tipoDocumento: string;
}

export interface StoredDocument extends DocumentKey {
  tipoEmision: string;
  fechaEmision: string;
  cufe: string;
  qr: string;
  nroProtocoloAutorizacion: string;
  fechaRecepcionDGI: string;
  authorizedAtMs: number;
  codigoSeguridad: string;
  digestValue: string;
  documentoXml: string;
  issuer: SimIssuer;
  status: 'Autorizada' | 'Anulada';
  annulledAt?: string;
  motivoAnulacion?: string;
}

export type NewDocument = Omit<
  StoredDocument,
  'nroProtocoloAutorizacion' | 'status' | 'annulledAt' | 'motivoAnulacion'
>;

/** One authorised document as the tests' ledger shows it. `numeroDocumentoFiscal` is padded to 10 digits (dNroDF). */
export interface LedgerEntry {
  cufe: string;
  ruc: string;
  codigoSucursalEmisor: string;
  puntoFacturacionFiscal: string;
  numeroDocumentoFiscal: string;
  tipoDocumento: string;
  tipoEmision: string;
  /** fechaRecepcionDGI, `AAAA-MM-DDThh:mm:ss-05:00`. */
  authorizedAt: string;
}

export interface EmailDelivery {
  correo: string;
  creadoEn: string;
  estado: string;
  messageId: string;
}

interface DocumentRow {
  ruc: string;
  codigo_sucursal: string;
  punto: string;
  numero: number;
  tipo_documento: string;
  tipo_emision: string;
  fecha_emision: string;
  cufe: string;
  qr: string;
  protocolo: string;
  fecha_recepcion: string;
  authorized_at_ms: number;
  codigo_seguridad: string;
  digest_value: string;
  documento_xml: string;
  issuer_json: string;
  status: 'Autorizada' | 'Anulada';
  annulled_at: string | null;
  motivo_anulacion: string | null;
}

function fromRow(row: DocumentRow): StoredDocument {
  return {
    ruc: row.ruc,
    codigoSucursalEmisor: row.codigo_sucursal,
    puntoFacturacionFiscal: row.punto,
    numero: row.numero,
    tipoDocumento: row.tipo_documento,
    tipoEmision: row.tipo_emision,
    fechaEmision: row.fecha_emision,
    cufe: row.cufe,
    qr: row.qr,
    nroProtocoloAutorizacion: row.protocolo,
    fechaRecepcionDGI: row.fecha_recepcion,
    authorizedAtMs: row.authorized_at_ms,
    codigoSeguridad: row.codigo_seguridad,
    digestValue: row.digest_value,
    documentoXml: row.documento_xml,
    issuer: JSON.parse(row.issuer_json) as SimIssuer,
    status: row.status,
    ...(row.annulled_at === null ? {} : { annulledAt: row.annulled_at }),
    ...(row.motivo_anulacion === null ? {} : { motivoAnulacion: row.motivo_anulacion }),
  };
}

const KEY_WHERE = 'ruc = ? AND codigo_sucursal = ? AND punto = ? AND numero = ? AND tipo_documento = ?';
const keyParams = (k: DocumentKey): unknown[] => [
  k.ruc,
  k.codigoSucursalEmisor,
  k.puntoFacturacionFiscal,
  k.numero,
  k.tipoDocumento,
];

export class SimStore {
  private readonly db: Database.Database;
  /** Prepared once, reused: Enviar runs several statements per call and benchmarks send thousands. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(dbPath?: string) {
    this.db = new Database(dbPath ?? ':memory:');
    if (dbPath) this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(SCHEMA_SQL);
  }

  findByKey(key: DocumentKey): StoredDocument | undefined {
    const row = this.sql(`SELECT * FROM documents WHERE ${KEY_WHERE}`).get(...keyParams(key)) as
      DocumentRow | undefined;
    return row && fromRow(row);
  }

  findByCufe(ruc: string, cufe: string): StoredDocument | undefined {
    const row = this.sql('SELECT * FROM documents WHERE ruc = ? AND cufe = ?').get(ruc, cufe) as
      DocumentRow | undefined;
    return row && fromRow(row);
  }

  /**
   * Stores an authorisation in one transaction: takes the next protocol sequence number, builds the protocol number
   * from it and inserts the document. If the key already exists (a concurrent resend) the earlier one is returned.
   */
  authorize(
    doc: NewDocument,
    protocolFor: (sequence: number) => string,
  ): { stored: StoredDocument; duplicate: boolean } {
    return this.db.transaction(() => {
      const existing = this.findByKey(doc);
      if (existing) return { stored: existing, duplicate: true };
      const sequence = this.nextSequence('protocol_sequence');
      const stored: StoredDocument = { ...doc, nroProtocoloAutorizacion: protocolFor(sequence), status: 'Autorizada' };
      this.sql(
        `INSERT INTO documents (ruc, codigo_sucursal, punto, numero, tipo_documento, tipo_emision,
          fecha_emision, cufe, qr, protocolo, fecha_recepcion, authorized_at_ms, codigo_seguridad, digest_value,
          documento_xml, issuer_json, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Autorizada')`,
      ).run(
        ...keyParams(stored),
        stored.tipoEmision,
        stored.fechaEmision,
        stored.cufe,
        stored.qr,
        stored.nroProtocoloAutorizacion,
        stored.fechaRecepcionDGI,
        stored.authorizedAtMs,
        stored.codigoSeguridad,
        stored.digestValue,
        stored.documentoXml,
        JSON.stringify(stored.issuer),
      );
      return { stored, duplicate: false };
    })();
  }

  annul(cufe: string, annulledAt: string, motivo: string): void {
    this.sql(`UPDATE documents SET status = 'Anulada', annulled_at = ?, motivo_anulacion = ? WHERE cufe = ?`).run(
      annulledAt,
      motivo,
      cufe,
    );
  }

  /** Documents of an issuer authorised in [fromMs, toMs): the folios used in that period. */
  countAuthorized(ruc: string, fromMs: number, toMs: number): number {
    const row = this.sql(
      'SELECT COUNT(*) AS n FROM documents WHERE ruc = ? AND authorized_at_ms >= ? AND authorized_at_ms < ?',
    ).get(ruc, fromMs, toMs) as { n: number };
    return row.n;
  }

  /** The licence start of an issuer, recorded the first time it is asked for. */
  licenceStart(ruc: string, today: string): string {
    this.sql('INSERT OR IGNORE INTO licences (ruc, licence_start) VALUES (?, ?)').run(ruc, today);
    return (this.sql('SELECT licence_start AS s FROM licences WHERE ruc = ?').get(ruc) as { s: string }).s;
  }

  addDelivery(
    cufe: string,
    delivery: Omit<EmailDelivery, 'messageId'>,
    messageIdFor: (id: number) => string,
  ): EmailDelivery {
    return this.db.transaction(() => {
      const id = this.nextSequence('email_sequence');
      const messageId = messageIdFor(id);
      this.sql('INSERT INTO email_deliveries (cufe, correo, creado_en, estado, message_id) VALUES (?, ?, ?, ?, ?)').run(
        cufe,
        delivery.correo,
        delivery.creadoEn,
        delivery.estado,
        messageId,
      );
      return { ...delivery, messageId };
    })();
  }

  deliveries(cufe: string): EmailDelivery[] {
    return this.sql(
      `SELECT correo, creado_en AS creadoEn, estado, message_id AS messageId
      FROM email_deliveries WHERE cufe = ? ORDER BY id`,
    ).all(cufe) as EmailDelivery[];
  }

  ledger(): LedgerEntry[] {
    const rows = this.sql(
      `SELECT cufe, ruc, codigo_sucursal, punto, numero, tipo_documento, tipo_emision,
      fecha_recepcion FROM documents ORDER BY id`,
    ).all() as DocumentRow[];
    return rows.map((r) => ({
      cufe: r.cufe,
      ruc: r.ruc,
      codigoSucursalEmisor: r.codigo_sucursal,
      puntoFacturacionFiscal: r.punto,
      numeroDocumentoFiscal: String(r.numero).padStart(10, '0'),
      tipoDocumento: r.tipo_documento,
      tipoEmision: r.tipo_emision,
      authorizedAt: r.fecha_recepcion,
    }));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private sql(source: string): Database.Statement {
    let statement = this.statements.get(source);
    if (!statement) {
      statement = this.db.prepare(source);
      this.statements.set(source, statement);
    }
    return statement;
  }

  private nextSequence(name: string): number {
    const row = this.sql('SELECT value FROM meta WHERE key = ?').get(name) as { value: string } | undefined;
    const next = (row ? Number(row.value) : 0) + 1;
    this.sql('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
      name,
      String(next),
    );
    return next;
  }
}

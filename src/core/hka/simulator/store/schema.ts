// The simulator's SQLite schema. One version; `CREATE … IF NOT EXISTS` so a restarted simulator reopens its file.
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- First day each issuer was seen: start of its yearly licence and of its monthly folio cycles.
CREATE TABLE IF NOT EXISTS licences (
  ruc           TEXT PRIMARY KEY,
  licence_start TEXT NOT NULL -- YYYY-MM-DD, Panamá date
);

-- Every authorised document, exactly once. The UNIQUE key is HKA's duplicate rule (REFERENCE.md §2.12 rule 9).
CREATE TABLE IF NOT EXISTS documents (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  ruc               TEXT    NOT NULL,
  codigo_sucursal   TEXT    NOT NULL,
  punto             TEXT    NOT NULL, -- 3 digits
  numero            INTEGER NOT NULL, -- numeroDocumentoFiscal as a number ('176' and '0000000176' are one document)
  tipo_documento    TEXT    NOT NULL,
  tipo_emision      TEXT    NOT NULL,
  fecha_emision     TEXT    NOT NULL, -- as received
  cufe              TEXT    NOT NULL UNIQUE,
  qr                TEXT    NOT NULL,
  protocolo         TEXT    NOT NULL,
  fecha_recepcion   TEXT    NOT NULL, -- AAAA-MM-DDThh:mm:ss-05:00
  authorized_at_ms  INTEGER NOT NULL,
  codigo_seguridad  TEXT    NOT NULL,
  digest_value      TEXT    NOT NULL,
  documento_xml     TEXT    NOT NULL, -- the received <documento> element, verbatim
  issuer_json       TEXT    NOT NULL, -- SimIssuer at authorisation time (the CAFE/rFE show the issuer of that day)
  status            TEXT    NOT NULL CHECK (status IN ('Autorizada', 'Anulada')),
  annulled_at       TEXT,
  motivo_anulacion  TEXT,
  UNIQUE (ruc, codigo_sucursal, punto, numero, tipo_documento)
);
CREATE INDEX IF NOT EXISTS documents_by_time ON documents (ruc, authorized_at_ms);

CREATE TABLE IF NOT EXISTS email_deliveries (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  cufe       TEXT NOT NULL REFERENCES documents (cufe),
  correo     TEXT NOT NULL,
  creado_en  TEXT NOT NULL,
  estado     TEXT NOT NULL,
  message_id TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS email_deliveries_by_cufe ON email_deliveries (cufe);
`;

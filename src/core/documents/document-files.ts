// The CAFE PDF and the authorised XML of a document, kept in <dataDir>/documentos/ once fetched from HKA
// (DescargaPDF, DescargaXML), so the document page can show them again offline and without a call.
// File names come from the document's series (tipo-sucursal-punto-número) and are checked against a strict
// pattern: no request value ever becomes part of a path. Writes are atomic (temp file + rename), and a download
// writes nothing unless every missing file arrived.
import { lstatSync, mkdirSync, realpathSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { eq } from 'drizzle-orm';
import type { FiscalDocument } from '../../shared/fiscal/document';
import type { HkaClient } from '../hka/client/hka-client';
import { recordedHkaCall } from '../queue/hka-metrics';
import { datosDocumentoOf, type HkaCredentialSource } from '../queue/transmit-job';
import type { StoreDb } from '../store/open-database';
import { writeAtomically } from '../store/atomic-file';
import { documents } from '../store/schema';

export const DOCUMENTS_FOLDER = 'documentos';
export type FileKind = 'pdf' | 'xml';
export const FILE_KINDS: readonly FileKind[] = ['pdf', 'xml'];
export const MIME_TYPES: Record<FileKind, string> = { pdf: 'application/pdf', xml: 'application/xml' };
/** Statuses whose files HKA has: authorised, and authorised then annulled. */
const WITH_FILES: readonly string[] = ['AUTHORIZED', 'ANNULLED'];
const SAFE_NAME = /^[A-Za-z0-9]+(-[A-Za-z0-9]+)*\.(pdf|xml)$/;

export interface StoredFile {
  fileName: string;
  path: string;
  bytes: number;
}
export type DocumentFiles = Record<FileKind, StoredFile | null>;

export type FilesFailure = {
  ok: false;
  reason: 'not_found' | 'not_allowed' | 'hka_rejected' | 'hka_unreachable';
  message: string;
};

export interface DocumentFilesDeps {
  db: StoreDb;
  dataDir: string;
  client: HkaClient;
  credentials: HkaCredentialSource;
  clock: () => Date;
}

interface DocumentKey {
  status: string;
  document: FiscalDocument;
  baseName: string;
}

function documentKey(db: StoreDb, id: string): DocumentKey | undefined {
  const row = db
    .select({
      status: documents.status,
      body: documents.body,
      tipo: documents.tipoDocumento,
      sucursal: documents.codigoSucursal,
      punto: documents.puntoFacturacion,
      numero: documents.numero,
    })
    .from(documents)
    .where(eq(documents.id, id))
    .get();
  if (!row) return undefined;
  const baseName = `${row.tipo}-${row.sucursal}-${row.punto}-${String(row.numero).padStart(10, '0')}`;
  return { status: row.status, document: JSON.parse(row.body) as FiscalDocument, baseName };
}

/** The kept file's absolute path, or undefined when its name or place is not one this module writes. */
export function safeFilePath(dataDir: string, fileName: string): string | undefined {
  if (!SAFE_NAME.test(fileName)) return undefined;
  const folder = join(dataDir, DOCUMENTS_FOLDER);
  const path = join(folder, fileName);
  const inside = relative(folder, path);
  return inside === fileName && !isAbsolute(inside) ? path : undefined;
}

function storedFile(dataDir: string, fileName: string): StoredFile | null {
  const path = safeFilePath(dataDir, fileName);
  if (!path) return null;
  try {
    const stat = lstatSync(path);
    if (!stat.isFile()) return null; // a symlink or folder planted there is not ours
    const folder = realpathSync(join(dataDir, DOCUMENTS_FOLDER));
    if (relative(folder, realpathSync(path)) !== fileName) return null;
    return { fileName, path, bytes: stat.size };
  } catch {
    return null;
  }
}

function filesOf(dataDir: string, key: DocumentKey): DocumentFiles {
  return { pdf: storedFile(dataDir, `${key.baseName}.pdf`), xml: storedFile(dataDir, `${key.baseName}.xml`) };
}

/** What is kept locally (no HKA call). */
export function keptFiles(db: StoreDb, dataDir: string, id: string): { ok: true; files: DocumentFiles } | FilesFailure {
  const key = documentKey(db, id);
  if (!key) return { ok: false, reason: 'not_found', message: 'El documento no existe' };
  return { ok: true, files: filesOf(dataDir, key) };
}

/** Fetches the missing files from HKA and keeps them; files already kept are not fetched again. */
export async function downloadFiles(
  deps: DocumentFilesDeps,
  id: string,
): Promise<{ ok: true; files: DocumentFiles } | FilesFailure> {
  const key = documentKey(deps.db, id);
  if (!key) return { ok: false, reason: 'not_found', message: 'El documento no existe' };
  if (!WITH_FILES.includes(key.status)) {
    return {
      ok: false,
      reason: 'not_allowed',
      message: 'Los archivos PDF y XML existen cuando la DGI autoriza el documento; este aún no está autorizado',
    };
  }
  const kept = filesOf(deps.dataDir, key);
  const missing = FILE_KINDS.filter((kind) => kept[kind] === null);
  if (missing.length === 0) return { ok: true, files: kept };
  const paths = new Map(missing.map((kind) => [kind, safeFilePath(deps.dataDir, `${key.baseName}.${kind}`)]));
  if ([...paths.values()].some((path) => path === undefined)) {
    return {
      ok: false,
      reason: 'not_allowed',
      message: 'El documento tiene una serie que no sirve como nombre de archivo',
    };
  }
  const datos = datosDocumentoOf(key.document);
  const fetched = await deps.credentials.withCredentials(async (c) => {
    const out: Partial<Record<FileKind, Buffer>> = {};
    for (const kind of missing) {
      const outcome =
        kind === 'pdf'
          ? await recordedHkaCall(deps.db, deps.clock, 'DescargaPDF', id, () => deps.client.descargaPdf(c, datos))
          : await recordedHkaCall(deps.db, deps.clock, 'DescargaXML', id, () => deps.client.descargaXml(c, datos));
      if (outcome.kind === 'transient') {
        return {
          ok: false as const,
          reason: 'hka_unreachable' as const,
          message: 'No se pudo contactar a HKA para descargar los archivos; intente de nuevo más tarde',
        };
      }
      if (outcome.kind === 'rejected') {
        return {
          ok: false as const,
          reason: 'hka_rejected' as const,
          message: `HKA no entregó el ${kind.toUpperCase()}: ${outcome.messages.join('; ') || outcome.mensaje}`,
        };
      }
      out[kind] = 'pdf' in outcome.data ? outcome.data.pdf : Buffer.from(outcome.data.xml, 'utf8');
    }
    return { ok: true as const, out };
  });
  if (!fetched.ok) return fetched;
  mkdirSync(join(deps.dataDir, DOCUMENTS_FOLDER), { recursive: true });
  for (const kind of missing) {
    const data = fetched.out[kind];
    const path = paths.get(kind);
    if (data && path) writeAtomically(path, data);
  }
  return { ok: true, files: filesOf(deps.dataDir, key) };
}

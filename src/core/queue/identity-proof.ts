// Is HKA's document our document? An Enviar 102 ("ya existe") or an EstadoDocumento "Autorizada" only says that HKA
// holds SOME document under our key (RUC, type, branch, point, number). A fresh install, a restored backup or a
// second register on the same billing point can reuse a number another sale already took; booking that sale's CUFE
// as ours would be a silent fiscal error (issue 11 §1). So before accepting such an answer we prove identity:
//  1. decode the CUFE HKA returned (REFERENCE.md §5.5) and compare RUC, type, branch, point, number, emission date
//     and emission type with ours — free, no call;
//  2. fetch HKA's document (DescargaXML) and compare what identifies the sale: emission date-time, receptor, number
//     of items, total (dVTot / totalFactura) and tipoEmision.
// Any difference is a number collision. The verdict is cached per CUFE on the job (transmit-job.ts), so a document
// is compared once per such answer, not on every send.
import { parseCufe } from '../../shared/fiscal/cufe';
import type { FiscalDocument } from '../../shared/fiscal/document';
import { money } from '../../shared/fiscal/money';
import type { DocumentTotals } from '../../shared/fiscal/totals';
import { children, find, parseXml, textOf, type XNode } from '../hka/xml/xnode';

/** One field that differs: English name for logs and the audit trail, both values as text. */
export interface Mismatch {
  field: string;
  ours: string;
  theirs: string;
}

/** The cached result of one proof: which CUFE it was about and whether HKA's document is ours. */
export interface IdentityVerdict {
  cufe: string;
  ours: boolean;
  mismatches: Mismatch[];
}

const differ = (field: string, ours: string | undefined, theirs: string | undefined): Mismatch[] =>
  ours === theirs ? [] : [{ field, ours: ours ?? '(none)', theirs: theirs ?? '(none)' }];

const asNumber = (value: string | undefined): string | undefined =>
  value === undefined || !/^\d+$/.test(value) ? value : String(Number(value));

/** `2026-12-05T10:20:30-05:00` → `20261205` (the date as written, which is what enters the CUFE). */
const cufeDate = (fechaEmision: string): string => fechaEmision.slice(0, 10).replace(/-/g, '');

/**
 * Step 1: the CUFE's own fields against our document. `issuerRuc` is compared when the register knows its RUC
 * (the token binds HKA's answers to one RUC anyway). A CUFE that does not decode is not one we can accept.
 */
export function compareCufe(cufe: string, doc: FiscalDocument, issuerRuc?: string): Mismatch[] {
  const parsed = parseCufe(cufe);
  if (!parsed.ok) return [{ field: 'cufe', ours: '(a valid CUFE)', theirs: `${cufe} (${parsed.reason})` }];
  const p = parsed.parts;
  return [
    ...(issuerRuc ? differ('ruc', issuerRuc, p.ruc) : []),
    ...differ('tipoDocumento', doc.tipoDocumento, p.tipoDocumento),
    ...differ('codigoSucursalEmisor', doc.codigoSucursalEmisor, p.codigoSucursal),
    ...differ('puntoFacturacionFiscal', doc.puntoFacturacionFiscal.padStart(3, '0'), p.puntoFacturacion),
    ...differ('numeroDocumentoFiscal', asNumber(doc.numeroDocumentoFiscal), asNumber(p.numeroDocumentoFiscal)),
    ...differ('fechaEmision (date)', cufeDate(doc.fechaEmision), p.fechaEmision),
    ...differ('tipoEmision', doc.tipoEmision, p.tipoEmision),
  ];
}

/** The same instant written two ways is the same emission time; text that does not parse must match exactly. */
function sameInstant(a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isNaN(ta) || Number.isNaN(tb) ? a === b : ta === tb;
}

function sameAmount(a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  try {
    return money(a).eq(money(b));
  } catch {
    return false;
  }
}

function receptorMismatches(doc: FiscalDocument, gDatRec: XNode | undefined): Mismatch[] {
  const cliente = doc.cliente as { tipoClienteFE: string; numeroRUC?: string; razonSocial?: string };
  const theirRuc = textOf(gDatRec ? find(gDatRec, 'gRucRec') : undefined, 'dRuc');
  const theirName = textOf(gDatRec, 'dNombRec');
  return [
    ...differ('receptor.tipo', cliente.tipoClienteFE, textOf(gDatRec, 'iTipoRec')),
    ...differ('receptor.ruc', cliente.numeroRUC, theirRuc),
    ...differ('receptor.nombre', cliente.razonSocial?.trim(), theirName?.trim()),
  ];
}

/** Step 2: HKA's stored document (the rFE of DescargaXML) against ours. Unreadable XML is a mismatch, not a pass. */
export function compareRfe(xml: string, doc: FiscalDocument, totals: DocumentTotals): Mismatch[] {
  let root: XNode;
  try {
    root = parseXml(xml);
  } catch (error) {
    return [{ field: 'rFE', ours: '(readable XML)', theirs: String(error) }];
  }
  const gDGen = find(root, 'gDGen');
  const gTot = find(root, 'gTot');
  const fechaEm = textOf(gDGen, 'dFechaEm');
  const nroItems = textOf(gTot, 'dNroItems') ?? String(children(find(root, 'rFE') ?? root, 'gItem').length);
  const vTot = textOf(gTot, 'dVTot');
  return [
    ...(sameInstant(doc.fechaEmision, fechaEm)
      ? []
      : [{ field: 'fechaEmision', ours: doc.fechaEmision, theirs: fechaEm ?? '(none)' }]),
    ...differ('tipoEmision', doc.tipoEmision, textOf(gDGen, 'iTpEmis')),
    ...differ('numeroDocumentoFiscal', asNumber(doc.numeroDocumentoFiscal), asNumber(textOf(gDGen, 'dNroDF'))),
    ...receptorMismatches(doc, gDGen ? find(gDGen, 'gDatRec') : undefined),
    ...differ('items', String(doc.items.length), nroItems),
    ...(sameAmount(totals.totalFactura, vTot)
      ? []
      : [{ field: 'totalFactura', ours: totals.totalFactura, theirs: vTot ?? '(none)' }]),
  ];
}

/** One line for logs and the audit trail (English). */
export function describeMismatches(mismatches: readonly Mismatch[]): string {
  return mismatches.map((m) => `${m.field}: ours ${m.ours}, HKA ${m.theirs}`).join('; ');
}

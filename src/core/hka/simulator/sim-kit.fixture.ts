// Test support for the simulator: raw SOAP requests posted with plain fetch, result parsing, and `documento` XML
// built from our own fiscal documents (validateDocument → toHkaDocumento → elementXml).
import type { FiscalDocumentInput } from '../../../shared/fiscal/document';
import { validateDocument } from '../../../shared/fiscal/validate';
import { NS, RESULT_FIELDS, soapAction, type HkaOperation } from '../contract';
import { toHkaDocumento } from '../map-documento';
import { elementXml, escapeXml } from '../xml/hka-element-xml';
import { child, find, parseXml, textOf, type XNode } from '../xml/xnode';
import { DEMO_ACCOUNT } from './accounts';

export type ActionStyle = 'quoted' | 'bare' | 'none';

export function envelope(inner: string): string {
  return (
    `<soapenv:Envelope xmlns:soapenv="${NS.soapenv}" xmlns:tem="${NS.tem}"><soapenv:Header/>` +
    `<soapenv:Body>${inner}</soapenv:Body></soapenv:Envelope>`
  );
}

export function tokensXml(account = DEMO_ACCOUNT): string {
  return (
    `<tem:tokenEmpresa>${escapeXml(account.tokenEmpresa)}</tem:tokenEmpresa>` +
    `<tem:tokenPassword>${escapeXml(account.tokenPassword)}</tem:tokenPassword>`
  );
}

/** `<tem:documento xmlns:ser=…>` of a valid fiscal document. */
export function documentoXml(input: FiscalDocumentInput): string {
  const checked = validateDocument(input);
  if (!checked.ok) throw new Error(`Test document is invalid: ${checked.violations.map((v) => v.message).join('; ')}`);
  return elementXml('tem:documento', toHkaDocumento(checked.document, checked.totals), {
    prefix: 'ser',
    namespace: NS.comprobante,
  });
}

export function enviarXml(documento: string, tokens = tokensXml()): string {
  return envelope(`<tem:Enviar>${tokens}${documento}</tem:Enviar>`);
}

export interface DocKey {
  codigoSucursalEmisor?: string;
  numeroDocumentoFiscal: string;
  puntoFacturacionFiscal?: string;
  tipoDocumento?: string;
  tipoEmision?: string;
}

export function datosDocumentoXml(key: DocKey): string {
  return (
    `<tem:datosDocumento xmlns:ser="${NS.model}">` +
    `<ser:codigoSucursalEmisor>${key.codigoSucursalEmisor ?? '0000'}</ser:codigoSucursalEmisor>` +
    `<ser:numeroDocumentoFiscal>${key.numeroDocumentoFiscal}</ser:numeroDocumentoFiscal>` +
    `<ser:puntoFacturacionFiscal>${key.puntoFacturacionFiscal ?? '001'}</ser:puntoFacturacionFiscal>` +
    `<ser:tipoDocumento>${key.tipoDocumento ?? '01'}</ser:tipoDocumento>` +
    `<ser:tipoEmision>${key.tipoEmision ?? '01'}</ser:tipoEmision></tem:datosDocumento>`
  );
}

/** Envelope of an operation whose parameters after the tokens are `params` (already XML). */
export function operationXml(op: HkaOperation, params = '', tokens = tokensXml()): string {
  return envelope(`<tem:${op}>${tokens}${params}</tem:${op}>`);
}

export interface PostedAnswer {
  status: number;
  contentType: string | null;
  text: string;
}

export async function postSoap(
  endpoint: string,
  op: string,
  body: string,
  style: ActionStyle = 'quoted',
): Promise<PostedAnswer> {
  const action = soapAction(op as HkaOperation);
  const headers: Record<string, string> = { 'Content-Type': 'text/xml; charset=utf-8' };
  if (style === 'quoted') headers['SOAPAction'] = `"${action}"`;
  if (style === 'bare') headers['SOAPAction'] = action;
  const res = await fetch(endpoint, { method: 'POST', headers, body });
  return { status: res.status, contentType: res.headers.get('content-type'), text: await res.text() };
}

/** The `<Op>Result` element of an answer (throws when there is none). */
export function resultNode(op: HkaOperation, xml: string): XNode {
  const result = find(parseXml(xml), `${op}Result`);
  if (!result) throw new Error(`No ${op}Result in: ${xml.slice(0, 300)}`);
  return result;
}

/** Text fields of a result by name; nil/empty → undefined. */
export function resultFields(op: HkaOperation, xml: string): Record<string, string | undefined> {
  const result = resultNode(op, xml);
  return Object.fromEntries(RESULT_FIELDS[op].map((name) => [name, textOf(result, name)]));
}

/** The children of a nested result field (e.g. `infoRuc`) by name; nil/empty → undefined. */
export function resultRecord(op: HkaOperation, xml: string, field: string): Record<string, string | undefined> {
  const node = child(resultNode(op, xml), field);
  return Object.fromEntries((node?.children ?? []).map((c) => [c.name, textOf(node, c.name)]));
}

/** Posts an operation and returns its result fields, failing loudly on a non-200 HTTP status. */
export async function call(
  endpoint: string,
  op: HkaOperation,
  body: string,
): Promise<Record<string, string | undefined>> {
  const answer = await postSoap(endpoint, op, body);
  if (answer.status !== 200) throw new Error(`${op} → HTTP ${answer.status}: ${answer.text.slice(0, 500)}`);
  return resultFields(op, answer.text);
}

export { child, textOf };

// Acceptance of the HKA client against the HKA simulator: real SOAP over loopback HTTP for each of the nine
// operations, every fault kind mapped to the client outcome the queue needs, and the "commit then drop" case.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aCreditNote, aSale } from '../../../tests/fixtures/fiscal-documents';
import type { FiscalDocumentInput } from '../../shared/fiscal/document';
import { parseCufe } from '../../shared/fiscal/cufe';
import { validateDocument } from '../../shared/fiscal/validate';
import { createHkaClient, type DatosDocumento, type HkaClient } from './client/hka-client';
import type { HkaElement } from './documento-types';
import { padNumeroDocumento, toHkaDocumento } from './map-documento';
import { DEMO_ACCOUNT, startHkaSimulator, type HkaSimulator } from './simulator';

const creds = { tokenEmpresa: DEMO_ACCOUNT.tokenEmpresa, tokenPassword: DEMO_ACCOUNT.tokenPassword };
let sim: HkaSimulator;
let client: HkaClient;
let nextNumber = 1;

function documento(overrides: Partial<FiscalDocumentInput> = {}): { hka: HkaElement; datos: DatosDocumento } {
  const input = aSale({ numeroDocumentoFiscal: String(nextNumber++), ...overrides });
  const result = validateDocument(input);
  if (!result.ok) throw new Error(JSON.stringify(result.violations));
  const d = result.document;
  return {
    hka: toHkaDocumento(d, result.totals),
    datos: {
      codigoSucursalEmisor: d.codigoSucursalEmisor,
      numeroDocumentoFiscal: padNumeroDocumento(d.numeroDocumentoFiscal),
      puntoFacturacionFiscal: d.puntoFacturacionFiscal,
      tipoDocumento: d.tipoDocumento,
      tipoEmision: d.tipoEmision,
    },
  };
}

beforeAll(async () => {
  sim = await startHkaSimulator({});
  client = await createHkaClient({
    environment: 'simulador',
    endpoint: sim.endpoint,
    connectTimeoutMs: 500,
    responseTimeoutMs: 500,
  });
});
afterEach(async () => {
  await sim.faults.clear();
});
afterAll(async () => {
  client.close?.();
  await sim.close();
});

describe('client ↔ simulator, the nine operations', () => {
  it('Enviar authorises with a valid CUFE, and a resend is the same authorisation (102)', async () => {
    const { hka } = documento();
    const first = await client.enviar(creds, hka);
    expect(first).toMatchObject({ kind: 'authorized', duplicate: false, codigo: '200' });
    if (first.kind !== 'authorized') return;
    expect(parseCufe(first.cufe).ok).toBe(true);
    expect(first.qr).toContain(`chFE=${first.cufe}`);
    const again = await client.enviar(creds, hka);
    expect(again).toMatchObject({ kind: 'authorized', duplicate: true, codigo: '102', cufe: first.cufe });
    expect(sim.ledger().filter((e) => e.cufe === first.cufe)).toHaveLength(1);
  });

  it('Enviar of a document that breaks HKA rules is rejected with each message apart', async () => {
    const { hka } = documento();
    const items = (hka['listaItems'] as { item: HkaElement[] }).item;
    const bad = { ...hka, listaItems: { item: items.map((i) => ({ ...i, valorITBMS: '9.99' })) } };
    const outcome = await client.enviar(creds, bad);
    expect(outcome.kind).toBe('rejected');
    if (outcome.kind === 'rejected') expect(outcome.messages.some((m) => m.includes('valorITBMS'))).toBe(true);
  });

  it('EstadoDocumento, DescargaXML, DescargaPDF, EnvioCorreo, RastreoCorreo and AnulacionDocumento on an authorised document', async () => {
    const { hka, datos } = documento();
    const sent = await client.enviar(creds, hka);
    if (sent.kind !== 'authorized') throw new Error(JSON.stringify(sent));
    expect(await client.estadoDocumento(creds, datos)).toMatchObject({
      kind: 'ok',
      data: { estatusDocumento: 'Autorizada', cufe: sent.cufe },
    });
    const xml = await client.descargaXml(creds, datos);
    expect(xml.kind === 'ok' && xml.data.xml.includes(sent.cufe)).toBe(true);
    const pdf = await client.descargaPdf(creds, datos);
    expect(pdf.kind === 'ok' && pdf.data.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await client.envioCorreo(creds, datos, 'cliente@example.com')).toMatchObject({ kind: 'ok' });
    const trace = await client.rastreoCorreo(creds, sent.cufe);
    expect(trace.kind === 'ok' && trace.data.entregas.map((e) => e.correo)).toEqual(['cliente@example.com']);
    expect(await client.anulacionDocumento(creds, datos, 'Error en el precio del producto')).toMatchObject({
      kind: 'ok',
    });
    expect(await client.estadoDocumento(creds, datos)).toMatchObject({
      kind: 'ok',
      data: { estatusDocumento: 'Anulada' },
    });
  });

  it('a credit note referencing an authorised invoice is authorised', async () => {
    const { hka } = documento();
    const sent = await client.enviar(creds, hka);
    if (sent.kind !== 'authorized') throw new Error(JSON.stringify(sent));
    const note = validateDocument(
      aCreditNote({
        numeroDocumentoFiscal: String(nextNumber++),
        referencias: [{ fechaEmision: '2026-11-28T10:15:00-05:00', cufe: sent.cufe }],
      }),
    );
    if (!note.ok) throw new Error(JSON.stringify(note.violations));
    expect(await client.enviar(creds, toHkaDocumento(note.document, note.totals))).toMatchObject({
      kind: 'authorized',
    });
  });

  it('FoliosRestantes counts down with each authorisation, and testConnection returns the counters', async () => {
    const before = await client.testConnection(creds);
    if (before.kind !== 'ok') throw new Error(JSON.stringify(before));
    await client.enviar(creds, documento().hka);
    const after = await client.foliosRestantes(creds);
    expect(after.kind === 'ok' && after.data.foliosDisponibleCiclo).toBe(before.data.foliosDisponibleCiclo - 1);
  });

  it('ConsultarRucDV answers from the registry', async () => {
    expect(await client.consultarRucDv(creds, '2', '155596713-2-2015')).toMatchObject({
      kind: 'ok',
      data: { dv: '59' },
    });
  });

  it('wrong credentials are a business rejection, not a transient failure', async () => {
    expect((await client.foliosRestantes({ tokenEmpresa: 'x', tokenPassword: 'y' })).kind).toBe('rejected');
  });
});

describe('client ↔ simulator, faults', () => {
  it.each([
    ['http500', 'http_error', true],
    ['soapFault', 'soap_fault', true],
    ['malformed', 'unparseable', true],
    ['reset', 'connection_reset', true],
    ['hang', 'response_timeout', true],
  ] as const)('%s → transient %s (mayHaveReachedHka %s)', async (fault, reason, reached) => {
    sim.faults.inject({ kind: fault, operation: 'FoliosRestantes' });
    expect(await client.foliosRestantes(creds)).toMatchObject({
      kind: 'transient',
      reason,
      mayHaveReachedHka: reached,
    });
  });

  it('refused connections → transient, surely not sent', async () => {
    await sim.faults.refuseConnections();
    expect(await client.foliosRestantes(creds)).toMatchObject({
      kind: 'transient',
      reason: 'connection_refused',
      mayHaveReachedHka: false,
    });
  });

  it('commit then drop: the client sees a transient maybe-sent failure, EstadoDocumento finds it authorised, no duplicate', async () => {
    const { hka, datos } = documento();
    sim.faults.inject({ kind: 'commitThenDrop', operation: 'Enviar' });
    const outcome = await client.enviar(creds, hka);
    expect(outcome).toMatchObject({ kind: 'transient', mayHaveReachedHka: true });
    await sim.faults.clear();
    expect(await client.estadoDocumento(creds, datos)).toMatchObject({
      kind: 'ok',
      data: { estatusDocumento: 'Autorizada' },
    });
    const numero = datos.numeroDocumentoFiscal;
    expect(sim.ledger().filter((e) => Number(e.numeroDocumentoFiscal) === Number(numero))).toHaveLength(1);
  });
});

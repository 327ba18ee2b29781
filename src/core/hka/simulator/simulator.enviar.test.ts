// Enviar end to end over HTTP: authorisation values, duplicates, tokens, validation, folios, restarts.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aSale, anItem } from '../../../../tests/fixtures/fiscal-documents';
import { parseCufe } from '../../../shared/fiscal/cufe';
import { DEMO_ACCOUNT } from './accounts';
import { QR_BASE_URL } from './authorization';
import {
  call,
  datosDocumentoXml,
  documentoXml,
  enviarXml,
  operationXml,
  postSoap,
  resultFields,
  tokensXml,
} from './sim-kit.fixture';
import { SIM_CODES } from './sim-codes';
import { startHkaSimulator, type HkaSimulator, type HkaSimulatorOptions } from './simulator';
import type { SimAccount } from './types';

const NOW = new Date('2026-11-28T15:20:00Z'); // 10:20 in Panamá, after aSale()'s fechaEmision (10:15)
const sale = (overrides: Parameters<typeof aSale>[0] = {}): string => documentoXml(aSale(overrides));

let sim: HkaSimulator;
let dir: string | undefined;
const start = async (options: HkaSimulatorOptions = {}): Promise<HkaSimulator> =>
  (sim = await startHkaSimulator({ clock: () => NOW, random: () => 0.123456789, ...options }));

beforeEach(() => {
  dir = undefined;
});
afterEach(async () => {
  await sim.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Enviar', () => {
  it('authorises a valid document with HKA’s values: CUFE, QR, protocol, reception time, nil fechaLimite', async () => {
    await start();
    const documento = sale();
    const answer = await postSoap(sim.endpoint, 'Enviar', enviarXml(documento));
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
    expect(answer.text).toContain('<a:fechaLimite i:nil="true"/>');

    const first = resultFields('Enviar', answer.text);
    expect(first).toMatchObject({
      codigo: '200',
      resultado: 'procesado',
      mensaje: 'El documento se envió correctamente.',
    });
    const cufe = first.cufe ?? '';
    const parsed = parseCufe(cufe);
    expect(parsed).toMatchObject({
      ok: true,
      parts: {
        tipoDocumento: '01',
        tipoRuc: '2',
        ruc: '155596713-2-2015',
        dv: '59',
        codigoSucursal: '0000',
        fechaEmision: '20261128',
        numeroDocumentoFiscal: '0000000001',
        puntoFacturacion: '001',
        tipoEmision: '01',
        ambiente: '2',
        codigoSeguridad: '123456789',
      },
    });
    const digest = createHash('sha256')
      .update(documento + cufe)
      .digest('base64');
    expect(first.qr).toMatch(new RegExp(`^${QR_BASE_URL.replace(/[.?]/g, '\\$&')}\\?chFE=${cufe}&iAmb=2&digestValue=`));
    expect(first.qr).toContain(`&digestValue=${digest}&jwt=`);
    expect(first.fechaRecepcionDGI).toBe('2026-11-28T10:20:00-05:00');
    expect(first.nroProtocoloAutorizacion).toBe('0000155596713-2-2015' + '2026' + '0000000000000001');

    const second = await call(sim.endpoint, 'Enviar', enviarXml(sale({ numeroDocumentoFiscal: '2' })));
    expect(second.nroProtocoloAutorizacion).toBe('0000155596713-2-2015' + '2026' + '0000000000000002');
    expect(sim.ledger()).toEqual([
      {
        cufe,
        ruc: '155596713-2-2015',
        codigoSucursalEmisor: '0000',
        puntoFacturacionFiscal: '001',
        numeroDocumentoFiscal: '0000000001',
        tipoDocumento: '01',
        tipoEmision: '01',
        authorizedAt: '2026-11-28T10:20:00-05:00',
      },
      expect.objectContaining({ cufe: second.cufe, numeroDocumentoFiscal: '0000000002' }),
    ]);
  });

  it('answers a resend of the same number with 102 and the stored values (padded or not), once in the ledger', async () => {
    await start();
    // Our mapping pads the number; HKA's samples also send it unpadded ('176'): both name the same document.
    const unpadded = sale({ numeroDocumentoFiscal: '7' }).replace('>0000000007<', '>7<');
    expect(unpadded).toContain('<ser:numeroDocumentoFiscal>7</ser:numeroDocumentoFiscal>');
    const first = await call(sim.endpoint, 'Enviar', enviarXml(unpadded));
    const otherContent = sale({
      numeroDocumentoFiscal: '7',
      items: [anItem({ cantidad: '2' })],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '9.10' }],
    });
    const resent = await call(sim.endpoint, 'Enviar', enviarXml(otherContent));
    expect(resent).toEqual({
      ...first,
      codigo: SIM_CODES.duplicate,
      resultado: 'error',
      mensaje: 'El documento está duplicado',
    });
    const otherPunto = await call(
      sim.endpoint,
      'Enviar',
      enviarXml(sale({ numeroDocumentoFiscal: '7', puntoFacturacionFiscal: '002' })),
    );
    expect(otherPunto.codigo).toBe('200');
    expect(otherPunto.cufe).not.toBe(first.cufe);
    expect(sim.ledger().map((e) => e.cufe)).toEqual([first.cufe, otherPunto.cufe]);
  });

  it('refuses wrong or missing tokens with code 100 and nil authorisation fields, authorising nothing', async () => {
    await start();
    const wrong = tokensXml({ ...DEMO_ACCOUNT, tokenPassword: 'nope' });
    const answer = await postSoap(sim.endpoint, 'Enviar', enviarXml(sale(), wrong));
    expect(answer.status).toBe(200);
    expect(resultFields('Enviar', answer.text)).toEqual({
      codigo: '100',
      resultado: 'error',
      mensaje: 'Token del emisor inválido',
      cufe: undefined,
      qr: undefined,
      fechaRecepcionDGI: undefined,
      nroProtocoloAutorizacion: undefined,
      fechaLimite: undefined,
    });
    expect(answer.text).toContain('<a:cufe i:nil="true"/>');
    expect((await call(sim.endpoint, 'Enviar', enviarXml(sale(), ''))).codigo).toBe('100');
    expect(sim.ledger()).toEqual([]);
  });

  it('joins every validation problem with "|" under one code, including an unknown branch', async () => {
    await start();
    const broken = sale({ codigoSucursalEmisor: '0099' }).replace(
      /<ser:totalFactura>[^<]*<\/ser:totalFactura>/,
      '<ser:totalFactura>9.99</ser:totalFactura>',
    );
    const r = await call(sim.endpoint, 'Enviar', enviarXml(broken));
    expect(r).toMatchObject({
      codigo: SIM_CODES.validation,
      resultado: 'error',
      cufe: undefined,
      qr: undefined,
      fechaRecepcionDGI: undefined,
      nroProtocoloAutorizacion: undefined,
      fechaLimite: undefined,
    });
    const messages = (r.mensaje ?? '').split('|');
    expect(messages).toContain(
      'El campo codigoSucursalEmisor es inválido: la sucursal 0099 no está registrada para el emisor',
    );
    expect(messages.some((m) => m.includes('totalFactura'))).toBe(true);
    expect(sim.ledger()).toEqual([]);
  });

  it('asks for the documento when it is missing', async () => {
    await start();
    const r = await call(sim.endpoint, 'Enviar', enviarXml('<tem:documento/>'));
    expect(r).toMatchObject({ codigo: SIM_CODES.validation, mensaje: 'El campo documento es requerido' });
  });

  it('uses one folio per authorisation and refuses when the cycle has none left', async () => {
    const small: SimAccount = { ...DEMO_ACCOUNT, foliosTotalesCiclo: 2, foliosTotales: 24 };
    await start({ accounts: [small] });
    for (const n of ['1', '2'])
      expect((await call(sim.endpoint, 'Enviar', enviarXml(sale({ numeroDocumentoFiscal: n })))).codigo).toBe('200');
    expect(await call(sim.endpoint, 'Enviar', enviarXml(sale({ numeroDocumentoFiscal: '3' })))).toMatchObject({
      codigo: SIM_CODES.noFolios,
      resultado: 'error',
      cufe: undefined,
    });
    expect(await call(sim.endpoint, 'FoliosRestantes', operationXml('FoliosRestantes'))).toMatchObject({
      foliosTotalesCiclo: '2',
      foliosUtilizadosCiclo: '2',
      foliosDisponibleCiclo: '0',
      foliosTotales: '22',
    });
    // A resend of an authorised document still gets its values: duplicates need no folio.
    expect((await call(sim.endpoint, 'Enviar', enviarXml(sale({ numeroDocumentoFiscal: '2' })))).codigo).toBe('102');
  });

  it('remembers documents and folios across a restart with the same dbPath', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hka-sim-'));
    const dbPath = join(dir, 'sim.db');
    await start({ dbPath });
    const first = await call(sim.endpoint, 'Enviar', enviarXml(sale({ numeroDocumentoFiscal: '41' })));
    await sim.close();

    await start({ dbPath, random: () => 0.5 });
    expect(sim.ledger().map((e) => e.cufe)).toEqual([first.cufe]);
    const resent = await call(sim.endpoint, 'Enviar', enviarXml(sale({ numeroDocumentoFiscal: '41' })));
    expect(resent).toMatchObject({
      codigo: '102',
      cufe: first.cufe,
      qr: first.qr,
      nroProtocoloAutorizacion: first.nroProtocoloAutorizacion,
    });
    expect((await call(sim.endpoint, 'FoliosRestantes', operationXml('FoliosRestantes'))).foliosUtilizadosCiclo).toBe(
      '1',
    );
    expect(
      await call(
        sim.endpoint,
        'EstadoDocumento',
        operationXml('EstadoDocumento', datosDocumentoXml({ numeroDocumentoFiscal: '41' })),
      ),
    ).toMatchObject({ codigo: '200', cufe: first.cufe, estatusDocumento: 'Autorizada' });
    const next = await call(sim.endpoint, 'Enviar', enviarXml(sale({ numeroDocumentoFiscal: '42' })));
    expect(next.nroProtocoloAutorizacion?.slice(-16)).toBe('0000000000000002');
  });
});

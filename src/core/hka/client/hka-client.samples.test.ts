// Every operation against HKA's published replies (REFERENCE.md hka-soap-samples, wrapped in an envelope in
// ./fixtures), served over real HTTP on loopback.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHkaClient, type DatosDocumento, type HkaClient } from './hka-client';
import {
  fixtureBytes,
  fixtureText,
  resultReply,
  sample,
  startCannedHkaServer,
  type CannedHkaServer,
} from './fixtures/canned-hka-server';

const CREDS = { tokenEmpresa: 'tok-empresa-1234', tokenPassword: 'tok-password-5678' };
const DATOS: DatosDocumento = {
  codigoSucursalEmisor: '0001',
  numeroDocumentoFiscal: '891',
  puntoFacturacionFiscal: '001',
  tipoDocumento: '01',
  tipoEmision: '01',
};
const DOCUMENTO = { codigoSucursalEmisor: '0000' };

let server: CannedHkaServer;
let client: HkaClient;

beforeAll(async () => {
  server = await startCannedHkaServer();
  client = await createHkaClient({
    environment: 'simulador',
    endpoint: server.url,
    connectTimeoutMs: 1_000,
    responseTimeoutMs: 2_000,
  });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe('Enviar', () => {
  it('200 (wiki sample 02) is authorized, not a duplicate, with every value of the reply', async () => {
    server.reply(sample('02-enviar-response-200-wiki.xml'));
    expect(await client.enviar(CREDS, DOCUMENTO)).toEqual({
      kind: 'authorized',
      duplicate: false,
      codigo: '200',
      mensaje: 'El documento se envió correctamente.',
      cufe: 'FE0120000155596713-2-2015-5900012019052800055000155650121566749040',
      qr: 'https://dgi-fep-test.mef.gob.pa:40001/Consultas/FacturasPorQR?chFE=...',
      nroProtocoloAutorizacion: '20190000000000179413',
      fechaRecepcionDGI: new Date('2019-05-29T13:32:21Z'),
      fechaRecepcionDGIRaw: '2019-05-29T13:32:21+00:00',
    });
  });

  it('102 with a cufe (real duplicate reply 03) is authorized as a duplicate, with the earlier authorisation', async () => {
    server.reply(sample('03-enviar-response-102-duplicado-real.xml'));
    const outcome = await client.enviar(CREDS, DOCUMENTO);
    expect(outcome).toMatchObject({
      kind: 'authorized',
      duplicate: true,
      codigo: '102',
      mensaje: 'El documento está duplicado',
      cufe: 'FE0120000155732387-2-2023-1400002024052400000000015050128219609273',
      nroProtocoloAutorizacion: '0000155596713-2-201520240000000000505883',
      fechaRecepcionDGIRaw: '2024-05-24T22:27:28',
    });
    if (outcome.kind !== 'authorized') throw new Error('expected authorized');
    // No offset in the reply: Panamá time, UTC−5.
    expect(outcome.fechaRecepcionDGI.toISOString()).toBe('2024-05-25T03:27:28.000Z');
    expect(outcome.qr).toMatch(
      /^https:\/\/dgi-fep-test\.mef\.gob\.pa:40001\/Consultas\/FacturasPorQR\?chFE=FE012.*&iAmb=2&digestValue=.*&jwt=/,
    );
  });

  it('102 without a cufe is a rejection', async () => {
    server.reply(
      resultReply('Enviar', { codigo: '102', resultado: 'error', mensaje: 'El documento está duplicado', cufe: null }),
    );
    expect(await client.enviar(CREDS, DOCUMENTO)).toEqual({
      kind: 'rejected',
      codigo: '102',
      mensaje: 'El documento está duplicado',
      messages: ['El documento está duplicado'],
    });
  });

  it('a rejection keeps HKA codigo and splits the messages joined by |', async () => {
    const mensaje =
      'En la ocurrencia 1 de Item, El campo valorITBMS es inválido | 2152-Item 1: Monto del ITBMS del ítem inválido';
    server.reply(resultReply('Enviar', { codigo: '109', resultado: 'error', mensaje, cufe: null, qr: null }));
    expect(await client.enviar(CREDS, DOCUMENTO)).toEqual({
      kind: 'rejected',
      codigo: '109',
      mensaje,
      messages: [
        'En la ocurrencia 1 de Item, El campo valorITBMS es inválido',
        '2152-Item 1: Monto del ITBMS del ítem inválido',
      ],
    });
  });

  it('200 with an unreadable fechaRecepcionDGI is unparseable: HKA did authorise something', async () => {
    server.reply(
      resultReply('Enviar', {
        codigo: '200',
        resultado: 'procesado',
        mensaje: 'ok',
        cufe: 'FE01',
        qr: 'q',
        fechaRecepcionDGI: '29/05/2019 13:32',
        nroProtocoloAutorizacion: '1',
      }),
    );
    expect(await client.enviar(CREDS, DOCUMENTO)).toMatchObject({
      kind: 'transient',
      reason: 'unparseable',
      mayHaveReachedHka: true,
    });
  });

  it.each([
    ['without a cufe', { codigo: '200', cufe: null, fechaRecepcionDGI: '2025-09-01T21:05:49-05:00' }],
    ['without fechaRecepcionDGI', { codigo: '200', cufe: 'FE01', fechaRecepcionDGI: null }],
  ])('200 %s is unparseable', async (_, fields) => {
    server.reply(resultReply('Enviar', fields));
    expect(await client.enviar(CREDS, DOCUMENTO)).toMatchObject({
      kind: 'transient',
      reason: 'unparseable',
      mayHaveReachedHka: true,
    });
  });

  it('a result without codigo is unparseable', async () => {
    server.reply(resultReply('Enviar', { resultado: 'procesado', mensaje: 'ok' }));
    expect(await client.enviar(CREDS, DOCUMENTO)).toMatchObject({
      kind: 'transient',
      reason: 'unparseable',
      mayHaveReachedHka: true,
    });
  });
});

describe('the other operations', () => {
  it('EstadoDocumento (sample 05)', async () => {
    server.reply(sample('05-estadodocumento-response.xml'));
    expect(await client.estadoDocumento(CREDS, DATOS)).toEqual({
      kind: 'ok',
      codigo: '200',
      mensaje: 'Se retornan datos del documento.',
      data: {
        cufe: 'FE01100000000000-000-0000-4000002023032000000010992260127062273602',
        estatusDocumento: 'Autorizada',
        mensajeDocumento: 'Autorizado el uso de la FE',
        fechaEmisionDocumento: '2023-04-10 10:29:09',
        fechaRecepcionDocumento: '2023-04-10 10:29:07',
        fechaRecepcion: new Date('2023-04-10T15:29:07Z'),
        resultado: 'procesado',
      },
    });
  });

  it('AnulacionDocumento (sample 07)', async () => {
    server.reply(sample('07-anulaciondocumento-response.xml'));
    expect(await client.anulacionDocumento(CREDS, DATOS, 'Error en el precio')).toEqual({
      kind: 'ok',
      codigo: '200',
      mensaje: 'Proceso de Anulación ejecutado con éxito.',
      data: {},
    });
  });

  it('DescargaXML (sample 09, unprefixed fields) decodes the Base64 XML', async () => {
    server.reply(sample('09-descargaxml-response.xml'));
    const outcome = await client.descargaXml(CREDS, DATOS);
    expect(outcome).toEqual({
      kind: 'ok',
      codigo: '200',
      mensaje: 'Se retorna el archivo solicitado.',
      data: { xml: fixtureText('descargaxml-rfe.xml') },
    });
    if (outcome.kind === 'ok') expect(outcome.data.xml).toContain('<dNombEm>Ambiente de pruebas, Panamá</dNombEm>');
  });

  it('DescargaPDF (sample 11) decodes the Base64 PDF byte for byte', async () => {
    server.reply(sample('11-descargapdf-response.xml'));
    const outcome = await client.descargaPdf(CREDS, { ...DATOS, serialDispositivo: '000001' });
    if (outcome.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(outcome)}`);
    expect(outcome.data.pdf.equals(fixtureBytes('descargapdf-cafe.pdf'))).toBe(true);
    expect(outcome.data.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('DescargaXML with a documento that is not Base64 is unparseable', async () => {
    server.reply(
      resultReply('DescargaXML', {
        codigo: '200',
        resultado: 'procesado',
        mensaje: 'ok',
        documento: '[XML EN BASE 64]',
      }),
    );
    expect(await client.descargaXml(CREDS, DATOS)).toMatchObject({ kind: 'transient', reason: 'unparseable' });
  });

  it('FoliosRestantes (sample 13) parses the counters', async () => {
    server.reply(sample('13-foliosrestantes-response.xml'));
    expect(await client.foliosRestantes(CREDS)).toEqual({
      kind: 'ok',
      codigo: '200',
      mensaje: 'Se retorna Licencia y Disponibilidad',
      data: {
        licencia: 'URFT-F1E3-VSGY',
        fechaLicencia: '2020-08-12 / 2021-08-12',
        ciclo: 2,
        fechaCiclo: '2020-09-12 / 2020-10-12',
        foliosTotalesCiclo: 5000,
        foliosUtilizadosCiclo: 0,
        foliosDisponibleCiclo: 5000,
        foliosTotales: 60000,
      },
    });
  });

  it('FoliosRestantes also reads the plural foliosDisponiblesCiclo of the wiki table', async () => {
    const body = fixtureText('13-foliosrestantes-response.xml')
      .replaceAll('foliosDisponibleCiclo>5000', 'foliosDisponiblesCiclo>4321')
      .replaceAll('/a:foliosDisponibleCiclo>', '/a:foliosDisponiblesCiclo>');
    server.reply({ kind: 'body', body });
    expect(await client.foliosRestantes(CREDS)).toMatchObject({ kind: 'ok', data: { foliosDisponibleCiclo: 4321 } });
  });

  it('FoliosRestantes 200 without an integer foliosDisponibleCiclo is unparseable', async () => {
    server.reply(resultReply('FoliosRestantes', { codigo: '200', mensaje: 'ok', foliosDisponibleCiclo: 'muchos' }));
    expect(await client.foliosRestantes(CREDS)).toMatchObject({
      kind: 'transient',
      reason: 'unparseable',
      mayHaveReachedHka: true,
    });
  });

  it('testConnection is FoliosRestantes', async () => {
    server.reply(sample('13-foliosrestantes-response.xml'));
    expect(await client.testConnection(CREDS)).toMatchObject({ kind: 'ok', data: { foliosDisponibleCiclo: 5000 } });
    expect(server.requests[0]?.headers['soapaction']).toBe('"http://tempuri.org/IService/FoliosRestantes"');
  });

  it('EnvioCorreo (sample 15)', async () => {
    server.reply(sample('15-enviocorreo-response.xml'));
    expect(await client.envioCorreo(CREDS, DATOS, 'cliente@example.com')).toEqual({
      kind: 'ok',
      codigo: '200',
      mensaje: 'Se ha enviado satisfactoriamente el email.',
      data: {},
    });
  });

  it('RastreoCorreo (sample 17)', async () => {
    server.reply(sample('17-rastreocorreo-response.xml'));
    expect(
      await client.rastreoCorreo(CREDS, 'FE0120000155732387-2-2023-1400002024052400000000015050128219609273'),
    ).toEqual({
      kind: 'ok',
      codigo: '200',
      mensaje: 'Se retorna mensaje de la consulta',
      data: {
        entregas: [
          {
            correo: 'Correo',
            creadoEn: 'Fecha de creación del correo',
            estado: 'Estado del correo',
            messageId: 'Id del mensaje del correo',
          },
        ],
      },
    });
  });

  it('ConsultarRucDV (sample 19)', async () => {
    server.reply(sample('19-consultarrucdv-response.xml'));
    expect(await client.consultarRucDv(CREDS, '2', '155596713-2-2015')).toEqual({
      kind: 'ok',
      codigo: '200',
      mensaje: 'Mensaje adicional de la operación',
      data: {
        tipoRuc: 'Tipo de contribuyente',
        ruc: 'Ruc del contribuyente',
        dv: 'DV del contribuyente',
        razonSocial: 'Razón social del contribuyente',
        afiliadoFE: 'Mensaje de estado de afiliación a la FE',
      },
    });
  });

  it('ConsultarRucDV 102 (taxpayer not registered) is a rejection', async () => {
    server.reply(
      resultReply('ConsultarRucDV', {
        codigo: '102',
        infoRuc: null,
        mensaje: 'El contribuyente no está inscrito',
        resultado: 'error',
      }),
    );
    expect(await client.consultarRucDv(CREDS, '1', '8-888-8888')).toMatchObject({ kind: 'rejected', codigo: '102' });
  });
});

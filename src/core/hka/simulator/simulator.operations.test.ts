// The operations on issued documents, folios, e-mail and RUC lookup, end to end over HTTP.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aSale } from '../../../../tests/fixtures/fiscal-documents';
import { computeDv } from '../../../shared/fiscal/ruc-dv';
import { DEMO_ACCOUNT } from './accounts';
import {
  call,
  datosDocumentoXml,
  documentoXml,
  enviarXml,
  operationXml,
  postSoap,
  resultRecord,
  tokensXml,
  type DocKey,
} from './sim-kit.fixture';
import { SIM_CODES } from './sim-codes';
import { startHkaSimulator, type HkaSimulator } from './simulator';

const AUTHORISED_AT = '2026-11-28T15:20:00Z'; // 10:20 in Panamá
let now: Date;
let sim: HkaSimulator;
let cufe: string | undefined;

beforeEach(async () => {
  now = new Date(AUTHORISED_AT);
  sim = await startHkaSimulator({ clock: () => now });
  cufe = (await call(sim.endpoint, 'Enviar', enviarXml(documentoXml(aSale())))).cufe;
});
afterEach(() => sim.close());

const withDatos = (key: DocKey, extra = ''): string => datosDocumentoXml(key) + extra;
const estado = (key: DocKey = { numeroDocumentoFiscal: '1' }) =>
  call(sim.endpoint, 'EstadoDocumento', operationXml('EstadoDocumento', withDatos(key)));
const anular = (
  motivo = '<tem:motivoAnulacion>Error en el precio</tem:motivoAnulacion>',
  key: DocKey = { numeroDocumentoFiscal: '1' },
) => call(sim.endpoint, 'AnulacionDocumento', operationXml('AnulacionDocumento', motivo + withDatos(key)));

describe('EstadoDocumento', () => {
  it('returns the data of an authorised document, dates as HKA writes them', async () => {
    expect(await estado()).toEqual({
      codigo: '200',
      mensaje: 'Se retornan datos del documento.',
      cufe,
      fechaEmisionDocumento: '2026-11-28 10:15:00',
      fechaRecepcionDocumento: '2026-11-28 10:20:00',
      estatusDocumento: 'Autorizada',
      mensajeDocumento: 'Autorizado el uso de la FE',
      resultado: 'procesado',
    });
  });

  it('finds numbers padded or not, and tells unknown documents and bad keys apart', async () => {
    expect((await estado({ numeroDocumentoFiscal: '0000000001' })).cufe).toBe(cufe);
    expect(await estado({ numeroDocumentoFiscal: '2' })).toMatchObject({
      codigo: SIM_CODES.documentNotFound,
      cufe: undefined,
    });
    expect((await estado({ numeroDocumentoFiscal: '1', tipoEmision: '02' })).codigo).toBe(SIM_CODES.documentNotFound);
    expect(await estado({ numeroDocumentoFiscal: 'uno', puntoFacturacionFiscal: '000' })).toMatchObject({
      codigo: SIM_CODES.validation,
      mensaje: 'El campo numeroDocumentoFiscal es inválido|El campo puntoFacturacionFiscal es inválido',
    });
    const noTokens = await call(
      sim.endpoint,
      'EstadoDocumento',
      operationXml('EstadoDocumento', withDatos({ numeroDocumentoFiscal: '1' }), ''),
    );
    expect(noTokens.codigo).toBe(SIM_CODES.invalidToken);
  });
});

describe('AnulacionDocumento', () => {
  it('annuls within 7 calendar days (until 23:59 of day 7, Panamá time), once', async () => {
    now = new Date('2026-12-06T04:59:59Z'); // 2026-12-05 23:59:59 in Panamá: day 7 after the 28th
    expect(await anular()).toEqual({
      codigo: '200',
      resultado: 'procesado',
      mensaje: 'Proceso de Anulación ejecutado con éxito.',
    });
    expect(await estado()).toMatchObject({
      estatusDocumento: 'Anulada',
      mensajeDocumento: 'Evento de anulación registrado',
      cufe,
    });
    expect(await anular()).toMatchObject({ codigo: SIM_CODES.alreadyAnnulled, resultado: 'error' });
  });

  it('refuses from day 8 on (a credit note is needed then)', async () => {
    now = new Date('2026-12-06T05:00:00Z'); // 2026-12-06 00:00 in Panamá
    expect(await anular()).toMatchObject({ codigo: SIM_CODES.annulmentExpired, resultado: 'error' });
    expect((await estado()).estatusDocumento).toBe('Autorizada');
  });

  it('requires a reason and an existing document', async () => {
    expect(await anular('')).toMatchObject({
      codigo: SIM_CODES.validation,
      mensaje: 'El campo motivoAnulacion es requerido',
    });
    expect(await anular(undefined, { numeroDocumentoFiscal: '9' })).toMatchObject({
      codigo: SIM_CODES.documentNotFound,
    });
  });
});

describe('DescargaXML / DescargaPDF', () => {
  it('returns the rFE in Base64', async () => {
    const r = await call(
      sim.endpoint,
      'DescargaXML',
      operationXml('DescargaXML', withDatos({ numeroDocumentoFiscal: '1' })),
    );
    expect(r).toMatchObject({ codigo: '200', resultado: 'procesado', mensaje: 'Se retorna el archivo solicitado.' });
    const xml = Buffer.from(r.documento ?? '', 'base64').toString('utf8');
    expect(xml).toContain('rFE');
    expect(xml).toContain(cufe);
  });

  it('returns the CAFE PDF in Base64', async () => {
    const r = await call(
      sim.endpoint,
      'DescargaPDF',
      operationXml('DescargaPDF', withDatos({ numeroDocumentoFiscal: '1' })),
    );
    expect(r.codigo).toBe('200');
    expect(
      Buffer.from(r.documento ?? '', 'base64')
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  });

  it('answers unknown documents with an error and no file', async () => {
    const r = await call(
      sim.endpoint,
      'DescargaXML',
      operationXml('DescargaXML', withDatos({ numeroDocumentoFiscal: '5' })),
    );
    expect(r).toMatchObject({ codigo: SIM_CODES.documentNotFound, documento: undefined });
  });
});

describe('FoliosRestantes', () => {
  it('reports the licence and the live cycle counters, and starts a new cycle a month later', async () => {
    expect(await call(sim.endpoint, 'FoliosRestantes', operationXml('FoliosRestantes'))).toEqual({
      codigo: '200',
      mensaje: 'Se retorna Licencia y Disponibilidad',
      licencia: DEMO_ACCOUNT.licencia,
      fechaLicencia: '2026-11-28 / 2027-11-28',
      ciclo: '1',
      fechaCiclo: '2026-11-28 / 2026-12-28',
      foliosTotalesCiclo: '5000',
      foliosUtilizadosCiclo: '1',
      foliosDisponibleCiclo: '4999',
      foliosTotales: '59999',
      resultado: 'procesado',
    });
    now = new Date('2026-12-28T15:00:00Z');
    expect(await call(sim.endpoint, 'FoliosRestantes', operationXml('FoliosRestantes'))).toMatchObject({
      ciclo: '2',
      fechaCiclo: '2026-12-28 / 2027-01-28',
      foliosUtilizadosCiclo: '0',
      foliosDisponibleCiclo: '5000',
      foliosTotales: '59999',
    });
  });
});

describe('EnvioCorreo / RastreoCorreo', () => {
  const enviarCorreo = (correo: string) =>
    call(
      sim.endpoint,
      'EnvioCorreo',
      operationXml(
        'EnvioCorreo',
        withDatos({ numeroDocumentoFiscal: '1' }, correo ? `<tem:correo>${correo}</tem:correo>` : ''),
      ),
    );
  const rastrear = (c: string) =>
    call(sim.endpoint, 'RastreoCorreo', operationXml('RastreoCorreo', `<tem:cufe>${c}</tem:cufe>`));

  it('records deliveries per CUFE and traces them as listTracking items', async () => {
    expect(await enviarCorreo('cliente@correo.com')).toEqual({
      codigo: '200',
      resultado: 'procesado',
      mensaje: 'Se ha enviado satisfactoriamente el email.',
    });
    now = new Date('2026-11-28T15:25:00Z');
    expect((await enviarCorreo('rebote@nadie.invalid')).codigo).toBe('200');
    const answer = await postSoap(
      sim.endpoint,
      'RastreoCorreo',
      operationXml('RastreoCorreo', `<tem:cufe>${cufe}</tem:cufe>`),
    );
    expect(answer.text).toContain(
      '<b:listTracking><b:correo>cliente@correo.com</b:correo><b:creado_en>2026-11-28 10:20:00</b:creado_en>' +
        '<b:estado>Entregado</b:estado><b:messageId>&lt;sim-00000001@hka-simulador.local&gt;</b:messageId></b:listTracking>' +
        '<b:listTracking><b:correo>rebote@nadie.invalid</b:correo><b:creado_en>2026-11-28 10:25:00</b:creado_en><b:estado>Rebotado</b:estado>',
    );
    expect(await rastrear(cufe ?? '')).toMatchObject({
      codigo: '200',
      mensaje: 'Se retorna mensaje de la consulta',
      resultado: 'procesado',
    });
  });

  it('validates the address and the CUFE', async () => {
    expect(await enviarCorreo('no-es-un-correo')).toMatchObject({
      codigo: SIM_CODES.validation,
      mensaje: 'El campo correo es inválido',
    });
    expect(await enviarCorreo('')).toMatchObject({
      codigo: SIM_CODES.validation,
      mensaje: 'El campo correo es requerido',
    });
    expect(await rastrear('')).toMatchObject({ codigo: SIM_CODES.validation, mensaje: 'El campo cufe es requerido' });
    expect(await rastrear('FE0120000155732387-2-2023-1400002024052400000000015050128219609273')).toMatchObject({
      codigo: SIM_CODES.documentNotFound,
    });
  });
});

describe('ConsultarRucDV', () => {
  const consultar = (tipoRuc: string, ruc: string, tokens = tokensXml().replace(/tem:/g, 'ser:')) =>
    call(
      sim.endpoint,
      'ConsultarRucDV',
      operationXml(
        'ConsultarRucDV',
        `<tem:consultarRucDVRequest xmlns:ser="http://schemas.datacontract.org/2004/07/Services.ApiRest">${tokens}` +
          `<ser:tipoRuc>${tipoRuc}</ser:tipoRuc><ser:ruc>${ruc}</ser:ruc></tem:consultarRucDVRequest>`,
        '',
      ),
    );

  it('answers registry taxpayers with their DV and name', async () => {
    expect(await consultar('2', '8-NT-1-13656')).toMatchObject({
      codigo: '200',
      mensaje: 'Consulta realizada con éxito',
      resultado: 'Procesado',
    });
    const meduca = await postSoap(
      sim.endpoint,
      'ConsultarRucDV',
      operationXml(
        'ConsultarRucDV',
        `<tem:consultarRucDVRequest>${tokensXml()}<tem:tipoRuc>2</tem:tipoRuc><tem:ruc>8-NT-1-13656</tem:ruc></tem:consultarRucDVRequest>`,
        '',
      ),
    );
    expect(resultRecord('ConsultarRucDV', meduca.text, 'infoRuc')).toEqual({
      tipoRuc: '2',
      ruc: '8-NT-1-13656',
      dv: '43',
      razonSocial: 'MINISTERIO DE EDUCACION',
      afiliadoFE: 'El contribuyente no está afiliado a la Factura Electrónica',
    });
    const answer = await postSoap(
      sim.endpoint,
      'ConsultarRucDV',
      operationXml(
        'ConsultarRucDV',
        `<tem:consultarRucDVRequest>${tokensXml()}<tem:tipoRuc>2</tem:tipoRuc><tem:ruc>155596713-2-2015</tem:ruc></tem:consultarRucDVRequest>`,
        '',
      ),
    );
    expect(answer.text).toContain(
      '<a:infoRuc><a:tipoRuc>2</a:tipoRuc><a:ruc>155596713-2-2015</a:ruc><a:dv>59</a:dv>' +
        '<a:razonSocial>THE FACTORY HKA CORP</a:razonSocial><a:afiliadoFE>',
    );
  });

  it('computes the DV of other well-formed RUCs and refuses malformed ones', async () => {
    const expected = computeDv('8-888-888', '1');
    expect(expected.status).toBe('ok');
    const answer = await postSoap(
      sim.endpoint,
      'ConsultarRucDV',
      operationXml(
        'ConsultarRucDV',
        `<tem:consultarRucDVRequest>${tokensXml()}<tem:tipoRuc>1</tem:tipoRuc><tem:ruc>8-888-888</tem:ruc></tem:consultarRucDVRequest>`,
        '',
      ),
    );
    expect(answer.text).toContain(`<a:dv>${expected.status === 'ok' ? expected.dv : '?'}</a:dv>`);
    expect(await consultar('2', 'NO-ES-RUC')).toMatchObject({ codigo: SIM_CODES.rucNotRegistered, resultado: 'error' });
    expect(await consultar('3', '8-888-888')).toMatchObject({
      codigo: SIM_CODES.rucQueryError,
      mensaje: 'El campo tipoRuc es inválido',
    });
  });

  it('reads the tokens inside consultarRucDVRequest only', async () => {
    expect((await consultar('2', '155596713-2-2015', '')).codigo).toBe(SIM_CODES.invalidToken);
    const outside = await call(
      sim.endpoint,
      'ConsultarRucDV',
      operationXml(
        'ConsultarRucDV',
        '<tem:consultarRucDVRequest><tem:tipoRuc>2</tem:tipoRuc><tem:ruc>155596713-2-2015</tem:ruc></tem:consultarRucDVRequest>',
      ),
    );
    expect(outside.codigo).toBe(SIM_CODES.invalidToken);
  });
});

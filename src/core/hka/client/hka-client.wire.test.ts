// What the client puts on the wire, captured raw by the canned server: HTTP headers, namespaces, parameter and
// element order, and validity against the WSDL's own schemas.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aCreditNote, aSale, aSaleWithEveryGroup } from '../../../../tests/fixtures/fiscal-documents';
import { validateDocument } from '../../../shared/fiscal/validate';
import { CONSULTAR_RUC_DV_FIELDS, NS, REQUEST_PARAMS, SERVICE_PATH, type HkaOperation } from '../contract';
import { flattenElement, type HkaElement } from '../documento-types';
import { toHkaDocumento } from '../map-documento';
import { createHkaClient, type DatosDocumento, type HkaClient } from './hka-client';
import { startCannedHkaServer, type CannedHkaServer, type CapturedRequest } from './fixtures/canned-hka-server';
import { descendants, nsLeaves, parseNs, type NsNode } from './fixtures/ns-tree';
import { validateSoapRequest } from './fixtures/wsdl-schemas';
import { children, find, parseXml } from '../xml/xnode';

const CREDS = { tokenEmpresa: 'tok-empresa-<&>-1234', tokenPassword: 'tok-password-5678' };
const DATOS: DatosDocumento = {
  codigoSucursalEmisor: '0001',
  numeroDocumentoFiscal: '891',
  puntoFacturacionFiscal: '001',
  tipoDocumento: '01',
  tipoEmision: '01',
};

let server: CannedHkaServer;
let client: HkaClient;

beforeAll(async () => {
  server = await startCannedHkaServer();
  client = await createHkaClient({ environment: 'simulador', endpoint: server.url });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.reply({ kind: 'body', status: 500, body: '' });
});

function documentoOf(input: unknown): HkaElement {
  const result = validateDocument(input);
  if (!result.ok) throw new Error(`fixture is invalid: ${JSON.stringify(result.violations)}`);
  return toHkaDocumento(result.document, result.totals);
}

function only(requests: CapturedRequest[]): CapturedRequest {
  expect(requests).toHaveLength(1);
  return requests[0] as CapturedRequest;
}

/** The operation element inside soapenv:Envelope/soapenv:Body. */
function operationElement(body: string): NsNode {
  const envelope = parseNs(body);
  expect([envelope.ns, envelope.name]).toEqual([NS.soapenv, 'Envelope']);
  const soapBody = envelope.children.find((c) => c.name === 'Body');
  expect(soapBody?.ns).toBe(NS.soapenv);
  expect(soapBody?.children).toHaveLength(1);
  return soapBody?.children[0] as NsNode;
}

describe('Enviar on the wire', () => {
  it.each([
    ['a cash sale', aSale()],
    ['a credit note with a reference', aCreditNote()],
    // Medicine, vehicle, GTIN quantities, authorised downloaders, purchase order, logistics, delivery: each group in
    // the WSDL's sequence, which validateSoapRequest checks against the WSDL's own schema.
    ['a sale with every optional group', aSaleWithEveryGroup()],
  ])(
    '%s: headers, tokens in tem:, documento in ObjComprobante in the mapper order, valid per the WSDL',
    async (_, input) => {
      const documento = documentoOf(input);
      await client.enviar(CREDS, documento);
      const request = only(server.requests);

      expect(request.method).toBe('POST');
      expect(request.url).toBe(SERVICE_PATH);
      expect(request.headers['content-type']).toBe('text/xml; charset=utf-8');
      expect(request.headers['soapaction']).toBe('"http://tempuri.org/IService/Enviar"');

      const enviar = operationElement(request.body);
      expect([enviar.ns, enviar.name]).toEqual([NS.tem, 'Enviar']);
      expect(enviar.children.map((c) => [c.ns, c.name])).toEqual(REQUEST_PARAMS.Enviar.map((p) => [NS.tem, p]));
      expect(enviar.children.slice(0, 2).map((c) => c.text)).toEqual([CREDS.tokenEmpresa, CREDS.tokenPassword]);

      const wireDocumento = enviar.children[2] as NsNode;
      expect(new Set(descendants(wireDocumento).map((n) => n.ns))).toEqual(new Set([NS.comprobante]));
      expect(nsLeaves(wireDocumento).map(({ path, value }) => ({ path, value }))).toEqual(flattenElement(documento));

      const validation = await validateSoapRequest(request.body);
      expect(validation.errors).toEqual([]);
      expect(validation.valid).toBe(true);
    },
  );

  it('the WSDL validation can fail: two documento children swapped are rejected', async () => {
    await client.enviar(CREDS, documentoOf(aSale()));
    const body = only(server.requests).body;
    const tipoSucursal = /<(\w+):tipoSucursal[^>]*>1<\/\1:tipoSucursal>/.exec(body)?.[0] ?? '';
    expect(tipoSucursal).not.toBe('');
    const swapped = body.replace(tipoSucursal, '').replace(/(<\/\w+:datosTransaccion>)/, `$1${tipoSucursal}`);
    expect((await validateSoapRequest(swapped)).valid).toBe(false);
  });
});

describe('free text reaches HKA literally', () => {
  it.each([
    ['an escaped-looking ampersand', 'Arroz &amp; frijoles'],
    ['an entity-looking text', 'Café &x; &cV; &#65; &#x41;'],
    ['markup-looking text', '<b>negrita</b> a < b > c " \''],
    ['a whole CDATA section (soap would copy it raw)', '<![CDATA[precio]]>'],
    [
      'CDATA that tries to close early and inject an element',
      '<![CDATA[x]]><ser:precioItem>0</ser:precioItem><![CDATA[y]]>',
    ],
    ['tab and line breaks', 'línea 1\n\tlínea 2\r\n'],
  ])('%s', async (_what, text) => {
    const result = validateDocument(aSale({ informacionInteres: text }));
    if (!result.ok) throw new Error('fixture is invalid');
    await client.enviar(CREDS, toHkaDocumento(result.document, result.totals));
    // A strict XML 1.0 reader (the simulator's) sees exactly the validated text, and nothing injected next to it.
    const datos = find(parseXml(only(server.requests).body), 'datosTransaccion');
    expect(children(datos, 'informacionInteres').map((c) => c.text)).toEqual([result.document.informacionInteres]);
    expect(datos?.children.map((c) => c.name)).not.toContain('precioItem');
  });
});

describe('the other operations on the wire', () => {
  const padded = { ...DATOS, numeroDocumentoFiscal: '0000000891' };
  const datosFields = (d: DatosDocumento): string[][] => Object.entries(d).map(([k, v]) => [NS.model, k, String(v)]);
  const calls: [HkaOperation, (c: HkaClient) => Promise<unknown>, Record<string, string>, unknown[][]][] = [
    ['EstadoDocumento', (c) => c.estadoDocumento(CREDS, DATOS), {}, datosFields(padded)],
    [
      'AnulacionDocumento',
      (c) => c.anulacionDocumento(CREDS, DATOS, 'Precio erróneo'),
      { motivoAnulacion: 'Precio erróneo' },
      datosFields(padded),
    ],
    ['DescargaXML', (c) => c.descargaXml(CREDS, DATOS), {}, datosFields(padded)],
    [
      'DescargaPDF',
      (c) => c.descargaPdf(CREDS, { ...DATOS, serialDispositivo: '000001' }),
      {},
      // serialDispositivo sits in its alphabetical place (§1.5), whatever order the caller's object has.
      [
        [NS.model, 'codigoSucursalEmisor', '0001'],
        [NS.model, 'numeroDocumentoFiscal', '0000000891'],
        [NS.model, 'puntoFacturacionFiscal', '001'],
        [NS.model, 'serialDispositivo', '000001'],
        [NS.model, 'tipoDocumento', '01'],
        [NS.model, 'tipoEmision', '01'],
      ],
    ],
    ['FoliosRestantes', (c) => c.foliosRestantes(CREDS), {}, []],
    [
      'EnvioCorreo',
      (c) => c.envioCorreo(CREDS, DATOS, 'cliente@example.com'),
      { correo: 'cliente@example.com' },
      datosFields(padded),
    ],
    ['RastreoCorreo', (c) => c.rastreoCorreo(CREDS, 'FE01-cufe'), { cufe: 'FE01-cufe' }, []],
  ];

  it.each(calls)(
    '%s: SOAPAction, parameters in tem: in contract order, datosDocumento in Services.Model',
    async (op, invoke, texts, datos) => {
      await invoke(client);
      const request = only(server.requests);
      expect(request.headers['soapaction']).toBe(`"http://tempuri.org/IService/${op}"`);
      const element = operationElement(request.body);
      expect([element.ns, element.name]).toEqual([NS.tem, op]);
      expect(element.children.map((c) => [c.ns, c.name])).toEqual(REQUEST_PARAMS[op].map((p) => [NS.tem, p]));
      const text = (name: string) => element.children.find((c) => c.name === name)?.text;
      expect([text('tokenEmpresa'), text('tokenPassword')]).toEqual([CREDS.tokenEmpresa, CREDS.tokenPassword]);
      for (const [name, value] of Object.entries(texts)) expect(text(name)).toBe(value);
      const datosDocumento = element.children.find((c) => c.name === 'datosDocumento');
      expect(datosDocumento?.children.map((c) => [c.ns, c.name, c.text]) ?? []).toEqual(datos);
      expect((await validateSoapRequest(request.body)).errors).toEqual([]);
    },
  );

  it('ConsultarRucDV: the tokens go inside consultarRucDVRequest, in Services.ApiRest', async () => {
    await client.consultarRucDv(CREDS, '2', '155596713-2-2015');
    const request = only(server.requests);
    expect(request.headers['soapaction']).toBe('"http://tempuri.org/IService/ConsultarRucDV"');
    const element = operationElement(request.body);
    expect(element.children.map((c) => [c.ns, c.name])).toEqual([[NS.tem, 'consultarRucDVRequest']]);
    expect(element.children[0]?.children.map((c) => [c.ns, c.name, c.text])).toEqual(
      CONSULTAR_RUC_DV_FIELDS.map((f) => [NS.apiRest, f, { ...CREDS, tipoRuc: '2', ruc: '155596713-2-2015' }[f]]),
    );
    expect((await validateSoapRequest(request.body)).errors).toEqual([]);
  });
});

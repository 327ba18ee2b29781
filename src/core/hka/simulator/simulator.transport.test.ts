// HTTP and SOAP plumbing: dispatch with and without SOAPAction, faults for what cannot be dispatched, the WSDL.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS, SERVICE_PATH } from '../contract';
import { child, find, parseXml } from '../xml/xnode';
import { envelope, operationXml, postSoap, resultFields, tokensXml } from './sim-kit.fixture';
import { startHkaSimulator, type HkaSimulator } from './simulator';

let sim: HkaSimulator;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hka-sim-wsdl-'));
  sim = await startHkaSimulator({ wsdlPath: join(dir, 'Service.wsdl') });
});
afterAll(async () => {
  await sim.close();
  rmSync(dir, { recursive: true, force: true });
});

const faultCode = (xml: string): string | undefined => child(find(parseXml(xml), 'Fault'), 'faultcode')?.text;

describe('dispatch', () => {
  it.each(['quoted', 'bare', 'none'] as const)('answers with SOAPAction %s', async (style) => {
    const before = sim.calls('FoliosRestantes');
    const answer = await postSoap(sim.endpoint, 'FoliosRestantes', operationXml('FoliosRestantes'), style);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
    expect(resultFields('FoliosRestantes', answer.text).codigo).toBe('200');
    expect(sim.calls('FoliosRestantes')).toBe(before + 1);
  });

  it('accepts any prefixes and an unprefixed default namespace below the wrapper', async () => {
    const body =
      `<s:Envelope xmlns:s="${NS.soapenv}"><s:Body><FoliosRestantes xmlns="${NS.tem}">` +
      tokensXml().replace(/tem:/g, '') +
      '</FoliosRestantes></s:Body></s:Envelope>';
    expect(
      resultFields('FoliosRestantes', (await postSoap(sim.endpoint, 'FoliosRestantes', body, 'none')).text).codigo,
    ).toBe('200');
  });

  it('answers an unknown action with a WCF ActionNotSupported fault (HTTP 500), not counted as a call', async () => {
    const total = sim.calls();
    const answer = await postSoap(sim.endpoint, 'Anulacion', envelope(`<tem:Anulacion>${tokensXml()}</tem:Anulacion>`));
    expect(answer.status).toBe(500);
    expect(answer.contentType).toBe('text/xml; charset=utf-8');
    expect(faultCode(answer.text)).toBe('a:ActionNotSupported');
    expect(answer.text).toContain("Action 'http://tempuri.org/IService/Anulacion'");
    const noAction = await postSoap(sim.endpoint, 'x', envelope('<tem:Hola/>'), 'none');
    expect(faultCode(noAction.text)).toBe('a:ActionNotSupported');
    expect(sim.calls()).toBe(total);
  });

  it('answers a body that does not match the action with a DeserializationFailed fault', async () => {
    const answer = await postSoap(sim.endpoint, 'Enviar', operationXml('FoliosRestantes'));
    expect(answer.status).toBe(500);
    expect(faultCode(answer.text)).toBe('a:DeserializationFailed');
  });

  it('answers malformed XML and non-SOAP XML with a Client fault', async () => {
    for (const body of ['<soapenv:Envelope><soapenv:Body><tem:Enviar>', '<FoliosRestantes/>', 'hola']) {
      const answer = await postSoap(sim.endpoint, 'FoliosRestantes', body);
      expect(answer.status).toBe(500);
      expect(faultCode(answer.text)).toBe('s:Client');
    }
  });
});

describe('strict XML 1.0, as WCF reads a request', () => {
  const enviarWith = (descripcion: string) =>
    envelope(
      `<tem:Enviar>${tokensXml()}<tem:documento xmlns:ser="${NS.comprobante}"><ser:listaItems><ser:item>` +
        `<ser:descripcion>${descripcion}</ser:descripcion></ser:item></ser:listaItems></tem:documento></tem:Enviar>`,
    );

  it.each([
    ['an ESC character', 'Arroz\u001b[0m'],
    ['a NUL character', 'Arroz\u0000'],
    ['a character reference to a C0 control', 'Arroz&#x1B;'],
    ['U+FFFF', 'Arroz\uffff'],
    ['an entity the message does not define', 'Arroz &cV;'],
    ['an undeclared prefix', '<q:b>Arroz</q:b>'],
  ])('refuses a request with %s with a Client fault and authorises nothing', async (_what, descripcion) => {
    const before = sim.ledger().length;
    const answer = await postSoap(sim.endpoint, 'Enviar', enviarWith(descripcion));
    expect(answer.status).toBe(500);
    expect(faultCode(answer.text)).toBe('s:Client');
    expect(sim.ledger()).toHaveLength(before);
  });

  it('refuses a DTD in the request (WCF prohibits them)', async () => {
    const body = `<!DOCTYPE x [<!ENTITY e "Arroz">]>${enviarWith('&e;')}`;
    expect(faultCode((await postSoap(sim.endpoint, 'Enviar', body)).text)).toBe('s:Client');
  });
});

describe('HTTP surface', () => {
  const base = (): string => sim.endpoint.slice(0, -SERVICE_PATH.length);

  it('serves the WSDL at ?wsdl and ?singleWsdl with its address pointing here, 404 while there is no file', async () => {
    expect((await fetch(`${sim.endpoint}?wsdl`)).status).toBe(404);
    writeFileSync(
      join(dir, 'Service.wsdl'),
      '<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/">' +
        '<wsdl:service name="Service"><wsdl:port name="BasicHttpBinding_IService">' +
        '<soap:address location="https://demoemision.thefactoryhka.com.pa/ws/obj/v1.0/Service.svc"/></wsdl:port></wsdl:service></wsdl:definitions>',
    );
    for (const query of ['?wsdl', '?singleWsdl']) {
      const res = await fetch(sim.endpoint + query);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      expect(await res.text()).toContain(`<soap:address location="${sim.endpoint}"/>`);
    }
  });

  it('answers other paths, methods and SOAP 1.2 the way IIS/WCF would', async () => {
    expect((await fetch(`${base()}/ws/obj/v1.0/Otro.svc`, { method: 'POST', body: '' })).status).toBe(404);
    const put = await fetch(sim.endpoint, { method: 'PUT', body: '' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST');
    const soap12 = await fetch(sim.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/soap+xml; charset=utf-8' },
      body: operationXml('FoliosRestantes'),
    });
    expect(soap12.status).toBe(415);
    expect((await fetch(sim.endpoint)).status).toBe(200);
  });
});

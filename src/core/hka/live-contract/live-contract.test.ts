// HKA's live WSDL as untrusted input: what it says is compared with our bundled copy, and anything that is not a
// usable WSDL of HKA's service (too large, not XML, a DTD, an error page, external imports, another service) leaves
// the bundled WSDL in use with the reason logged; what was kept survives a failed refresh and tampering is noticed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { NS } from '../contract';
import { defaultWsdlPath } from '../client/hka-client';
import { compareContracts } from './compare-wsdl';
import {
  MAX_WSDL_BYTES,
  fetchWsdlText,
  refreshLiveContract,
  singleWsdlUrl,
  storedLiveContract,
  type LiveContractOptions,
} from './live-contract';
import { summariseWsdl } from './wsdl-summary';

const BUNDLED = readFileSync(defaultWsdlPath(), 'utf8');
const MODELS = 'http://schemas.datacontract.org/2004/07/Services.Models';
const variant = BUNDLED.replaceAll(`"${NS.model}"`, `"${MODELS}"`);

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function options(serve: string | (() => Promise<string>), logs: string[] = []): LiveContractOptions {
  const dataDir = mkdtempSync(join(tmpdir(), 'sago-live-wsdl-'));
  dirs.push(dataDir);
  return {
    dataDir,
    environment: 'demo',
    endpoint: 'https://demoemision.example/ws/obj/v1.0/Service.svc',
    bundledWsdlPath: defaultWsdlPath(),
    fetchWsdl: typeof serve === 'string' ? () => Promise.resolve(serve) : serve,
    clock: () => new Date('2026-12-04T15:00:00Z'),
    log: { info: (m) => logs.push(m), warn: (m) => logs.push(m), error: (m) => logs.push(m) },
  };
}

describe('comparing a WSDL with the bundled one', () => {
  it('finds nothing between the bundled WSDL and itself', () => {
    expect(compareContracts(summariseWsdl(BUNDLED), summariseWsdl(BUNDLED))).toEqual([]);
  });

  it('reports datosDocumento in another namespace, for every operation that takes it', () => {
    const differences = compareContracts(summariseWsdl(BUNDLED), summariseWsdl(variant));
    expect(differences.map((d) => d.subject)).toEqual([
      'EstadoDocumento.datosDocumento',
      'AnulacionDocumento.datosDocumento',
      'DescargaXML.datosDocumento',
      'DescargaPDF.datosDocumento',
      'EnvioCorreo.datosDocumento',
    ]);
    expect(differences[0]).toEqual({
      area: 'namespace',
      subject: 'EstadoDocumento.datosDocumento',
      bundled: NS.model,
      live: MODELS,
    });
  });

  it('reports a missing operation, changed parameters, and documento elements out of our order', () => {
    const edited = BUNDLED.replace(/<wsdl:operation name="RastreoCorreo">[\s\S]*?<\/wsdl:operation>/, '') // from the portType (first occurrence)
      .replace('<xs:element minOccurs="0" name="motivoAnulacion" nillable="true" type="xs:string"/>', '')
      .replace(
        '<xs:element minOccurs="0" name="codigoSucursalEmisor" nillable="true" type="xs:string"/>\n          <xs:element minOccurs="0" name="tipoSucursal" nillable="true" type="xs:string"/>',
        '<xs:element minOccurs="0" name="tipoSucursal" nillable="true" type="xs:string"/>\n          <xs:element minOccurs="0" name="codigoSucursalEmisor" nillable="true" type="xs:string"/>',
      );
    const differences = compareContracts(summariseWsdl(BUNDLED), summariseWsdl(edited));
    expect(differences).toEqual(
      expect.arrayContaining([
        { area: 'operation', subject: 'RastreoCorreo', bundled: 'RastreoCorreo', live: null },
        {
          area: 'parameters',
          subject: 'AnulacionDocumento',
          bundled: 'tokenEmpresa, tokenPassword, motivoAnulacion, datosDocumento',
          live: 'tokenEmpresa, tokenPassword, datosDocumento',
        },
        { area: 'order', subject: 'documento #1', bundled: 'codigoSucursalEmisor', live: 'tipoSucursal' },
      ]),
    );
  });
});

describe('refreshing the live contract', () => {
  it('keeps a usable live WSDL, reports its differences in the log, and finds it again later', async () => {
    const logs: string[] = [];
    const o = options(variant, logs);
    const info = await refreshLiveContract(o);
    expect(info).toMatchObject({ source: 'live', fetchedAt: '2026-12-04T15:00:00.000Z', fallbackReason: null });
    expect(info.differences).toHaveLength(5);
    expect(readFileSync(info.wsdlPath, 'utf8')).toBe(variant);
    expect(logs).toEqual([
      'HKA live WSDL differs from the bundled one in 5 place(s); the register follows the live one',
    ]);
    expect(storedLiveContract(o)).toEqual(info);
    // Kept for this endpoint only.
    expect(storedLiveContract({ ...o, endpoint: 'https://otra.example/Service.svc' })).toMatchObject({
      source: 'bundled',
    });
  });

  it.each([
    ['an HTML error page', '<!DOCTYPE html><html><body>500</body></html>', /DTD is prohibited/],
    ['text that is not XML', 'Service Unavailable', /not well-formed/],
    ['a WSDL of another service', BUNDLED.replaceAll('name="Enviar"', 'name="Send"'), /no Enviar operation/],
    [
      'a WSDL that imports other documents',
      BUNDLED.replace(
        '<xs:import namespace="http://schemas.datacontract.org/2004/07/Services.Model"/>',
        '<xs:import namespace="http://schemas.datacontract.org/2004/07/Services.Model" schemaLocation="file:///etc/passwd"/>',
      ),
      /refers to other documents/,
    ],
    ['an oversized document', `<!--${'x'.repeat(MAX_WSDL_BYTES)}-->${BUNDLED}`, /too large/],
    [
      'an entity-expansion attack',
      `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>${BUNDLED}`,
      /DTD is prohibited/,
    ],
  ])('falls back to the bundled WSDL for %s, logging why', async (_what, served, reason) => {
    const logs: string[] = [];
    const info = await refreshLiveContract(options(served, logs));
    expect(info).toMatchObject({ source: 'bundled', wsdlPath: defaultWsdlPath(), differences: [] });
    expect(info.fallbackReason).toMatch(reason);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^HKA live WSDL not used \(.*\); using the bundled WSDL$/);
  });

  it('keeps using the live WSDL it has when a later refresh fails, and notices a kept file that was changed', async () => {
    const o = options(variant);
    await refreshLiveContract(o);
    const offline = await refreshLiveContract({ ...o, fetchWsdl: () => Promise.reject(new Error('ECONNREFUSED')) });
    expect(offline).toMatchObject({ source: 'live' });
    writeFileSync(offline.wsdlPath, BUNDLED);
    expect(storedLiveContract(o)).toMatchObject({
      source: 'bundled',
      fallbackReason: 'kept live WSDL does not match its record',
    });
  });

  it('asks for ?singleWsdl at the service address', () => {
    expect(singleWsdlUrl('https://demoemision.thefactoryhka.com.pa/ws/obj/v1.0/Service.svc')).toBe(
      'https://demoemision.thefactoryhka.com.pa/ws/obj/v1.0/Service.svc?singleWsdl',
    );
  });
});

describe('fetching over HTTP', () => {
  it('stops reading a body past the size limit even without a Content-Length, and refuses redirects and errors', async () => {
    const server = createServer((req, res) => {
      if (req.url?.includes('redirect')) return void res.writeHead(302, { Location: '/elsewhere' }).end();
      if (req.url?.includes('error')) return void res.writeHead(500).end('boom');
      res.writeHead(200, { 'Content-Type': 'text/xml' });
      const chunk = 'x'.repeat(64 * 1024);
      let sent = 0;
      const push = (): void => {
        while (sent < 3 * MAX_WSDL_BYTES) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', push);
        }
        res.end();
      };
      push();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      await expect(fetchWsdlText(`http://127.0.0.1:${port}/big?singleWsdl`)).rejects.toThrow(/too large/);
      await expect(fetchWsdlText(`http://127.0.0.1:${port}/redirect`)).rejects.toThrow();
      await expect(fetchWsdlText(`http://127.0.0.1:${port}/error`)).rejects.toThrow('HTTP 500');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

// A simulator serving a variant contract serves it at ?singleWsdl and reads requests by it, as WCF would: members of
// a structured parameter in another namespace than its WSDL declares are ignored. By default it matches local names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NS } from '../contract';
import { operationXml, postSoap, resultFields } from './sim-kit.fixture';
import { startHkaSimulator, type HkaSimulator } from './simulator';

const MODELS = 'http://schemas.datacontract.org/2004/07/Services.Models';
const datos = (ns: string) =>
  `<tem:datosDocumento xmlns:m="${ns}"><m:codigoSucursalEmisor>0000</m:codigoSucursalEmisor><m:numeroDocumentoFiscal>0000000999</m:numeroDocumentoFiscal>` +
  '<m:puntoFacturacionFiscal>001</m:puntoFacturacionFiscal><m:tipoDocumento>01</m:tipoDocumento><m:tipoEmision>01</m:tipoEmision></tem:datosDocumento>';

let variant: HkaSimulator;
let plain: HkaSimulator;
beforeAll(async () => {
  variant = await startHkaSimulator({ contractVariant: { namespaces: { [NS.model]: MODELS } } });
  plain = await startHkaSimulator({});
});
afterAll(async () => {
  await variant.close();
  await plain.close();
});

const mensaje = async (sim: HkaSimulator, ns: string) =>
  resultFields(
    'EstadoDocumento',
    (await postSoap(sim.endpoint, 'EstadoDocumento', operationXml('EstadoDocumento', datos(ns)))).text,
  ).mensaje;

describe('a simulator serving a variant contract', () => {
  it('serves the variant at ?singleWsdl', async () => {
    const wsdl = await (await fetch(`${variant.endpoint}?singleWsdl`)).text();
    expect(wsdl).toContain(`targetNamespace="${MODELS}"`);
    expect(wsdl).not.toContain(`"${NS.model}"`);
  });

  it('reads datosDocumento in the namespace it declares and ignores members in any other', async () => {
    expect(await mensaje(variant, MODELS)).not.toMatch(/requerido/); // the key is read (the document is just unknown)
    expect(await mensaje(variant, NS.model)).toBe('El campo datosDocumento es requerido'); // all its members ignored
  });

  it('by default matches members by local name, whatever their namespace (REFERENCE.md §8)', async () => {
    expect(await mensaje(plain, NS.model)).toBe(await mensaje(plain, MODELS));
    expect(await mensaje(plain, 'urn:anything')).not.toMatch(/requerido/);
  });
});

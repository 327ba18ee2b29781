import { describe, expect, it } from 'vitest';
import { XmlParseError, child, children, find, parseXml, textOf } from './xnode';

const ENVELOPE = `<?xml version="1.0" encoding="utf-8"?>
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:tem="http://tempuri.org/"
  xmlns:ser="http://schemas.datacontract.org/2004/07/Services.ObjComprobante.v1_0" xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
  <soapenv:Body>
    <tem:Enviar>
      <tem:tokenEmpresa>abc</tem:tokenEmpresa>
      <tem:documento>
        <ser:codigoSucursalEmisor>0000</ser:codigoSucursalEmisor>
        <ser:informacionInteres><![CDATA[Prueba <br/> & más]]></ser:informacionInteres>
        <ser:paisOtro/>
        <ser:fechaLimite i:nil="true"/>
        <ser:listaItems><ser:item><ser:codigo>A</ser:codigo></ser:item><item><codigo>B</codigo></item></ser:listaItems>
      </tem:documento>
    </tem:Enviar>
  </soapenv:Body>
</soapenv:Envelope>`;

describe('parseXml / XNode', () => {
  const root = parseXml(ENVELOPE);
  const documento = find(root, 'documento');

  it('reads local names whatever the prefix, in document order', () => {
    expect(root.name).toBe('Envelope');
    expect(documento?.children.map((c) => c.name)).toEqual([
      'codigoSucursalEmisor', 'informacionInteres', 'paisOtro', 'fechaLimite', 'listaItems',
    ]);
    expect(children(child(documento, 'listaItems'), 'item').map((i) => textOf(i, 'codigo'))).toEqual(['A', 'B']);
  });

  it('keeps CDATA and entities as text', () => {
    expect(textOf(documento, 'informacionInteres')).toBe('Prueba <br/> & más');
  });

  it('treats empty and i:nil elements as absent', () => {
    expect(textOf(documento, 'paisOtro')).toBeUndefined();
    expect(textOf(documento, 'fechaLimite')).toBeUndefined();
    expect(child(documento, 'fechaLimite')?.attrs['nil']).toBe('true');
    expect(textOf(documento, 'noSuchElement')).toBeUndefined();
  });

  it('refuses malformed XML with a typed error', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(XmlParseError);
    expect(() => parseXml('not xml at all')).toThrow(XmlParseError);
    expect(() => parseXml('')).toThrow(XmlParseError);
  });
});

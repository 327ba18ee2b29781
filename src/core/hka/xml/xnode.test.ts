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
      'codigoSucursalEmisor',
      'informacionInteres',
      'paisOtro',
      'fechaLimite',
      'listaItems',
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

describe('parseXml is strict XML 1.0, as a WCF service reads a request', () => {
  const wrap = (text: string) => `<a xmlns:p="urn:p"><p:b>${text}</p:b></a>`;

  it.each([
    ['NUL', 'x\u0000y'],
    ['ESC', 'x\u001by'],
    ['vertical tab', 'x\u000by'],
    ['U+FFFE', 'x\ufffey'],
    ['U+FFFF', 'x\uffffy'],
    ['a lone high surrogate', 'x\ud800y'],
    ['a lone low surrogate', 'x\udc00y'],
    ['a character reference to ESC', 'x&#x1B;y'],
    ['a character reference to NUL', 'x&#0;y'],
    ['an undefined entity', 'x&cV;y'],
  ])('refuses %s in text', (_what, text) => {
    expect(() => parseXml(wrap(text))).toThrow(XmlParseError);
  });

  it('refuses XML 1.1 control characters even when the document declares version 1.1', () => {
    expect(() => parseXml(`<?xml version="1.1"?>${wrap('x&#x1;y')}`)).toThrow(XmlParseError);
  });

  it('refuses an undeclared prefix and a DTD', () => {
    expect(() => parseXml('<a><q:b>1</q:b></a>')).toThrow(XmlParseError);
    expect(() => parseXml('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')).toThrow(/DTD is prohibited/);
  });

  it('keeps tab, LF, CR, astral characters and the five predefined entities', () => {
    const b = child(parseXml(wrap('&amp;cV; &lt;&gt;&quot;&apos; \u{1F600}\tñ')), 'b');
    expect(b?.text).toBe('&cV; <>"\' \u{1F600}\tñ');
  });

  it('records the namespace URI of every element', () => {
    const root = parseXml('<a xmlns="urn:a" xmlns:p="urn:p"><p:b/><c/></a>');
    expect([root.ns, ...root.children.map((c) => c.ns)]).toEqual(['urn:a', 'urn:p', 'urn:a']);
  });
});

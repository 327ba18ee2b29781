import { describe, expect, it } from 'vitest';
import { elementXml, escapeXml } from './hka-element-xml';
import { find, parseXml, textOf } from './xnode';

describe('elementXml', () => {
  it('writes children in key order, lists as repeated elements, with a namespace prefix', () => {
    const xml = elementXml(
      'tem:documento',
      {
        codigoSucursalEmisor: '0000',
        listaItems: { item: [{ descripcion: 'A & B <x>' }, { descripcion: 'C' }] },
      },
      { prefix: 'ser', namespace: 'urn:x' },
    );
    expect(xml).toBe(
      '<tem:documento xmlns:ser="urn:x"><ser:codigoSucursalEmisor>0000</ser:codigoSucursalEmisor>' +
        '<ser:listaItems><ser:item><ser:descripcion>A &amp; B &lt;x&gt;</ser:descripcion></ser:item>' +
        '<ser:item><ser:descripcion>C</ser:descripcion></ser:item></ser:listaItems></tem:documento>',
    );
  });

  it('round-trips through parseXml', () => {
    const xml = `<root xmlns:tem="urn:t">${elementXml('tem:documento', { a: 'quote " and \'', b: { c: 'ñ' } }, { prefix: 'p', namespace: 'urn:p' })}</root>`;
    const documento = find(parseXml(xml), 'documento');
    expect(textOf(documento, 'a')).toBe('quote " and \'');
    expect(escapeXml('<&>')).toBe('&lt;&amp;&gt;');
  });
});

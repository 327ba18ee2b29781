import { describe, expect, it } from 'vitest';
import { NS, RESULT_FIELDS } from '../contract';
import { child, find, parseXml } from '../xml/xnode';
import { SoapFault, faultEnvelope, readBodyWrapper, resultEnvelope } from './soap-envelope';

describe('resultEnvelope', () => {
  it('writes HKA’s wrapper and namespaces, fields in RESULT_FIELDS order, i:nil for null and missing fields', () => {
    const xml = resultEnvelope('Enviar', { mensaje: 'A & B', codigo: '103', resultado: 'error', cufe: null });
    expect(xml).toBe(
      `<s:Envelope xmlns:s="${NS.soapenv}"><s:Body><EnviarResponse xmlns="http://tempuri.org/">` +
        `<EnviarResult xmlns:a="${NS.response}" xmlns:i="${NS.xsi}">` +
        '<a:codigo>103</a:codigo><a:resultado>error</a:resultado><a:mensaje>A &amp; B</a:mensaje>' +
        '<a:cufe i:nil="true"/><a:qr i:nil="true"/><a:fechaRecepcionDGI i:nil="true"/>' +
        '<a:nroProtocoloAutorizacion i:nil="true"/><a:fechaLimite i:nil="true"/>' +
        '</EnviarResult></EnviarResponse></s:Body></s:Envelope>',
    );
  });

  it('writes every operation’s fields in its own order', () => {
    for (const op of ['EstadoDocumento', 'FoliosRestantes', 'ConsultarRucDV'] as const) {
      const result = find(parseXml(resultEnvelope(op, {})), `${op}Result`);
      expect(result?.children.map((c) => c.name)).toEqual(RESULT_FIELDS[op]);
    }
  });

  it('writes infoRuc children in INFO_RUC_FIELDS order with the a: prefix', () => {
    const xml = resultEnvelope('ConsultarRucDV', {
      codigo: '200',
      infoRuc: { dv: '59', ruc: '155596713-2-2015', tipoRuc: '2', razonSocial: 'X', afiliadoFE: null },
    });
    expect(xml).toContain(
      '<a:infoRuc><a:tipoRuc>2</a:tipoRuc><a:ruc>155596713-2-2015</a:ruc><a:dv>59</a:dv>' +
        '<a:razonSocial>X</a:razonSocial><a:afiliadoFE i:nil="true"/></a:infoRuc>',
    );
  });

  it('writes listaRastreo items as b:listTracking in the tracking namespace, and an empty list as an empty element', () => {
    const item = { messageId: 'm1', correo: 'a@b.com', estado: 'Entregado', creado_en: '2026-01-01 10:00:00' };
    expect(resultEnvelope('RastreoCorreo', { listaRastreo: [item] })).toContain(
      `<a:listaRastreo xmlns:b="${NS.tracking}"><b:listTracking><b:correo>a@b.com</b:correo>` +
        '<b:creado_en>2026-01-01 10:00:00</b:creado_en><b:estado>Entregado</b:estado><b:messageId>m1</b:messageId>' +
        '</b:listTracking></a:listaRastreo>',
    );
    expect(resultEnvelope('RastreoCorreo', { listaRastreo: [] })).toContain(
      `<a:listaRastreo xmlns:b="${NS.tracking}"/>`,
    );
  });
});

describe('faultEnvelope', () => {
  it('writes a WCF-style fault code with its namespace', () => {
    const root = parseXml(faultEnvelope(new SoapFault('ActionNotSupported', 'no <such> action')));
    const fault = find(root, 'Fault');
    expect(child(fault, 'faultcode')?.text).toBe('a:ActionNotSupported');
    expect(child(fault, 'faultstring')?.text).toBe('no <such> action');
    expect(faultEnvelope(new SoapFault('ActionNotSupported', 'x'))).toContain(
      'xmlns:a="http://schemas.microsoft.com/ws/2005/05/addressing/none"',
    );
  });
});

describe('readBodyWrapper', () => {
  it('returns the first element of the Body, skipping Header and comments', () => {
    const wrapper = readBodyWrapper(
      `<soapenv:Envelope xmlns:soapenv="${NS.soapenv}"><soapenv:Header/><soapenv:Body><!-- c --><tem:Enviar xmlns:tem="${NS.tem}"/></soapenv:Body></soapenv:Envelope>`,
    );
    expect(wrapper.name).toBe('Enviar');
  });

  it.each([
    ['<a><b></a>', 'not well-formed'],
    ['<tem:Enviar xmlns:tem="http://tempuri.org/"/>', 'Expected a SOAP Envelope'],
    [`<s:Envelope xmlns:s="${NS.soapenv}"><s:Body/></s:Envelope>`, 'Body is missing or empty'],
  ])('refuses %s with a Client fault', (xml, message) => {
    const error = (() => {
      try {
        readBodyWrapper(xml);
        return undefined;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SoapFault);
    expect((error as SoapFault).code).toBe('Client');
    expect((error as SoapFault).message).toContain(message);
  });
});

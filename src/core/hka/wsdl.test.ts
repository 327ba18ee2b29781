// resources/hka/Service.wsdl against the contract (contract.ts) and against what our mapper emits: the soap
// package must load it with the nine operations, and the DocumentoElectronico sequence, read from the WSDL XML,
// must contain the mapper's element order for every HKA sample (WCF drops out-of-order elements, §1.8).
import { readFileSync } from 'node:fs';
import { createClientAsync } from 'soap';
import { describe, expect, it } from 'vitest';
import { aCreditNote, aSale } from '../../../tests/fixtures/fiscal-documents';
import { fiscalDocumentSchema } from '../../shared/fiscal/document';
import { computeTotals } from '../../shared/fiscal/totals';
import { validateDocument } from '../../shared/fiscal/validate';
import { WSDL_PATH } from './client/fixtures/wsdl-schemas';
import {
  CONSULTAR_RUC_DV_FIELDS,
  DATOS_DOCUMENTO_FIELDS,
  HKA_OPERATIONS,
  INFO_RUC_FIELDS,
  NS,
  REQUEST_PARAMS,
  RESULT_FIELDS,
  TRACKING_FIELDS,
  soapAction,
} from './contract';
import { flattenElement, type HkaElement } from './documento-types';
import { SAMPLE_CASES } from './hka-samples.fixture';
import { toHkaDocumento } from './map-documento';
import { child, children, parseXml, type XNode } from './xml/xnode';

interface Field {
  name: string;
  type: string;
  maxOccurs: string | undefined;
  minOccurs: string | undefined;
  nillable: string | undefined;
}
interface ComplexType {
  ns: string;
  fields: Field[];
}

const local = (qname: string | undefined) => (qname ?? '').slice((qname ?? '').indexOf(':') + 1);
const wsdl = parseXml(readFileSync(WSDL_PATH, 'utf8'));
const schemas = children(child(wsdl, 'types'), 'schema');

const fieldsOf = (complexType: XNode | undefined): Field[] =>
  children(child(complexType, 'sequence'), 'element').map((e) => ({
    name: e.attrs['name'] ?? '',
    type: local(e.attrs['type']),
    maxOccurs: e.attrs['maxOccurs'],
    minOccurs: e.attrs['minOccurs'],
    nillable: e.attrs['nillable'],
  }));

/** Named complex types of every schema (names are unique across our schemas), with their namespace. */
const TYPES = new Map<string, ComplexType>(
  schemas.flatMap((s) =>
    children(s, 'complexType').map(
      (t) => [t.attrs['name'] ?? '', { ns: s.attrs['targetNamespace'] ?? '', fields: fieldsOf(t) }] as const,
    ),
  ),
);
/** Global elements of the tempuri schema (operation wrappers), by name. */
const ELEMENTS = new Map(
  children(
    schemas.find((s) => s.attrs['targetNamespace'] === NS.tem),
    'element',
  ).map((e) => [e.attrs['name'] ?? '', fieldsOf(child(e, 'complexType'))]),
);

function typeOf(name: string): ComplexType {
  const type = TYPES.get(name);
  if (!type) throw new Error(`WSDL has no complexType ${name}`);
  return type;
}
const names = (fields: Field[]) => fields.map((f) => f.name);
const fieldType = (typeName: string, field: string) =>
  typeOf(typeName).fields.find((f) => f.name === field)?.type ?? '';

/** Problems if `element`'s children are not an ordered subsequence of `typeName`'s sequence (recursively). */
function orderProblems(element: HkaElement, typeName: string, path: string): string[] {
  const fields = typeOf(typeName).fields;
  let cursor = 0;
  return Object.entries(element).flatMap(([name, value]) => {
    const index = fields.findIndex((f) => f.name === name);
    const here = `${path}/${name}`;
    if (index < 0) return [`${here}: not in ${typeName}`];
    if (index < cursor) return [`${here}: out of order in ${typeName}`];
    cursor = index + 1;
    const field = fields[index] as Field;
    if (typeof value === 'string')
      return field.type === 'string' ? [] : [`${here}: text, but ${field.type} in the WSDL`];
    if (Array.isArray(value)) {
      if (field.maxOccurs !== 'unbounded') return [`${here}: repeated, but not maxOccurs=unbounded`];
      return value.flatMap((item, i) => orderProblems(item, field.type, `${here}[${i}]`));
    }
    return orderProblems(value, field.type, here);
  });
}

function mapped(input: unknown): HkaElement {
  const result = validateDocument(input);
  if (result.ok) return toHkaDocumento(result.document, result.totals);
  // Two HKA samples break a rule on purpose (hka-samples.fixture.ts `breaks`); they still map.
  const document = fiscalDocumentSchema.parse(input);
  return toHkaDocumento(document, computeTotals(document));
}

describe('Service.wsdl as the soap package sees it', () => {
  it('loads locally with Service / BasicHttpBinding_IService and exactly the nine operations', async () => {
    const client = await createClientAsync(WSDL_PATH);
    const description = client.describe() as Record<string, Record<string, Record<string, unknown>>>;
    expect(Object.keys(description)).toEqual(['Service']);
    expect(Object.keys(description['Service'] ?? {})).toEqual(['BasicHttpBinding_IService']);
    expect(Object.keys(description['Service']?.['BasicHttpBinding_IService'] ?? {}).sort()).toEqual(
      [...HKA_OPERATIONS].sort(),
    );
  });
});

describe('Service.wsdl against contract.ts', () => {
  it('binds every operation as SOAP 1.1 document/literal with its soapAction', () => {
    expect(wsdl.attrs['targetNamespace']).toBe(NS.tem);
    const binding = child(wsdl, 'binding');
    expect([binding?.attrs['name'], local(binding?.attrs['type'])]).toEqual(['BasicHttpBinding_IService', 'IService']);
    expect(child(binding, 'binding')?.attrs['transport']).toBe('http://schemas.xmlsoap.org/soap/http');
    const operations = children(binding, 'operation');
    expect(operations.map((o) => o.attrs['name'])).toEqual([...HKA_OPERATIONS]);
    for (const op of operations) {
      expect(child(op, 'operation')?.attrs).toEqual({
        soapAction: soapAction(op.attrs['name'] as (typeof HKA_OPERATIONS)[number]),
        style: 'document',
      });
      expect([
        child(child(op, 'input'), 'body')?.attrs['use'],
        child(child(op, 'output'), 'body')?.attrs['use'],
      ]).toEqual(['literal', 'literal']);
    }
    expect(children(child(wsdl, 'portType'), 'operation').map((o) => o.attrs['name'])).toEqual([...HKA_OPERATIONS]);
    const port = child(child(wsdl, 'service'), 'port');
    expect([child(wsdl, 'service')?.attrs['name'], port?.attrs['name']]).toEqual([
      'Service',
      'BasicHttpBinding_IService',
    ]);
    expect(child(port, 'address')?.attrs['location']).toBe('http://127.0.0.1/ws/obj/v1.0/Service.svc');
  });

  it('qualifies elements in every schema, and every field is optional and nillable (WCF style)', () => {
    expect(schemas.map((s) => s.attrs['elementFormDefault'])).toEqual(schemas.map(() => 'qualified'));
    const all = [...TYPES.values()].flatMap((t) => t.fields).concat([...ELEMENTS.values()].flat());
    expect(all.filter((f) => f.minOccurs !== '0' || f.nillable !== 'true').map((f) => f.name)).toEqual([]);
  });

  it.each(HKA_OPERATIONS)('%s: request parameters and result fields in contract order', (op) => {
    expect(names(ELEMENTS.get(op) ?? [])).toEqual([...REQUEST_PARAMS[op]]);
    const response = ELEMENTS.get(`${op}Response`) ?? [];
    expect(names(response)).toEqual([`${op}Result`]);
    const resultType = typeOf(response[0]?.type ?? '');
    expect(resultType.ns).toBe(NS.response);
    expect(names(resultType.fields)).toEqual([...RESULT_FIELDS[op]]);
  });

  it('nested types: namespaces and field order', () => {
    const paramType = (op: string, param: string) => ELEMENTS.get(op)?.find((f) => f.name === param)?.type ?? '';
    expect(typeOf(paramType('Enviar', 'documento')).ns).toBe(NS.comprobante);
    expect(paramType('Enviar', 'documento')).toBe('DocumentoElectronico');
    for (const op of ['EstadoDocumento', 'AnulacionDocumento', 'DescargaXML', 'DescargaPDF', 'EnvioCorreo']) {
      expect(typeOf(paramType(op, 'datosDocumento'))).toEqual({ ns: NS.model, fields: expect.any(Array) as unknown });
      expect(names(typeOf(paramType(op, 'datosDocumento')).fields)).toEqual([...DATOS_DOCUMENTO_FIELDS]);
    }
    const rucRequest = typeOf(paramType('ConsultarRucDV', 'consultarRucDVRequest'));
    expect([rucRequest.ns, names(rucRequest.fields)]).toEqual([NS.apiRest, [...CONSULTAR_RUC_DV_FIELDS]]);
    const infoRuc = typeOf(fieldType('RespuestaConsultarRucDV', 'infoRuc'));
    expect([infoRuc.ns, names(infoRuc.fields)]).toEqual([NS.response, [...INFO_RUC_FIELDS]]);
    const lista = typeOf(fieldType('RespuestaRastreoCorreo', 'listaRastreo'));
    expect(lista.fields.map((f) => [f.name, f.maxOccurs])).toEqual([['listTracking', 'unbounded']]);
    const tracking = typeOf(lista.fields[0]?.type ?? '');
    expect([lista.ns, tracking.ns, names(tracking.fields)]).toEqual([NS.tracking, NS.tracking, [...TRACKING_FIELDS]]);
  });

  it('lists are a wrapper plus a repeated item, the objects are single', () => {
    const lists: [string, string, string][] = [
      ['DocumentoElectronico', 'listaItems', 'item'],
      ['TotalesSubTotales', 'listaFormaPago', 'formaPago'],
      ['Item', 'listaItemOTI', 'oti'],
      ['TotalesSubTotales', 'listaDescBonificacion', 'descuentoBonificacion'],
      ['TotalesSubTotales', 'listaPagoPlazo', 'pagoPlazo'],
      ['TotalesSubTotales', 'listaTotalOTI', 'totalOti'],
      ['DatosTransaccion', 'listaDocsFiscalReferenciados', 'docFiscalReferenciado'],
      ['DatosTransaccion', 'listaAutorizadosDescargaFEyEventos', 'autorizadoDescargaFEyEventos'],
    ];
    for (const [owner, wrapper, item] of lists) {
      const wrapperType = typeOf(fieldType(owner, wrapper));
      expect(wrapperType.fields.map((f) => [f.name, f.maxOccurs])).toEqual([[item, 'unbounded']]);
    }
    const objects: [string, string][] = [
      ['Item', 'vehiculo'],
      ['Item', 'medicina'],
      ['Item', 'pedidoComercialItem'],
      ['TotalesSubTotales', 'retencion'],
      ['DatosTransaccion', 'datosFacturaExportacion'],
      ['DatosTransaccion', 'cliente'],
      ['DocumentoElectronico', 'pedidoComercialGlobal'],
      ['DocumentoElectronico', 'infoLogistica'],
      ['DocumentoElectronico', 'infoEntrega'],
      ['DocumentoElectronico', 'usoPosterior'],
    ];
    for (const [owner, name] of objects) {
      const field = typeOf(owner).fields.find((f) => f.name === name);
      expect([name, field?.maxOccurs, typeOf(field?.type ?? '').ns]).toEqual([name, undefined, NS.comprobante]);
    }
  });
});

describe('DocumentoElectronico in the WSDL contains the mapper order', () => {
  const cases: [string, unknown][] = [
    ...SAMPLE_CASES.map((c): [string, unknown] => [c.file, c.document]),
    ['aSale()', aSale()],
    ['aCreditNote()', aCreditNote()],
  ];

  it.each(cases)('%s', (_, input) => {
    const documento = mapped(input);
    expect(flattenElement(documento).length).toBeGreaterThan(20);
    expect(orderProblems(documento, 'DocumentoElectronico', '')).toEqual([]);
  });

  it('the check can fail: a swapped pair and an unknown element are reported', () => {
    const { codigoSucursalEmisor, tipoSucursal, ...rest } = mapped(aSale());
    expect(
      orderProblems(
        { tipoSucursal: tipoSucursal ?? '1', codigoSucursalEmisor: codigoSucursalEmisor ?? '0000', ...rest },
        'DocumentoElectronico',
        '',
      ),
    ).toEqual(['/codigoSucursalEmisor: out of order in DocumentoElectronico']);
    expect(orderProblems({ ...mapped(aSale()), nroFacturaIF: 'x' }, 'DocumentoElectronico', '')).toEqual([
      '/nroFacturaIF: not in DocumentoElectronico',
    ]);
  });
});

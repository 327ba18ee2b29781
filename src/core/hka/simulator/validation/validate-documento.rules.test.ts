// Conditional rules of §2.2, §2.3, §2.5 and §2.12: contingency, notes, dates, receptor types, countries, references,
// government CPBS, payment rules. Each case states the exact, complete list of messages.
import { describe, expect, it } from 'vitest';
import type { XNode } from '../../xml/xnode';
import { validateDocumento } from './validate-documento';
import { BASE, CTX, append, el, group, insertAfter, remove, setText, setTexts } from './validation-kit.fixture';

const validate = (doc: XNode) => validateDocumento(doc, CTX);
const DT = 'datosTransaccion';
/** A real demo CUFE whose check digit verifies (REFERENCE.md §5.5). */
const CUFE = 'FE0120000155732387-2-2023-1400002024052400000000015050128219609273';

describe('simulator validation: datosTransaccion rules', () => {
  const contingency = (fields: Record<string, string>) =>
    Object.entries(fields)
      .reverse()
      .reduce(
        (doc, [name, value]) => insertAfter(doc, `${DT}/tipoEmision`, el(name, value)),
        setText(BASE, `${DT}/tipoEmision`, '02'),
      );

  it.each<[string, XNode, string[]]>([
    [
      'contingency without its data',
      setText(BASE, `${DT}/tipoEmision`, '04'),
      ['El campo fechaInicioContingencia es requerido', 'El campo motivoContingencia es requerido'],
    ],
    [
      'a contingency reason under 15 characters',
      contingency({ fechaInicioContingencia: '2026-11-28T08:00:00-05:00', motivoContingencia: 'Sin red' }),
      ['El campo motivoContingencia es inválido'],
    ],
    [
      'a contingency that starts after the issue date',
      contingency({
        fechaInicioContingencia: '2026-11-28T11:00:00-05:00',
        motivoContingencia: 'Caída del servicio de internet',
      }),
      ['El campo fechaInicioContingencia es inválido (posterior a fechaEmision)'],
    ],
    [
      'valid contingency data',
      contingency({
        fechaInicioContingencia: '2026-11-28T08:00:00-05:00',
        motivoContingencia: 'Caída del servicio de internet',
      }),
      [],
    ],
    [
      'tipoVenta on a generic credit note',
      setTexts(BASE, { [`${DT}/tipoDocumento`]: '06', [`${DT}/naturalezaOperacion`]: '11' }),
      ['El campo tipoVenta no debe ser informado'],
    ],
    [
      'a generic credit note without tipoVenta',
      remove(setText(BASE, `${DT}/tipoDocumento`, '06'), `${DT}/tipoVenta`),
      [],
    ],
    [
      'an issue date 10 minutes after HKA receives it',
      setText(BASE, `${DT}/fechaEmision`, '2026-11-28T12:10:00-05:00'),
      ['El campo fechaEmision es inválido (posterior a la fecha de recepción)'],
    ],
    [
      'an issue date 4 minutes ahead (clock skew)',
      setText(BASE, `${DT}/fechaEmision`, '2026-11-28T12:04:00-05:00'),
      [],
    ],
  ])('%s', (_case, doc, expected) => {
    expect(validate(doc)).toEqual(expected);
  });
});

describe('simulator validation: referenced documents (§2.5, §2.12 rule 2)', () => {
  const note = (tipo: string, ...refs: Record<string, string>[]) => {
    const doc = remove(
      setTexts(BASE, { [`${DT}/tipoDocumento`]: tipo, [`${DT}/naturalezaOperacion`]: '11' }),
      `${DT}/tipoVenta`,
    );
    return refs.length === 0
      ? doc
      : append(
          doc,
          DT,
          el(
            'listaDocsFiscalReferenciados',
            refs.map((r) => group('docFiscalReferenciado', r)),
          ),
        );
  };
  const fecha = { fechaEmisionDocFiscalReferenciado: '2026-11-20T09:00:00-05:00' };
  const REF = 'En la ocurrencia 1 de DocFiscalReferenciado, ';

  it.each<[string, XNode, string[]]>([
    ['a credit note referencing an FE by CUFE', note('04', { ...fecha, cufeFEReferenciada: CUFE }), []],
    ['a credit note without references', note('04'), ['El campo listaDocsFiscalReferenciados es requerido']],
    [
      'a debit note with an empty reference list',
      append(note('05'), DT, el('listaDocsFiscalReferenciados', [])),
      ['El campo listaDocsFiscalReferenciados es requerido'],
    ],
    [
      'a CUFE whose check digit is wrong',
      note('04', { ...fecha, cufeFEReferenciada: CUFE.slice(0, 65) + '4' }),
      [`${REF}El campo cufeFEReferenciada es inválido (el dígito verificador del CUFE no es válido)`],
    ],
    [
      'a CUFE of 65 characters',
      note('04', { ...fecha, cufeFEReferenciada: CUFE.slice(0, 65) }),
      [`${REF}El campo cufeFEReferenciada es inválido`],
    ],
    [
      'a credit note referencing a paper invoice',
      note('04', { ...fecha, nroFacturaPapel: 'A-000123' }),
      [`${REF}El campo cufeFEReferenciada es requerido`, `${REF}El campo nroFacturaPapel no debe ser informado`],
    ],
    [
      'a reference with CUFE and paper number',
      note('04', { ...fecha, cufeFEReferenciada: CUFE, nroFacturaPapel: 'A-000123' }),
      [`${REF}El campo nroFacturaPapel no debe ser informado`],
    ],
    ['a reference with neither', note('06', fecha), [`${REF}El campo cufeFEReferenciada es requerido`]],
    [
      'a generic note referencing a fiscal-printer invoice',
      note('06', { ...fecha, nroFacturaImpFiscal: 'TFBA0001-0042' }),
      [],
    ],
    [
      'a reference issued after the note',
      note('04', { fechaEmisionDocFiscalReferenciado: '2026-11-29T09:00:00-05:00', cufeFEReferenciada: CUFE }),
      [`${REF}El campo fechaEmisionDocFiscalReferenciado es inválido (posterior a fechaEmision)`],
    ],
    [
      'a credit note 181 days after the invoice',
      note('04', { fechaEmisionDocFiscalReferenciado: '2026-05-30T09:00:00-05:00', cufeFEReferenciada: CUFE }),
      [
        `${REF}El campo fechaEmisionDocFiscalReferenciado es inválido (la nota de crédito se emite más de 180 días después)`,
      ],
    ],
    [
      'a reference without its date',
      note('04', { cufeFEReferenciada: CUFE }),
      [`${REF}El campo fechaEmisionDocFiscalReferenciado es requerido`],
    ],
  ])('%s', (_case, doc, expected) => {
    expect(validate(doc)).toEqual(expected);
  });
});

describe('simulator validation: payment rules (§2.12 rules 6–7)', () => {
  const pago = 'totalesSubTotales/listaFormaPago/formaPago';
  const plazo = el('listaPagoPlazo', [
    group('pagoPlazo', { fechaVenceCuota: '2026-12-28T10:15:00-05:00', valorCuota: '26.90' }),
  ]);

  it.each<[string, XNode, string[]]>([
    [
      'tiempoPago 2 without instalments',
      setText(BASE, 'totalesSubTotales/tiempoPago', '2'),
      ['El campo listaPagoPlazo es requerido'],
    ],
    [
      'tiempoPago 3 without instalments',
      setText(BASE, 'totalesSubTotales/tiempoPago', '3'),
      ['El campo listaPagoPlazo es requerido'],
    ],
    [
      'tiempoPago 2 with instalments',
      append(setText(BASE, 'totalesSubTotales/tiempoPago', '2'), 'totalesSubTotales', plazo),
      [],
    ],
    [
      'payment form 99 without description',
      setText(BASE, `${pago}/formaPagoFact`, '99'),
      ['En la ocurrencia 1 de FormaPago, El campo descFormaPago es requerido'],
    ],
    [
      'payment form 99 with a 9-character description',
      insertAfter(
        setText(BASE, `${pago}/formaPagoFact`, '99'),
        `${pago}/formaPagoFact`,
        el('descFormaPago', 'Bitcoins!'),
      ),
      ['En la ocurrencia 1 de FormaPago, El campo descFormaPago es inválido'],
    ],
    [
      'payment form 99 described',
      insertAfter(
        setText(BASE, `${pago}/formaPagoFact`, '99'),
        `${pago}/formaPagoFact`,
        el('descFormaPago', 'Puntos de lealtad'),
      ),
      [],
    ],
    [
      'instalments that do not add up to the total on term',
      append(
        setText(BASE, 'totalesSubTotales/tiempoPago', '2'),
        'totalesSubTotales',
        el('listaPagoPlazo', [
          group('pagoPlazo', { fechaVenceCuota: '2026-12-28T10:15:00-05:00', valorCuota: '20.00' }),
        ]),
      ),
      ['El campo listaPagoPlazo es inválido (las cuotas suman 20.00, el monto a crédito es 26.90)'],
    ],
    [
      'an instalment due before the document date',
      append(
        setText(BASE, 'totalesSubTotales/tiempoPago', '2'),
        'totalesSubTotales',
        el('listaPagoPlazo', [
          group('pagoPlazo', { fechaVenceCuota: '2026-11-27T10:15:00-05:00', valorCuota: '6.90' }),
          group('pagoPlazo', { fechaVenceCuota: '2026-11-28T00:00:00-05:00', valorCuota: '20.00' }),
        ]),
      ),
      ['En la ocurrencia 1 de PagoPlazo, El campo fechaVenceCuota es inválido (anterior a fechaEmision)'],
    ],
    [
      'a mixed sale whose instalments cover its credit payment only',
      append(
        setText(setText(BASE, 'totalesSubTotales/tiempoPago', '3'), `${pago}/formaPagoFact`, '01'),
        'totalesSubTotales',
        el('listaPagoPlazo', [
          group('pagoPlazo', { fechaVenceCuota: '2026-12-28T10:15:00-05:00', valorCuota: '30.00' }),
        ]),
      ),
      [],
    ],
  ])('%s', (_case, doc, expected) => {
    expect(validate(doc)).toEqual(expected);
  });
});

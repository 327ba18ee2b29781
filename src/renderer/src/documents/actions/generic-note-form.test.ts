import { describe, expect, it } from 'vitest';
import { buildGenericNote, emptyLine, genericTotal, type GenericLine } from './generic-note-form';

const cliente = { tipoClienteFE: '02' as const, pais: 'PA' };
const motivo = 'Devolución de mercancía dañada';
const line = (over: Partial<GenericLine>): GenericLine => ({ ...emptyLine(1), ...over });

describe('generic credit note form', () => {
  it('builds the request with exact amounts and one refund of the total', () => {
    const lines = [
      line({ descripcion: 'Ajuste de precio', cantidad: '3', precio: '1.85', tasaItbms: '01' }),
      line({ key: 2, descripcion: 'Huevos', cantidad: '1', precio: '2.40', tasaItbms: '00' }),
    ];
    const note = buildGenericNote({ cliente, lines, motivo: `  ${motivo} `, formaPago: '02' });
    // 5.55 + 0.3885 + 2.40 = 8.3385 → 8.34
    expect(note).toEqual({
      ok: true,
      total: '8.34',
      request: {
        motivo,
        draft: {
          cliente,
          items: [
            { descripcion: 'Ajuste de precio', cantidad: '3.00', precioUnitario: '1.85', tasaItbms: '01' },
            { descripcion: 'Huevos', cantidad: '1.00', precioUnitario: '2.40', tasaItbms: '00' },
          ],
          pagos: [{ formaPagoFact: '02', valorCuotaPagada: '8.34' }],
          tiempoPago: '1',
        },
      },
    });
  });

  it('ignores blank lines but refuses incomplete ones, saying which', () => {
    expect(buildGenericNote({ cliente, lines: [emptyLine(1)], motivo, formaPago: '02' })).toEqual({
      ok: false,
      problem: 'noLines',
    });
    const ok = line({ descripcion: 'Ajuste', precio: '1' });
    expect(
      buildGenericNote({
        cliente,
        lines: [ok, line({ key: 2, descripcion: 'X', precio: '1' })],
        motivo,
        formaPago: '02',
      }),
    ).toEqual({ ok: false, problem: 'descripcion', line: 2 });
    expect(
      buildGenericNote({
        cliente,
        lines: [line({ descripcion: 'Ajuste', cantidad: '0', precio: '1' })],
        motivo,
        formaPago: '02',
      }),
    ).toEqual({ ok: false, problem: 'cantidad', line: 1 });
    expect(
      buildGenericNote({ cliente, lines: [line({ descripcion: 'Ajuste', precio: '0' })], motivo, formaPago: '02' }),
    ).toEqual({ ok: false, problem: 'precio', line: 1 });
    expect(
      buildGenericNote({ cliente, lines: [line({ descripcion: 'Ajuste', precio: 'abc' })], motivo, formaPago: '02' }),
    ).toEqual({ ok: false, problem: 'precio', line: 1 });
  });

  it('needs a reason of 15 to 250 characters', () => {
    const lines = [line({ descripcion: 'Ajuste', precio: '1' })];
    expect(buildGenericNote({ cliente, lines, motivo: 'corto', formaPago: '02' })).toEqual({
      ok: false,
      problem: 'motivoShort',
    });
    expect(buildGenericNote({ cliente, lines, motivo: 'x'.repeat(251), formaPago: '02' })).toEqual({
      ok: false,
      problem: 'motivoLong',
    });
  });

  it('to the State: every line needs its 4-digit CPBS code and unit, which the note carries with the derived abbreviation', () => {
    const estado = {
      tipoClienteFE: '03' as const,
      tipoContribuyente: '2' as const,
      numeroRUC: '155596713-2-2015',
      digitoVerificadorRUC: '59',
      razonSocial: 'Ministerio de Prueba',
      direccion: 'Avenida Perú',
      pais: 'PA',
    };
    const lines = [
      line({ descripcion: 'Resmas de papel', precio: '4.50', codigoCPBS: '1410', unidadMedidaCPBS: 'Resma' }),
    ];
    const note = buildGenericNote({ cliente: estado, lines, motivo, formaPago: '02' });
    expect(note.ok && note.request.draft.items[0]).toMatchObject({
      codigoCPBS: '1410',
      codigoCPBSAbrev: '14',
      unidadMedidaCPBS: 'Resma',
    });
    expect(
      buildGenericNote({
        cliente: estado,
        lines: [line({ descripcion: 'Resmas', precio: '4.50', codigoCPBS: '1410', unidadMedidaCPBS: ' ' })],
        motivo,
        formaPago: '02',
      }),
    ).toEqual({ ok: false, problem: 'cpbsUnit', line: 1 });
    expect(
      buildGenericNote({
        cliente: estado,
        lines: [line({ descripcion: 'Resmas', precio: '4.50', codigoCPBS: '14-1' })],
        motivo,
        formaPago: '02',
      }),
    ).toEqual({ ok: false, problem: 'cpbs', line: 1 });
    // Anyone else: the field is not asked for and nothing of it is sent.
    const consumer = buildGenericNote({ cliente, lines, motivo, formaPago: '02' });
    expect(consumer.ok && consumer.request.draft.items[0]).not.toHaveProperty('codigoCPBS');
  });

  it('shows the total of the complete lines only', () => {
    expect(
      genericTotal([
        line({ descripcion: 'Ajuste', precio: '1.10', tasaItbms: '03' }),
        line({ key: 2, descripcion: 'Otro' }),
      ]),
    ).toBe('1.27');
  });
});

// The CSV reader: the separator Excel used, quoted fields, each record's first line, errors in Spanish.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './parse-csv';

describe('parseCsv', () => {
  it("reads quoted fields with commas, quotes and line breaks, keeping each record's first line, and skips blank lines", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\r\n\r\nlast,\n')).toEqual({
      ok: true,
      delimiter: ',',
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x, y', 'say "hi"\nthere'] },
        { line: 5, fields: ['last', ''] },
      ],
    });
  });

  it('takes the separator from the header: semicolon (Spanish Excel, decimal comma kept in the field), tab, comma', () => {
    expect(parseCsv('codigo;descripcion;precio\r\nA1;"Arroz; 5 lb";4,25\r\n')).toEqual({
      ok: true,
      delimiter: ';',
      records: [
        { line: 1, fields: ['codigo', 'descripcion', 'precio'] },
        { line: 2, fields: ['A1', 'Arroz; 5 lb', '4,25'] },
      ],
    });
    expect(detectDelimiter('\n\ncodigo\tdescripcion\tprecio\nA1\tArroz, blanco\t4.25\n')).toBe('\t');
    // A header with one comma and a description full of semicolons below: the header decides.
    expect(detectDelimiter('codigo,descripcion\nA1,"a;b;c;d"\n')).toBe(',');
    expect(detectDelimiter('codigo\nA1\n')).toBe(',');
  });

  it('names the line of an unclosed quote and of text after a closing quote', () => {
    expect(parseCsv('a,b\nx,1\n"y,2\nz,3\n')).toEqual({
      ok: false,
      line: 3,
      message: 'Fila 3: faltan las comillas de cierre',
    });
    expect(parseCsv('a,b\n"x"y,1\n')).toEqual({
      ok: false,
      line: 2,
      message: 'Fila 2: hay texto después de unas comillas de cierre',
    });
  });
});

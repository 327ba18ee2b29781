import { describe, expect, it } from 'vitest';
import { nextSort, sortRows, tableCsv, type SortColumn } from './sortable';

interface Row {
  codigo: string;
  descripcion: string;
  precio: string;
  barcode: string | null;
}
const ROWS: Row[] = [
  { codigo: 'P10', descripcion: 'Ñame', precio: '10.00', barcode: null },
  { codigo: 'P2', descripcion: 'azúcar', precio: '9.50', barcode: '111' },
  { codigo: 'P1', descripcion: 'Café', precio: '=1+1', barcode: '222' },
];
const COLUMNS: SortColumn<Row>[] = [
  { key: 'codigo', label: 'Código', value: (r) => r.codigo },
  { key: 'descripcion', label: 'Descripción', value: (r) => r.descripcion },
  { key: 'precio', label: 'Precio', value: (r) => r.precio, numeric: true },
  { key: 'barcode', label: 'Código de barras', value: (r) => r.barcode },
];

describe('sortable tables', () => {
  it("sorts text in the language's order (accents, case, numbers inside codes) and amounts as numbers", () => {
    const codes = (sort: Parameters<typeof sortRows>[2]) => sortRows(ROWS, COLUMNS, sort, 'es-PA').map((r) => r.codigo);
    expect(codes({ key: 'codigo', direction: 'asc' })).toEqual(['P1', 'P2', 'P10']);
    expect(codes({ key: 'descripcion', direction: 'asc' })).toEqual(['P2', 'P1', 'P10']);
    expect(codes({ key: 'precio', direction: 'desc' }).slice(0, 2)).toEqual(['P10', 'P2']);
    expect(codes({ key: 'barcode', direction: 'desc' })).toEqual(['P1', 'P2', 'P10']); // empty last
    expect(codes(null)).toEqual(['P10', 'P2', 'P1']);
  });

  it('toggles ascending then descending on the same column', () => {
    expect(nextSort(null, 'precio')).toEqual({ key: 'precio', direction: 'asc' });
    expect(nextSort({ key: 'precio', direction: 'asc' }, 'precio')).toEqual({ key: 'precio', direction: 'desc' });
    expect(nextSort({ key: 'precio', direction: 'desc' }, 'codigo')).toEqual({ key: 'codigo', direction: 'asc' });
  });

  it('exports what the table shows as CSV, with labels and the formula guard', () => {
    expect(tableCsv(COLUMNS, ROWS.slice(1))).toBe(
      "Código,Descripción,Precio,Código de barras\r\nP2,azúcar,9.50,111\r\nP1,Café,'=1+1,222\r\n",
    );
  });
});

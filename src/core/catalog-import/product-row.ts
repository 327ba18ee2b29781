// One catalogue CSV row read as a product: the columns (header names compared ignoring case and surrounding spaces,
// any order), the decimal mark of the price column, and every problem of a bad row in Spanish.
import { CPBS_UNIT_MAX_LENGTH } from '../../shared/fiscal/cpbs';
import { productSchema } from '../../shared/ipc/schemas';

export const PRODUCT_COLUMNS = [
  'codigo',
  'barcode',
  'descripcion',
  'unidad',
  'precio',
  'tasaItbms',
  'codigoCPBS',
  'unidadMedidaCPBS',
] as const;
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];
const REQUIRED: readonly ProductColumn[] = ['codigo', 'descripcion', 'precio', 'tasaItbms'];
const productInput = productSchema.omit({ id: true });
export type ProductInput = ReturnType<typeof productInput.parse>;
export type DecimalSeparator = '.' | ',';

const FIELD_MESSAGES: Record<ProductColumn, (value: string) => string> = {
  codigo: () => 'el código es obligatorio y admite hasta 20 caracteres',
  barcode: () => 'el código de barras admite hasta 14 caracteres',
  descripcion: () => 'la descripción debe tener entre 2 y 500 caracteres',
  unidad: () => 'la unidad admite hasta 20 caracteres',
  precio: (v) =>
    `el precio "${v}" no es válido (sin separador de miles, hasta 6 decimales y la misma marca decimal en todo el archivo, p. ej. 4.25 o 4,25)`,
  tasaItbms: (v) => `la tasa de ITBMS "${v}" no es válida (00 exento, 01 7 %, 02 10 %, 03 15 %)`,
  codigoCPBS: (v) => `el código CPBS "${v}" no es válido (4 dígitos del catálogo de la DGI, p. ej. 5020)`,
  unidadMedidaCPBS: () => `la unidad CPBS admite hasta ${CPBS_UNIT_MAX_LENGTH} caracteres`,
};

export function readProductHeader(
  fields: readonly string[],
): { ok: true; index: Map<ProductColumn, number> } | { ok: false; message: string } {
  const index = new Map<ProductColumn, number>();
  fields.forEach((name, i) => {
    const column = PRODUCT_COLUMNS.find((c) => c.toLowerCase() === name.trim().toLowerCase());
    if (column && !index.has(column)) index.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length > 0) {
    return {
      ok: false,
      message: `Fila 1: faltan las columnas ${missing.join(', ')} en el encabezado (se esperan ${PRODUCT_COLUMNS.join(', ')}; separadas por coma, punto y coma o tabulador)`,
    };
  }
  return { ok: true, index };
}

/**
 * The file's decimal mark: a comma when some price has one and none has a point (Excel in Spanish writes 4,25),
 * a point otherwise. One mark for the whole file, so "1.234" is never guessed to be a thousand.
 */
export function detectDecimalSeparator(prices: readonly string[]): DecimalSeparator {
  const comma = prices.some((p) => /^\d+,\d+$/.test(p.trim()));
  const point = prices.some((p) => p.includes('.'));
  return comma && !point ? ',' : '.';
}

export function checkProductRow(
  fields: readonly string[],
  index: Map<ProductColumn, number>,
  width: number,
  decimal: DecimalSeparator,
): { ok: true; product: ProductInput } | { ok: false; problems: string[] } {
  if (fields.length !== width)
    return { ok: false, problems: [`tiene ${fields.length} columnas y el encabezado ${width}`] };
  const cell = (c: ProductColumn) => {
    const i = index.get(c);
    return i === undefined ? '' : (fields[i] ?? '').trim();
  };
  const precio =
    decimal === ',' && /^\d+,\d+$/.test(cell('precio')) ? cell('precio').replace(',', '.') : cell('precio');
  const candidate = {
    codigo: cell('codigo'),
    barcode: cell('barcode') || null,
    descripcion: cell('descripcion'),
    unidad: cell('unidad') || 'und',
    precio,
    tasaItbms: cell('tasaItbms'),
    codigoCPBS: cell('codigoCPBS') || null,
    unidadMedidaCPBS: cell('unidadMedidaCPBS') || null,
  };
  const parsed = productInput.safeParse(candidate);
  if (parsed.success) return { ok: true, product: parsed.data };
  const bad = new Set(parsed.error.issues.map((issue) => issue.path[0] as ProductColumn));
  return { ok: false, problems: PRODUCT_COLUMNS.filter((c) => bad.has(c)).map((c) => FIELD_MESSAGES[c](cell(c))) };
}

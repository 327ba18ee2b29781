// Random small sales for the crash test: one to a few lines (now and then many, so some capture transactions are
// long), mixed ITBMS rates, some unit discounts, paid exactly by card, in cash with change, or split.
import type { SaleDraft } from '../../src/core/sales/capture-sale';
import { money, toAmount2 } from '../../src/shared/fiscal/money';
import type { TasaItbms } from '../../src/shared/fiscal/codes';
import type { ItemInput } from '../../src/shared/fiscal/item';
import { validateDocument } from '../../src/shared/fiscal/validate';
import { aSale } from '../fixtures/fiscal-documents';

const PRODUCTS = [
  'Arroz Blanco 5 lb',
  'Aceite de Soya 1 L',
  'Café Molido 425 g',
  'Leche Evaporada',
  'Pan de Molde',
  'Atún en Agua',
  'Detergente 2 kg',
  'Jugo de Naranja 1 L',
  'Galletas Soda',
  'Azúcar Morena 4 lb',
];
const RATES: readonly TasaItbms[] = ['00', '01', '01', '02', '03'];
const QUANTITIES = ['1', '1', '2', '3', '5', '0.5', '1.25', '0.375'];

const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
const int = (random: () => number, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const cents = (n: number): string => toAmount2(money(n).div(100));

function lineCount(random: () => number): number {
  const r = random();
  if (r < 0.7) return int(random, 1, 3);
  if (r < 0.95) return int(random, 4, 8);
  return int(random, 12, 25);
}

function randomItem(random: () => number, line: number): ItemInput {
  const priceCents = int(random, 10, 6_000);
  const cantidad = pick(random, QUANTITIES);
  const item: ItemInput = {
    codigo: `P${String(int(random, 1, 999)).padStart(3, '0')}`,
    descripcion: pick(random, PRODUCTS),
    // A fraction is a weight: only kg/lb items may carry one (decision 0022).
    unidadMedida: cantidad.includes('.') ? 'kg' : 'und',
    cantidad,
    precioUnitario: cents(priceCents),
    tasaItbms: pick(random, RATES),
  };
  if (line % 4 === 3 && priceCents > 100)
    item.precioUnitarioDescuento = cents(int(random, 1, Math.floor(priceCents / 3)));
  return item;
}

/** The total the register will compute, so that the payments can match it. */
function totalOf(items: ItemInput[]): string {
  // Paid in cash so that any total validates (change is only given on cash).
  const checked = validateDocument(aSale({ items, pagos: [{ formaPagoFact: '02', valorCuotaPagada: '99999999.00' }] }));
  if (!checked.ok) throw new Error(`random-sale built an invalid sale: ${JSON.stringify(checked.violations)}`);
  return checked.totals.totalFactura;
}

export function randomSale(random: () => number): SaleDraft {
  const items = Array.from({ length: lineCount(random) }, (_, i) => randomItem(random, i));
  const total = money(totalOf(items));
  const r = random();
  let pagos: SaleDraft['pagos'];
  if (r < 0.5 || total.lte(1)) {
    pagos = [{ formaPagoFact: '03', valorCuotaPagada: toAmount2(total) }];
  } else if (r < 0.8) {
    const tendered = total.div(5).ceil().times(5); // cash rounded up to the next B/. 5, change given
    pagos = [{ formaPagoFact: '02', valorCuotaPagada: toAmount2(tendered.eq(total) ? tendered.plus(5) : tendered) }];
  } else {
    const cash = total.div(2).floor();
    pagos = [
      { formaPagoFact: '02', valorCuotaPagada: toAmount2(cash) },
      { formaPagoFact: '04', valorCuotaPagada: toAmount2(total.minus(cash)) },
    ];
  }
  return { tipoDocumento: '01', cliente: { tipoClienteFE: '02', pais: 'PA' }, items, pagos, tiempoPago: '1' };
}

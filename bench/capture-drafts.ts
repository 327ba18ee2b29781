// Realistic sale drafts for the capture benchmark: n items at mixed ITBMS rates, paid in cash.
import type { SaleDraft } from '../src/core/sales/capture-sale';
import { money, sum, toAmount2 } from '../src/shared/fiscal/money';
import { computeItemAmounts } from '../src/shared/fiscal/totals';
import { itemSchema } from '../src/shared/fiscal/item';

const RATES = ['00', '01', '01', '02', '03'] as const;

export function draftWithItems(n: number): SaleDraft {
  const items = Array.from({ length: n }, (_, i) => ({
    codigo: `P${String(i).padStart(4, '0')}`,
    descripcion: `Producto de prueba número ${i + 1}`,
    unidadMedida: 'und',
    cantidad: String((i % 3) + 1),
    precioUnitario: `${(i % 17) + 1}.${String((i * 37) % 100).padStart(2, '0')}`,
    tasaItbms: RATES[i % RATES.length] ?? '01',
  }));
  const total = sum(items.map((item) => money(computeItemAmounts(itemSchema.parse(item)).valorTotal)));
  return {
    tipoDocumento: '01',
    cliente: { tipoClienteFE: '02', pais: 'PA' },
    items,
    pagos: [{ formaPagoFact: '02', valorCuotaPagada: toAmount2(total.plus(1)) }],
    tiempoPago: '1',
  };
}

// The generic credit note (06) form: free lines (description, quantity, price, ITBMS rate), a customer and a
// reason, turned into what documents:genericCreditNote receives. Amounts stay decimal strings; the total shown is
// computed by the fiscal core's own functions, and the refund is one payment of exactly that total. A note to the
// State (tipoClienteFE 03) classifies each line by its CPBS code, as a sale to the State does.
import type { FormaPago, TasaItbms } from '../../../../shared/fiscal/codes';
import type { Item } from '../../../../shared/fiscal/item';
import type { ReceptorInput } from '../../../../shared/fiscal/receptor';
import { money, round2, sum, toAmount2 } from '../../../../shared/fiscal/money';
import { computeItemAmounts } from '../../../../shared/fiscal/totals';
import { CPBS_CODE_PATTERN, CPBS_UNIT_MAX_LENGTH, cpbsItemFields } from '../../../../shared/fiscal/cpbs';
import type { Request } from '../../../../shared/ipc/contract';
import { parsePrice, parseQuantity } from '../../checkout/amount-input';
import { checkMotivo, type MotivoProblem } from './annul-window';

export interface GenericLine {
  key: number;
  descripcion: string;
  cantidad: string;
  precio: string;
  tasaItbms: TasaItbms;
  /** 4-digit CPBS code; asked for (and sent) only when the customer is the State. */
  codigoCPBS: string;
  /** Unit of measure in the CPBS (§2.7 #9), required with the code on a note to the State. */
  unidadMedidaCPBS: string;
}

export const emptyLine = (key: number): GenericLine => ({
  key,
  descripcion: '',
  cantidad: '1',
  precio: '',
  tasaItbms: '01',
  codigoCPBS: '',
  unidadMedidaCPBS: '',
});

export type GenericProblem = 'noLines' | 'descripcion' | 'cantidad' | 'precio' | 'cpbs' | 'cpbsUnit' | MotivoProblem;

/** Sales and notes to the State (tipoClienteFE 03) carry CPBS codes on every line. */
export const isGovernment = (cliente: ReceptorInput): boolean => cliente.tipoClienteFE === '03';

export type GenericNote =
  | { ok: true; request: Request<'documents:genericCreditNote'>; total: string }
  | { ok: false; problem: GenericProblem; line?: number };

function toItem(line: GenericLine, government = false): Item | GenericProblem {
  const descripcion = line.descripcion.trim();
  if (descripcion.length < 2 || descripcion.length > 500) return 'descripcion';
  const cantidad = parseQuantity(line.cantidad);
  if (!cantidad.ok) return 'cantidad';
  const precio = parsePrice(line.precio);
  if (!precio.ok || !money(precio.value).gt(0)) return 'precio';
  const item = { descripcion, cantidad: cantidad.value, precioUnitario: precio.value, tasaItbms: line.tasaItbms };
  if (!government) return item;
  const code = line.codigoCPBS.trim();
  if (!CPBS_CODE_PATTERN.test(code)) return 'cpbs';
  const unit = line.unidadMedidaCPBS.trim();
  if (unit.length < 1 || unit.length > CPBS_UNIT_MAX_LENGTH) return 'cpbsUnit';
  return { ...item, ...cpbsItemFields(code, unit) };
}

/** The lines' total as the note will carry it ("0.00" while no line is complete). */
export function genericTotal(lines: readonly GenericLine[]): string {
  const items = lines.map((l) => toItem(l)).filter((item): item is Item => typeof item !== 'string');
  return toAmount2(round2(sum(items.map((item) => money(computeItemAmounts(item).valorTotal)))));
}

export function buildGenericNote(input: {
  cliente: ReceptorInput;
  lines: readonly GenericLine[];
  motivo: string;
  formaPago: FormaPago;
}): GenericNote {
  const filled = input.lines.filter((l) => l.descripcion.trim() !== '' || l.precio.trim() !== '');
  if (filled.length === 0) return { ok: false, problem: 'noLines' };
  const items: Item[] = [];
  for (const [i, line] of filled.entries()) {
    const item = toItem(line, isGovernment(input.cliente));
    if (typeof item === 'string') return { ok: false, problem: item, line: i + 1 };
    items.push(item);
  }
  const motivo = checkMotivo(input.motivo);
  if (motivo) return { ok: false, problem: motivo };
  const total = genericTotal(filled);
  return {
    ok: true,
    total,
    request: {
      motivo: input.motivo.trim(),
      draft: {
        cliente: input.cliente,
        items,
        pagos: [{ formaPagoFact: input.formaPago, valorCuotaPagada: total }],
        tiempoPago: '1',
      },
    },
  };
}

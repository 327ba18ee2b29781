// What to fix, in Spanish, for a REJECTED, FAILED or NUMBER_COLLISION document, from HKA's codigo and messages. HKA's code catalogue
// is not public (REFERENCE.md §1.7): the table uses what is known — the DGI codes HKA passes through in its
// messages (`<código>-<texto>`), HKA's field-message forms — and falls back to a generic hint.
import { INTERNAL_ERROR_PREFIX } from '../queue/apply-outcome';

/** DGI result codes seen in HKA messages (§1.7) and what the cashier or manager should do. */
const DGI_HINTS: Record<string, string> = {
  '0100': 'El documento no cumple el formato de la DGI. Revise los datos del cliente y de los ítems.',
  '1601': 'El RUC del cliente no tiene un formato válido. Corríjalo (con su DV) en la ficha del cliente.',
  '1602': 'El RUC del cliente no existe en la DGI. Verifíquelo o emita la factura a consumidor final.',
  '2152': 'El ITBMS de un ítem no cuadra con su tasa. Revise precio, descuento y tasa del ítem.',
};

const CREDENTIALS_HINT =
  'HKA no aceptó las credenciales: el gerente debe revisarlas en Configuración › HKA y reintentar.';

const FIELD_HINTS: [RegExp, string][] = [
  [/token|credencial/i, CREDENTIALS_HINT],
  [/ruc|\bdv\b|digitoVerificador/i, 'Revise el RUC y el DV del cliente (o emita a consumidor final).'],
  [/folio/i, 'No quedan folios en la licencia de HKA: el gerente debe renovarla o ampliarla con HKA.'],
  [/item|ítem|precio|itbms|cantidad/i, 'Revise los ítems: cantidades, precios, descuentos y tasas de ITBMS.'],
  [/correo|email/i, 'Revise el correo electrónico del cliente.'],
  [/fecha/i, 'Revise la fecha y hora de este equipo: HKA rechaza fechas fuera de rango.'],
];

const TOKEN_CODE = '100';
const DUPLICATE_CODE = '102';

export function rejectionHint(status: string, codigo: string | null, messages: readonly string[]): string | null {
  if (status === 'FAILED' && messages[0]?.startsWith(INTERNAL_ERROR_PREFIX)) {
    return 'Un error interno del registro impidió preparar o enviar el documento; HKA no lo rechazó. Reintente el envío; si se repite, contacte a soporte con el mensaje de abajo.';
  }
  if (status === 'FAILED') {
    return 'No se pudo confirmar el envío a HKA tras varios intentos. Revise la conexión y reintente; si HKA nunca lo recibió, puede descartarlo y registrar la venta de nuevo.';
  }
  if (status === 'NUMBER_COLLISION') {
    return 'HKA ya tiene otra venta autorizada con este número (otra caja o una instalación anterior usó la misma serie). Esta venta NO está autorizada. La caja dejó de usar esta serie: un gerente debe usar «Resolver número repetido» (Configuración › HKA › Series) para emitirla con un número nuevo.';
  }
  if (status !== 'REJECTED') return null;
  if (codigo === TOKEN_CODE) return CREDENTIALS_HINT;
  if (codigo === DUPLICATE_CODE)
    return 'HKA indica que el número ya fue usado: consulte el estado del documento antes de volver a enviarlo.';
  for (const message of messages) {
    const dgi = /^\s*(\d{4})\s*-/.exec(message)?.[1];
    const hint = dgi === undefined ? undefined : DGI_HINTS[dgi];
    if (hint) return hint;
  }
  for (const [pattern, hint] of FIELD_HINTS) if (messages.some((m) => pattern.test(m))) return hint;
  return 'HKA rechazó el documento. Lea el mensaje de HKA, corrija los datos de la venta y regístrela de nuevo (descarte este documento), o consulte a soporte.';
}

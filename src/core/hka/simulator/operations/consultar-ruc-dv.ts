// ConsultarRucDV (REFERENCE.md §1.6.9): the tokens travel INSIDE consultarRucDVRequest. Known taxpayers come from
// the registry; any other well-formed RUC gets the DV of the DGI algorithm (we pretend the DGI knows every RUC).
import { computeDv, normalizeRuc } from '../../../../shared/fiscal/ruc-dv';
import { child, textOf } from '../../xml/xnode';
import type { RucRegistry } from '../ruc-registry';
import { SIM_CODES, SIM_MESSAGES, fieldInvalid, fieldRequired } from '../sim-codes';
import type { ResultFields } from '../soap-envelope';
import { authenticate, errorResult, tokenError, type OperationHandler } from './context';

const AFILIADO = 'El contribuyente está afiliado a la Factura Electrónica';
const NO_AFILIADO = 'El contribuyente no está afiliado a la Factura Electrónica';

function found(tipoRuc: string, ruc: string, dv: string, razonSocial: string, afiliado: boolean): ResultFields {
  return {
    codigo: SIM_CODES.ok,
    infoRuc: { tipoRuc, ruc, dv, razonSocial, afiliadoFE: afiliado ? AFILIADO : NO_AFILIADO },
    mensaje: SIM_MESSAGES.rucOk,
    resultado: 'Procesado', // capital P, as in HKA's sample 19
  };
}

export function consultarRucDvHandler(registry: RucRegistry): OperationHandler {
  return (wrapper, ctx) => {
    const request = child(wrapper, 'consultarRucDVRequest');
    if (!authenticate(request, ctx)) return tokenError();
    const tipoRuc = textOf(request, 'tipoRuc');
    const ruc = textOf(request, 'ruc');
    const problems = [
      ...(tipoRuc === undefined
        ? [fieldRequired('tipoRuc')]
        : tipoRuc === '1' || tipoRuc === '2'
          ? []
          : [fieldInvalid('tipoRuc')]),
      ...(ruc === undefined ? [fieldRequired('ruc')] : []),
    ];
    if (problems.length > 0 || ruc === undefined || (tipoRuc !== '1' && tipoRuc !== '2')) {
      return errorResult(SIM_CODES.rucQueryError, problems.join('|'));
    }
    const known = registry.find(ruc);
    if (known) return found(known.tipoRuc, known.ruc, known.dv, known.razonSocial, known.afiliadoFE);
    const dv = computeDv(ruc, tipoRuc);
    if (dv.status !== 'ok') return errorResult(SIM_CODES.rucNotRegistered, SIM_MESSAGES.rucNoRegistrado);
    const normalized = normalizeRuc(ruc);
    return found(tipoRuc, normalized, dv.dv, `CONTRIBUYENTE SIMULADO ${normalized}`, false);
  };
}

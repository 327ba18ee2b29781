// The HKA simulator's validation of an Enviar `documento`: an independent reading of HKA's contract
// (REFERENCE.md §2), working on the XML tree as received. It deliberately shares nothing with our client-side
// validation (src/shared/fiscal/validate.ts, the zod schemas, map-documento.ts): the simulator exists to catch
// mistakes in those. Only small pure algorithms are reused: CUFE and DV check digits, catalogues, decimal arithmetic.
//
// Two passes: the field tables (presence, format, code lists, lengths, element order, as WCF reads them), then the
// rule functions (conditional fields and arithmetic) over what HKA would have read. Every problem is reported.
import type { XNode } from '../../xml/xnode';
import type { SimIssuer } from '../types';
import { itemArithmetic } from './arithmetic-items';
import { totalsArithmetic } from './arithmetic-totals';
import { documentoView, type Rule } from './documento-view';
import { TOP } from './messages';
import { otiTotals } from './oti-totals';
import { readTable } from './read-table';
import { receptorByType, receptorCountry, rucCheckDigits } from './rules-cliente';
import { groupRucs, vehicleDescriptions } from './rules-groups';
import {
  cpbsFamily,
  freightAndInsuranceOnce,
  governmentCpbs,
  iscRateNeedsValue,
  unitDiscountBelowPrice,
} from './rules-items';
import {
  installmentsCoverCredit,
  otherPaymentDescribed,
  termNeedsInstallments,
  withholdingAmount,
} from './rules-pagos';
import {
  contingency,
  exportData,
  issuedNotInFuture,
  noSaleTypeOnNotes,
  referencedDocuments,
} from './rules-transaccion';
import { DOCUMENTO } from './tables-documento';

export interface DocumentoValidationContext {
  issuer: SimIssuer;
  now: Date;
}

const RULES: readonly Rule[] = [
  contingency,
  noSaleTypeOnNotes,
  issuedNotInFuture,
  exportData,
  referencedDocuments,
  receptorByType,
  receptorCountry,
  rucCheckDigits,
  governmentCpbs,
  cpbsFamily,
  unitDiscountBelowPrice,
  iscRateNeedsValue,
  freightAndInsuranceOnce,
  vehicleDescriptions,
  groupRucs,
  termNeedsInstallments,
  installmentsCoverCredit,
  otherPaymentDescribed,
  withholdingAmount,
  itemArithmetic,
  totalsArithmetic,
  otiTotals,
];

/**
 * HKA-style validation of an Enviar `documento`; returns HKA-style messages, [] when valid. The branch
 * (codigoSucursalEmisor among the issuer's branches) and the tokens are the server's checks, not this function's.
 */
export function validateDocumento(documento: XNode, ctx: DocumentoValidationContext): string[] {
  const { view, messages } = readTable(documento, DOCUMENTO, TOP);
  const doc = documentoView(view);
  // A rule may restate what a table already said (e.g. a field both required and conditional): say it once.
  return [...new Set([...messages, ...RULES.flatMap((rule) => rule(doc, ctx))])];
}

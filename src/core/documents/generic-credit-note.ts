// A generic credit note (tipo 06): a credit not tied to one electronic invoice (REFERENCE.md §2.12 rule 2), so it
// references no CUFE (the validator refuses one: cufe_on_generic_note), carries naturalezaOperacion 11 like every
// credit note (§2.11 table) and no tipoVenta. The manager's reason goes in informacionInteres, where it is printed
// on the CAFE. Captured through the same path as any sale or note (numbering, queue).
import type { SaleDraft } from '../../shared/ipc/schemas';

export const GENERIC_CREDIT_NOTE = '06';

export function draftGenericCreditNote(draft: Omit<SaleDraft, 'tipoDocumento'>, motivo: string): SaleDraft {
  // tipoVenta describes a sale; HKA refuses it on a note (code 109, "no debe ser informado").
  const { informacionInteres, ...rest } = draft;
  delete rest.tipoVenta;
  const reason = `Nota de crédito genérica. Motivo: ${motivo.trim()}`;
  return {
    ...rest,
    tipoDocumento: GENERIC_CREDIT_NOTE,
    naturalezaOperacion: '11',
    informacionInteres: informacionInteres ? `${reason}. ${informacionInteres}` : reason,
  };
}

// A saved customer back into the checkout's customer form, so the panel edits it with the same fields and checks.
import type { ReceptorInput } from '../../../shared/fiscal/receptor';
import { EMPTY_FORM, type CustomerForm } from '../customers/customer-form';

export function receptorToForm(r: ReceptorInput): CustomerForm {
  const base: CustomerForm = {
    ...EMPTY_FORM,
    kind: r.tipoClienteFE,
    correo: r.correos?.[0] ?? '',
    razonSocial: r.razonSocial ?? '',
    direccion: r.direccion ?? '',
  };
  switch (r.tipoClienteFE) {
    case '01':
    case '03':
      return { ...base, tipoContribuyente: r.tipoContribuyente, ruc: r.numeroRUC, dv: r.digitoVerificadorRUC };
    case '02':
      return { ...base, ruc: r.identificacion?.numeroRUC ?? '', dv: r.identificacion?.digitoVerificadorRUC ?? '' };
    case '04':
      return {
        ...base,
        tipoIdentificacion: r.tipoIdentificacion,
        nroIdentificacionExtranjero: r.nroIdentificacionExtranjero,
        paisExtranjero: r.paisExtranjero ?? '',
      };
  }
}

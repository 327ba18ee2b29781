// One CSV row of the customers import turned into a receptor and checked with the fiscal rules the checkout uses
// (receptorSchema: RUC + DV verified, names, addresses, e-mail and phone formats), with Spanish messages per row.
//
// Columns (header row, any order, names compared without case or accents):
//   tipoCliente        01 contribuyente, 02 consumidor final, 03 gobierno, 04 extranjero (required)
//   identificacion     RUC or cédula (01/03 required, 02 optional); the foreign document's number for 04 ("ruc" too)
//   dv                 two digits (01/03 required; 02 optional); a single digit is read with its leading zero
//   tipoContribuyente  1 natural, 2 jurídico (01/03 required; 02 defaults to 1)
//   nombre             razón social or the person's name (required; "razonSocial" too)
//   direccion, correo, telefono, pais (default PA), tipoIdentificacion (04: 01 pasaporte, 02 número tributario, 99 otro)
import { z } from 'zod';
import { receptorSchema, type Receptor } from '../../shared/fiscal/receptor';

export const CUSTOMER_COLUMNS = [
  'tipoCliente',
  'identificacion',
  'dv',
  'tipoContribuyente',
  'nombre',
  'direccion',
  'correo',
  'telefono',
  'pais',
  'tipoIdentificacion',
] as const;
export type CustomerColumn = (typeof CUSTOMER_COLUMNS)[number];
export const REQUIRED_CUSTOMER_COLUMNS: readonly CustomerColumn[] = ['tipoCliente', 'nombre'];

const ALIASES: Readonly<Record<string, CustomerColumn>> = {
  ruc: 'identificacion',
  razonsocial: 'nombre',
  email: 'correo',
};
const SPANISH = z.locales.es();

/** "Identificación " → "identificacion": header names as people type them in a spreadsheet. */
function fold(name: string): string {
  return name.trim().normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function customerColumnOf(headerName: string): CustomerColumn | undefined {
  const folded = fold(headerName);
  return CUSTOMER_COLUMNS.find((c) => c.toLowerCase() === folded) ?? ALIASES[folded];
}

const TIPOS_CLIENTE = new Set(['01', '02', '03', '04']);
const padDv = (dv: string) => (/^\d$/.test(dv) ? `0${dv}` : dv);

/** The receptor candidate for the row's tipoCliente (fields left empty are left out, so optional stays optional). */
function candidate(cell: (c: CustomerColumn) => string): Record<string, unknown> {
  const optional = (key: string, value: string) => (value === '' ? {} : { [key]: value });
  const tipo = cell('tipoCliente');
  const contact = {
    pais: cell('pais').toUpperCase() || 'PA',
    ...(cell('correo') ? { correos: [cell('correo')] } : {}),
    ...(cell('telefono') ? { telefonos: [cell('telefono')] } : {}),
    ...optional('direccion', cell('direccion')),
  };
  const id = cell('identificacion');
  const dv = padDv(cell('dv'));
  switch (tipo) {
    case '01':
    case '03':
      return {
        tipoClienteFE: tipo,
        ...optional('tipoContribuyente', cell('tipoContribuyente')),
        ...optional('numeroRUC', id),
        ...optional('digitoVerificadorRUC', dv),
        ...optional('razonSocial', cell('nombre')),
        ...contact,
      };
    case '02':
      return {
        tipoClienteFE: tipo,
        ...optional('razonSocial', cell('nombre')),
        ...contact,
        ...(id
          ? {
              identificacion: {
                tipoContribuyente: cell('tipoContribuyente') || '1',
                numeroRUC: id,
                ...optional('digitoVerificadorRUC', dv),
              },
            }
          : {}),
      };
    default:
      return {
        tipoClienteFE: tipo,
        ...optional('razonSocial', cell('nombre')),
        ...optional('tipoIdentificacion', cell('tipoIdentificacion')),
        ...optional('nroIdentificacionExtranjero', id),
        ...contact,
      };
  }
}

export type CheckedCustomer = { ok: true; receptor: Receptor } | { ok: false; problems: string[] };

export function checkCustomerRow(cell: (c: CustomerColumn) => string): CheckedCustomer {
  const tipo = cell('tipoCliente');
  if (!TIPOS_CLIENTE.has(tipo)) {
    const shown = tipo === '' ? 'falta el tipo de cliente' : `el tipo de cliente "${tipo}" no es válido`;
    return { ok: false, problems: [`${shown} (01 contribuyente, 02 consumidor final, 03 gobierno, 04 extranjero)`] };
  }
  const noName = cell('nombre') === '';
  const problems = noName ? ['falta el nombre del cliente'] : [];
  const parsed = receptorSchema.safeParse(candidate(cell), { error: SPANISH.localeError });
  if (parsed.success) return noName ? { ok: false, problems } : { ok: true, receptor: parsed.data };
  for (const issue of parsed.error.issues) {
    const repeatsName = noName && issue.path[0] === 'razonSocial';
    if (!repeatsName && !problems.includes(issue.message)) problems.push(issue.message);
  }
  return { ok: false, problems };
}

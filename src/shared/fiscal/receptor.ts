// The receptor (HKA `cliente`, DGI gDatRec) in its four kinds, with the rules of REFERENCE.md §2.3 and §2.12.
import { z } from 'zod';
import { TIPO_CONTRIBUYENTE, TIPO_IDENTIFICACION, codesOf } from './codes';
import { PAISES_DGI } from './dgi-catalogues';
import { code, email, fieldError, phone, text } from './field-rules';
import { verifyDv } from './ruc-dv';

const pais = z.string({ error: fieldError('el país') }).refine((v) => PAISES_DGI.has(v), {
  error: 'el país debe ser un código de país de la DGI (p. ej. PA; ZZ si no está en la lista)',
});

/** Location of the receptor in the DGI catalogue (`provincia-distrito-corregimiento`, e.g. 8-8-7). */
const ubicacion = z.object(
  {
    codigo: z.string({ error: fieldError('el código de ubicación') }).regex(/^\d{1,2}-\d{1,2}-\d{1,2}$/, {
      error: 'el código de ubicación debe tener la forma provincia-distrito-corregimiento',
    }),
    provincia: text(1, 50, 'la provincia', 'f'),
    distrito: text(1, 50, 'el distrito'),
    corregimiento: text(1, 50, 'el corregimiento'),
  },
  { error: fieldError('la ubicación', 'f') },
);

const contacto = {
  telefonos: z.array(phone('el teléfono')).max(3, { error: 'se admiten como máximo 3 teléfonos' }).optional(),
  correos: z.array(email('el correo electrónico')).max(3, { error: 'se admiten como máximo 3 correos' }).optional(),
  pais,
  paisOtro: text(5, 50, 'el nombre del país', 'm').optional(),
};

const ruc = {
  tipoContribuyente: code(codesOf(TIPO_CONTRIBUYENTE), 'el tipo de contribuyente'),
  numeroRUC: text(5, 20, 'el RUC'),
};

/** RUC + DV must verify with the DGI algorithm; forms the algorithm cannot reproduce are accepted (§5.4 limits). */
function checkRucDv(
  value: { tipoContribuyente: '1' | '2'; numeroRUC: string; digitoVerificadorRUC?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.digitoVerificadorRUC === undefined) return;
  const check = verifyDv(value.numeroRUC, value.digitoVerificadorRUC, value.tipoContribuyente);
  if (check.status === 'mismatch') {
    ctx.addIssue({
      code: 'custom',
      path: ['digitoVerificadorRUC'],
      message: `el dígito verificador no corresponde al RUC (se esperaba ${check.expected})`,
      params: { rule: 'dv_mismatch' },
    });
  } else if (check.status === 'invalid') {
    ctx.addIssue({ code: 'custom', path: ['numeroRUC'], message: check.reason, params: { rule: 'ruc_invalid' } });
  }
}

const dv = z
  .string({ error: fieldError('el dígito verificador') })
  .regex(/^\d{2}$/, { error: 'el dígito verificador debe tener 2 dígitos' });

/** 01 contribuyente and 03 gobierno: RUC, DV, name and address are required (§2.3). */
function taxpayer<const T extends '01' | '03'>(tipo: T) {
  return z
    .object({
      tipoClienteFE: z.literal(tipo),
      ...ruc,
      digitoVerificadorRUC: dv,
      razonSocial: text(2, 200, 'la razón social', 'f'),
      direccion: text(5, 100, 'la dirección', 'f'),
      ubicacion: ubicacion.optional(),
      ...contacto,
    })
    .superRefine(checkRucDv);
}

export const contribuyenteSchema = taxpayer('01');
export const gobiernoSchema = taxpayer('03');

/** 02 consumidor final: anonymous, or with a name and, if the buyer asks, a cédula. */
export const consumidorFinalSchema = z
  .object({
    tipoClienteFE: z.literal('02'),
    razonSocial: text(2, 200, 'el nombre', 'm').optional(),
    identificacion: z
      .object({ ...ruc, digitoVerificadorRUC: dv.optional() }, { error: fieldError('la identificación', 'f') })
      .superRefine(checkRucDv)
      .optional(),
    direccion: text(5, 100, 'la dirección', 'f').optional(),
    ubicacion: ubicacion.optional(),
    ...contacto,
  })
  .superRefine((value, ctx) => {
    // HKA rejects a company RUC declared as consumidor final (REFERENCE.md §2.3).
    if (value.identificacion?.tipoContribuyente === '2') {
      ctx.addIssue({
        code: 'custom',
        path: ['identificacion', 'tipoContribuyente'],
        message: 'un RUC jurídico debe facturarse como contribuyente, no como consumidor final',
        params: { rule: 'juridico_as_consumer' },
      });
    }
  });

/** 04 extranjero: foreign identification instead of RUC; RUC/DV/location must not be sent (§2.3). */
export const extranjeroSchema = z.object({
  tipoClienteFE: z.literal('04'),
  razonSocial: text(2, 200, 'el nombre', 'm').optional(),
  direccion: text(5, 100, 'la dirección', 'f').optional(),
  tipoIdentificacion: code(codesOf(TIPO_IDENTIFICACION), 'el tipo de identificación'),
  nroIdentificacionExtranjero: text(1, 50, 'el número de identificación'),
  paisExtranjero: text(2, 50, 'el país de la identificación').optional(),
  ...contacto,
});

export const receptorSchema = z
  .discriminatedUnion('tipoClienteFE', [contribuyenteSchema, consumidorFinalSchema, gobiernoSchema, extranjeroSchema], {
    error: (issue) => (issue.input === undefined ? 'el cliente es obligatorio' : 'el tipo de cliente no es válido'),
  })
  .superRefine((value, ctx) => {
    if (value.pais === 'ZZ' && value.paisOtro === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['paisOtro'],
        message: 'indique el nombre del país cuando el código es ZZ',
      });
    }
  });

export type Receptor = z.output<typeof receptorSchema>;
export type ReceptorInput = z.input<typeof receptorSchema>;

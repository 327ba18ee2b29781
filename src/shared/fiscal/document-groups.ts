// The optional document-level groups (REFERENCE.md §2.6, §2.10): third parties authorised to download the document,
// the customer's global purchase order, logistics (transport) and the delivery place. Field names are HKA's; the
// order on the wire is the WSDL's (map-documento.ts). RUC/DV pairs are verified like the receptor's.
import { z } from 'zod';
import { TIPO_CONTRIBUYENTE, UNIDAD_PESO_TOTAL, codesOf } from './codes';
import { code, fieldError, text } from './field-rules';
import { decimal, digits } from './item-groups';
import { verifyDv } from './ruc-dv';

const dv = (noun: string) =>
  z.string({ error: fieldError(noun) }).regex(/^\d{2}$/, { error: `${noun} debe tener 2 dígitos` });

/** A RUC + DV + type triple, DV verified with the DGI algorithm (forms it cannot reproduce are accepted, §5.4). */
function checkedRuc<const K extends { tipo: string; ruc: string; dv: string }>(
  keys: K,
  nouns: { ruc: string; dv: string },
) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    const ruc = value[keys.ruc];
    const digito = value[keys.dv];
    const tipo = value[keys.tipo];
    if (typeof ruc !== 'string' || typeof digito !== 'string') return;
    const check = verifyDv(ruc, digito, tipo === '1' || tipo === '2' ? tipo : undefined);
    if (check.status === 'mismatch') {
      ctx.addIssue({
        code: 'custom',
        path: [keys.dv],
        message: `${nouns.dv} no corresponde al RUC (se esperaba ${check.expected})`,
        params: { rule: 'dv_mismatch' },
      });
    } else if (check.status === 'invalid') {
      ctx.addIssue({
        code: 'custom',
        path: [keys.ruc],
        message: `${nouns.ruc}: ${check.reason.charAt(0).toLowerCase()}${check.reason.slice(1)}`,
        params: { rule: 'ruc_invalid' },
      });
    }
  };
}

/** §2.6 autorizadoDescargaFEyEventos → gAutXML (0..10). */
export const autorizadoDescargaSchema = z
  .object(
    {
      tipoContribuyente: code(codesOf(TIPO_CONTRIBUYENTE), 'el tipo de contribuyente'),
      rucReceptor: text(5, 20, 'el RUC del autorizado'),
      digitoVerifRucReceptor: dv('el DV del autorizado'),
    },
    { error: fieldError('el autorizado a descargar') },
  )
  .superRefine(
    checkedRuc(
      { tipo: 'tipoContribuyente', ruc: 'rucReceptor', dv: 'digitoVerifRucReceptor' },
      { ruc: 'el RUC del autorizado', dv: 'el DV del autorizado' },
    ),
  );

export const MAX_AUTORIZADOS_DESCARGA = 10;

/** §2.10 pedidoComercialGlobal → gPedComGl. */
export const pedidoComercialGlobalSchema = z.object(
  {
    nroPedidoCompraGlobal: digits('el número del pedido de compra', 12),
    nroAceptacion: text(1, 12, 'el número de aceptación').optional(),
    codigoReceptor: text(1, 12, 'el código del cliente').optional(),
    codigoSistemaEmisor: text(1, 50, 'el código del sistema emisor').optional(),
    infoPedido: text(1, 5000, 'la información del pedido', 'f').optional(),
  },
  { error: fieldError('el pedido de compra') },
);

/** §2.10 infoLogistica → gInfoLog: the carrier's identity is required when the group is sent. */
export const infoLogisticaSchema = z
  .object(
    {
      nroVolumenes: digits('el número de bultos', 3).optional(),
      pesoCarga: decimal('el peso de la carga', 4, 6).optional(),
      unidadPesoTotal: code(codesOf(UNIDAD_PESO_TOTAL), 'la unidad de peso', 'f').optional(),
      licVehiculoCarga: z
        .string()
        .regex(/^[A-Za-z0-9]{6}$/, { error: 'la placa del vehículo de carga debe tener 6 letras o dígitos' })
        .optional(),
      razonSocialTransportista: text(15, 100, 'la razón social del transportista', 'f'),
      tipoRucTransportista: code(codesOf(TIPO_CONTRIBUYENTE), 'el tipo de RUC del transportista'),
      rucTransportista: text(5, 20, 'el RUC del transportista'),
      digitoVerifRucTransportista: dv('el DV del transportista'),
      infoLogisticaEmisor: text(1, 5000, 'la información logística', 'f').optional(),
    },
    { error: fieldError('los datos logísticos') },
  )
  .superRefine(
    checkedRuc(
      { tipo: 'tipoRucTransportista', ruc: 'rucTransportista', dv: 'digitoVerifRucTransportista' },
      { ruc: 'el RUC del transportista', dv: 'el DV del transportista' },
    ),
  )
  .superRefine((v, ctx) => {
    if (v.pesoCarga !== undefined && v.unidadPesoTotal === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['unidadPesoTotal'],
        message: 'indique la unidad del peso de la carga',
        params: { rule: 'weight_unit_required' },
      });
    }
  });

const PHONE_DGI = /^\d{3,4}-\d{4}$/;
const phoneDgi = (noun: string) =>
  z.string().regex(PHONE_DGI, { error: `${noun} debe tener la forma 999-9999 o 9999-9999` });

/** §2.10 infoEntrega → gLcEntr: where the goods are delivered (name, address and location required by the DGI). */
export const infoEntregaSchema = z
  .object(
    {
      tipoRucEntrega: code(codesOf(TIPO_CONTRIBUYENTE), 'el tipo de RUC de entrega').optional(),
      numeroRucEntrega: text(5, 20, 'el RUC de entrega').optional(),
      digitoVerifRucEntrega: dv('el DV de entrega').optional(),
      razonSocialEntrega: text(2, 100, 'el nombre del lugar de entrega'),
      direccionEntrega: text(1, 100, 'la dirección de entrega', 'f'),
      ubicacion: z.object(
        {
          codigo: z.string().regex(/^\d{1,2}-\d{1,2}-\d{1,2}$/, {
            error: 'el código de ubicación debe tener la forma provincia-distrito-corregimiento',
          }),
          provincia: text(1, 50, 'la provincia', 'f'),
          distrito: text(1, 50, 'el distrito'),
          corregimiento: text(1, 50, 'el corregimiento'),
        },
        { error: fieldError('la ubicación de entrega', 'f') },
      ),
      telefonoEntrega: phoneDgi('el teléfono de entrega').optional(),
      telefonoEntregaAlt: phoneDgi('el teléfono alterno de entrega').optional(),
    },
    { error: fieldError('los datos de entrega') },
  )
  .superRefine((v, ctx) => {
    const ruc = [v.tipoRucEntrega, v.numeroRucEntrega, v.digitoVerifRucEntrega];
    if (ruc.some((x) => x !== undefined) && ruc.some((x) => x === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['numeroRucEntrega'],
        message: 'el RUC de entrega necesita su tipo, número y DV',
        params: { rule: 'delivery_ruc_incomplete' },
      });
    }
  })
  .superRefine(
    checkedRuc(
      { tipo: 'tipoRucEntrega', ruc: 'numeroRucEntrega', dv: 'digitoVerifRucEntrega' },
      { ruc: 'el RUC de entrega', dv: 'el DV de entrega' },
    ),
  );

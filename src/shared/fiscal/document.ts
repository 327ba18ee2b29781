// The fiscal document as HKA and the DGI see it (REFERENCE.md §2): one schema for what a register sends
// to be issued. Field names follow HKA's where one exists, so the mapping stays obvious.
import { z } from 'zod';
import {
  CODIGO_RETENCION,
  DESTINO_OPERACION,
  ENTREGA_CAFE,
  ENVIO_CONTENEDOR,
  FORMATO_CAFE,
  FORMA_PAGO,
  NATURALEZA_OPERACION,
  PROCESO_GENERACION,
  TIEMPO_PAGO,
  TIPO_DOCUMENTO,
  TIPO_EMISION,
  TIPO_OPERACION,
  TIPO_SUCURSAL,
  TIPO_VENTA,
  codesOf,
} from './codes';
import { INCOTERMS_DGI, MONEDAS_DGI } from './dgi-catalogues';
import { amount2, code, fechaTz, fieldError, text } from './field-rules';
import {
  MAX_AUTORIZADOS_DESCARGA,
  autorizadoDescargaSchema,
  infoEntregaSchema,
  infoLogisticaSchema,
  pedidoComercialGlobalSchema,
} from './document-groups';
import { itemSchema } from './item';
import { REASON_MAX, REASON_MIN } from './reason-bounds';
import { receptorSchema } from './receptor';

export const MAX_ITEMS = 1000;

const contingencia = z.object(
  {
    fechaInicio: fechaTz('la fecha de inicio de la contingencia'),
    motivo: text(REASON_MIN, REASON_MAX, 'el motivo de la contingencia'),
  },
  { error: fieldError('los datos de contingencia') },
);

/** A referenced document (§2.5): exactly one of CUFE, paper invoice number or fiscal-printer number. */
const referencia = z
  .object({
    fechaEmision: fechaTz('la fecha de emisión del documento referenciado'),
    cufe: z.string({ error: fieldError('el CUFE') }).optional(),
    nroFacturaPapel: text(1, 22, 'el número de factura en papel').optional(),
    nroFacturaImpFiscal: text(1, 22, 'el número de factura de impresora fiscal').optional(),
  })
  .refine((r) => [r.cufe, r.nroFacturaPapel, r.nroFacturaImpFiscal].filter((v) => v !== undefined).length === 1, {
    error: 'indique exactamente uno: CUFE, número de factura en papel o de impresora fiscal',
  });

const pago = z
  .object({
    formaPagoFact: code(codesOf(FORMA_PAGO), 'la forma de pago', 'f'),
    descFormaPago: text(10, 100, 'la descripción de la forma de pago', 'f').optional(),
    valorCuotaPagada: amount2('el monto pagado'),
  })
  .superRefine((p, ctx) => {
    if (p.formaPagoFact === '99' && p.descFormaPago === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['descFormaPago'],
        message: 'la forma de pago "Otro" necesita una descripción (10 a 100 caracteres)',
        params: { rule: 'payment_99_needs_description' },
      });
    }
  });

const pagoPlazo = z.object({
  fechaVenceCuota: fechaTz('la fecha de vencimiento de la cuota'),
  valorCuota: amount2('el valor de la cuota'),
  infoPagoCuota: text(15, 1000, 'la información de la cuota', 'f').optional(),
});

const descuentoGlobal = z.object({
  descDescuento: text(1, 500, 'la descripción del descuento', 'f'),
  montoDescuento: amount2('el monto del descuento'),
});

const exportacion = z.object(
  {
    condicionesEntrega: z
      .string()
      .refine((v) => INCOTERMS_DGI.has(v), { error: 'la condición de entrega (INCOTERM) no es válida' }),
    monedaOperExportacion: z
      .string()
      .refine((v) => MONEDAS_DGI.has(v), { error: 'la moneda debe ser un código ISO 4217 de la lista de la DGI' }),
    monedaOperExportacionNonDef: text(5, 50, 'el nombre de la moneda').optional(),
    tipoDeCambio: z
      .string()
      .regex(/^\d{1,11}\.\d{2,4}$/, { error: 'el tipo de cambio no es válido' })
      .optional(),
    montoMonedaExtranjera: z
      .string()
      .regex(/^\d{1,20}(\.\d{1,4})?$/, { error: 'el monto en moneda extranjera no es válido' })
      .optional(),
    puertoEmbarque: text(5, 50, 'el puerto de embarque').optional(),
  },
  { error: fieldError('los datos de exportación') },
);

const retencion = z.object(
  {
    codigoRetencion: code(codesOf(CODIGO_RETENCION), 'el código de retención'),
    montoRetencion: amount2('el monto de la retención'),
  },
  { error: fieldError('la retención', 'f') },
);

export const fiscalDocumentSchema = z.object(
  {
    codigoSucursalEmisor: z
      .string({ error: fieldError('el código de sucursal') })
      .regex(/^[A-Za-z0-9]{4}$/, { error: 'el código de sucursal debe tener 4 caracteres (p. ej. 0000)' }),
    tipoSucursal: code(codesOf(TIPO_SUCURSAL), 'el tipo de sucursal').optional(),
    tipoEmision: code(codesOf(TIPO_EMISION), 'el tipo de emisión'),
    contingencia: contingencia.optional(),
    tipoDocumento: code(codesOf(TIPO_DOCUMENTO), 'el tipo de documento'),
    numeroDocumentoFiscal: z
      .string({ error: fieldError('el número de documento fiscal') })
      .regex(/^\d{1,10}$/, { error: 'el número de documento fiscal debe tener de 1 a 10 dígitos' })
      .refine((v) => Number(v) > 0, { error: 'el número de documento fiscal no puede ser cero' }),
    puntoFacturacionFiscal: z
      .string({ error: fieldError('el punto de facturación') })
      .regex(/^(?!000)\d{3}$/, { error: 'el punto de facturación debe ser de 001 a 999' }),
    fechaEmision: fechaTz('la fecha de emisión'),
    fechaSalida: fechaTz('la fecha de salida').optional(),
    naturalezaOperacion: code(codesOf(NATURALEZA_OPERACION), 'la naturaleza de la operación', 'f'),
    tipoOperacion: code(codesOf(TIPO_OPERACION), 'el tipo de operación'),
    destinoOperacion: code(codesOf(DESTINO_OPERACION), 'el destino de la operación'),
    formatoCAFE: code(codesOf(FORMATO_CAFE), 'el formato del CAFE'),
    entregaCAFE: code(codesOf(ENTREGA_CAFE), 'la entrega del CAFE', 'f'),
    envioContenedor: code(codesOf(ENVIO_CONTENEDOR), 'el envío del contenedor'),
    procesoGeneracion: code(codesOf(PROCESO_GENERACION), 'el proceso de generación'),
    tipoVenta: code(codesOf(TIPO_VENTA), 'el tipo de venta').optional(),
    informacionInteres: text(1, 5000, 'la información de interés', 'f').optional(),
    cliente: receptorSchema,
    datosFacturaExportacion: exportacion.optional(),
    referencias: z
      .array(referencia)
      .max(99, { error: 'se admiten como máximo 99 documentos referenciados' })
      .optional(),
    /** Third parties (e.g. the shop's accountant) allowed to download the document from the DGI (§2.6). */
    autorizadosDescarga: z
      .array(autorizadoDescargaSchema)
      .max(MAX_AUTORIZADOS_DESCARGA, {
        error: `se admiten como máximo ${MAX_AUTORIZADOS_DESCARGA} autorizados a descargar`,
      })
      .optional(),
    items: z
      .array(itemSchema, { error: fieldError('la lista de ítems', 'f') })
      .min(1, { error: 'el documento debe tener al menos un ítem' })
      .max(MAX_ITEMS, { error: `el documento admite como máximo ${MAX_ITEMS} ítems` }),
    descuentosGlobales: z
      .array(descuentoGlobal)
      .max(5, { error: 'se admiten como máximo 5 descuentos globales' })
      .optional(),
    totalAcarreoCobrado: amount2('el acarreo cobrado').optional(),
    valorSeguroCobrado: amount2('el seguro cobrado').optional(),
    pagos: z
      .array(pago, { error: fieldError('la lista de pagos', 'f') })
      .min(1, { error: 'el documento debe tener al menos una forma de pago' })
      .max(10, { error: 'se admiten como máximo 10 formas de pago' }),
    tiempoPago: code(codesOf(TIEMPO_PAGO), 'el tiempo de pago'),
    pagosPlazo: z.array(pagoPlazo).max(99, { error: 'se admiten como máximo 99 cuotas' }).optional(),
    retencion: retencion.optional(),
    pedidoComercialGlobal: pedidoComercialGlobalSchema.optional(),
    infoLogistica: infoLogisticaSchema.optional(),
    infoEntrega: infoEntregaSchema.optional(),
  },
  { error: fieldError('el documento') },
);

export type FiscalDocument = z.output<typeof fiscalDocumentSchema>;
export type FiscalDocumentInput = z.input<typeof fiscalDocumentSchema>;

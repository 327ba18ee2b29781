// A document line (HKA `item`, REFERENCE.md §2.7). Amounts are decimal strings; computed values
// (precioItem, valorITBMS, valorTotal) are not input: totals.ts derives them.
import { z } from 'zod';
import { CODIGO_OTI, TASA_ITBMS, codesOf } from './codes';
import { amount6, code, fechaYmd, fieldError, positive6, text } from './field-rules';
import { gtin, gtinQuantity, medicinaSchema, pedidoComercialItemSchema, vehiculoSchema } from './item-groups';
import { DECIMAL_6_PATTERN } from './money';
import { parseMicros } from './money-micros';

const oti = z.object({
  codigo: code(codesOf(CODIGO_OTI), 'el código del otro impuesto o tasa'),
  valor: amount6('el valor del otro impuesto o tasa'),
});

/** ISC: either a fixed amount or a rate applied to precioItem (§2.7 #23–24). */
const isc = z
  .object(
    {
      tasa: z
        .string({ error: fieldError('la tasa de ISC', 'f') })
        // HKA: N|1..11|2.4 (2 to 4 decimals); the DGI lists rates as fractions (0.05, 0.1325, 0.325).
        .regex(/^(0\.\d{2,4}|1\.0{2,4})$/, {
          error: 'la tasa de ISC debe ser una fracción con 2 a 4 decimales (p. ej. 0.05)',
        })
        .optional(),
      monto: amount6('el monto del ISC').optional(),
    },
    { error: fieldError('el ISC') },
  )
  .refine((v) => v.tasa !== undefined || v.monto !== undefined, { error: 'el ISC necesita una tasa o un monto' });

export const itemSchema = z
  .object(
    {
      codigo: text(1, 20, 'el código').optional(),
      descripcion: text(2, 500, 'la descripción', 'f'),
      unidadMedida: text(1, 20, 'la unidad de medida', 'f').optional(),
      cantidad: positive6('la cantidad', 'f'),
      fechaFabricacion: fechaYmd('la fecha de fabricación').optional(),
      fechaCaducidad: fechaYmd('la fecha de caducidad').optional(),
      codigoCPBSAbrev: z
        .string()
        .regex(/^\d{2}$/, { error: 'el código CPBS abreviado debe tener 2 dígitos' })
        .optional(),
      codigoCPBS: z
        .string()
        .regex(/^\d{4}$/, { error: 'el código CPBS debe tener 4 dígitos' })
        .optional(),
      unidadMedidaCPBS: text(1, 30, 'la unidad de medida CPBS', 'f').optional(),
      infoItem: text(1, 5000, 'la información del ítem', 'f').optional(),
      precioUnitario: amount6('el precio unitario'),
      /** Discount per unit, in money (not %), as HKA defines precioUnitarioDescuento. */
      precioUnitarioDescuento: amount6('el descuento por unidad').optional(),
      precioAcarreo: amount6('el acarreo del ítem').optional(),
      precioSeguro: amount6('el seguro del ítem').optional(),
      codigoGTIN: gtin('el código GTIN').optional(),
      cantGTINCom: gtinQuantity('la cantidad en unidades GTIN').optional(),
      codigoGTINInv: gtin('el código GTIN de inventario').optional(),
      cantGTINComInv: gtinQuantity('la cantidad en unidades GTIN de inventario').optional(),
      tasaItbms: code(codesOf(TASA_ITBMS), 'la tasa de ITBMS', 'f'),
      isc: isc.optional(),
      otis: z.array(oti).max(20, { error: 'se admiten como máximo 20 otros impuestos por ítem' }).optional(),
      vehiculo: vehiculoSchema.optional(),
      medicina: medicinaSchema.optional(),
      pedidoComercialItem: pedidoComercialItemSchema.optional(),
    },
    { error: fieldError('el ítem') },
  )
  .superRefine((item, ctx) => {
    const discount = item.precioUnitarioDescuento;
    // zod runs this refinement even when a field failed its own format: compare only well-formed amounts.
    const amounts =
      discount !== undefined && DECIMAL_6_PATTERN.test(discount) && DECIMAL_6_PATTERN.test(item.precioUnitario);
    // HKA: the unit discount is less than the unit price; a zero-priced line has no discount.
    // Compared as exact micros: both amounts are well-formed here (decision 0039, no decimal.js parse).
    const discountMicros = amounts ? (parseMicros(discount) ?? 0n) : 0n;
    if (amounts && discountMicros > 0n && !(discountMicros < (parseMicros(item.precioUnitario) ?? 0n))) {
      ctx.addIssue({
        code: 'custom',
        path: ['precioUnitarioDescuento'],
        message: 'el descuento por unidad debe ser menor que el precio unitario',
        params: { rule: 'discount_not_below_price' },
      });
    }
    // A GTIN quantity says how many GTIN units the line holds: without its GTIN it means nothing.
    if (item.cantGTINCom !== undefined && item.codigoGTIN === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['cantGTINCom'],
        message: 'la cantidad en unidades GTIN necesita el código GTIN',
        params: { rule: 'gtin_quantity_without_gtin' },
      });
    }
    if (item.cantGTINComInv !== undefined && item.codigoGTINInv === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['cantGTINComInv'],
        message: 'la cantidad en unidades GTIN de inventario necesita el código GTIN de inventario',
        params: { rule: 'gtin_quantity_without_gtin' },
      });
    }
    if (item.fechaFabricacion && item.fechaCaducidad && item.fechaCaducidad < item.fechaFabricacion) {
      ctx.addIssue({
        code: 'custom',
        path: ['fechaCaducidad'],
        message: 'la fecha de caducidad es anterior a la de fabricación',
      });
    }
  });

export type Item = z.output<typeof itemSchema>;
export type ItemInput = z.input<typeof itemSchema>;

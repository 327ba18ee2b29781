// The optional groups of a document line (REFERENCE.md §2.7 #25–28, §2.8): a medicine's lot, a new vehicle, the
// purchase-order line, and the GTIN quantities. Field names are HKA's; order is the WSDL's (map-documento.ts).
import { z } from 'zod';
import {
  CONDICION_VEHICULO,
  MODALIDAD_OPERACION_VENTA,
  TIPO_COMBUSTIBLE,
  TIPO_PINTURA,
  TIPO_VEHICULO,
  USO_VEHICULO,
  codesOf,
} from './codes';
import { code, fieldError, text } from './field-rules';

/** Up to `max` digits, no decimals (DGI int types): "12", not "12.0". */
export function digits(noun: string, max: number, gender: 'm' | 'f' = 'm') {
  return z
    .string({ error: fieldError(noun, gender) })
    .regex(new RegExp(`^\\d{1,${max}}$`), { error: `${noun} debe ser un número entero de hasta ${max} cifras` })
    .refine((v) => Number(v) > 0, { error: `${noun} debe ser mayor que cero` });
}

/** A non-negative decimal with up to `int` integer digits and `dec` decimals (weights, distances: N|1..11|0.4). */
export function decimal(noun: string, int: number, dec: number, gender: 'm' | 'f' = 'm') {
  return z.string({ error: fieldError(noun, gender) }).regex(new RegExp(`^\\d{1,${int}}(\\.\\d{1,${dec}})?$`), {
    error: `${noun} debe ser un número con hasta ${int} cifras enteras y ${dec} decimales`,
  });
}

/** §2.7 #27 medicina → gMedicina: required for medicines and pharmaceutical raw material. */
export const medicinaSchema = z.object(
  {
    nroLote: text(5, 35, 'el número de lote'),
    cantProductosLote: digits('la cantidad de productos del lote', 9, 'f'),
  },
  { error: fieldError('los datos del medicamento') },
);

const described = (noun: string) => text(10, 50, noun, 'f');

/** §2.8 vehiculo → gVehicNuevo: a new vehicle sold by a dealer. */
export const vehiculoSchema = z
  .object(
    {
      modalidadOperacionVenta: code(codesOf(MODALIDAD_OPERACION_VENTA), 'la modalidad de la venta', 'f'),
      modalidadOperacionVentaNoDef: described('la descripción de la modalidad').optional(),
      chasis: z
        .string({ error: fieldError('el número de chasis (VIN)') })
        .trim()
        .regex(/^[A-Za-z0-9]{17}$/, { error: 'el número de chasis (VIN) debe tener 17 letras o dígitos' }),
      codigoColor: text(1, 4, 'el código de color').optional(),
      colorNombre: text(1, 40, 'el nombre del color').optional(),
      potenciaMotor: digits('la potencia del motor', 4, 'f'),
      capacidadMotor: digits('la cilindrada', 4, 'f').optional(),
      pesoNeto: decimal('el peso neto', 11, 4).optional(),
      pesoBruto: decimal('el peso bruto', 11, 4).optional(),
      tipoCombustible: code(codesOf(TIPO_COMBUSTIBLE), 'el tipo de combustible'),
      tipoCombustibleNoDef: described('la descripción del combustible').optional(),
      numeroMotor: text(1, 21, 'el número de motor'),
      capacidadTraccion: decimal('la capacidad de tracción', 11, 4, 'f').optional(),
      distanciaEjes: decimal('la distancia entre ejes', 11, 4, 'f').optional(),
      anoModelo: z
        .string()
        .regex(/^\d{4}$/, { error: 'el año del modelo debe tener 4 dígitos' })
        .optional(),
      anoFabricacion: z
        .string()
        .regex(/^\d{4}$/, { error: 'el año de fabricación debe tener 4 dígitos' })
        .optional(),
      tipoPintura: code(codesOf(TIPO_PINTURA), 'el tipo de pintura').optional(),
      tipoPinturaNodef: described('la descripción de la pintura').optional(),
      tipoVehiculo: code(codesOf(TIPO_VEHICULO), 'el tipo de vehículo'),
      usoVehiculo: code(codesOf(USO_VEHICULO), 'el uso del vehículo'),
      condicionVehiculo: code(codesOf(CONDICION_VEHICULO), 'la condición del vehículo', 'f').optional(),
      capacidadPasajeros: digits('la capacidad de pasajeros', 3, 'f').optional(),
    },
    { error: fieldError('los datos del vehículo') },
  )
  .superRefine((v, ctx) => {
    // "99"/"9" (otro) must say what it is; a description without "otro" would contradict the code.
    const pairs = [
      ['modalidadOperacionVenta', '99', 'modalidadOperacionVentaNoDef', 'la modalidad "otro"'],
      ['tipoCombustible', '99', 'tipoCombustibleNoDef', 'el combustible "otro"'],
      ['tipoPintura', '9', 'tipoPinturaNodef', 'la pintura "otra"'],
    ] as const;
    for (const [field, other, description, noun] of pairs) {
      if (v[field] === other && v[description] === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [description],
          message: `${noun} necesita una descripción (10 a 50 caracteres)`,
          params: { rule: 'vehicle_other_described' },
        });
      }
      if (v[field] !== other && v[description] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [description],
          message: `la descripción solo se informa con ${noun}`,
          params: { rule: 'vehicle_description_not_allowed' },
        });
      }
    }
    if (
      v.anoModelo !== undefined &&
      v.anoFabricacion !== undefined &&
      Number(v.anoModelo) + 1 < Number(v.anoFabricacion)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['anoModelo'],
        message: 'el año del modelo no puede ser anterior al de fabricación',
        params: { rule: 'vehicle_years' },
      });
    }
  });

/** §2.7 #28 pedidoComercialItem → gPedComIr: the line of the customer's purchase order. */
export const pedidoComercialItemSchema = z.object(
  {
    nroPedidoCompraItem: digits('el número del pedido de compra', 9),
    nroItem: digits('el número de línea del pedido', 3),
    infoItem: text(1, 5000, 'la información del pedido', 'f').optional(),
  },
  { error: fieldError('el pedido del ítem') },
);

/** GTIN of the sale unit (§2.7 #17): 0, or 8 or 12–14 digits, as the DGI accepts. */
export const gtin = (noun: string) => z.string().regex(/^(0|\d{8}|\d{12,14})$/, { error: `${noun} no es válido` });
/** GTIN quantities (§2.7 #18, #20): N|1..9|0.6. */
export const gtinQuantity = (noun: string) =>
  z
    .string({ error: fieldError(noun, 'f') })
    .regex(/^\d{1,9}(\.\d{1,6})?$/, { error: `${noun} debe ser un número de hasta 9 cifras enteras y 6 decimales` });

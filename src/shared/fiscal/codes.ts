// HKA / DGI catalogues (REFERENCE.md §2.11), as typed code lists with Spanish labels.
// Codes are strings because HKA's contract is all strings and leading zeros matter ('01' ≠ '1').

/** A catalogue: code → Spanish label. */
type Catalogue = Readonly<Record<string, string | { readonly label: string }>>;

/**
 * The codes of a catalogue in code order, as a non-empty tuple (for z.enum()). Sorted explicitly: JavaScript
 * lists integer-like keys ('10', '99', '1') before the others ('01'), whatever order they were written in.
 */
export function codesOf<C extends Catalogue>(catalogue: C): [keyof C & string, ...(keyof C & string)[]] {
  const codes = (Object.keys(catalogue) as (keyof C & string)[]).sort();
  if (codes.length === 0) throw new Error('Empty catalogue');
  return codes as [keyof C & string, ...(keyof C & string)[]];
}

export const TIPO_EMISION = {
  '01': 'Autorización previa, operación normal',
  '02': 'Autorización previa, operación en contingencia',
  '03': 'Autorización posterior, operación normal',
  '04': 'Autorización posterior, operación en contingencia',
} as const;
export type TipoEmision = keyof typeof TIPO_EMISION;
export const CONTINGENCY_EMISSION_TYPES: readonly TipoEmision[] = ['02', '04'];

export const TIPO_DOCUMENTO = {
  '01': 'Factura de operación interna',
  '02': 'Factura de importación',
  '03': 'Factura de exportación',
  '04': 'Nota de crédito referente a una FE',
  '05': 'Nota de débito referente a una FE',
  '06': 'Nota de crédito genérica',
  '07': 'Nota de débito genérica',
  '08': 'Factura de zona franca',
  '09': 'Reembolso',
  '10': 'Factura de operación extranjera',
} as const;
export type TipoDocumento = keyof typeof TIPO_DOCUMENTO;
/** Document types that must reference an earlier FE by CUFE (REFERENCE.md §2.12 rule 2). */
export const REFERENCING_DOCUMENT_TYPES: readonly TipoDocumento[] = ['04', '05'];
/** Credit/debit notes: HKA wants no tipoVenta on them (§2.2 #16). */
export const NOTE_DOCUMENT_TYPES: readonly TipoDocumento[] = ['04', '05', '06', '07'];

export const NATURALEZA_OPERACION = {
  '01': 'Venta',
  '02': 'Exportación',
  '03': 'Re-exportación',
  '04': 'Venta de fuente extranjera',
  '10': 'Transferencia (traspaso)',
  '11': 'Devolución',
  '12': 'Consignación',
  '13': 'Remesa',
  '14': 'Entrega gratuita',
  '20': 'Compra',
  '21': 'Importación',
} as const;

export const TIPO_OPERACION = { '1': 'Salida o venta', '2': 'Entrada o compra' } as const;

export const DESTINO_OPERACION = { '1': 'Panamá', '2': 'Extranjero' } as const;

export const FORMATO_CAFE = {
  '1': 'Sin generación de CAFE',
  '2': 'Cinta de papel',
  '3': 'Papel formato carta',
} as const;

export const ENTREGA_CAFE = {
  '1': 'Sin generación de CAFE',
  '2': 'CAFE entregado en papel',
  '3': 'CAFE enviado electrónicamente',
} as const;

export const ENVIO_CONTENEDOR = { '1': 'Normal', '2': 'El receptor exceptúa el envío del contenedor' } as const;

export const PROCESO_GENERACION = { '1': 'Sistema de facturación del contribuyente' } as const;

export const TIPO_VENTA = {
  '1': 'Venta de giro del negocio',
  '2': 'Venta de activo fijo',
  '3': 'Venta de bienes raíces',
  '4': 'Prestación de servicio',
} as const;

export const TIPO_SUCURSAL = { '1': 'Mayoría al detal', '2': 'Mayoría al por mayor' } as const;

export const TIPO_CLIENTE_FE = {
  '01': 'Contribuyente',
  '02': 'Consumidor final',
  '03': 'Gobierno',
  '04': 'Extranjero',
} as const;
export type TipoClienteFE = keyof typeof TIPO_CLIENTE_FE;

export const TIPO_CONTRIBUYENTE = { '1': 'Natural', '2': 'Jurídico' } as const;

export const TIPO_IDENTIFICACION = { '01': 'Pasaporte', '02': 'Número tributario', '99': 'Otro' } as const;
export type TipoIdentificacion = keyof typeof TIPO_IDENTIFICACION;

/** ITBMS rates: label and the rate as an exact decimal string. */
export const TASA_ITBMS = {
  '00': { label: 'Exento (0 %)', rate: '0' },
  '01': { label: '7 %', rate: '0.07' },
  '02': { label: '10 %', rate: '0.10' },
  '03': { label: '15 %', rate: '0.15' },
} as const;
export type TasaItbms = keyof typeof TASA_ITBMS;

export const FORMA_PAGO = {
  '01': 'Crédito',
  '02': 'Efectivo',
  '03': 'Tarjeta de crédito',
  '04': 'Tarjeta de débito',
  '05': 'Tarjeta de fidelización',
  '06': 'Vale',
  '07': 'Tarjeta de regalo',
  '08': 'Transferencia o depósito bancario',
  '09': 'Cheque',
  '99': 'Otro',
} as const;
export type FormaPago = keyof typeof FORMA_PAGO;
/** Payment forms that can be over-tendered and give change (vuelto). */
export const CASH_PAYMENT_FORMS: readonly FormaPago[] = ['02'];

export const TIEMPO_PAGO = { '1': 'Inmediato', '2': 'A plazo', '3': 'Mixto' } as const;

/** Withholding codes with the share of totalITBMS withheld (REFERENCE.md §2.11, §2.13). */
export const CODIGO_RETENCION = {
  '1': { label: 'Pago por servicio profesional al Estado (100 %)', share: '1' },
  '2': { label: 'Pago por venta de bienes o servicios al Estado (50 %)', share: '0.5' },
  '3': { label: 'Pago o acreditación a no domiciliado (100 %)', share: '1' },
  '4': { label: 'Pago o acreditación por compra de bienes o servicios (50 %)', share: '0.5' },
  '7': { label: 'Pago a comercio afiliado a sistema de tarjeta de crédito o débito (50 %)', share: '0.5' },
  '8': { label: 'Otros (retención reducida)', share: null },
} as const;

export const CODIGO_OTI = {
  '01': 'Tasa SUME 911',
  '02': 'Tasa de portabilidad numérica',
  '03': 'Impuesto sobre seguro (5 %)',
  '04': 'Impuesto ATTT sobre seguro de vehículos (1 %)',
  '05': 'Tasa de salida aeroportuaria (FZ)',
  '06': 'Cargo de desarrollo aeroportuario (F3)',
  '07': 'Cargo de seguridad aeroportuaria (AH)',
  '08': 'Otros cargos (XT)',
  '09': 'Combustible (YQ)',
  '10': 'FECI',
  '11': 'Intereses',
} as const;
export type CodigoOti = keyof typeof CODIGO_OTI;

export const UNIDAD_PESO_TOTAL = { '1': 'Gramos', '2': 'Kilogramos', '3': 'Toneladas', '4': 'Libras' } as const;

/** Spanish label of a catalogue entry, whatever its shape. */
export function labelOf(
  catalogue: Readonly<Record<string, string | { label: string }>>,
  code: string,
): string | undefined {
  const entry = catalogue[code];
  return typeof entry === 'string' ? entry : entry?.label;
}

/** New vehicles (`vehiculo`, DGI gVehicNuevo; REFERENCE.md §2.8). */
export const MODALIDAD_OPERACION_VENTA = {
  '01': 'Venta a concesionario',
  '02': 'Venta a consumidor final',
  '03': 'Venta al gobierno',
  '04': 'Venta a flota',
  '99': 'Otro',
} as const;
export const TIPO_COMBUSTIBLE = {
  '01': 'Gasolina',
  '02': 'Diésel',
  '03': 'Etanol',
  '08': 'Eléctrico',
  '09': 'Gasolina/eléctrico',
  '99': 'Otro',
} as const;
export const TIPO_PINTURA = { '1': 'Sólida', '2': 'Metálica', '3': 'Perlada', '4': 'Mate', '9': 'Otra' } as const;
/** cTipoVehic 1–38 as HKA's wiki lists them (the 2020 XSD allowed only 1–6). */
export const TIPO_VEHICULO = {
  '1': 'Motocicleta',
  '2': 'Bus',
  '3': 'Camión',
  '4': 'Sedán',
  '5': 'Camioneta',
  '6': 'Pick-up',
  '7': 'Mini pick-up',
  '8': 'Pick-up grúa',
  '9': 'Pick-up cabina sencilla',
  '10': 'Pick-up cabina y media',
  '11': 'Pick-up doble cabina',
  '12': 'Sedán híbrido',
  '13': 'Microbús',
  '14': 'Minibús',
  '15': 'Mini microbús',
  '16': 'Busito',
  '17': 'Hatchback',
  '18': 'Mini panel',
  '19': 'Panel',
  '20': 'Convertible',
  '21': 'Coupé',
  '22': 'Coupé convertible',
  '23': 'Mini auto',
  '24': 'Motoneta',
  '25': 'Mototriciclo',
  '26': 'Scooter',
  '27': 'Triciclo',
  '28': 'Limusina',
  '29': 'Minivan',
  '30': 'Van',
  '31': 'Tráiler',
  '32': 'Semitráiler',
  '33': 'Suburvan',
  '34': 'Vagón',
  '35': 'Vagoneta',
  '36': 'Remolque',
  '37': 'Cuatrimoto',
  '38': 'SUV',
} as const;
export const USO_VEHICULO = {
  '1': 'Comercial',
  '2': 'Particular',
  '3': 'Diplomático',
  '4': 'Oficial',
  '5': 'Especial',
} as const;
export const CONDICION_VEHICULO = { '1': 'Acabado', '2': 'Semiacabado', '3': 'Inacabado' } as const;

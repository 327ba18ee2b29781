import { describe, expect, it } from 'vitest';
import type { DocumentDetail } from '../ipc/schemas';
import { detalleOf, receiptModel, stageOf } from './receipt-model';

const ISSUER = {
  razonSocial: 'THE FACTORY HKA CORP',
  ruc: '155596713-2-2015',
  dv: '59',
  codigoSucursal: '0000',
  puntoFacturacion: '001',
};
const CUFE = 'FE0120000155732387-2-2023-1400002024052400000000015050128219609273';

const document = {
  codigoSucursalEmisor: '0000',
  tipoSucursal: '1',
  tipoEmision: '01',
  tipoDocumento: '01',
  numeroDocumentoFiscal: '42',
  puntoFacturacionFiscal: '001',
  fechaEmision: '2026-11-28T10:15:00-05:00',
  naturalezaOperacion: '01',
  tipoOperacion: '1',
  destinoOperacion: '1',
  formatoCAFE: '2',
  entregaCAFE: '2',
  envioContenedor: '1',
  procesoGeneracion: '1',
  tipoVenta: '1',
  cliente: { tipoClienteFE: '02', pais: 'PA' },
  items: [
    {
      codigo: '1001',
      descripcion: 'Arroz 5 lb',
      cantidad: '2',
      precioUnitario: '4.25',
      precioUnitarioDescuento: '0.25',
      tasaItbms: '01',
    },
    { codigo: '1002', descripcion: 'Leche 1 L', cantidad: '1', precioUnitario: '1.10', tasaItbms: '00' },
  ],
  pagos: [
    { formaPagoFact: '03', valorCuotaPagada: '5.00' },
    { formaPagoFact: '02', valorCuotaPagada: '5.00' },
  ],
  tiempoPago: '1',
};

const detail = (over: Partial<DocumentDetail> = {}): DocumentDetail => ({
  id: 'd1',
  tipoDocumento: '01',
  numero: 42,
  puntoFacturacion: '001',
  tipoEmision: '01',
  fechaEmision: document.fechaEmision,
  status: 'QUEUED',
  totalFactura: '9.66',
  receptorNombre: null,
  cufe: null,
  document,
  totals: {},
  qr: null,
  nroProtocolo: null,
  fechaRecepcionDgi: null,
  hkaCodigo: null,
  hkaMensajes: [],
  history: [],
  ...over,
});

describe('receipt model', () => {
  it('names the invoice a credit or debit note refers to; a sale and a generic note name none', () => {
    const note = (tipoDocumento: '04' | '05' | '06', facturaNumero: number | null) =>
      receiptModel(
        detail({
          tipoDocumento,
          numero: 7,
          facturaNumero,
          document: { ...document, tipoDocumento, referencias: [{ fechaEmision: document.fechaEmision, cufe: CUFE }] },
        }),
        ISSUER,
        false,
      )?.nota;
    expect(note('04', 42)).toEqual({ kind: 'credito', factura: '0000000042' });
    expect(note('05', 42)).toEqual({ kind: 'debito', factura: '0000000042' });
    expect(note('06', null)).toBeNull();
    expect(receiptModel(detail({ facturaNumero: 3 }), ISSUER, false)?.nota).toBeNull();
  });

  it('never calls a document authorised without a CUFE', () => {
    expect(stageOf({ status: 'QUEUED', cufe: null, tipoEmision: '01' })).toBe('pending');
    expect(stageOf({ status: 'PROCESSING', cufe: null, tipoEmision: '02' })).toBe('contingency');
    expect(stageOf({ status: 'AUTHORIZED', cufe: CUFE, tipoEmision: '02' })).toBe('authorized');
    expect(stageOf({ status: 'AUTHORIZED', cufe: null, tipoEmision: '01' })).toBe('pending');
    expect(stageOf({ status: 'REJECTED', cufe: null, tipoEmision: '01' })).toBe('notAuthorized');
    expect(stageOf({ status: 'ANNULLED', cufe: CUFE, tipoEmision: '01' })).toBe('annulled');
  });

  it('lays out lines before tax, the unit discount once on its line, ITBMS by rate, payments and change', () => {
    const model = receiptModel(detail(), ISSUER, true);
    expect(model).toMatchObject({
      stage: 'pending',
      training: true,
      numero: '0000000042',
      fecha: '28/11/2026 10:15:00',
      cliente: ['Consumidor final'],
      vuelto: '0.34',
      cufe: null,
      qr: null,
    });
    expect(model?.items).toEqual([
      { descripcion: 'Arroz 5 lb', detalle: '2 x B/. 4.25', descuento: '0.50', importe: '8.00', tasa: '7 %' },
      { descripcion: 'Leche 1 L', detalle: '1 x B/. 1.10', descuento: null, importe: '1.10', tasa: 'Exento' },
    ]);
    expect(model?.sums).toEqual({
      subtotal: '9.10',
      porTasa: [
        { tasa: 'Exento', base: '1.10', itbms: '0.00' },
        { tasa: '7 %', base: '8.00', itbms: '0.56' },
      ],
      totalItbms: '0.56',
      isc: null,
      otrosImpuestos: null,
      cargosItems: null,
      acarreo: null,
      seguro: null,
      // The unit discount is already in the line's 8.00: it is not subtracted (or shown) a second time.
      descuentos: null,
      total: '9.66',
    });
    expect(model?.pagos).toEqual([
      { forma: 'Tarjeta de crédito', monto: '5.00' },
      { forma: 'Efectivo', monto: '5.00' },
    ]);
  });

  it('subtracts a global discount once, below the ITBMS, and shows every charge and tax it adds', () => {
    const withAll = {
      ...document,
      items: [
        {
          descripcion: 'Gaseosa 2 L',
          cantidad: '3',
          precioUnitario: '2.10',
          tasaItbms: '01',
          isc: { tasa: '0.05' },
          otis: [{ codigo: '01', valor: '0.25' }],
          precioAcarreo: '0.50',
        },
      ],
      totalAcarreoCobrado: undefined,
      valorSeguroCobrado: '1.00',
      descuentosGlobales: [{ descDescuento: 'Cliente frecuente', montoDescuento: '1.00' }],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '20.00' }],
    };
    const sums = receiptModel(detail({ document: withAll }), ISSUER, false)?.sums;
    // 6.30 + ITBMS 0.44 + ISC 0.32 + OTI 0.25 + freight 0.50 = 7.81; + insurance 1.00 − discount 1.00 = 7.81
    expect(sums).toMatchObject({
      subtotal: '6.30',
      totalItbms: '0.44',
      isc: '0.32',
      otrosImpuestos: '0.25',
      cargosItems: '0.50',
      seguro: '1.00',
      descuentos: '1.00',
      total: '7.81',
    });
  });

  it('carries the CUFE, QR and protocol once authorised, and the contingency details when issued in contingency', () => {
    const contingent = {
      ...document,
      tipoEmision: '02',
      contingencia: { fechaInicio: '2026-11-28T10:00:00-05:00', motivo: 'Sin conexión con el proveedor HKA' },
    };
    const model = receiptModel(
      detail({
        status: 'AUTHORIZED',
        tipoEmision: '02',
        document: contingent,
        cufe: CUFE,
        qr: 'https://dgi-fep.mef.gob.pa/Consultas/FacturasPorQR?chFE=x',
        nroProtocolo: '2000',
        fechaRecepcionDgi: '2026-11-28T10:16:00-05:00',
      }),
      ISSUER,
      false,
    );
    expect(model).toMatchObject({
      stage: 'authorized',
      cufe: CUFE,
      protocolo: '2000',
      fechaAutorizacion: '28/11/2026 10:16:00',
      contingencia: { desde: '28/11/2026 10:00:00' },
    });
  });

  it('names a contribuyente by razón social with RUC and DV', () => {
    const withRuc = {
      ...document,
      cliente: {
        tipoClienteFE: '01',
        tipoContribuyente: '2',
        numeroRUC: '155596713-2-2015',
        digitoVerificadorRUC: '59',
        razonSocial: 'THE FACTORY HKA CORP',
        direccion: 'Ave. La Paz',
        pais: 'PA',
      },
    };
    expect(receiptModel(detail({ document: withRuc }), ISSUER, false)?.cliente).toEqual([
      'THE FACTORY HKA CORP',
      'RUC 155596713-2-2015 DV 59',
    ]);
  });

  it('returns null for a body it cannot read', () => {
    expect(receiptModel(detail({ document: { nope: true } }), ISSUER, false)).toBeNull();
  });
});

describe('receipt model of a stored document', () => {
  it('shows the totals the document was saved and sent with, not a recomputation (e.g. saved under the old rounding)', () => {
    const legacy = {
      ...document,
      items: [{ descripcion: 'Tornillo', cantidad: '1', precioUnitario: '5.55', tasaItbms: '01' }],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '5.94' }],
    };
    const stored = {
      items: [{ precioItem: '5.55', valorITBMS: '0.3885', valorTotal: '5.9385', descuento: '0' }],
      totalPrecioNeto: '5.55',
      totalITBMS: '0.39',
      totalISC: '0.00',
      totalMontoGravado: '0.39',
      totalDescuento: '0.00',
      totalAcarreoCobrado: '0.00',
      valorSeguroCobrado: '0.00',
      totalFactura: '5.94',
      totalValorRecibido: '5.94',
      vuelto: '0.00',
      nroItems: 1,
      totalTodosItems: '5.94',
      totalesOti: [],
      porTasa: [{ tasaItbms: '01', base: '5.55', itbms: '0.39' }],
    };
    const model = receiptModel(detail({ document: legacy, totals: stored }), ISSUER, false);
    expect(model?.sums).toMatchObject({ subtotal: '5.55', totalItbms: '0.39', total: '5.94' });
    // Totals that do not belong to the document (another item count) are ignored: recomputed instead.
    const other = receiptModel(
      detail({ document: { ...legacy, items: [...legacy.items, ...legacy.items] }, totals: stored }),
      ISSUER,
      false,
    );
    expect(other?.sums.subtotal).toBe('11.10');
  });

  it('names the unit of a weighed item, with its weight to 3 decimals', () => {
    expect(detalleOf('0.75', 'kg', '3.25')).toBe('0.750 kg x B/. 3.25 /kg');
    expect(detalleOf('1.2', 'LB', '1.99')).toBe('1.200 lb x B/. 1.99 /lb');
    expect(detalleOf('2.000000', 'und', '4.25')).toBe('2 x B/. 4.25');
    expect(detalleOf('2', undefined, '4.25')).toBe('2 x B/. 4.25');
  });
});

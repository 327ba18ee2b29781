import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../tests/fixtures/escpos-decode';
import { REAL_CUFE } from '../../../tests/fixtures/fiscal-documents';
import type { DocumentDetail } from '../../shared/ipc/schemas';
import { receiptModel, type ReceiptModel } from '../../shared/receipt/receipt-model';
import {
  COLUMNS,
  COPY_BANNER,
  encodeDrawerKick,
  encodeReceipt,
  encodeTestPage,
  row,
  type EscPosReceiptOptions,
} from './escpos-receipt';

const ISSUER = {
  razonSocial: 'Súper Ñandú, S.A.',
  ruc: '155596713-2-2015',
  dv: '59',
  codigoSucursal: '0000',
  puntoFacturacion: '001',
};
const CUFE = 'FE0120000155596713-2-2015-0000002026112800000000420010112345678';
const QR = 'https://dgi-fep.mef.gob.pa/Consultas/FacturasPorQR?chFE=FE0120000155596713&iAmb=2&digestValue=abc%3D';

const body = {
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
  pagos: [{ formaPagoFact: '02', valorCuotaPagada: '10.00' }],
  tiempoPago: '1',
};

const detail = (over: Partial<DocumentDetail> = {}): DocumentDetail => ({
  id: 'd1',
  tipoDocumento: '01',
  numero: 42,
  puntoFacturacion: '001',
  tipoEmision: '01',
  fechaEmision: body.fechaEmision,
  status: 'QUEUED',
  totalFactura: '9.66',
  receptorNombre: null,
  cufe: null,
  document: body,
  totals: {},
  qr: null,
  nroProtocolo: null,
  fechaRecepcionDgi: null,
  hkaCodigo: null,
  hkaMensajes: [],
  history: [],
  ...over,
});

const modelOf = (over: Partial<DocumentDetail> = {}, training = false): ReceiptModel => {
  const model = receiptModel(detail(over), ISSUER, training);
  if (!model) throw new Error('unreadable sample');
  return model;
};

const OPTIONS: EscPosReceiptOptions = {
  paper: '80',
  headerLines: ['Calle 50, Ciudad de Panamá', 'Tel. 264-0000'],
  footerLines: ['¡Gracias por su compra!'],
  cashier: 'María Pérez',
  copy: false,
};

describe('ESC/POS receipt', () => {
  it('decodes to the receipt text: shop, address and phone, cashier, lines, totals, payment and change, then a cut', () => {
    const decoded = decodeEscPos(encodeReceipt(modelOf(), OPTIONS));
    const text = decoded.lines;
    expect(text.slice(0, 6)).toEqual([
      'Súper Ñandú, S.A.',
      'RUC 155596713-2-2015 DV 59',
      'Sucursal 0000 · Punto de facturación 001',
      'Calle 50, Ciudad de Panamá',
      'Tel. 264-0000',
      '─'.repeat(48),
    ]);
    expect(text).toContain('Recibo provisional');
    expect(text).toContain('PENDIENTE DE AUTORIZACIÓN');
    expect(text).toContain('Cajero: María Pérez');
    expect(text).toContain(row(48, 'No.', '0000000042')[0]);
    expect(text).toContain(row(48, '  2 x B/. 4.25 (7 %)', 'B/. 8.00')[0]!.trim());
    expect(text).toContain('Incluye descuento de B/. 0.50');
    expect(text).toContain(row(48, 'TOTAL', 'B/. 9.66')[0]);
    expect(text).toContain(row(48, 'Efectivo', 'B/. 10.00')[0]);
    expect(text).toContain(row(48, 'Vuelto', 'B/. 0.34')[0]);
    expect(text).toContain('¡Gracias por su compra!');
    expect(text).not.toContain(COPY_BANNER);
    for (const e of decoded.events) if (e.kind === 'text') expect(e.line.length).toBeLessThanOrEqual(48);
    // Nothing is printed after the cut, and a provisional receipt carries no QR.
    const cutAt = decoded.events.findIndex((e) => e.kind === 'cut');
    expect(decoded.events[cutAt]).toEqual({ kind: 'cut', partial: true });
    expect(decoded.events.slice(cutAt + 1).every((e) => e.kind === 'text' && e.line === '')).toBe(true);
    expect(decoded.cuts).toBe(1);
    expect(decoded.qr).toEqual([]);
    expect(decoded.pulses).toEqual([]);
  });

  it('titles a credit note with the invoice it refers to, on 58 mm too; a sale has no such title', () => {
    const nota = {
      ...body,
      tipoDocumento: '04',
      numeroDocumentoFiscal: '43',
      referencias: [{ fechaEmision: body.fechaEmision, cufe: REAL_CUFE }],
    };
    for (const paper of ['80', '58'] as const) {
      const decoded = decodeEscPos(
        encodeReceipt(modelOf({ tipoDocumento: '04', numero: 43, document: nota, facturaNumero: 42 }), {
          ...OPTIONS,
          paper,
        }),
      );
      const at = decoded.lines.indexOf('NOTA DE CRÉDITO Nº 0000000043');
      expect(at).toBeGreaterThan(0);
      expect(decoded.lines[at + 1]).toBe('a la factura Nº 0000000042');
    }
    expect(decodeEscPos(encodeReceipt(modelOf({ facturaNumero: 41 }), OPTIONS)).lines.join('\n')).not.toContain(
      'NOTA DE',
    );
  });

  it("prints the CAFE with its CUFE and the QR as the printer's own QR command", () => {
    const decoded = decodeEscPos(
      encodeReceipt(
        modelOf({
          status: 'AUTHORIZED',
          cufe: CUFE,
          qr: QR,
          nroProtocolo: '20000000000',
          fechaRecepcionDgi: '2026-11-28T10:16:00-05:00',
        }),
        OPTIONS,
      ),
    );
    expect(decoded.lines).toContain('Comprobante Auxiliar de Factura Electrónica');
    expect(decoded.events.find((e) => e.kind === 'text' && e.line.includes('Comprobante'))).toMatchObject({
      bold: true,
    });
    expect(decoded.lines).not.toContain('PENDIENTE DE AUTORIZACIÓN');
    expect(decoded.lines.join('')).toContain(CUFE);
    expect(decoded.events.filter((e) => e.kind === 'qr')).toEqual([
      { kind: 'qr', data: QR, model: 2, size: 6, errorLevel: 'm' },
    ]);
    expect(decoded.lines.join('')).toContain('https://dgi-fep.mef.gob.pa/Consultas/FacturasPorCUFE');
  });

  it('says COPIA, inverted, at the top and the bottom of a reprint', () => {
    const decoded = decodeEscPos(encodeReceipt(modelOf(), { ...OPTIONS, copy: true }));
    const banners = decoded.events.filter((e) => e.kind === 'text' && e.line.trim() === COPY_BANNER);
    expect(banners).toHaveLength(2);
    expect(banners.every((e) => e.kind === 'text' && e.inverted && e.bold)).toBe(true);
    expect(decoded.lines[0]).toBe(COPY_BANNER);
    expect(decoded.lines.filter((l) => l !== '').at(-1)).toBe(COPY_BANNER);
  });

  it('fits a 58 mm paper: 32 columns, long labels put their amount under them', () => {
    const decoded = decodeEscPos(encodeReceipt(modelOf({}, true), { ...OPTIONS, paper: '58' }));
    expect(COLUMNS['58']).toBe(32);
    for (const e of decoded.events) if (e.kind === 'text') expect(e.line.length).toBeLessThanOrEqual(32);
    expect(decoded.lines).toContain('Subtotal (sin impuestos)');
    expect(decoded.lines[decoded.lines.indexOf('Subtotal (sin impuestos)') + 1]).toBe('B/. 9.10');
    expect(decoded.lines).toContain('*** MODO ENTRENAMIENTO · SIN');
  });

  it('kicks the drawer with a pulse on pin 2 and prints nothing', () => {
    const decoded = decodeEscPos(encodeDrawerKick());
    expect(decoded.pulses).toEqual([{ kind: 'pulse', pin: 2, onMs: 100, offMs: 500 }]);
    expect(decoded.lines).toEqual([]);
    expect(decoded.cuts).toBe(0);
  });

  it("prints a test page with the width's ruler, accents, a QR and a cut", () => {
    const decoded = decodeEscPos(encodeTestPage('58', 'Súper Ñandú'));
    expect(decoded.lines).toContain('12345678901234567890123456789012');
    expect(decoded.lines).toContain('áéíóú ÁÉÍÓÚ ñÑ ¿¡ B/. 1,234.56');
    expect(decoded.qr).toEqual(['SAGO-FACTU']);
    expect(decoded.cuts).toBe(1);
  });

  it('refuses to be read as something it is not: the decoder throws on a command it does not know', () => {
    expect(() => decodeEscPos(Uint8Array.from([0x1b, 0x99]))).toThrow(/unknown command/);
  });
});

// HKA's own published documents go through the simulator's validation: each is accepted, or rejected only for the
// rules it itself breaks (listed here with the reason). The REST fixture is left out: it is an XML rendering of a JSON
// payload (tipoSucursal inside datosTransaccion, cliente fields in another order, placeholder CUFE), not SOAP.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDocumento } from './validate-documento';
import { CTX, documentoOf } from './validation-kit.fixture';

const REFERENCE = join(import.meta.dirname, '../../../../../tests/fixtures/reference/hka-dgi');
const DOCUMENT_SAMPLES = join(REFERENCE, 'hka-document-samples');
const REST_FIXTURE = 'nota-credito-referente-rest-payload-fixture.xml';

const TERM_WITHOUT_INSTALLMENTS =
  'tiempoPago 3 (mixto) without listaPagoPlazo breaks §2.12 rule 6 (see termNeedsInstallments for why it is enforced)';

/** file → (message → reason the sample breaks that rule). */
const EXPECTED_BREAKS: Record<string, Record<string, string>> = {
  'factura-cliente-extranjero.xml': { 'El campo listaPagoPlazo es requerido': TERM_WITHOUT_INSTALLMENTS },
  'factura-con-retencion.xml': {
    'En la ocurrencia 1 de Item, El campo unidadMedidaCPBS es requerido':
      'a sale to the State without the CPBS unit breaks §2.7 #9 ("required when 03"); see governmentCpbs',
  },
  'factura-consumidor-final.xml': {},
  'factura-descuento-global.xml': {},
  'factura-descuento-por-item.xml': {},
  'nota-debito-generica.xml': { 'El campo listaPagoPlazo es requerido': TERM_WITHOUT_INSTALLMENTS },
};

const read = (path: string) => documentoOf(readFileSync(path, 'utf8'));

describe('HKA document samples through the simulator validation', () => {
  it('covers every sample in the folder except the REST fixture', () => {
    const files = readdirSync(DOCUMENT_SAMPLES).filter((f) => f.endsWith('.xml') && f !== REST_FIXTURE);
    expect(files.sort()).toEqual(Object.keys(EXPECTED_BREAKS).sort());
  });

  it.each(Object.entries(EXPECTED_BREAKS))('%s is accepted or breaks only the listed rules', (file, breaks) => {
    expect(validateDocumento(read(join(DOCUMENT_SAMPLES, file)), CTX).sort()).toEqual(Object.keys(breaks).sort());
  });

  it('accepts the wiki Enviar sample (OTI, totalOtrosGastos, empty optional tags, usoPosterior)', () => {
    expect(validateDocumento(read(join(REFERENCE, 'hka-soap-samples/01-enviar-request.xml')), CTX)).toEqual([]);
  });

  it('rejects the REST fixture for what a SOAP reading of it loses (documents why it is excluded)', () => {
    expect(validateDocumento(read(join(DOCUMENT_SAMPLES, REST_FIXTURE)), CTX)).toEqual([
      'El campo numeroDocumentoFiscal es inválido', // "___ignore___" placeholder
      'En la ocurrencia 1 de DocFiscalReferenciado, El campo cufeFEReferenciada es inválido', // "TEST-CUFE-001"
      // totalTodosItems comes before tiempoPago and nroItems, so WCF skips those two as out of order (§1.8)
      'El campo tiempoPago es requerido',
      'El campo nroItems es requerido',
      // cliente sends pais first: every field after it is skipped the same way
      'El campo tipoContribuyente es requerido',
      'El campo numeroRUC es requerido',
      'El campo digitoVerificadorRUC es requerido',
      'El campo razonSocial es requerido',
      'El campo direccion es requerido',
    ]);
  });
});

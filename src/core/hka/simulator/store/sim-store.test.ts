import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../accounts';
import { SimStore, type NewDocument } from './sim-store';

function aDocument(overrides: Partial<NewDocument> = {}): NewDocument {
  return {
    ruc: '155596713-2-2015',
    codigoSucursalEmisor: '0000',
    puntoFacturacionFiscal: '001',
    numero: 1,
    tipoDocumento: '01',
    tipoEmision: '01',
    fechaEmision: '2026-11-28T10:15:00-05:00',
    cufe: 'CUFE-1',
    qr: 'https://qr',
    fechaRecepcionDGI: '2026-11-28T10:20:00-05:00',
    authorizedAtMs: Date.parse('2026-11-28T10:20:00-05:00'),
    codigoSeguridad: '123456789',
    digestValue: 'ZGlnZXN0',
    documentoXml: '<documento/>',
    issuer: DEMO_ACCOUNT.issuer,
    ...overrides,
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('SimStore', () => {
  it('authorises once per key and numbers protocols in sequence', () => {
    const store = new SimStore();
    const first = store.authorize(aDocument(), (n) => `P${n}`);
    const again = store.authorize(aDocument({ cufe: 'CUFE-other' }), (n) => `P${n}`);
    const second = store.authorize(aDocument({ numero: 2, cufe: 'CUFE-2' }), (n) => `P${n}`);
    expect(first).toMatchObject({ duplicate: false, stored: { nroProtocoloAutorizacion: 'P1', status: 'Autorizada' } });
    expect(again).toMatchObject({ duplicate: true, stored: { cufe: 'CUFE-1' } });
    expect(second.stored.nroProtocoloAutorizacion).toBe('P2');
    expect(store.ledger().map((e) => [e.cufe, e.numeroDocumentoFiscal])).toEqual([
      ['CUFE-1', '0000000001'],
      ['CUFE-2', '0000000002'],
    ]);
    store.close();
  });

  it('keeps documents, annulments, deliveries, licences and sequences in its file across reopenings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hka-sim-store-'));
    dirs.push(dir);
    const path = join(dir, 'sim.db');
    const before = new SimStore(path);
    before.authorize(aDocument(), (n) => `P${n}`);
    before.annul('CUFE-1', '2026-11-29T09:00:00-05:00', 'Error de digitación');
    before.addDelivery(
      'CUFE-1',
      { correo: 'a@b.com', creadoEn: '2026-11-28 10:30:00', estado: 'Entregado' },
      (id) => `m${id}`,
    );
    expect(before.licenceStart('155596713-2-2015', '2026-11-28')).toBe('2026-11-28');
    before.close();

    const after = new SimStore(path);
    expect(
      after.findByKey({
        ruc: '155596713-2-2015',
        codigoSucursalEmisor: '0000',
        puntoFacturacionFiscal: '001',
        numero: 1,
        tipoDocumento: '01',
      }),
    ).toMatchObject({
      cufe: 'CUFE-1',
      status: 'Anulada',
      motivoAnulacion: 'Error de digitación',
      issuer: DEMO_ACCOUNT.issuer,
    });
    expect(after.deliveries('CUFE-1')).toEqual([
      { correo: 'a@b.com', creadoEn: '2026-11-28 10:30:00', estado: 'Entregado', messageId: 'm1' },
    ]);
    expect(after.licenceStart('155596713-2-2015', '2027-01-01')).toBe('2026-11-28');
    expect(
      after.authorize(aDocument({ numero: 2, cufe: 'CUFE-2' }), (n) => `P${n}`).stored.nroProtocoloAutorizacion,
    ).toBe('P2');
    after.close();
  });

  it('counts authorisations of an issuer inside a time window (folios used)', () => {
    const store = new SimStore();
    const t = Date.parse('2026-11-28T10:00:00-05:00');
    store.authorize(aDocument({ authorizedAtMs: t }), () => 'P');
    store.authorize(aDocument({ numero: 2, cufe: 'C2', authorizedAtMs: t + 1000 }), () => 'P');
    store.authorize(aDocument({ numero: 3, cufe: 'C3', ruc: '8-NT-1-13656', authorizedAtMs: t }), () => 'P');
    expect(store.countAuthorized('155596713-2-2015', t, t + 1000)).toBe(1);
    expect(store.countAuthorized('155596713-2-2015', t, t + 1001)).toBe(2);
    store.close();
  });
});

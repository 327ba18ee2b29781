// The issuer area against a real SQLite store: DV verified before anything is written, identity and issuing point
// saved together with one audit entry (before/after), and the next sale numbered in the new branch's own series.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../app/app-error';
import { captureSale } from '../sales/capture-sale';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { readIssuerSettings } from '../store/settings-repo';
import { issuerRucViolations, readIssuerView, saveIssuer, type IssuerInput } from './issuer-settings';

let store: OpenedDatabase;
beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
});
afterEach(() => store.close());

const AT = new Date('2026-11-28T15:00:00Z');
const deps = () => ({ db: store.db, environment: 'simulador' as const, clock: () => AT });
const settingsRows = () =>
  store.sqlite.prepare("SELECT key, value FROM settings WHERE key IN ('issuer', 'issuer_identity') ORDER BY key").all();
const auditRows = () =>
  store.sqlite.prepare("SELECT actor, action, details FROM audit_log WHERE action LIKE 'settings.%'").all() as {
    actor: string;
    action: string;
    details: string;
  }[];

function sell() {
  const sale = captureSale(
    {
      db: store.db,
      issuer: readIssuerSettings(store.db),
      emissionMode: () => ({ tipoEmision: '01' }),
      clock: () => AT,
      actor: 'luis',
    },
    {
      tipoDocumento: '01',
      cliente: { tipoClienteFE: '02', pais: 'PA' },
      tiempoPago: '1',
      items: [{ descripcion: 'Pan de molde', cantidad: '1', precioUnitario: '2.00', tasaItbms: '00' }],
      pagos: [{ formaPagoFact: '02', valorCuotaPagada: '2.00' }],
    },
  );
  if (!sale.ok) throw new Error(JSON.stringify(sale.violations));
  return sale.captured.document;
}

const INPUT: IssuerInput = {
  ruc: '155596713-2-2015',
  dv: '59',
  razonSocial: 'MINI SUPER LA ESQUINA S.A.',
  codigoSucursalEmisor: '0001',
  tipoSucursal: '1',
  puntoFacturacionFiscal: '002',
  naturalezaOperacion: '01',
  autorizadosDescarga: [],
};

describe('issuer settings', () => {
  it("reads the simulator's demo issuer and the default issuing point before anything is saved", () => {
    expect(readIssuerView(store.db, 'simulador')).toEqual({
      ruc: '155596713-2-2015',
      dv: '59',
      razonSocial: 'THE FACTORY HKA CORP',
      codigoSucursalEmisor: '0000',
      tipoSucursal: '1',
      puntoFacturacionFiscal: '001',
      naturalezaOperacion: '01',
      autorizadosDescarga: [],
    });
    expect(readIssuerView(store.db, 'produccion')).toMatchObject({ ruc: '', dv: '', razonSocial: '' });
  });

  it('refuses a wrong DV with a Spanish violation on dv and writes nothing', () => {
    let thrown: unknown;
    try {
      saveIssuer(deps(), { ...INPUT, dv: '58' }, { actor: 'ana' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect(thrown).toMatchObject({
      code: 'validation_failed',
      violations: [{ path: 'dv', rule: 'dv_mismatch', message: 'El DV no corresponde al RUC (se esperaba 59)' }],
    });
    expect(settingsRows()).toEqual([]);
    expect(auditRows()).toEqual([]);
  });

  it('refuses a RUC that is not one and accepts the forms the DGI algorithm cannot check locally', () => {
    expect(issuerRucViolations('ABC', '12')).toEqual([
      { path: 'ruc', rule: 'ruc_invalid', message: 'El RUC no tiene un formato válido' },
    ]);
    // AV with a 4-digit tomo: not in the DGI procedure and implementations disagree, so any DV is left to HKA.
    expect(issuerRucViolations('8AV-1234-12345', '07')).toEqual([]);
    // A 4-digit tomo cédula is in the DGI procedure (example 4a): a wrong DV is refused.
    expect(issuerRucViolations('8-2743-1253', '07')).toHaveLength(1);
    expect(issuerRucViolations('8-2743-1253', '31')).toEqual([]);
    expect(issuerRucViolations('155596713-2-2015', '9')).toHaveLength(1); // read as "09", which is not 59
  });

  it('saves identity and issuing point in one audited change, and the next sale uses the new series', () => {
    sell();
    sell();
    const saved = saveIssuer(deps(), { ...INPUT, ruc: ' 155596713-2-2015 ' }, { actor: 'ana' });
    expect(saved).toEqual({ ...INPUT });
    expect(readIssuerView(store.db, 'simulador')).toEqual(saved);
    const [entry, ...more] = auditRows();
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ actor: 'ana', action: 'settings.issuer' });
    expect(JSON.parse(entry?.details ?? '{}')).toEqual({
      before: {
        ruc: '155596713-2-2015',
        dv: '59',
        razonSocial: 'THE FACTORY HKA CORP',
        codigoSucursalEmisor: '0000',
        tipoSucursal: '1',
        puntoFacturacionFiscal: '001',
        naturalezaOperacion: '01',
        autorizadosDescarga: [],
      },
      after: saved,
    });
    expect(sell()).toMatchObject({
      codigoSucursalEmisor: '0001',
      puntoFacturacionFiscal: '002',
      numeroDocumentoFiscal: '1',
    });
    expect(
      store.sqlite
        .prepare('SELECT codigo_sucursal, punto_facturacion, last_number FROM fiscal_series ORDER BY codigo_sucursal')
        .all(),
    ).toEqual([
      { codigo_sucursal: '0000', punto_facturacion: '001', last_number: 2 }, // the old series is kept as it was
      { codigo_sucursal: '0001', punto_facturacion: '002', last_number: 1 },
    ]);
  });
});

describe('third parties authorised to download (gAutXML)', () => {
  it('are saved with the issuer, go on every sale that names none of its own, and a wrong DV is refused', () => {
    const contador = { tipoContribuyente: '2', rucReceptor: '155646463-2-2017', digitoVerifRucReceptor: '86' } as const;
    saveIssuer(deps(), { ...INPUT, autorizadosDescarga: [contador] }, { actor: 'ana' });
    expect(sell().autorizadosDescarga).toEqual([contador]);
    expect(() =>
      saveIssuer(
        deps(),
        { ...INPUT, autorizadosDescarga: [{ ...contador, digitoVerifRucReceptor: '68' }] },
        { actor: 'ana' },
      ),
    ).toThrow();
  });
});

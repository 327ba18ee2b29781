// The register's catalogue puller against a scripted stand-in server: pages after the stored position with the
// device token, one apply for the whole pull, failures and untrustworthy cursors that change nothing, a sale in
// progress that defers, and training that never asks. The real server: tests/e2e/catalog-two-registers.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_CHANGES_PATH } from '../../shared/sync/catalog';
import { lookupProduct } from '../app/products-repo';
import { pinHkaEnvironment } from '../hka/hka-connection';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { saveDraft } from '../till/till-draft';
import { MemoryKeyProtector } from '../vault/key-protector';
import { MemoryVaultStorage, Vault } from '../vault/vault';
import { CatalogPuller } from './catalog-puller';
import { readCatalogState } from './catalog-state';
import { startStubSyncServer, type RecordedRequest, type StubSyncServer } from './stub-sync-server.fixture';
import { readSyncConnection, writeSyncConnection } from './sync-settings';

const TOKEN = 'sgd.6f1c2b3a-4d5e-4f60-8a71-92b3c4d5e6f7.device-token-for-tests-0123456789abcdef';
const AT = new Date('2026-12-05T14:00:00.000Z');
const CASHIER = { id: 'u-cajera', username: 'ana', displayName: 'Ana', role: 'cajero' as const };

let stub: StubSyncServer;
let store: OpenedDatabase;
let vault: Vault;

const row = (codigo: string, version: number, precio: string) => ({
  codigo,
  barcode: null,
  descripcion: `Producto ${codigo}`,
  unidad: 'und',
  precio,
  tasaItbms: '01',
  codigoCPBS: null,
  unidadMedidaCPBS: null,
  requiereLote: false,
  active: true,
  version,
});
/** A server holding `rows` (sorted by version, code) that pages them like the real one. */
function serve(rows: ReturnType<typeof row>[], catalogVersion = Math.max(0, ...rows.map((r) => r.version))) {
  stub.answer = (request: RecordedRequest) => {
    const query = new URL(request.path, 'http://x').searchParams;
    const since = Number(query.get('since'));
    const after = query.get('after') ?? '';
    const limit = Number(query.get('limit'));
    const rest = rows.filter((r) => r.version > since || (r.version === since && r.codigo > after));
    const changes = rest.slice(0, limit);
    const last = changes.at(-1);
    return {
      status: 200,
      body: {
        catalogVersion,
        changes,
        position: last ? { since: last.version, after: last.codigo } : { since, after },
        more: rest.length > limit,
      },
    };
  };
}
const puller = (environment: 'demo' | 'simulador' = 'demo') =>
  new CatalogPuller({ db: store.db, vault, environment, clock: () => AT }, { pageSize: 2, requestTimeoutMs: 2_000 });
const basketLine = {
  key: 0,
  productId: 'p',
  codigo: 'A1',
  descripcion: 'A1',
  unidad: 'und',
  cantidad: '1',
  precioUnitario: '1.00',
  catalogPrice: '1.00',
  descuentoUnitario: '0',
  tasaItbms: '01' as const,
  codigoCPBS: null,
  unidadMedidaCPBS: null,
  requiereLote: false,
  medicina: null,
};

beforeEach(async () => {
  stub = await startStubSyncServer();
  store = openDatabase({ path: ':memory:' });
  pinHkaEnvironment(store.db, 'demo', AT);
  vault = new Vault(new MemoryVaultStorage(), new MemoryKeyProtector());
  vault.setSecret('sync.deviceToken', TOKEN);
  writeSyncConnection(store.db, {
    serverUrl: stub.url,
    deviceId: '0b8e3c8a-2f7d-4e61-9a0e-4f6c1d2b3a59',
    orgId: '6f1c2b3a-4d5e-4f60-8a71-92b3c4d5e6f7',
    storeId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    storeCode: '0001',
    registerName: 'Caja 1',
    enrolledAt: AT.toISOString(),
  });
});

afterEach(async () => {
  store.close();
  await stub.close();
});

describe('CatalogPuller', () => {
  it('pulls every page after its position with the device token, then applies them all at once', async () => {
    serve(
      [row('A1', 1, '1.00'), row('B2', 1, '2.00'), row('C3', 2, '3.00'), row('A1', 3, '1.10')].sort(
        (a, b) => a.version - b.version,
      ),
    );
    expect(await puller().pullNow()).toMatchObject({
      kind: 'done',
      applied: 4,
      refused: 0,
      position: { since: 3, after: 'A1' },
      more: false,
    });
    expect(stub.requests.map((r) => r.path)).toEqual([
      `${CATALOG_CHANGES_PATH}?since=0&after=&limit=2`,
      `${CATALOG_CHANGES_PATH}?since=1&after=B2&limit=2`,
    ]);
    expect(stub.requests.every((r) => r.authorization === `Bearer ${TOKEN}` && !r.path.includes(TOKEN))).toBe(true);
    expect(lookupProduct(store.db, 'A1')?.precio).toBe('1.10');
    stub.requests.length = 0;
    expect(await puller().pullNow()).toMatchObject({ kind: 'done', applied: 0 });
    expect(stub.requests.map((r) => r.path)).toEqual([`${CATALOG_CHANGES_PATH}?since=3&after=A1&limit=2`]);
  });

  it('records a failed pull and changes nothing: server error, or a cursor it cannot trust', async () => {
    stub.answer = () => ({ status: 500, body: { error: 'internal_error' } });
    expect(await puller().pullNow()).toEqual({ kind: 'failed', error: 'server error (HTTP 500)' });
    expect(readCatalogState(store.db)).toMatchObject({
      lastError: 'server error (HTTP 500)',
      position: { since: 0, after: '' },
    });
    const answers = [
      { catalogVersion: 1, changes: [row('A1', 1, '1.00')], position: { since: 0, after: '' }, more: true }, // does not move: would loop
      { catalogVersion: 1, changes: [], position: { since: 9, after: 'Z' }, more: false }, // moves without changes: would skip
      { catalogVersion: 1, changes: [row('A1', 1, '1.00')], position: { since: 5, after: 'A1' }, more: false }, // past the catalogue
      { catalogVersion: 3, changes: [row('A1', 1, '1.00')], position: { since: 2, after: 'Z' }, more: false }, // past its last row
      { catalogVersion: 1, changes: 'nope', position: { since: 1, after: 'A1' }, more: false },
    ];
    const errors = [];
    for (const body of answers) {
      stub.answer = () => ({ status: 200, body });
      errors.push(await puller().pullNow());
    }
    const cursor = {
      kind: 'failed',
      error: 'unexpected answer: the catalogue position is not the one after the changes sent',
    };
    expect(errors).toEqual([
      cursor,
      cursor,
      cursor,
      cursor,
      { kind: 'failed', error: 'unexpected answer: the server answered 200 without a page of catalogue changes' },
    ]);
    expect([readCatalogState(store.db).position, lookupProduct(store.db, 'A1')]).toEqual([
      { since: 0, after: '' },
      null,
    ]);
  });

  it('a basket opened while the pages download: the apply refuses in its transaction and nothing is written', async () => {
    serve([row('A1', 1, '1.25')]);
    const answer = stub.answer;
    stub.answer = (request, index) => {
      saveDraft(store.db, CASHIER, { lines: [basketLine], customer: null }, AT); // the cashier scans meanwhile
      return answer(request, index);
    };
    expect(await puller().pullNow()).toEqual({ kind: 'sale_in_progress' });
    expect([lookupProduct(store.db, 'A1'), readCatalogState(store.db).position]).toEqual([
      null,
      { since: 0, after: '' },
    ]);
  });

  it('waits while a sale is in progress and applies at the next pull once the basket is gone', async () => {
    serve([row('A1', 1, '1.25')]);
    saveDraft(store.db, CASHIER, { lines: [basketLine], customer: null }, AT);
    expect(await puller().pullNow()).toEqual({ kind: 'sale_in_progress' });
    expect(stub.requests).toEqual([]); // nothing downloaded that could not be applied
    expect(readCatalogState(store.db)).toMatchObject({
      waitingForSaleSince: AT.toISOString(),
      position: { since: 0, after: '' },
    });
    expect(lookupProduct(store.db, 'A1')).toBeNull();
    saveDraft(store.db, CASHIER, null, AT);
    expect(await puller().pullNow()).toMatchObject({ kind: 'done', applied: 1 });
    expect(readCatalogState(store.db)).toMatchObject({
      waitingForSaleSince: null,
      position: { since: 1, after: 'A1' },
    });
  });

  it('starts again from the beginning for a register enrolled in another organisation since', async () => {
    serve([row('A1', 7, '1.25')]);
    expect(await puller().pullNow()).toMatchObject({ kind: 'done', position: { since: 7, after: 'A1' } });
    const connection = readSyncConnection(store.db);
    if (!connection) throw new Error('not connected');
    writeSyncConnection(store.db, { ...connection, orgId: '0c0ffee0-4d5e-4f60-8a71-92b3c4d5e6f7' });
    serve([row('B2', 1, '2.00')]);
    expect(await puller().pullNow()).toMatchObject({ kind: 'done', applied: 1, position: { since: 1, after: 'B2' } });
    expect(stub.requests.at(-1)?.path).toBe(`${CATALOG_CHANGES_PATH}?since=0&after=&limit=2`);
    expect(readCatalogState(store.db)).toMatchObject({ orgId: '0c0ffee0-4d5e-4f60-8a71-92b3c4d5e6f7' });
  });

  it('never asks in training, nor before enrolment', async () => {
    serve([row('A1', 1, '1.25')]);
    expect(await puller('simulador').pullNow()).toEqual({ kind: 'training' });
    vault.deleteSecret('sync.deviceToken');
    expect(await puller().pullNow()).toEqual({ kind: 'not_enrolled' });
    expect(stub.requests).toEqual([]);
  });
});

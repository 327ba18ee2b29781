// Backups and restore as the shells serve them: the register core over dispatchIpc, a real SQLite file, the HKA
// simulator over loopback. Covers the manager's folder (checked, then unplugged), the Z's copy, the restore and what
// it must not carry from one PC to another (HKA tokens), and who may do any of it.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAST_WORKER, waitFor } from '../../../../../tests/fixtures/register-harness';
import { asGerente, ipcOk, signInAs, TEST_USERS } from '../../../../../tests/fixtures/register-users';
import type { Request, Response } from '../../../../shared/ipc/contract';
import { DEMO_ACCOUNT, startHkaSimulator, type HkaSimulator } from '../../../hka/simulator';
import { dispatchIpc } from '../../dispatch';
import { RESTORE_IN_PROGRESS } from '../../maintenance-gate';
import { createRegisterCore, type RegisterCore } from '../../register-core';

const DRAFT: Request<'sales:complete'>['draft'] = {
  tipoDocumento: '01',
  cliente: { tipoClienteFE: '02', pais: 'PA' },
  tiempoPago: '1',
  items: [{ codigo: 'P001', descripcion: 'Arroz blanco 5 lb', cantidad: '2', precioUnitario: '3.25', tasaItbms: '00' }],
  pagos: [{ formaPagoFact: '02', valorCuotaPagada: '6.50' }],
};

// One HKA per test, shared by that test's registers. Each test's register numbers its sales from 1: with one HKA for
// the whole file, a sale sent in an earlier test holds number 1 there, so this test's own number 1 is another sale
// under the same number: a NUMBER_COLLISION that blocks the series and refuses the test's next sale, whenever the
// background worker sent the first one before the second was made.
let sim: HkaSimulator | undefined;
const cores: RegisterCore[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  await sim?.close();
  sim = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function newDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sago-backups-'));
  dirs.push(dir);
  return dir;
}

async function start(dataDir = newDir()): Promise<RegisterCore> {
  sim ??= await startHkaSimulator({});
  const core = await createRegisterCore({
    dataDir,
    simulatorEndpoint: sim.endpoint,
    worker: { ...FAST_WORKER, pollMs: 60_000 },
    dailyBackupCheckMs: 0,
  });
  cores.push(core);
  await asGerente(core.ipc);
  return core;
}

const sell = async (core: RegisterCore) => (await ipcOk(core.ipc, 'sales:complete', { draft: DRAFT })).id;
const auditActions = async (core: RegisterCore, action: string) =>
  (await ipcOk(core.ipc, 'audit:list', { action, limit: 50 })).items;

describe('backups', () => {
  it('checks the manager’s folder, writes and lists verified copies in both places', async () => {
    const core = await start();
    const usb = newDir();
    const missing = await dispatchIpc(core.ipc, 'settings:saveBackups', { folder: join(usb, 'no-existe'), keep: 5 });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('no existe') as unknown },
    });
    expect(await dispatchIpc(core.ipc, 'settings:saveBackups', { folder: 'relativa/copias', keep: 5 })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('ruta completa') as unknown },
    });
    await ipcOk(core.ipc, 'settings:saveBackups', { folder: usb, keep: 5 });
    await sell(core);
    const created = await ipcOk(core.ipc, 'backups:create', {});
    expect(created.outcomes).toEqual([
      { location: 'local', ok: true, file: expect.stringMatching(/-manual\.sqlite$/) as unknown, message: null },
      { location: 'externa', ok: true, file: expect.stringMatching(/-manual\.sqlite$/) as unknown, message: null },
    ]);
    const listed = await ipcOk(core.ipc, 'backups:list', {});
    expect(listed.backups).toHaveLength(2);
    for (const backup of listed.backups)
      expect(backup).toMatchObject({ verified: true, documents: 1, reason: 'manual' });
    expect((await auditActions(core, 'backup.created')).map((e) => e.details['location']).sort()).toEqual([
      'externa',
      'local',
    ]);
  });

  it('keeps N in each folder', async () => {
    const core = await start();
    await ipcOk(core.ipc, 'settings:saveBackups', { folder: null, keep: 2 });
    for (let i = 0; i < 4; i += 1) await ipcOk(core.ipc, 'backups:create', {});
    expect((await ipcOk(core.ipc, 'backups:list', {})).backups).toHaveLength(2);
  });

  it('an unplugged folder is reported and audited, the local copy is still written, and the Z still closes', async () => {
    const core = await start();
    const usb = newDir();
    await ipcOk(core.ipc, 'settings:saveBackups', { folder: usb, keep: 10 });
    rmSync(usb, { recursive: true });
    const created = await ipcOk(core.ipc, 'backups:create', {});
    expect(created.outcomes).toEqual([
      expect.objectContaining({ location: 'local', ok: true }),
      { location: 'externa', ok: false, file: null, message: `La carpeta ${usb} no existe o no está conectada` },
    ]);
    expect(created.failures).toEqual([
      expect.objectContaining({
        location: 'externa',
        message: expect.stringContaining('no está conectada') as unknown,
      }),
    ]);
    writeFileSync(usb, 'a file where the folder was'); // not a folder: unwritable, even for root
    await ipcOk(core.ipc, 'reports:openShift', { openingCash: '0.00' });
    const z = await ipcOk(core.ipc, 'reports:closeShift', { countedCash: '0.00' });
    expect(z.closed).toBe(true);
    // The Z answered first; its copy follows in the background: written locally, refused by the broken folder.
    await waitFor(
      () => readdirSync(join(core.store.sqlite.name, '..', 'backups')).some((f) => f.endsWith('-z.sqlite')),
      5_000,
      'Z backup',
    );
    let zFailures: unknown[] = [];
    while (zFailures.length === 0) {
      zFailures = (await auditActions(core, 'backup.failed')).filter((e) => e.details['reason'] === 'z');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(zFailures[0]).toMatchObject({ details: { location: 'externa', message: `${usb} no es una carpeta` } });
    expect((await ipcOk(core.ipc, 'backups:list', {})).failures).toEqual([
      expect.objectContaining({ message: `${usb} no es una carpeta` }),
    ]);
  });

  it('keeps the HKA tokens out of the copy in clear', async () => {
    const dataDir = newDir();
    const core = await start(dataDir);
    await ipcOk(core.ipc, 'settings:saveHka', {
      environment: 'simulador',
      tokenEmpresa: DEMO_ACCOUNT.tokenEmpresa,
      tokenPassword: DEMO_ACCOUNT.tokenPassword,
    });
    const created = await ipcOk(core.ipc, 'backups:create', {});
    const bytes = readFileSync(join(dataDir, 'backups', created.outcomes[0]?.file ?? ''));
    for (const secret of [DEMO_ACCOUNT.tokenEmpresa, DEMO_ACCOUNT.tokenPassword]) {
      expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
    }
    // Nor the key that would open the sealed values: it stays in this machine's key file (or keychain).
    const masterKey = Buffer.from(readFileSync(join(dataDir, 'vault.key'), 'utf8').trim(), 'base64');
    expect(bytes.includes(masterKey)).toBe(false);
  });
});

describe('restore', () => {
  it('swaps the data in, keeps the old file, audits the counts, and the register keeps working', async () => {
    const dataDir = newDir();
    const core = await start(dataDir);
    const kept = await sell(core);
    const backup = (await ipcOk(core.ipc, 'backups:create', {})).outcomes[0]?.file ?? '';
    const lost = await sell(core);
    expect(
      await dispatchIpc(core.ipc, 'backups:restore', { location: 'local', file: backup, confirmation: 'si' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_request', message: expect.stringContaining('RESTAURAR') as unknown },
    });

    const restoring = dispatchIpc(core.ipc, 'backups:restore', {
      location: 'local',
      file: backup,
      confirmation: 'RESTAURAR',
    });
    // While the data is swapped, nothing else gets in (a sale now would be overwritten).
    expect(await dispatchIpc(core.ipc, 'sales:complete', { draft: DRAFT })).toEqual({
      ok: false,
      error: { code: 'not_allowed', message: RESTORE_IN_PROGRESS },
    });
    const restored = await restoring;
    expect(restored).toMatchObject({
      ok: true,
      value: { documentsBefore: 2, documentsAfter: 1, credentialsNeeded: false, warning: null },
    });
    const { keptAs } = (restored as { value: Response<'backups:restore'> }).value;
    expect(existsSync(join(dataDir, keptAs))).toBe(true);
    expect((await ipcOk(core.ipc, 'documents:get', { id: kept })).id).toBe(kept);
    expect(await dispatchIpc(core.ipc, 'documents:get', { id: lost })).toMatchObject({ ok: false });
    const [entry] = await auditActions(core, 'backup.restored');
    expect(entry?.details).toMatchObject({ file: backup, documentsBefore: 2, documentsAfter: 1 });
    // Same PC: same session, the tokens (if any) still open, the till sells and the worker sends.
    const after = await sell(core);
    await ipcOk(core.ipc, 'queue:sendNow', {});
    await waitFor(
      () =>
        (core.store.sqlite.prepare('SELECT status FROM documents WHERE id = ?').get(after) as { status: string })
          .status === 'AUTHORIZED',
      10_000,
      'sent after restore',
    );
    const audit = await ipcOk(core.ipc, 'audit:verify', { recheck: true });
    expect(audit.ok).toBe(true);
  });

  it('refuses a copy that no longer matches its manifest, and changes nothing', async () => {
    const dataDir = newDir();
    const core = await start(dataDir);
    await sell(core);
    const backup = (await ipcOk(core.ipc, 'backups:create', {})).outcomes[0]?.file ?? '';
    const path = join(dataDir, 'backups', backup);
    const bytes = readFileSync(path);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    writeFileSync(path, bytes);
    await sell(core);
    expect(
      await dispatchIpc(core.ipc, 'backups:restore', { location: 'local', file: backup, confirmation: 'RESTAURAR' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_allowed', message: expect.stringContaining('huella') as unknown },
    });
    expect((core.store.sqlite.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n).toBe(2);
    expect(
      await dispatchIpc(core.ipc, 'backups:restore', {
        location: 'local',
        file: '../sago.sqlite',
        confirmation: 'RESTAURAR',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('on another PC, the copy’s HKA tokens cannot be opened: the register asks for them again', async () => {
    const usb = newDir();
    const first = await start();
    await ipcOk(first.ipc, 'settings:saveBackups', { folder: usb, keep: 10 });
    await ipcOk(first.ipc, 'settings:saveHka', {
      environment: 'simulador',
      tokenEmpresa: DEMO_ACCOUNT.tokenEmpresa,
      tokenPassword: DEMO_ACCOUNT.tokenPassword,
    });
    await sell(first);
    const file = (await ipcOk(first.ipc, 'backups:create', {})).outcomes[1]?.file ?? '';

    const other = await start(); // another data folder: another vault key
    await ipcOk(other.ipc, 'settings:saveBackups', { folder: usb, keep: 10 });
    const restored = await ipcOk(other.ipc, 'backups:restore', {
      location: 'externa',
      file,
      confirmation: 'RESTAURAR',
    });
    expect(restored).toMatchObject({ credentialsNeeded: true, documentsAfter: 1 });
    // The session belonged to this PC's own gerente, who is not in the restored data: sign in as the copy's.
    expect((await ipcOk(other.ipc, 'auth:session', {})).user).toBeNull();
    await signInAs(other.ipc, 'gerente');
    expect((await ipcOk(other.ipc, 'auth:session', {})).user?.username).toBe(TEST_USERS.gerente.username);
    const hka = await ipcOk(other.ipc, 'settings:hka', {});
    expect(hka.tokenEmpresa).toEqual({ configured: false });
    expect(hka.tokenPassword).toEqual({ configured: false });
    const [entry] = await auditActions(other, 'backup.restored');
    expect(entry?.details['credentialsDropped']).toEqual(['hka.tokenEmpresa', 'hka.tokenPassword']);
    // Entering them again works (a fresh key for this PC).
    const saved = await ipcOk(other.ipc, 'settings:saveHka', {
      environment: 'simulador',
      tokenEmpresa: DEMO_ACCOUNT.tokenEmpresa,
      tokenPassword: DEMO_ACCOUNT.tokenPassword,
    });
    expect(saved.tokenEmpresa.configured).toBe(true);
  });

  it('is a gerente’s: a cashier cannot list, create, restore or change the folder', async () => {
    const core = await start();
    await signInAs(core.ipc, 'cajero');
    for (const [channel, request] of [
      ['backups:list', {}],
      ['backups:create', {}],
      ['settings:saveBackups', { folder: null, keep: 3 }],
      ['backups:restore', { location: 'local', file: 'x.sqlite', confirmation: 'RESTAURAR' }],
    ] as const) {
      expect(await dispatchIpc(core.ipc, channel, request)).toMatchObject({
        ok: false,
        error: { code: 'not_allowed' },
      });
    }
  });
});

// PDF/XML files of a document: fetched from the real simulator once, kept in <dataDir>/documentos, served locally
// afterwards; nothing written when HKA is down or the document is not authorised; no path outside the folder.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startRegister, type Register } from '../../../tests/fixtures/register-harness';
import { DOCUMENTS_FOLDER, downloadFiles, keptFiles, safeFilePath, type DocumentFilesDeps } from './document-files';

let register: Register | undefined;
let dataDir: string | undefined;
afterEach(async () => {
  await register?.close();
  register = undefined;
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

async function setup(): Promise<{ r: Register; deps: DocumentFilesDeps }> {
  register = await startRegister({ responseTimeoutMs: 2_000 });
  dataDir = mkdtempSync(join(tmpdir(), 'sago-files-'));
  return { r: register, deps: { ...register.hka, dataDir } };
}

describe('document files', () => {
  it('fetches the PDF and XML once, keeps them atomically and serves them again without calling HKA', async () => {
    const { r, deps } = await setup();
    const id = await r.authorise();
    expect(keptFiles(deps.db, deps.dataDir, id)).toEqual({ ok: true, files: { pdf: null, xml: null } });

    const first = await downloadFiles(deps, id);
    if (!first.ok) throw new Error(first.message);
    expect(first.files.pdf).toMatchObject({
      fileName: '01-0000-001-0000000001.pdf',
      path: join(deps.dataDir, DOCUMENTS_FOLDER, '01-0000-001-0000000001.pdf'),
    });
    expect(
      readFileSync(first.files.pdf?.path ?? '')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    expect(readFileSync(first.files.xml?.path ?? '', 'utf8')).toContain('<rFE');
    expect(first.files.pdf?.bytes).toBeGreaterThan(100);
    expect(readdirSync(join(deps.dataDir, DOCUMENTS_FOLDER)).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    await downloadFiles(deps, id);
    expect(keptFiles(deps.db, deps.dataDir, id)).toEqual({ ok: true, files: first.files });
    expect(r.sim.calls('DescargaPDF')).toBe(1);
    expect(r.sim.calls('DescargaXML')).toBe(1);
    const recorded = r.store.sqlite
      .prepare(
        "SELECT operation, document_id AS documentId, outcome FROM hka_calls WHERE operation LIKE 'Descarga%' ORDER BY id",
      )
      .all();
    expect(recorded).toEqual([
      { operation: 'DescargaPDF', documentId: id, outcome: 'ok' },
      { operation: 'DescargaXML', documentId: id, outcome: 'ok' },
    ]);
  });

  it('fetches only what is missing', async () => {
    const { r, deps } = await setup();
    const id = await r.authorise();
    const first = await downloadFiles(deps, id);
    if (!first.ok) throw new Error(first.message);
    rmSync(first.files.xml?.path ?? '');
    const again = await downloadFiles(deps, id);
    expect(again).toMatchObject({ ok: true, files: { xml: { fileName: '01-0000-001-0000000001.xml' } } });
    expect([r.sim.calls('DescargaPDF'), r.sim.calls('DescargaXML')]).toEqual([1, 2]);
  });

  it('writes nothing when HKA cannot be reached, and says so in Spanish', async () => {
    const { r, deps } = await setup();
    const id = await r.authorise();
    await r.sim.faults.refuseConnections();
    expect(await downloadFiles(deps, id)).toEqual({
      ok: false,
      reason: 'hka_unreachable',
      message: expect.stringContaining('No se pudo contactar a HKA') as unknown,
    });
    expect(existsSync(join(deps.dataDir, DOCUMENTS_FOLDER))).toBe(false);
    await r.sim.faults.acceptConnections();
  });

  it('writes nothing when only one of the two files arrives', async () => {
    const { r, deps } = await setup();
    const id = await r.authorise();
    r.sim.faults.inject({ kind: 'http500', operation: 'DescargaXML' });
    expect(await downloadFiles(deps, id)).toMatchObject({ ok: false, reason: 'hka_unreachable' });
    expect(r.sim.calls('DescargaPDF')).toBe(1);
    expect(existsSync(join(deps.dataDir, DOCUMENTS_FOLDER))).toBe(false);
  });

  it('refuses a document not yet authorised (no HKA call) and an unknown one', async () => {
    const { r, deps } = await setup();
    const id = r.captureId();
    expect(await downloadFiles(deps, id)).toMatchObject({
      ok: false,
      reason: 'not_allowed',
      message: expect.stringContaining('aún no está autorizado') as unknown,
    });
    expect(await downloadFiles(deps, '../../etc/passwd')).toMatchObject({ ok: false, reason: 'not_found' });
    expect(r.sim.calls('DescargaPDF')).toBe(0);
  });

  it('never resolves a path outside the documents folder', async () => {
    const { r, deps } = await setup();
    for (const name of [
      '../sago.sqlite',
      '..',
      'a/b.pdf',
      '/etc/passwd',
      '01-0000-001-1.pdf/../../x.pdf',
      '.pdf',
      'x.exe',
    ]) {
      expect(safeFilePath(deps.dataDir, name)).toBeUndefined();
    }
    expect(safeFilePath(deps.dataDir, '01-0000-001-0000000001.pdf')).toBe(
      join(deps.dataDir, DOCUMENTS_FOLDER, '01-0000-001-0000000001.pdf'),
    );
    // A document whose series would make a path (a hand-edited database) gets no file and no HKA call.
    const id = await r.authorise();
    r.store.sqlite.prepare("UPDATE documents SET codigo_sucursal = '../..' WHERE id = ?").run(id);
    expect(await downloadFiles(deps, id)).toMatchObject({ ok: false, reason: 'not_allowed' });
    expect(keptFiles(deps.db, deps.dataDir, id)).toEqual({ ok: true, files: { pdf: null, xml: null } });
    expect(r.sim.calls('DescargaPDF')).toBe(0);
  });

  it('does not serve a symlink planted in the folder', async () => {
    const { r, deps } = await setup();
    const id = await r.authorise();
    const folder = join(deps.dataDir, DOCUMENTS_FOLDER);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(deps.dataDir, 'secret.txt'), 'not a document');
    symlinkSync(join(deps.dataDir, 'secret.txt'), join(folder, '01-0000-001-0000000001.pdf'));
    expect(keptFiles(deps.db, deps.dataDir, id)).toEqual({ ok: true, files: { pdf: null, xml: null } });
  });
});

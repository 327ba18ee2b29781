// Issue 17: training mode starts the simulator at every start of the register, and its CAFE PDF (pdfkit, fontkit,
// qrcode) cost ~70 ms of that start; they now load at the first DescargaPDF. The spy is vitest's module mock: its
// factory runs only when some module imports cafe-pdf, so the count is how often the module graph reached it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aSale } from '../../../../tests/fixtures/fiscal-documents';
import { call, datosDocumentoXml, documentoXml, enviarXml, operationXml } from './sim-kit.fixture';
import { startHkaSimulator, type HkaSimulator } from './simulator';

const loads = vi.hoisted(() => ({ cafePdf: 0 }));
vi.mock('./dgi/cafe-pdf', async (importOriginal) => {
  loads.cafePdf += 1;
  return importOriginal();
});

let sim: HkaSimulator | undefined;
afterEach(async () => {
  await sim?.close();
});

describe('the simulator loads its PDF code on demand', () => {
  it('starts and authorises a sale without it, and loads it for the first DescargaPDF', async () => {
    sim = await startHkaSimulator({ clock: () => new Date('2026-11-28T15:20:00Z') });
    await call(sim.endpoint, 'Enviar', enviarXml(documentoXml(aSale())));
    expect(loads.cafePdf).toBe(0);
    const pdf = await call(
      sim.endpoint,
      'DescargaPDF',
      operationXml('DescargaPDF', datosDocumentoXml({ numeroDocumentoFiscal: '1' })),
    );
    expect(pdf.codigo).toBe('200');
    expect(loads.cafePdf).toBe(1);
  });
});

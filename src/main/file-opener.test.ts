import { describe, expect, it, vi } from 'vitest';
import { desktopFileOpener } from './file-opener';

const FILE = {
  path: '/data/documentos/01-0000-001-0000000001.pdf',
  fileName: '01-0000-001-0000000001.pdf',
  mimeType: 'application/pdf',
};

describe('desktopFileOpener', () => {
  it('hands the checked path to the OS and answers via app', async () => {
    const shell = { openPath: vi.fn(() => Promise.resolve('')) };
    await expect(desktopFileOpener(shell).open(FILE)).resolves.toEqual({ via: 'app' });
    expect(shell.openPath).toHaveBeenCalledWith(FILE.path);
  });

  it('explains in Spanish when the OS has no program for the file', async () => {
    const shell = { openPath: vi.fn(() => Promise.resolve('No application is associated')) };
    await expect(desktopFileOpener(shell).open(FILE)).rejects.toMatchObject({
      code: 'not_allowed',
      message: expect.stringContaining('PDF') as unknown,
    });
  });
});

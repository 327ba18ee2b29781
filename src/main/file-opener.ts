// The desktop app's way to open a kept document file: the OS's default program for it (PDF viewer, editor).
// The core has already checked that the path is inside the documents folder.
import type { Shell } from 'electron';
import { AppError } from '../core/app/app-error';
import type { FileOpener } from '../core/app/file-opener';

export function desktopFileOpener(shell: Pick<Shell, 'openPath'>): FileOpener {
  return {
    async open(file) {
      // openPath resolves to an error message, empty on success.
      const error = await shell.openPath(file.path);
      if (error !== '')
        throw new AppError(
          'not_allowed',
          `El sistema no pudo abrir ${file.fileName}: instale un programa para archivos ${file.fileName.endsWith('.pdf') ? 'PDF' : 'XML'}`,
        );
      return { via: 'app' };
    },
  };
}

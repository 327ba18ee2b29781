// How a kept document file (PDF/XML in <dataDir>/documentos) reaches the person: the desktop app hands the path to
// the OS (src/main/file-opener.ts, Electron's shell.openPath); the web host, whose browser cannot open a local
// path, returns the bytes. The core resolves and checks the path first: an opener only ever gets a file inside
// the documents folder.
import { readFileSync } from 'node:fs';
import type { Response } from '../../shared/ipc/contract';

export type OpenFileResult = Response<'documents:openFile'>;

export interface KeptFileToOpen {
  /** Absolute, inside <dataDir>/documentos, already checked. */
  path: string;
  fileName: string;
  mimeType: string;
}

export interface FileOpener {
  open(file: KeptFileToOpen): Promise<OpenFileResult>;
}

/** The web host's opener: the browser shows or saves the bytes. */
export const browserFileOpener: FileOpener = {
  open: (file) =>
    Promise.resolve({
      via: 'browser',
      fileName: file.fileName,
      mimeType: file.mimeType,
      base64: readFileSync(file.path).toString('base64'),
    }),
};

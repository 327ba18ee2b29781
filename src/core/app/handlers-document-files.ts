// PLACEHOLDER (being written this session): document files, e-mail, cancel, generic credit note, monitoring.
import { AppError } from './app-error';
import type { IpcHandlers } from './dispatch';

export type DocumentExtraChannel = 'documents:files' | 'documents:downloadFiles' | 'documents:openFile' | 'documents:sendEmail'
  | 'documents:emailTrace' | 'documents:cancel' | 'documents:genericCreditNote' | 'monitor:overview' | 'monitor:checkFolios';

const todo = () => Promise.reject(new AppError('internal', 'Aún no disponible'));

export function createDocumentExtraHandlers(): Pick<IpcHandlers, DocumentExtraChannel> {
  return {
    'documents:files': todo, 'documents:downloadFiles': todo, 'documents:openFile': todo, 'documents:sendEmail': todo,
    'documents:emailTrace': todo, 'documents:cancel': todo, 'documents:genericCreditNote': todo, 'monitor:overview': todo,
    'monitor:checkFolios': todo,
  };
}

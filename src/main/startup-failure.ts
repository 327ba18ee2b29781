// What the manager sees when the register cannot start. Before, the app wrote one line to its log and exited: the
// window never appeared and nobody at the shop knew why or whether the sales were safe. Now a system error box says
// what happened in the UI's language, that no saved sale was touched where that is known, and where the log is.
// The text is built here, with no Electron in it, so that it is tested; index.ts shows it with dialog.showErrorBox.
import { PreMigrationCopyNotVerified } from '../core/store/open-database';

export interface StartupFailureNotice {
  title: string;
  body: string;
}

type Language = 'es-PA' | 'en';

const TEXTS = {
  'es-PA': {
    title: 'SAGO-FACTU no pudo iniciar',
    copyNotVerified: (copy: string) =>
      'Antes de actualizar la base de datos se hizo una copia de seguridad y esa copia no pasó la verificación. ' +
      'Por eso no se actualizó nada: sus ventas y documentos están como estaban.\n\n' +
      `La copia sin verificar se conserva en:\n${copy}\n\n` +
      'Libere espacio en el disco o revise el disco y vuelva a abrir SAGO-FACTU. Si se repite, llame a soporte.',
    other: 'Ocurrió un error al iniciar. Vuelva a abrir SAGO-FACTU; si se repite, llame a soporte.',
    log: (folder: string) => `Detalles técnicos en el registro: ${folder}`,
  },
  en: {
    title: 'SAGO-FACTU could not start',
    copyNotVerified: (copy: string) =>
      'A backup was taken before updating the database and that backup did not pass its check. ' +
      'So nothing was updated: your sales and documents are as they were.\n\n' +
      `The unverified copy is kept at:\n${copy}\n\n` +
      'Free disk space or check the disk and open SAGO-FACTU again. If it happens again, call support.',
    other: 'An error occurred while starting. Open SAGO-FACTU again; if it happens again, call support.',
    log: (folder: string) => `Technical details in the log: ${folder}`,
  },
} as const;

/** The error box's title and text for `error`, in `language` (the UI's preference; Spanish when unknown). */
export function startupFailureNotice(
  error: unknown,
  logFolder: string,
  language: Language = 'es-PA',
): StartupFailureNotice {
  const texts = TEXTS[language];
  const what = error instanceof PreMigrationCopyNotVerified ? texts.copyNotVerified(error.copyPath) : texts.other;
  return { title: texts.title, body: `${what}\n\n${texts.log(logFolder)}` };
}

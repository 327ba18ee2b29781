// F1: every key of the till on one screen — the F-keys from the same table the key handler uses (keyboard.ts), then
// the keys of the search field and of the payment dialog.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { OTHER_KEYS, SHORTCUTS, shortcutLabel } from './keyboard';

export function ShortcutsDialog(props: { onClose: () => void }): JSX.Element {
  const { t } = useTranslation();
  return (
    <Dialog title={t('shortcuts.label')} onClose={props.onClose} wide testId="shortcuts-dialog">
      <table className="cart shortcuts-table">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcutLabel(shortcut)} data-testid="shortcut-row">
              <td>
                <kbd>{shortcutLabel(shortcut)}</kbd>
              </td>
              <td>{t(`shortcuts.${shortcut.action}`)}</td>
            </tr>
          ))}
          {OTHER_KEYS.map(({ key, what }) => (
            <tr key={key} data-testid="shortcut-row">
              <td>
                <kbd>{key}</kbd>
              </td>
              <td>{t(`shortcuts.other.${what}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}

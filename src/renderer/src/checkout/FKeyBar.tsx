// The F-keys, on screen and clickable: generated from the same table the key handler uses (keyboard.ts).
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS, type ShortcutAction } from './keyboard';

export function FKeyBar(props: { onAction: (action: ShortcutAction) => void }): JSX.Element {
  const { t } = useTranslation();
  return (
    <nav className="fkey-bar" aria-label={t('shortcuts.label')}>
      {SHORTCUTS.filter((s) => !s.shift).map(({ key, action }) => (
        <button
          key={key}
          type="button"
          className="fkey"
          data-testid={`fkey-${action}`}
          onClick={() => props.onAction(action)}
        >
          <kbd>{key}</kbd>
          <span>{t(`shortcuts.${action}`)}</span>
        </button>
      ))}
    </nav>
  );
}

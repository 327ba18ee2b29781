// A modal dialog: Escape closes it, focus starts inside it and returns to the checkout's search field when it
// closes (the parent does that in onClose). F-keys pressed inside never reach the checkout's shortcuts: a dialog
// that wants one (the payment dialog's F4) handles it in onKeyDown.
import { useEffect, useRef, type JSX, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export function Dialog(props: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
  testId?: string;
  onKeyDown?: (event: KeyboardEvent<HTMLDivElement>) => void;
}): JSX.Element {
  const { t } = useTranslation();
  const { onClose } = props;
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // React's autoFocus has already run; only when no field took the focus does the first control get it.
    if (panel.current?.contains(document.activeElement)) return;
    panel.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, []);
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div
        ref={panel}
        className={props.wide ? 'dialog dialog-wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-label={props.title}
        data-testid={props.testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
            return;
          }
          props.onKeyDown?.(e);
          if (/^F\d+$/.test(e.key)) {
            e.preventDefault();
            e.stopPropagation();
          }
        }}
      >
        <header className="dialog-header">
          <h2>{props.title}</h2>
          <button type="button" className="icon-button" aria-label={t('common.close')} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="dialog-body">{props.children}</div>
        {props.footer ? <footer className="dialog-footer">{props.footer}</footer> : null}
      </div>
    </div>
  );
}

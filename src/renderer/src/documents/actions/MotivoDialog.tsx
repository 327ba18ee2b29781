// A reason, then a confirmation: annulling a document at the DGI and discarding one cannot be undone, so the
// button first asks "¿Seguro?" and only the second press sends. The reason is checked (15–250 characters) before
// anything is sent; the core's refusal is shown in the dialog, which stays open.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../ui/Dialog';
import { MOTIVO_MAX, checkMotivo } from './annul-window';

export function MotivoDialog(props: {
  title: string;
  intro: string;
  confirmLabel: string;
  testId: string;
  initial?: string;
  /** Resolves with error lines to show, or null when done (the parent closes the dialog). */
  onSubmit: (motivo: string) => Promise<string[] | null>;
  onClose: () => void;
}): JSX.Element {
  const { t } = useTranslation();
  const [motivo, setMotivo] = useState(props.initial ?? '');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);

  async function submit(): Promise<void> {
    const problem = checkMotivo(motivo);
    if (problem) {
      setErrors([t(`documentActions.${problem}`)]);
      setConfirming(false);
      return;
    }
    if (!confirming) {
      setErrors([]);
      setConfirming(true);
      return;
    }
    setBusy(true);
    const result = await props.onSubmit(motivo.trim());
    setBusy(false);
    if (result) {
      setErrors(result);
      setConfirming(false);
    }
  }

  const footer = (
    <>
      <button type="button" className="button secondary" onClick={props.onClose}>
        {t('common.cancel')}
      </button>
      <button
        type="button"
        className={confirming ? 'button danger' : 'button primary'}
        data-testid="motivo-submit"
        disabled={busy}
        onClick={() => void submit()}
      >
        {busy ? t('documentActions.sending') : confirming ? t('documentActions.confirmSure') : props.confirmLabel}
      </button>
    </>
  );
  return (
    <Dialog title={props.title} onClose={props.onClose} footer={footer} testId={props.testId}>
      <p className="hint">{props.intro}</p>
      <label className="field motivo-field">
        <span>{t('documentActions.motivo')}</span>
        <textarea
          data-testid="motivo"
          value={motivo}
          maxLength={MOTIVO_MAX + 50}
          rows={3}
          autoFocus
          onChange={(e) => {
            setMotivo(e.target.value);
            setConfirming(false);
          }}
        />
        <em className="field-hint">{t('documentActions.motivoCount', { count: motivo.trim().length })}</em>
      </label>
      {confirming ? (
        <p className="notice info" role="status" data-testid="motivo-confirm">
          {t('documentActions.irreversible')}
        </p>
      ) : null}
      {errors.length > 0 ? (
        <div className="notice error" role="alert" data-testid="motivo-error">
          {errors.map((e, i) => (
            <p key={i}>{e}</p>
          ))}
        </div>
      ) : null}
    </Dialog>
  );
}

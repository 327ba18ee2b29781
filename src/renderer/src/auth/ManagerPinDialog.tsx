// A gerente's user + PIN typed over whoever is signed in. Two uses: 'approve' asks the core for a one-shot approval
// of one action (auth:approve) and hands the token back; 'signIn' signs the gerente in (settings panel). A wrong PIN
// shows the core's Spanish message and lets them retry; after too many the core locks the user, shown with its end.
// Escape cancels. The PIN never outlives the attempt.
import { useEffect, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../shared/ipc/areas/auth/contract';
import { attempt, errorLines, sago } from '../api/sago';
import { Dialog } from '../ui/Dialog';
import { knownActionLabel } from '../settings/audit-view';
import { lockTimeOf } from './lock-time';
import { PinField } from './PinField';
import { useUsers } from './use-users';

export type ManagerPinPurpose = { kind: 'approve'; action: string } | { kind: 'signIn' };

export function ManagerPinDialog(props: {
  purpose: ManagerPinPurpose;
  onApproved?: (token: string) => void;
  onSignedIn?: (session: SessionView) => void;
  onCancel: () => void;
}): JSX.Element {
  const { t, i18n } = useTranslation();
  const { users, reload } = useUsers();
  const managers = (users ?? []).filter((u) => u.role === 'gerente' && u.active);
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (username === '' && managers[0]) setUsername(managers[0].username);
  }, [managers, username]);

  async function submit(): Promise<void> {
    if (busy) return;
    if (username === '') return setError([t('auth.manager.noManager')]);
    if (pin.length < 4) return setError([t('auth.pinTooShort')]);
    setBusy(true);
    const { purpose } = props;
    const typed = pin;
    setPin('');
    if (purpose.kind === 'approve') {
      const result = await attempt(() => sago().auth.approve({ username, pin: typed, action: purpose.action }));
      setBusy(false);
      if (result.ok) return props.onApproved?.(result.value.token);
      return showError(errorLines(result.error));
    }
    const result = await attempt(() => sago().auth.signIn({ username, pin: typed }));
    setBusy(false);
    if (result.ok) return props.onSignedIn?.(result.value);
    return showError(errorLines(result.error));
  }

  async function showError(lines: string[]): Promise<void> {
    const lock = lockTimeOf(await reload(), username, new Date());
    setError([...lines, ...(lock ? [t('auth.lockedUntil', { time: lock })] : [])]);
  }

  const title = props.purpose.kind === 'approve' ? t('auth.manager.approveTitle') : t('auth.manager.signInTitle');
  // What is being approved, in words, where the action has a name a person reads (the till's loss-prevention actions).
  const what = props.purpose.kind === 'approve' ? knownActionLabel(props.purpose.action, i18n.language) : null;
  return (
    <Dialog
      title={title}
      onClose={props.onCancel}
      testId="manager-pin-dialog"
      footer={
        <>
          <button type="button" className="button secondary" onClick={props.onCancel}>
            {t('common.cancel')} <kbd>Esc</kbd>
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="manager-pin-submit"
            disabled={busy}
            onClick={() => void submit()}
          >
            {props.purpose.kind === 'approve' ? t('auth.manager.approve') : t('auth.manager.signIn')} <kbd>Enter</kbd>
          </button>
        </>
      }
    >
      <p className="muted">
        {props.purpose.kind === 'approve' ? t('auth.manager.approveIntro') : t('auth.manager.signInIntro')}
      </p>
      {what ? (
        <p className="strong" data-testid="manager-pin-what">
          {what}
        </p>
      ) : null}
      <div className="form-grid">
        <label className="field">
          <span>{t('auth.manager.user')}</span>
          <select
            data-testid="manager-pin-user"
            value={username}
            onChange={(e) => {
              setUsername(e.target.value);
              setError(null);
            }}
          >
            {managers.map((m) => (
              <option key={m.id} value={m.username}>
                {m.displayName} ({m.username})
              </option>
            ))}
          </select>
        </label>
        <PinField
          label={t('auth.pin')}
          value={pin}
          onChange={(v) => {
            setPin(v);
            setError(null);
          }}
          onSubmit={() => void submit()}
          testId="manager-pin"
          autoFocus
          invalid={error !== null}
        />
      </div>
      {error ? (
        <p className="notice error" role="alert" data-testid="manager-pin-error">
          {error.join(' ')}
        </p>
      ) : null}
    </Dialog>
  );
}

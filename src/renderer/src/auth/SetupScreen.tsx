// First launch: no user exists yet, so the register asks for the first gerente (auth:setup) before anything else.
// There is no way around it: every manager action and the settings panel need a gerente.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { attempt, errorLines, sago } from '../api/sago';
import { newUserProblems } from './new-user-check';
import { PinField } from './PinField';
import { useSession } from './session';

export function SetupScreen(): JSX.Element {
  const { t } = useTranslation();
  const { set } = useSession();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(): Promise<void> {
    if (busy) return;
    const problems = newUserProblems({ displayName, username, pin });
    if (problems.length > 0) return setError(problems);
    if (pin !== confirm) return setError([t('auth.pinMismatch')]);
    setBusy(true);
    const result = await attempt(() => sago().auth.setup({ username, displayName, pin }));
    setBusy(false);
    if (result.ok) return set(result.value);
    setError(errorLines(result.error));
  }

  const text = (label: string, value: string, onChange: (v: string) => void, testId: string, autoFocus = false) => (
    <label className="field">
      <span>{label}</span>
      <input
        data-testid={testId}
        value={value}
        autoFocus={autoFocus}
        autoComplete="off"
        onChange={(e) => {
          onChange(e.target.value);
          setError(null);
        }}
      />
    </label>
  );

  return (
    <div className="auth-screen" data-testid="setup-screen">
      <form
        className="auth-card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="brand auth-brand">
          SAGO<span>·</span>FACTU
        </div>
        <h1>{t('auth.setup.title')}</h1>
        <p className="muted">{t('auth.setup.intro')}</p>
        {text(t('auth.setup.displayName'), displayName, setDisplayName, 'setup-displayName', true)}
        {text(t('auth.setup.username'), username, setUsername, 'setup-username')}
        <PinField
          label={t('auth.pin')}
          value={pin}
          onChange={(v) => {
            setPin(v);
            setError(null);
          }}
          onSubmit={() => void submit()}
          testId="setup-pin"
        />
        <PinField
          label={t('auth.setup.confirmPin')}
          value={confirm}
          onChange={(v) => {
            setConfirm(v);
            setError(null);
          }}
          onSubmit={() => void submit()}
          testId="setup-pin-confirm"
        />
        {error ? (
          <p className="notice error" role="alert" data-testid="setup-error">
            {error.join(' ')}
          </p>
        ) : null}
        <button type="submit" className="button primary" data-testid="setup-submit" disabled={busy}>
          {t('auth.setup.submit')}
        </button>
      </form>
    </div>
  );
}

// The sign-in (and lock) screen: pick who you are, type the PIN, Enter. A wrong PIN gets the core's Spanish message;
// after too many the core locks the user and the screen says until when. The PIN is cleared after every attempt.
import { useEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { attempt, errorLines, sago } from '../api/sago';
import { lockTimeOf, lockedUntilTime } from './lock-time';
import { PinField } from './PinField';
import { useSession } from './session';
import { useUsers } from './use-users';

export function SignInScreen(props: { lastUser: string | null }): JSX.Element {
  const { t } = useTranslation();
  const { set } = useSession();
  const { users, error: usersError, reload } = useUsers();
  const [username, setUsername] = useState<string | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const pinInput = useRef<HTMLInputElement>(null);
  const active = (users ?? []).filter((u) => u.active);

  // Preselect whoever was signed in last (the lock screen), else the only or first user.
  useEffect(() => {
    if (username !== null || active.length === 0) return;
    setUsername(active.find((u) => u.username === props.lastUser)?.username ?? active[0]?.username ?? null);
  }, [active, username, props.lastUser]);

  function choose(name: string): void {
    setUsername(name);
    setError(null);
    setPin('');
    pinInput.current?.focus();
  }

  async function submit(): Promise<void> {
    if (busy) return;
    if (username === null) return setError([t('auth.signIn.chooseUser')]);
    if (pin.length < 4) return setError([t('auth.pinTooShort')]);
    setBusy(true);
    const result = await attempt(() => sago().auth.signIn({ username, pin }));
    setPin('');
    setBusy(false);
    if (result.ok) return set(result.value);
    const lock = lockTimeOf(await reload(), username, new Date());
    setError([...errorLines(result.error), ...(lock ? [t('auth.lockedUntil', { time: lock })] : [])]);
  }

  return (
    <div className="auth-screen" data-testid="signin-screen">
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
        <h1>{t('auth.signIn.title')}</h1>
        {usersError ? (
          <p className="notice error" role="alert">
            {usersError}
          </p>
        ) : null}
        <div className="auth-users" role="radiogroup" aria-label={t('auth.signIn.user')}>
          {active.map((u) => {
            const lock = lockedUntilTime(u.lockedUntil, new Date());
            return (
              <button
                key={u.id}
                type="button"
                role="radio"
                aria-checked={u.username === username}
                className={u.username === username ? 'auth-user active' : 'auth-user'}
                data-testid={`signin-user-${u.username}`}
                onClick={() => choose(u.username)}
              >
                <strong>{u.displayName}</strong>
                <span className="muted">
                  {t(`auth.roles.${u.role}`)}
                  {lock ? ` · ${t('auth.lockedUntil', { time: lock })}` : ''}
                </span>
              </button>
            );
          })}
        </div>
        <PinField
          label={t('auth.pin')}
          value={pin}
          onChange={setPin}
          onSubmit={() => void submit()}
          testId="signin-pin"
          inputRef={pinInput}
          autoFocus
          invalid={error !== null}
        />
        {error ? (
          <p className="notice error" role="alert" data-testid="signin-error">
            {error.join(' ')}
          </p>
        ) : null}
        <button type="submit" className="button primary" data-testid="signin-submit" disabled={busy}>
          {t('auth.signIn.submit')} <kbd>Enter</kbd>
        </button>
      </form>
    </div>
  );
}

// Sign-in with an admin key: checked against the server (a listing only an admin key may read) before the console
// opens, so a mistyped or revoked key is said at once.
import { useState, type FormEvent, type JSX } from 'react';
import { parseCredential } from '../../../shared/sync/credentials';
import { createApi, type Api } from '../api/client';
import { useT } from '../i18n/i18n';
import { ErrorLine, failureText } from '../ui/errors';

export function SignIn(props: { onSignedIn(api: Api): void }): JSX.Element {
  const { t } = useT();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const trimmed = key.trim();
    if (parseCredential(trimmed)?.kind !== 'admin') return setError(t('signIn.malformed'));
    setBusy(true);
    const api = createApi(trimmed);
    const check = await api.get('/v1/admin/stores');
    setBusy(false);
    if (!check.ok) return setError(failureText(t, check.failure));
    props.onSignedIn(api);
  }

  return (
    <main className="sign-in">
      <h1>{t('signIn.title')}</h1>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('signIn.key')}
          <input type="password" autoComplete="off" value={key} onChange={(e) => setKey(e.target.value)} data-testid="admin-key" autoFocus />
        </label>
        <p className="muted">{t('signIn.hint')}</p>
        <ErrorLine text={error} />
        <button type="submit" disabled={busy}>{t('signIn.submit')}</button>
      </form>
    </main>
  );
}

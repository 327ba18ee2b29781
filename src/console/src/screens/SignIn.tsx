// Sign-in with an admin key or as a console user (organisation, login, password). Either credential is checked with
// the server (`/v1/auth/me`, which also says the role) before the console opens, so a mistyped or revoked one is said
// at once. The organisation id is remembered in this browser (it is not a secret); keys and passwords are not.
import { useState, type FormEvent, type JSX } from 'react';
import { parseCredential } from '../../../shared/sync/credentials';
import { createApi, signInWithPassword, type Api } from '../api/client';
import { useT } from '../i18n/i18n';
import { ErrorLine, failureText } from '../ui/errors';
import { formText, formValue } from '../ui/form-text';
import type { Role } from '../ui/session';

const ORG_KEY = 'sago.console.organisation';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface SignedInAs {
  api: Api;
  role: Role;
  signOut(): Promise<void>;
}

export function SignIn(props: { onSignedIn(session: SignedInAs): void }): JSX.Element {
  const { t } = useT();
  const [mode, setMode] = useState<'key' | 'user'>('key');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function open(credential: string, isUser: boolean): Promise<void> {
    const api = createApi(credential);
    const me = await api.get<{ role: Role }>('/v1/auth/me');
    if (!me.ok) return setError(failureText(t, me.failure));
    props.onSignedIn({
      api,
      role: me.value.role,
      signOut: async () => void (isUser ? await api.post('/v1/auth/sign-out') : undefined),
    });
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    if (mode === 'key') {
      const key = formText(form, 'key');
      if (parseCredential(key)?.kind !== 'admin') return setError(t('signIn.malformed'));
      setBusy(true);
      await open(key, false);
      return setBusy(false);
    }
    const organisationId = formText(form, 'organisation').toLowerCase();
    if (!UUID.test(organisationId)) return setError(t('signIn.badOrganisation'));
    setBusy(true);
    const session = await signInWithPassword(organisationId, formText(form, 'login'), formValue(form, 'password'));
    if (!session.ok) {
      setBusy(false);
      return setError(
        session.failure.kind === 'unauthorized' ? t('signIn.wrongPassword') : failureText(t, session.failure),
      );
    }
    window.localStorage.setItem(ORG_KEY, organisationId);
    await open(session.value.token, true);
    setBusy(false);
  }

  return (
    <main className="sign-in">
      <h1>{t('signIn.title')}</h1>
      <div className="modes" role="tablist">
        <button type="button" role="tab" aria-selected={mode === 'key'} onClick={() => setMode('key')}>
          {t('signIn.withKey')}
        </button>
        <button type="button" role="tab" aria-selected={mode === 'user'} onClick={() => setMode('user')}>
          {t('signIn.withUser')}
        </button>
      </div>
      <form onSubmit={(e) => void submit(e)} key={mode}>
        {mode === 'key' ? (
          <>
            <label>
              {t('signIn.key')}
              <input name="key" type="password" autoComplete="off" data-testid="admin-key" autoFocus />
            </label>
            <p className="muted">{t('signIn.hint')}</p>
          </>
        ) : (
          <>
            <label>
              {t('signIn.organisation')}
              <input
                name="organisation"
                defaultValue={window.localStorage.getItem(ORG_KEY) ?? ''}
                autoComplete="organization"
              />
            </label>
            <label>
              {t('signIn.login')}
              <input name="login" autoComplete="username" autoFocus />
            </label>
            <label>
              {t('signIn.password')}
              <input name="password" type="password" autoComplete="current-password" />
            </label>
          </>
        )}
        <ErrorLine text={error} />
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}

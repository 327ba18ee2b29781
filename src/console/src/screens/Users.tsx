// Console users (owners manage them; an accountant sees the list only — the server refuses their writes anyway).
import { useState, type FormEvent, type JSX } from 'react';
import type { Items } from '../api/types';
import { useT } from '../i18n/i18n';
import { ErrorLine, failureText } from '../ui/errors';
import { formText, formValue } from '../ui/form-text';
import { instant } from '../ui/format';
import { useLoad, useSession } from '../ui/session';

interface User {
  id: string;
  login: string;
  role: string;
  createdAt: string;
  disabledAt: string | null;
}

export function Users(): JSX.Element {
  const { t, language } = useT();
  const { api, role } = useSession();
  const users = useLoad((a) => a.get<Items<User>>('/v1/admin/users'), []);
  const me = useLoad((a) => a.get<{ orgId: string }>('/v1/auth/me'), []);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function create(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const login = formText(form, 'login');
    const created = await api.post<User>('/v1/admin/users', {
      login,
      password: formValue(form, 'password'),
      role: formText(form, 'role'),
    });
    if (!created.ok) {
      const taken = created.failure.kind === 'refused' && created.failure.code === 'login_taken';
      return setError(taken ? t('users.taken', { login }) : failureText(t, created.failure));
    }
    setError(null);
    setNotice(t('users.created', { login: created.value.login }));
    event.currentTarget.reset();
    users.reload();
  }

  async function disable(user: User): Promise<void> {
    if (!window.confirm(t('users.confirmDisable', { login: user.login }))) return;
    const done = await api.post(`/v1/admin/users/${user.id}/disable`);
    if (!done.ok) return setError(failureText(t, done.failure));
    users.reload();
  }

  const roleText = (r: string) => (r === 'owner' || r === 'accountant' ? t(`users.roles.${r}`) : r);
  return (
    <section>
      <h2>{t('users.title')}</h2>
      <p className="muted">{t('users.hint', { org: me.data?.orgId ?? '…' })}</p>
      <ErrorLine text={users.failure ? failureText(t, users.failure) : error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {role === 'owner' && (
        <form className="inline" onSubmit={(e) => void create(e)} data-testid="create-user">
          <label>
            {t('users.login')}
            <input name="login" maxLength={100} required autoComplete="off" />
          </label>
          <label>
            {t('users.password')}
            <input
              name="password"
              type="password"
              minLength={12}
              maxLength={200}
              required
              autoComplete="new-password"
            />
          </label>
          <label>
            {t('users.role')}
            <select name="role" defaultValue="accountant">
              <option value="accountant">{t('users.roles.accountant')}</option>
              <option value="owner">{t('users.roles.owner')}</option>
            </select>
          </label>
          <button type="submit">{t('users.create')}</button>
        </form>
      )}
      {users.data?.items.length === 0 && <p className="muted">{t('users.none')}</p>}
      {users.data && users.data.items.length > 0 && (
        <table className="data-table" data-testid="users">
          <thead>
            <tr>
              <th>{t('users.login')}</th>
              <th>{t('users.role')}</th>
              <th>{t('registers.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.data.items.map((u) => (
              <tr key={u.id}>
                <td>{u.login}</td>
                <td>{roleText(u.role)}</td>
                <td>
                  {u.disabledAt ? t('users.disabled', { at: instant(u.disabledAt, language) }) : t('users.active')}
                </td>
                <td>
                  {role === 'owner' && !u.disabledAt && (
                    <button type="button" className="danger" onClick={() => void disable(u)}>
                      {t('users.disable')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

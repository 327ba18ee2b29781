// Usuarios: who can sign in (never a PIN or hash), adding a cajero or gerente, a manager's PIN reset (which also lifts
// a lock) and deactivating someone who left (auth:users / createUser / changePin / setActive). PINs are cleared from
// the form once used.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserRole } from '../../../shared/ipc/areas/auth/contract';
import { attempt, errorLines, sago } from '../api/sago';
import { PinField } from '../auth/PinField';
import { lockedUntilTime } from '../auth/lock-time';
import { useManagerAction } from '../auth/manager-action';
import { newUserProblems } from '../auth/new-user-check';
import { useUsers } from '../auth/use-users';
import { OutcomeNotice, failed, type Outcome } from './Outcome';

function NewUserForm(props: { onCreated: () => void }): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<UserRole>('cajero');
  const [pin, setPin] = useState('');
  const [confirm, setConfirm] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function create(): Promise<void> {
    const problems = newUserProblems({ displayName, username, pin });
    if (problems.length > 0) return setOutcome({ kind: 'error', lines: problems });
    if (pin !== confirm) return setOutcome({ kind: 'error', lines: [t('auth.pinMismatch')] });
    const result = await runAsManager('auth:createUser', (approval) =>
      attempt(() => sago().auth.createUser({ username, displayName, role, pin, approval })),
    );
    setPin('');
    setConfirm('');
    if (result === null) return;
    if (!result.ok) return setOutcome(failed(result.error));
    setUsername('');
    setDisplayName('');
    setOutcome({ kind: 'ok', text: t('settings.users.created', { name: result.value.displayName }) });
    props.onCreated();
  }

  return (
    <form
      className="settings-card"
      data-testid="user-new"
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
    >
      <h3>{t('settings.users.new')}</h3>
      <div className="form-grid three">
        <label className="field">
          <span>{t('auth.setup.displayName')}</span>
          <input
            data-testid="user-new-displayName"
            value={displayName}
            onChange={(e) => {
              setDisplayName(e.target.value);
              setOutcome(null);
            }}
          />
        </label>
        <label className="field">
          <span>{t('auth.setup.username')}</span>
          <input
            data-testid="user-new-username"
            value={username}
            onChange={(e) => {
              setUsername(e.target.value);
              setOutcome(null);
            }}
          />
        </label>
        <label className="field">
          <span>{t('settings.users.role')}</span>
          <select
            data-testid="user-new-role"
            value={role}
            onChange={(e) => setRole(e.target.value === 'gerente' ? 'gerente' : 'cajero')}
          >
            <option value="cajero">{t('auth.roles.cajero')}</option>
            <option value="gerente">{t('auth.roles.gerente')}</option>
          </select>
        </label>
        <PinField
          label={t('auth.pin')}
          value={pin}
          onChange={setPin}
          onSubmit={() => void create()}
          testId="user-new-pin"
        />
        <PinField
          label={t('auth.setup.confirmPin')}
          value={confirm}
          onChange={setConfirm}
          onSubmit={() => void create()}
          testId="user-new-pin-confirm"
        />
      </div>
      <OutcomeNotice outcome={outcome} testId="user-new-outcome" />
      <div className="settings-actions">
        <button type="submit" className="button primary" data-testid="user-new-save">
          {t('settings.users.create')}
        </button>
      </div>
    </form>
  );
}

function ResetPinForm(props: { username: string; onDone: () => void; onCancel: () => void }): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const [pin, setPin] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function reset(): Promise<void> {
    if (pin.length < 4) return setOutcome({ kind: 'error', lines: [t('auth.pinTooShort')] });
    const result = await runAsManager('auth:changePin', (approval) =>
      attempt(() => sago().auth.changePin({ username: props.username, newPin: pin, approval })),
    );
    setPin('');
    if (result === null) return;
    if (!result.ok) return setOutcome(failed(result.error));
    props.onDone();
  }

  return (
    <div className="settings-card" data-testid="user-reset">
      <h3>{t('settings.users.resetFor', { username: props.username })}</h3>
      <PinField
        label={t('settings.users.newPin')}
        value={pin}
        onChange={setPin}
        onSubmit={() => void reset()}
        testId="user-reset-pin"
        autoFocus
      />
      <OutcomeNotice outcome={outcome} testId="user-reset-outcome" />
      <div className="settings-actions">
        <button type="button" className="button secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className="button primary" data-testid="user-reset-save" onClick={() => void reset()}>
          {t('settings.users.reset')}
        </button>
      </div>
    </div>
  );
}

export function UsersSection(): JSX.Element {
  const { t } = useTranslation();
  const runAsManager = useManagerAction();
  const { users, error, reload } = useUsers();
  const [resetting, setResetting] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);

  // Someone who left: no sign-in, no approvals; their name stays in the documents and the audit trail.
  async function setActive(username: string, active: boolean): Promise<void> {
    setNotice(null);
    setRefusal(null);
    const result = await runAsManager('auth:setActive', (approval) =>
      attempt(() => sago().auth.setActive({ username, active, approval })),
    );
    if (result === null) return;
    if (!result.ok) return setRefusal(errorLines(result.error).join(' '));
    setNotice(t(active ? 'settings.users.reactivated' : 'settings.users.deactivated', { username }));
    void reload();
  }
  const now = new Date();
  return (
    <div className="settings-form">
      {error ? (
        <p className="notice error" role="alert">
          {error}
        </p>
      ) : null}
      <table className="history settings-table" data-testid="users-table">
        <thead>
          <tr>
            <th>{t('settings.users.name')}</th>
            <th>{t('auth.setup.username')}</th>
            <th>{t('settings.users.role')}</th>
            <th>{t('settings.users.state')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {(users ?? []).map((u) => {
            const lock = lockedUntilTime(u.lockedUntil, now);
            return (
              <tr key={u.id} data-testid={`user-row-${u.username}`}>
                <td>{u.displayName}</td>
                <td className="mono">{u.username}</td>
                <td>{t(`auth.roles.${u.role}`)}</td>
                <td>
                  {!u.active
                    ? t('settings.users.inactive')
                    : lock
                      ? t('auth.lockedUntil', { time: lock })
                      : t('settings.users.activeState')}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="link-button"
                    data-testid={`user-reset-${u.username}`}
                    onClick={() => {
                      setResetting(u.username);
                      setNotice(null);
                    }}
                  >
                    {t('settings.users.reset')}
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    data-testid={`user-active-${u.username}`}
                    onClick={() => void setActive(u.username, !u.active)}
                  >
                    {t(u.active ? 'settings.users.deactivate' : 'settings.users.reactivate')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {notice ? (
        <p className="notice ok" role="status" data-testid="users-notice">
          {notice}
        </p>
      ) : null}
      {refusal ? (
        <p className="notice error" role="alert" data-testid="users-refusal">
          {refusal}
        </p>
      ) : null}
      {resetting ? (
        <ResetPinForm
          key={resetting}
          username={resetting}
          onCancel={() => setResetting(null)}
          onDone={() => {
            setNotice(t('settings.users.pinReset', { username: resetting }));
            setResetting(null);
            void reload();
          }}
        />
      ) : null}
      <NewUserForm onCreated={() => void reload()} />
    </div>
  );
}

// Top bar: the screens (sale, documents, needs attention, …, settings), who is issuing, who is signed in with
// "Bloquear" (signs out: the lock screen), and the language.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveStatus } from '../api/app-status';
import { attempt, sago } from '../api/sago';
import { runBeforeLock } from '../auth/before-lock';
import { useSession } from '../auth/session';
import { LANGUAGES, setLanguage, type Language } from '../i18n/i18n';
import './header.css';

export type Screen = 'checkout' | 'documents' | 'attention' | 'cashclose' | 'monitor' | 'settings';

export function Header(props: { screen: Screen; onNavigate: (screen: Screen) => void }): JSX.Element {
  const { t, i18n } = useTranslation();
  const { status } = useLiveStatus();
  const session = useSession();
  const user = session.session?.user ?? null;
  const lock = async (): Promise<void> => {
    await runBeforeLock();
    const result = await attempt(() => sago().auth.signOut({}));
    if (result.ok) session.set(result.value);
  };
  const attention = status ? status.queue.parked + status.queue.failed : 0;
  const tab = (screen: Screen, label: string, extra?: JSX.Element | null) => (
    <button
      type="button"
      className={props.screen === screen ? 'nav-tab active' : 'nav-tab'}
      aria-current={props.screen === screen ? 'page' : undefined}
      data-testid={`nav-${screen}`}
      onClick={() => props.onNavigate(screen)}
    >
      {label}
      {extra}
    </button>
  );
  return (
    <header className="app-header">
      <div className="brand">
        SAGO<span>·</span>FACTU
      </div>
      <nav className="nav">
        {tab('checkout', t('nav.checkout'))}
        {tab('documents', t('nav.documents'))}
        {tab(
          'attention',
          t('nav.attention'),
          attention > 0 ? (
            <span className="count" data-testid="nav-attention-count">
              {attention}
            </span>
          ) : null,
        )}
        {tab('cashclose', t('nav.cashclose'))}
        {tab('monitor', t('nav.monitor'))}
        {tab('settings', t('nav.settings'))}
      </nav>
      <span className="spacer" />
      {status ? (
        <div
          className="issuer"
          title={`${status.issuer.razonSocial} · ${t('header.register', { sucursal: status.issuer.codigoSucursal, punto: status.issuer.puntoFacturacion })}`}
        >
          <strong>{status.issuer.razonSocial}</strong>
          <span>
            {t('header.register', { sucursal: status.issuer.codigoSucursal, punto: status.issuer.puntoFacturacion })}
          </span>
        </div>
      ) : null}
      {user ? (
        <div className="header-user" data-testid="header-user">
          <span className="header-user-name">
            <strong>{user.displayName}</strong>
            <span className="muted">{t(`auth.roles.${user.role}`)}</span>
          </span>
          <button
            type="button"
            className="button small secondary"
            data-testid="lock-button"
            onClick={() => void lock()}
          >
            {t('auth.lock')}
          </button>
        </div>
      ) : null}
      <label className="language">
        <span className="visually-hidden">{t('header.language')}</span>
        <select data-testid="language" value={i18n.language} onChange={(e) => setLanguage(e.target.value as Language)}>
          {LANGUAGES.map((lng) => (
            <option key={lng} value={lng}>
              {t(`languages.${lng}`)}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}

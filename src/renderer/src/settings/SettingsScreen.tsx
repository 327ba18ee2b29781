// The manager's settings panel: one section at a time, chosen in the sidebar. Only a signed-in gerente sees it; a
// cashier gets the refusal and a way for a gerente to sign in over the session (user + PIN). Writes still go
// through useManagerAction, which for a signed-in gerente is a direct call.
import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { ManagerPinDialog } from '../auth/ManagerPinDialog';
import { useSession } from '../auth/session';
import { AuditSection } from './AuditSection';
import { BackupsSection } from './BackupsSection';
import { CatalogSection } from './CatalogSection';
import { ContingencySection } from './ContingencySection';
import { CustomersSection } from './CustomersSection';
import { HkaSection } from './HkaSection';
import { IssuerSection } from './IssuerSection';
import { LossPreventionSection } from './LossPreventionSection';
import { ReceiptSection } from './ReceiptSection';
import { SyncSection } from './SyncSection';
import { UsersSection } from './UsersSection';
import './settings.css';

const SECTIONS = [
  'issuer',
  'hka',
  'receipt',
  'contingency',
  'lossPrevention',
  'catalog',
  'customers',
  'users',
  'sync',
  'backups',
  'audit',
] as const;
type Section = (typeof SECTIONS)[number];

function SectionBody(props: { section: Section }): JSX.Element {
  switch (props.section) {
    case 'issuer':
      return <IssuerSection />;
    case 'hka':
      return <HkaSection />;
    case 'receipt':
      return <ReceiptSection />;
    case 'contingency':
      return <ContingencySection />;
    case 'lossPrevention':
      return <LossPreventionSection />;
    case 'catalog':
      return <CatalogSection />;
    case 'customers':
      return <CustomersSection />;
    case 'users':
      return <UsersSection />;
    case 'sync':
      return <SyncSection />;
    case 'backups':
      return <BackupsSection />;
    case 'audit':
      return <AuditSection />;
  }
}

function ManagerOnly(): JSX.Element {
  const { t } = useTranslation();
  const { set } = useSession();
  const [asking, setAsking] = useState(false);
  return (
    <section className="settings-refused" data-testid="settings-refused">
      <p className="notice info" role="alert">
        {t('settings.managerOnly')}
      </p>
      <button
        type="button"
        className="button primary"
        data-testid="settings-manager-signin"
        onClick={() => setAsking(true)}
      >
        {t('settings.managerSignIn')}
      </button>
      {asking ? (
        <ManagerPinDialog
          purpose={{ kind: 'signIn' }}
          onSignedIn={(session) => {
            setAsking(false);
            set(session);
          }}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </section>
  );
}

export function SettingsScreen(): JSX.Element {
  const { t } = useTranslation();
  const { isManager } = useSession();
  const [section, setSection] = useState<Section>('issuer');
  if (!isManager) return <ManagerOnly />;
  return (
    <section className="settings" data-testid="settings-screen">
      <nav className="settings-nav" aria-label={t('settings.title')}>
        {SECTIONS.map((key) => (
          <button
            key={key}
            type="button"
            className={key === section ? 'settings-tab active' : 'settings-tab'}
            aria-current={key === section ? 'page' : undefined}
            data-testid={`settings-tab-${key}`}
            onClick={() => setSection(key)}
          >
            {t(`settings.sections.${key}`)}
          </button>
        ))}
      </nav>
      <div className="settings-body" data-testid={`settings-section-${section}`}>
        <h2>{t(`settings.sections.${section}`)}</h2>
        <SectionBody section={section} />
      </div>
    </section>
  );
}

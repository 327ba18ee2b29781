// The register's shell: training banner, header, the current screen and the status bar. Screens are kept in
// state rather than in the URL (the web host's URL carries its session token and must stay as it is). The
// checkout stays mounted while other screens show, so a sale in progress survives a look at the documents.
import { useEffect, useState, type JSX } from 'react';
import { StatusProvider } from './api/app-status';
import { AuthGate, useLocked } from './auth/AuthGate';
import { ManagerActionProvider } from './auth/manager-action';
import { SessionProvider } from './auth/session';
import { CashCloseScreen } from './cashclose/CashCloseScreen';
import { MonitorScreen } from './monitor/MonitorScreen';
import { ReceiptLayoutProvider } from './receipt/receipt-layout';
import { SettingsScreen } from './settings/SettingsScreen';
import { Checkout } from './checkout/Checkout';
import { DocumentDetailScreen } from './documents/DocumentDetailScreen';
import { DocumentsScreen } from './documents/DocumentsScreen';
import { Header, type Screen } from './shell/Header';
import { StatusBar } from './shell/StatusBar';
import { TrainingBanner } from './shell/TrainingBanner';

export function App(): JSX.Element {
  return (
    <SessionProvider>
      <AuthGate>
        <ManagerActionProvider>
          <StatusProvider>
            <ReceiptLayoutProvider>
              <Shell />
            </ReceiptLayoutProvider>
          </StatusProvider>
        </ManagerActionProvider>
      </AuthGate>
    </SessionProvider>
  );
}

function Shell(): JSX.Element {
  // While the lock screen covers the app, the checkout is off duty (no shortcuts, no scanner focus); back on duty
  // after the sign-in, it takes the focus again.
  const locked = useLocked();
  const [screen, setScreen] = useState<Screen>('checkout');
  const [detail, setDetail] = useState<string | null>(null);
  const navigate = (next: Screen): void => {
    setDetail(null);
    setScreen(next);
  };
  const showing = detail === null ? screen : 'detail';

  // Away from the checkout, F2 goes back to selling and Esc leaves a document's detail (the checkout's own keys are
  // in checkout/keyboard.ts and only act while it is on screen).
  useEffect(() => {
    if (showing === 'checkout') return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'F2' && !e.ctrlKey && !e.altKey && !e.metaKey) {
        e.preventDefault();
        setDetail(null);
        setScreen('checkout');
      } else if (e.key === 'Escape' && showing === 'detail') setDetail(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [showing]);
  return (
    <div className="app">
      <TrainingBanner />
      <Header screen={screen} onNavigate={navigate} />
      <main className="app-main">
        <div className="screen" hidden={showing !== 'checkout'}>
          <Checkout active={showing === 'checkout' && !locked} onDocuments={() => navigate('documents')} />
        </div>
        {showing === 'documents' || showing === 'attention' ? (
          <DocumentsScreen key={showing} mode={showing === 'attention' ? 'attention' : 'all'} onOpen={setDetail} />
        ) : null}
        {showing === 'cashclose' ? <CashCloseScreen /> : null}
        {showing === 'monitor' ? <MonitorScreen /> : null}
        {showing === 'settings' ? <SettingsScreen /> : null}
        {detail !== null ? (
          <DocumentDetailScreen id={detail} onBack={() => setDetail(null)} onOpen={setDetail} />
        ) : null}
      </main>
      <StatusBar onAttention={() => navigate('attention')} />
    </div>
  );
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CustomerDisplay } from './customer-display/CustomerDisplay';
import { DISPLAY_HASH } from './customer-display/display-feed';
import { initI18n } from './i18n/i18n';
import './styles.css';

initI18n();
const container = document.getElementById('root');
if (!container) throw new Error('Root element #root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    {/* The second monitor's window (or tab) shows only the customer display: no session, no till. */}
    {window.location.hash === DISPLAY_HASH ? <CustomerDisplay /> : <App />}
  </StrictMode>,
);

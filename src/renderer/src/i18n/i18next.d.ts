// Typed translation keys: t('checkout.pay') is checked against the Spanish catalogue at compile time, and en.ts must
// have the same shape (see en.ts), so a missing or misspelt key fails the typecheck.
import 'i18next';
import type { es } from './es';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof es };
    returnNull: false;
  }
}

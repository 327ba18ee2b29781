// i18next for the console, set up once and synchronously (catalogues bundled): Spanish of Panamá by default,
// English selectable; the choice is remembered in this browser (localStorage, a preference, not a secret).
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { TextKey } from './catalogue';
import { en } from './en';
import { es } from './es';

export const LANGUAGES = ['es-PA', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'sago.console.language';

function savedLanguage(): Language {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  return LANGUAGES.find((l) => l === saved) ?? 'es-PA';
}

export function initI18n(): void {
  const lng = savedLanguage();
  void i18next.use(initReactI18next).init({
    resources: { 'es-PA': { translation: es }, en: { translation: en } },
    lng,
    fallbackLng: 'es-PA',
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
  });
  document.documentElement.lang = lng;
}

export function setLanguage(language: Language): void {
  window.localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export type Translate = (key: TextKey, values?: Record<string, string | number>) => string;

/** The console's `t`, checked against its own catalogue's keys (see catalogue.ts for why not i18next's typing). */
export function useT(): { t: Translate; language: Language } {
  const { t, i18n } = useTranslation();
  // i18next's own key typing is the register renderer's (a global augmentation); the console's keys are checked by
  // TextKey instead, so the call goes through i18next's untyped signature.
  const untyped = t as unknown as (key: string, values?: Record<string, string | number>) => string;
  const language = LANGUAGES.find((l) => l === i18n.language) ?? 'es-PA';
  return { t: (key, values) => untyped(key, values), language };
}

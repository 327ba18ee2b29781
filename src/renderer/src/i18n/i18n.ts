// i18next set up once, synchronously (the catalogues are bundled): Spanish of Panamá by default, English
// selectable. The choice is a UI preference of the register (preferences:get/set: electron-store in the desktop
// app, memory in the web host).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiPreferences } from '../../../shared/ipc/schemas';
import { attempt, sago } from '../api/sago';
import { en } from './en';
import { es } from './es';

export type Language = UiPreferences['language'];
export const LANGUAGES: readonly Language[] = ['es-PA', 'en'];
export const DEFAULT_LANGUAGE: Language = 'es-PA';

function apply(language: Language): void {
  void i18next.changeLanguage(language);
  document.documentElement.lang = language;
}

export function initI18n(): void {
  const lng = DEFAULT_LANGUAGE;
  void i18next.use(initReactI18next).init({
    resources: { 'es-PA': { translation: es }, en: { translation: en } },
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;" in names.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  // The saved choice arrives a moment later; until then (or if it cannot be read) the screen is in Spanish.
  void attempt(() => sago().preferences.get({})).then((result) => {
    if (result.ok && result.value.language !== lng) apply(result.value.language);
  });
}

export function setLanguage(language: Language): void {
  apply(language);
  void attempt(() => sago().preferences.set({ language }));
}

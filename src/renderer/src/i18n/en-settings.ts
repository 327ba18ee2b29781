// English texts of the sign-in screens and the settings panel (merged into en.ts; same keys as es-settings.ts).
export const enSettings = {
  auth: {},
  settings: {},
};

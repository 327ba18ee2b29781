// Spanish texts of the sign-in screens and the settings panel (merged into es.ts).
export const esSettings = {
  auth: {},
  settings: {},
} as const;

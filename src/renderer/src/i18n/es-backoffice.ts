// Spanish texts of the document page's actions, the cash close and the monitoring panel (merged into es.ts).
export const esBackoffice = {
  documentActions: {},
  cashClose: {},
  monitor: {},
} as const;

// English texts of the document page's actions, the cash close and the monitoring panel (merged into en.ts).
export const enBackoffice = {
  documentActions: {},
  cashClose: {},
  monitor: {},
};

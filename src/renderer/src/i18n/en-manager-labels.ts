// English labels of codes a manager sees on the document page (issue 18; merged into en.ts).
export const enManagerLabels = {
  managerLabels: {
    exportCsv: 'Export CSV',
    hkaOutcome: {
      '200': '200 — Authorised by HKA',
      '102': '102 — HKA had already authorised it (duplicate, proven ours)',
      rejected: '{{code}} — Rejected by HKA: see the message and the hint',
      other: 'HKA code {{code}}',
    },
  },
} as const;

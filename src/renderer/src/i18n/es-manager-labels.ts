// Spanish labels of codes a manager sees on the document page (issue 18; merged into es.ts).
export const esManagerLabels = {
  managerLabels: {
    exportCsv: 'Exportar CSV',
    hkaOutcome: {
      '200': '200 — Autorizado por HKA',
      '102': '102 — HKA ya lo tenía autorizado (duplicado comprobado)',
      rejected: '{{code}} — Rechazado por HKA: vea el mensaje y la sugerencia',
      other: 'Código de HKA {{code}}',
    },
  },
} as const;

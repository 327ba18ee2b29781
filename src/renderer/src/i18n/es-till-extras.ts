// Spanish texts of what issue 14 finished last: weighed items, printer status, capped counts. Merged into es.ts.
export const esTillExtras = {
  saleUnits: {
    und: 'Unidad (und)',
    kg: 'Kilogramo (kg): se vende por peso',
    lb: 'Libra (lb): se vende por peso',
    other: '{{unit}} (por unidades)',
    wholeUnitsOnly: '{{name}} se vende por unidades: la cantidad {{quantity}} debe ser un número entero.',
    tooManyDecimals: '{{name}} se vende por peso ({{unit}}): la cantidad admite hasta 3 decimales, por ejemplo 0.375.',
  },
  receiptNote: {
    credito: 'NOTA DE CRÉDITO Nº {{number}} a la factura Nº {{invoice}}',
    debito: 'NOTA DE DÉBITO Nº {{number}} a la factura Nº {{invoice}}',
  },
  /** The thermal printer's own status before a receipt (core rule printer.*): nothing printed, the sale is saved. */
  printerStatus: {
    paperOut: 'Sin papel: cargue un rollo nuevo y reimprima el recibo (la venta está guardada).',
    coverOpen: 'Tapa abierta: cierre la tapa de la impresora y reimprima el recibo (la venta está guardada).',
    offline:
      'Impresora fuera de línea: revise que esté encendida y conectada, y reimprima el recibo (la venta está guardada).',
  },
  /** documents:list stopped counting at its cap: "1,000+", never an exact-looking number. */
  documentsCountCapped: '{{count, number}}+ documentos',
} as const;

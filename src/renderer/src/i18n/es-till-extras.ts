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
  /**
   * The thermal printer's own status before a receipt (core rule printer.*): nothing printed, and the document the
   * receipt is of (a sale, a return's credit note, another document) is saved.
   */
  printerStatus: {
    sale: {
      paperOut: 'Sin papel: cargue un rollo nuevo y reimprima el recibo (la venta está guardada).',
      coverOpen: 'Tapa abierta: cierre la tapa de la impresora y reimprima el recibo (la venta está guardada).',
      offline:
        'Impresora fuera de línea: revise que esté encendida y conectada, y reimprima el recibo (la venta está guardada).',
    },
    creditNote: {
      paperOut: 'Sin papel: cargue un rollo nuevo y reimprima el recibo (la nota de crédito está guardada).',
      coverOpen:
        'Tapa abierta: cierre la tapa de la impresora y reimprima el recibo (la nota de crédito está guardada).',
      offline:
        'Impresora fuera de línea: revise que esté encendida y conectada, y reimprima el recibo (la nota de crédito está guardada).',
    },
    document: {
      paperOut: 'Sin papel: cargue un rollo nuevo y reimprima el recibo (el documento está guardado).',
      coverOpen: 'Tapa abierta: cierre la tapa de la impresora y reimprima el recibo (el documento está guardado).',
      offline:
        'Impresora fuera de línea: revise que esté encendida y conectada, y reimprima el recibo (el documento está guardado).',
    },
  },
  /** documents:list stopped counting at its cap: "1,000+", never an exact-looking number. */
  documentsCountCapped: '{{count, number}}+ documentos',
} as const;

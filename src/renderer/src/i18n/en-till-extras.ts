// English texts of what issue 14 finished last: weighed items, printer status, capped counts. Merged into en.ts.
export const enTillExtras = {
  saleUnits: {
    und: 'Unit (und)',
    kg: 'Kilogram (kg): sold by weight',
    lb: 'Pound (lb): sold by weight',
    other: '{{unit}} (by units)',
    wholeUnitsOnly: '{{name}} is sold by units: the quantity {{quantity}} must be a whole number.',
    tooManyDecimals: '{{name}} is sold by weight ({{unit}}): the quantity takes up to 3 decimals, for example 0.375.',
  },
  receiptNote: {
    credito: 'CREDIT NOTE No. {{number}} for invoice No. {{invoice}}',
    debito: 'DEBIT NOTE No. {{number}} for invoice No. {{invoice}}',
  },
  /** The thermal printer's own status before a receipt (core rule printer.*): nothing printed, the document is saved. */
  printerStatus: {
    sale: {
      paperOut: 'Out of paper: load a new roll and reprint the receipt (the sale is saved).',
      coverOpen: "Cover open: close the printer's cover and reprint the receipt (the sale is saved).",
      offline: 'Printer offline: check that it is on and connected, then reprint the receipt (the sale is saved).',
    },
    creditNote: {
      paperOut: 'Out of paper: load a new roll and reprint the receipt (the credit note is saved).',
      coverOpen: "Cover open: close the printer's cover and reprint the receipt (the credit note is saved).",
      offline:
        'Printer offline: check that it is on and connected, then reprint the receipt (the credit note is saved).',
    },
    document: {
      paperOut: 'Out of paper: load a new roll and reprint the receipt (the document is saved).',
      coverOpen: "Cover open: close the printer's cover and reprint the receipt (the document is saved).",
      offline: 'Printer offline: check that it is on and connected, then reprint the receipt (the document is saved).',
    },
  },
  /** documents:list stopped counting at its cap: "1,000+", never an exact-looking number. */
  documentsCountCapped: '{{count, number}}+ documents',
};

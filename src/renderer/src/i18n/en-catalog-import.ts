// English texts of the catalogue CSV preview (issue 18; merged into en.ts).
export const enCatalogImport = {
  catalogImport: {
    read: 'File read: {{encoding}} encoding, {{delimiter}} separator, decimal {{decimal}}.',
    encoding: { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 with BOM', 'windows-1252': 'Windows-1252 (Excel ANSI)' },
    delimiter: { comma: 'comma', semicolon: 'semicolon', tab: 'tab' },
    decimal: { point: 'point', comma: 'comma' },
    counts: '{{new}} new, {{changed}} changed, {{unchanged}} unchanged, {{invalid}} with errors.',
    nothingYet: 'Preview: nothing has been imported yet.',
    kind: { new: 'New', changed: 'Changes', unchanged: 'Unchanged', invalid: 'Errors' },
    result: 'Result',
    detail: 'Detail',
    field: {
      barcode: 'Barcode', descripcion: 'Description', unidad: 'Unit', precio: 'Price', tasaItbms: 'ITBMS',
      codigoCPBS: 'CPBS code', unidadMedidaCPBS: 'CPBS unit', active: 'Active',
    },
    empty: '(empty)',
    yes: 'yes',
    no: 'no',
    importNew_one: 'Import {{count}} row',
    importNew_other: 'Import {{count}} rows',
    confirmChanges_one: 'Confirm {{count}} change to existing products and import',
    confirmChanges_other: 'Confirm {{count}} changes to existing products and import',
    changesNeedConfirm: 'The file changes existing products: review each change (before → after). Nothing is saved until you confirm.',
    stale: 'The catalogue or the file changed since the preview: review the changes again and confirm.',
    nothingToImport: 'Nothing to import: every row matches the catalogue.',
    whoCanImport: 'Only a gerente can import the catalogue.',
  },
} as const;

// Spanish texts of the catalogue CSV preview (issue 18; merged into es.ts).
export const esCatalogImport = {
  catalogImport: {
    read: 'Archivo leído: codificación {{encoding}}, separador {{delimiter}}, decimales con {{decimal}}.',
    encoding: { 'utf-8': 'UTF-8', 'utf-8-bom': 'UTF-8 con BOM', 'windows-1252': 'Windows-1252 (ANSI de Excel)' },
    delimiter: { comma: 'coma', semicolon: 'punto y coma', tab: 'tabulador' },
    decimal: { point: 'punto', comma: 'coma' },
    counts: '{{new}} nuevos, {{changed}} con cambios, {{unchanged}} sin cambios, {{invalid}} con errores.',
    nothingYet: 'Vista previa: todavía no se ha importado nada.',
    kind: { new: 'Nuevo', changed: 'Cambia', unchanged: 'Sin cambios', invalid: 'Con errores' },
    result: 'Resultado',
    detail: 'Detalle',
    field: {
      barcode: 'Código de barras', descripcion: 'Descripción', unidad: 'Unidad', precio: 'Precio', tasaItbms: 'ITBMS',
      codigoCPBS: 'Código CPBS', unidadMedidaCPBS: 'Unidad CPBS', active: 'Activo',
    },
    empty: '(vacío)',
    yes: 'sí',
    no: 'no',
    importNew_one: 'Importar {{count}} fila',
    importNew_other: 'Importar {{count}} filas',
    confirmChanges_one: 'Confirmar {{count}} cambio a productos existentes e importar',
    confirmChanges_other: 'Confirmar {{count}} cambios a productos existentes e importar',
    changesNeedConfirm: 'El archivo cambia productos que ya existen: revise cada cambio (antes → después). Nada se guarda hasta que confirme.',
    stale: 'El catálogo o el archivo cambió desde la vista previa: revise los cambios de nuevo y confirme.',
    nothingToImport: 'No hay nada que importar: todas las filas coinciden con el catálogo.',
    whoCanImport: 'Solo un gerente puede importar el catálogo.',
  },
} as const;

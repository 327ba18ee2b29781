// Spanish texts of Configuración › Copias de seguridad. Merged into es.ts under `backups`.
export const esBackups = {
  backups: {
    intro:
      'La caja guarda una copia verificada de sus datos al cerrar cada turno (Z), una vez al día y antes de cada actualización: siempre en esta computadora y, si la indica, también en una carpeta externa (memoria USB o carpeta de red). Las claves de HKA nunca viajan legibles en una copia.',
    folder: 'Carpeta externa (ruta completa; vacía = solo la copia local)',
    folderHint: 'Por ejemplo E:\\Copias o /media/usb/copias. Se comprueba que exista y que se pueda escribir.',
    keep: 'Copias que se guardan en cada carpeta',
    localFolder: 'Copia local: {{folder}}',
    createNow: 'Crear copia ahora',
    creating: 'Creando copia…',
    created: 'Copia creada ({{location}}).',
    list: 'Copias disponibles',
    empty: 'Todavía no hay copias.',
    failure: 'Falló la copia {{location}} ({{at}}): {{message}}',
    columns: {
      at: 'Fecha',
      reason: 'Motivo',
      size: 'Tamaño',
      documents: 'Documentos',
      verified: 'Verificada',
      location: 'Ubicación',
      actions: 'Acciones',
    },
    locations: { local: 'local', externa: 'externa' },
    reasons: {
      z: 'Cierre Z',
      daily: 'Diaria',
      migration: 'Antes de actualizar',
      manual: 'Manual',
      'before-restore': 'Antes de restaurar',
    },
    verifiedYes: '✓',
    verifiedNo: '✗',
    restore: 'Restaurar',
    restoreTitle: 'Restaurar la copia del {{at}}',
    restoreWarning:
      'Los datos actuales de la caja se reemplazan por los de la copia ({{documents}} documentos). Las ventas posteriores a la copia dejan de estar en la caja (el archivo actual se guarda aparte). El envío a HKA se detiene mientras tanto.',
    restoreConfirmLabel: 'Escriba {{word}} para confirmar',
    restoreConfirm: 'Restaurar ahora',
    restored:
      'Copia restaurada: {{before}} documentos antes, {{after}} ahora. El archivo anterior quedó como {{keptAs}}.',
    credentialsNeeded:
      'Las credenciales de HKA de la copia no se pueden abrir en esta computadora: ingréselas de nuevo en Configuración › HKA.',
    signedOut: 'Su usuario no existe en la copia restaurada: inicie sesión con un usuario de la copia.',
  },
} as const;

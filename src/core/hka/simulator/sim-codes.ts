// Result codes and fixed messages the simulator answers with (REFERENCE.md §1.7).
//
// Only 200 (success) and 102 (Enviar: duplicate) come from real HKA traffic. HKA's return-code catalogue was never
// found (§7.8), so EVERY other code below is OUR CHOICE, picked so a client can tell the cases apart; where a
// ConsultarRucDV code from the [OD] table fits, we reuse it. Clients must not rely on these numbers against HKA.

export const SIM_CODES = {
  /** CONFIRMED: success, `resultado` = `procesado`. */
  ok: '200',
  /** CONFIRMED (Enviar, real demo traffic): the document was already authorised; CUFE/QR/protocol still returned. */
  duplicate: '102',
  /** OUR CHOICE for every operation, borrowed from ConsultarRucDV's [OD] table ("token del emisor inválido"). */
  invalidToken: '100',
  /** OUR CHOICE: the request or the `documento` breaks HKA's rules; every message joined with '|'. */
  validation: '103',
  /** OUR CHOICE: the monthly cycle has no folios left. */
  noFolios: '104',
  /** OUR CHOICE: no document with that datosDocumento / CUFE for the token's RUC. */
  documentNotFound: '105',
  /** OUR CHOICE: annulment asked more than 7 calendar days after authorisation (§1.6.3). */
  annulmentExpired: '106',
  /** OUR CHOICE: the document is already annulled. */
  alreadyAnnulled: '107',
  /** [OD] ConsultarRucDV: taxpayer not registered (same number as Enviar's duplicate, different meaning). */
  rucNotRegistered: '102',
  /** [OD] ConsultarRucDV: error processing the query (we use it for a malformed tipoRuc/ruc). */
  rucQueryError: '201',
} as const;

export type SimCode = (typeof SIM_CODES)[keyof typeof SIM_CODES];

/** Spanish texts. The 200/102 ones are HKA's own (samples 02, 03, 05, 07, 09, 13, 15, 17); the rest are ours. */
export const SIM_MESSAGES = {
  enviado: 'El documento se envió correctamente.',
  duplicado: 'El documento está duplicado',
  tokenInvalido: 'Token del emisor inválido',
  sinFolios: 'No hay folios disponibles en el ciclo actual de la licencia',
  documentoNoExiste: 'El documento no existe para el emisor',
  estado: 'Se retornan datos del documento.',
  autorizado: 'Autorizado el uso de la FE',
  anulado: 'Evento de anulación registrado',
  anulacionOk: 'Proceso de Anulación ejecutado con éxito.',
  anulacionVencida: 'El plazo de 7 días calendario para anular el documento ha vencido; emita una nota de crédito',
  yaAnulado: 'El documento ya se encuentra anulado',
  archivo: 'Se retorna el archivo solicitado.',
  folios: 'Se retorna Licencia y Disponibilidad',
  correoOk: 'Se ha enviado satisfactoriamente el email.',
  rastreo: 'Se retorna mensaje de la consulta',
  rucOk: 'Consulta realizada con éxito',
  rucNoRegistrado: 'El contribuyente no se encuentra registrado en la DGI',
} as const;

/** HKA's field-level message forms (§1.7). */
export const fieldRequired = (field: string): string => `El campo ${field} es requerido`;
export const fieldInvalid = (field: string): string => `El campo ${field} es inválido`;

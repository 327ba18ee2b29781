// Spanish (Panamá): the default language and the reference catalogue. en.ts must have exactly the same keys
// (checked by the typechecker and by catalogues.test.ts). Code labels come from the fiscal core's catalogues, so
// the screen says what the DGI says.
import { FORMA_PAGO, TIPO_CLIENTE_FE, TIPO_IDENTIFICACION } from '../../../shared/fiscal/codes';
import { STATUS_LABELS } from '../../../shared/fiscal/lifecycle';
import { esBackoffice } from './es-backoffice';
import { esBackups } from './es-backups';
import { esCatalogImport } from './es-catalog-import';
import { esManagerLabels } from './es-manager-labels';
import { esTillExtras } from './es-till-extras';
import { esNextSteps } from './es-next-steps';
import { esControls } from './es-controls';
import { esTillReturns } from './es-till-returns';
import { esSettings } from './es-settings';
import { esCheckout } from './es-checkout';
import { esSale } from './es-sale';
import { esDocuments } from './es-documents';

export const es = {
  common: { close: 'Cerrar', cancel: 'Cancelar', back: 'Volver', loading: 'Cargando…' },
  languages: { 'es-PA': 'Español', en: 'English' },
  environments: { simulador: 'Entorno: Simulador', demo: 'Entorno: Demo HKA', produccion: 'Entorno: Producción' },
  training: {
    title: 'MODO ENTRENAMIENTO',
    detail: 'Simulador de HKA: los documentos emitidos aquí no tienen validez fiscal.',
  },
  nav: {
    checkout: 'Venta',
    documents: 'Documentos',
    attention: 'Necesita atención',
    cashclose: 'Caja',
    monitor: 'Monitoreo',
    settings: 'Configuración',
  },
  header: { register: 'Sucursal {{sucursal}} · Caja {{punto}}', language: 'Idioma' },
  shortcuts: {
    help: 'Atajos',
    other: {
      enter: 'Agregar el código escrito o escaneado; con el campo vacío, editar la línea elegida',
      times: 'Agregar 3 unidades de ese código',
      plus: 'Una unidad más de la línea elegida',
      minus: 'Una unidad menos de la línea elegida',
      arrows: 'Elegir línea (en cobrar: la forma de pago)',
      escape: 'Limpiar el campo (en un diálogo: volver)',
      exact: 'En cobrar: pagar exactamente lo que falta',
      complete: 'En cobrar: completar con lo recibido (nunca con el monto sugerido sin escribir)',
    },
    label: 'Atajos de teclado',
    newSale: 'Nueva venta',
    customer: 'Cliente',
    pay: 'Cobrar',
    park: 'En espera',
    recall: 'Recuperar',
    voidLine: 'Anular línea',
    reprint: 'Reimprimir',
    documents: 'Documentos',
    ticketDiscount: 'Descuento a la venta',
    tillReturn: 'Devolución',
  },
  itbmsRates: { '00': 'Exento (0 %)', '01': '7 %', '02': '10 %', '03': '15 %' },
  customerKinds: { ...TIPO_CLIENTE_FE },
  identificationTypes: { ...TIPO_IDENTIFICACION },
  customer: {
    title: 'Cliente de la venta',
    tabs: { search: 'Buscar', '02': 'Consumidor final', '01': 'Contribuyente', '03': 'Gobierno', '04': 'Extranjero' },
    searchPlaceholder: 'Nombre, RUC o cédula',
    noResults: 'Sin clientes guardados que coincidan.',
    useConsumidorFinal: 'Usar consumidor final',
    saveAndUse: 'Guardar y usar',
    fixErrors: 'Revise los datos del cliente.',
    fields: {
      tipoContribuyente: 'Tipo de contribuyente',
      juridico: 'Jurídico',
      natural: 'Natural',
      ruc: 'RUC',
      dv: 'DV',
      razonSocial: 'Razón social',
      direccion: 'Dirección',
      nombre: 'Nombre',
      nombreOpcional: 'Nombre (opcional)',
      cedulaOpcional: 'Cédula o RUC (opcional)',
      dvOpcional: 'DV (opcional)',
      tipoIdentificacion: 'Tipo de identificación',
      nroIdentificacion: 'Número de identificación',
      paisExtranjero: 'País del pasaporte',
      correo: 'Correo electrónico (opcional)',
    },
    dv: {
      valid: '✓ DV correcto',
      suggest: 'DV calculado: {{dv}}.',
      mismatch: 'El DV no corresponde a este RUC; el calculado es {{dv}}.',
      use: 'Usar {{dv}}',
    },
  },
  paymentForms: { ...FORMA_PAGO },
  status: { ...STATUS_LABELS },
  ...esCheckout,
  ...esSale,
  ...esDocuments,
  ...esSettings,
  ...esBackoffice,
  ...esControls,
  ...esTillReturns,
  ...esBackups,
  ...esCatalogImport,
  ...esNextSteps,
  ...esManagerLabels,
  ...esTillExtras,
} as const;

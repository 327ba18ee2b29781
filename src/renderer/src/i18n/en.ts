// English. Typed as the Spanish catalogue's shape, so a key missing here (or one that Spanish lacks) fails the
// typecheck; catalogues.test.ts checks the same at run time.
import type { es } from './es';
import { enBackoffice } from './en-backoffice';
import { enBackups } from './en-backups';
import { enCatalogImport } from './en-catalog-import';
import { enManagerLabels } from './en-manager-labels';
import { enTillExtras } from './en-till-extras';
import { enNextSteps } from './en-next-steps';
import { enControls } from './en-controls';
import { enTillReturns } from './en-till-returns';
import { enSettings } from './en-settings';
import { enCheckout } from './en-checkout';
import { enSale } from './en-sale';
import { enDocuments } from './en-documents';

type SameKeys<T> = { readonly [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

export const en: SameKeys<typeof es> = {
  common: { close: 'Close', cancel: 'Cancel', back: 'Back', loading: 'Loading…' },
  languages: { 'es-PA': 'Español', en: 'English' },
  environments: {
    simulador: 'Environment: Simulator',
    demo: 'Environment: HKA Demo',
    produccion: 'Environment: Production',
  },
  training: {
    title: 'TRAINING MODE',
    detail: 'HKA simulator: documents issued here have no fiscal value.',
  },
  nav: {
    checkout: 'Sale',
    documents: 'Documents',
    attention: 'Needs attention',
    cashclose: 'Cash',
    monitor: 'Monitoring',
    settings: 'Settings',
  },
  header: { register: 'Branch {{sucursal}} · Till {{punto}}', language: 'Language' },
  shortcuts: {
    help: 'Shortcuts',
    other: {
      enter: 'Add the code typed or scanned; with the field empty, edit the chosen line',
      times: 'Add 3 units of that code',
      plus: 'One more unit of the chosen line',
      minus: 'One unit less of the chosen line',
      arrows: 'Choose a line (when paying: the payment form)',
      escape: 'Clear the field (in a dialog: go back)',
      exact: 'When paying: pay exactly what is still owed',
      complete: 'When paying: complete with what was received (never with the untouched suggestion)',
    },
    label: 'Keyboard shortcuts',
    newSale: 'New sale',
    customer: 'Customer',
    pay: 'Pay',
    park: 'Hold',
    recall: 'Recall',
    voidLine: 'Void line',
    reprint: 'Reprint',
    documents: 'Documents',
    ticketDiscount: 'Discount on the sale',
    tillReturn: 'Return',
  },
  itbmsRates: { '00': 'Exempt (0 %)', '01': '7 %', '02': '10 %', '03': '15 %' },
  customerKinds: { '01': 'Taxpayer', '02': 'Final consumer', '03': 'Government', '04': 'Foreigner' },
  identificationTypes: { '01': 'Passport', '02': 'Tax number', '99': 'Other' },
  customer: {
    title: 'Customer for this sale',
    tabs: { search: 'Search', '02': 'Final consumer', '01': 'Taxpayer', '03': 'Government', '04': 'Foreigner' },
    searchPlaceholder: 'Name, RUC or ID number',
    noResults: 'No saved customers match.',
    useConsumidorFinal: 'Use final consumer',
    saveAndUse: 'Save and use',
    fixErrors: 'Check the customer details.',
    fields: {
      tipoContribuyente: 'Taxpayer type',
      juridico: 'Company',
      natural: 'Individual',
      ruc: 'RUC',
      dv: 'DV',
      razonSocial: 'Legal name',
      direccion: 'Address',
      nombre: 'Name',
      nombreOpcional: 'Name (optional)',
      cedulaOpcional: 'ID card or RUC (optional)',
      dvOpcional: 'DV (optional)',
      tipoIdentificacion: 'Identification type',
      nroIdentificacion: 'Identification number',
      paisExtranjero: 'Passport country',
      correo: 'E-mail (optional)',
    },
    dv: {
      valid: '✓ DV is correct',
      suggest: 'Computed DV: {{dv}}.',
      mismatch: 'The DV does not match this RUC; the computed one is {{dv}}.',
      use: 'Use {{dv}}',
    },
  },
  paymentForms: {
    '01': 'Credit',
    '02': 'Cash',
    '03': 'Credit card',
    '04': 'Debit card',
    '05': 'Loyalty card',
    '06': 'Voucher',
    '07': 'Gift card',
    '08': 'Bank transfer or deposit',
    '09': 'Cheque',
    '99': 'Other',
  },
  status: {
    DRAFT: 'Draft',
    QUEUED: 'Waiting to send',
    PROCESSING: 'Sending to HKA',
    AUTHORIZED: 'Authorised by the DGI',
    REJECTED: 'Rejected',
    FAILED: 'Sending failed',
    ANNULLED: 'Annulled',
    CANCELLED: 'Discarded',
    NUMBER_COLLISION: 'Number already used at HKA',
  },
  ...enCheckout,
  ...enSale,
  ...enDocuments,
  ...enSettings,
  ...enBackoffice,
  ...enControls,
  ...enTillReturns,
  ...enBackups,
  ...enCatalogImport,
  ...enNextSteps,
  ...enManagerLabels,
  ...enTillExtras,
};

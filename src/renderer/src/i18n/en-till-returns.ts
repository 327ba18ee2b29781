// English texts of the discount on the whole sale and of returns at the till (issue 14). Same keys as es-till-returns.ts.
import type { esTillReturns } from './es-till-returns';

export const enTillReturns: typeof esTillReturns = {
  ticketDiscount: {
    title: 'Discount on the sale',
    field: 'Discount',
    hint: 'In B/. (5.00) or as a percentage of the total (10%). Empty: no discount. Taken off after ITBMS.',
    itemsTotal: 'Items total: {{total}}',
    apply: 'Apply',
    button: 'Discount',
    row: 'Discount on the sale',
    emptyCart: 'Add products before giving a discount on the sale.',
    problems: {
      notANumber: 'Type an amount (5.00) or a percentage (10%).',
      mustBePositive: 'The discount must be more than zero.',
      tooManyDecimals: 'The discount takes at most 2 decimals.',
      discountNotBelowPrice: 'The discount must be less than the total.',
      percentTooHigh: 'The percentage must be below 100.',
      discountNotBelowTotal: 'The discount must be less than the sale total.',
    },
  },
  noteRef: {
    list: 'Credit note for invoice No. {{invoice}}',
    title: 'Credit note No. {{number}} · for invoice No. {{invoice}}',
  },
  tillReturn: {
    title: 'Return',
    button: 'Return',
    reference: 'Invoice number or CUFE',
    referenceHint: 'Scan the receipt QR code or CUFE, or type the number of an invoice of this register.',
    find: 'Find',
    invoice: 'Invoice No. {{numero}} · {{fecha}} · total {{total}}',
    pick: 'Choose the lines and quantities returned (never more than is left to credit).',
    refund: 'Refund',
    refunds: {
      '02': 'Cash (out of the drawer)',
      '03': 'Credit card',
      '04': 'Debit card',
    },
    reason: 'Reason for the return',
    reasonHint: '15 to 250 characters; printed on the credit note.',
    total: 'To refund: {{total}}',
    submit: 'Issue credit note',
    discountWarning: 'The invoice has a discount on the sale: the note credits its proportional share.',
    done: 'Credit note No. {{numero}} (invoice No. {{factura}}) saved: it is being sent to the DGI. Refund {{total}} ({{tender}}).',
    problems: {
      emptyReference: 'Type or scan the invoice number or its CUFE.',
      reasonShort: 'The reason needs at least 15 characters.',
      reasonLong: 'The reason takes at most 250 characters.',
    },
  },
  returnDone: {
    refund: 'Hand back to the customer',
    pendingHint: 'The receipt is provisional until the DGI authorises the credit note; it updates by itself.',
    authorizedHint: 'Credit note authorised: the receipt now shows the CUFE and the QR code.',
    problemHint: 'The DGI did not authorise the credit note: a manager needs to review it in Documents.',
    print: 'Print',
    close: 'Done',
  },
};

// IPC contract of the document page's extra actions (names in channels.ts): the PDF/XML kept locally, e-mail
// through HKA, discarding a document the DGI never accepted, and the generic credit note (06).
import { z } from 'zod';
import type { ContractEntry } from '../../access';
import { reasonSchema } from '../../reason';
import { documentDetailSchema, saleDraftSchema } from '../../schemas';
import { approvalField, doneResponse } from '../../fields';

const storedFileSchema = z.object({ fileName: z.string(), path: z.string(), bytes: z.number().int() }).nullable();
export const documentFilesSchema = z.object({ pdf: storedFileSchema, xml: storedFileSchema });

export const emailDeliverySchema = z.object({
  correo: z.string(),
  creadoEn: z.string(),
  estado: z.string(),
  messageId: z.string(),
});

export const documentFilesContract = {
  /** The CAFE PDF and the authorised XML kept next to the database (no HKA call). */
  'documents:files': { access: 'signedIn', request: z.object({ id: z.string() }), response: documentFilesSchema },
  /** Fetches what is missing from HKA (DescargaPDF, DescargaXML) and keeps it locally. */
  'documents:downloadFiles': {
    access: 'signedIn',
    request: z.object({ id: z.string() }),
    response: documentFilesSchema,
  },
  /**
   * Opens a kept file: the desktop app hands it to the OS ('app'); the web host returns its bytes for the browser
   * to show or save ('browser').
   */
  'documents:openFile': {
    access: 'signedIn',
    request: z.object({ id: z.string(), kind: z.enum(['pdf', 'xml']) }),
    response: z.discriminatedUnion('via', [
      z.object({ via: z.literal('app') }),
      z.object({ via: z.literal('browser'), fileName: z.string(), mimeType: z.string(), base64: z.string() }),
    ]),
  },
  /** Sends the CAFE by e-mail through HKA (EnvioCorreo). */
  'documents:sendEmail': {
    access: 'signedIn',
    request: z.object({ id: z.string(), correo: z.email('Correo electrónico no válido').max(100) }),
    response: doneResponse,
  },
  /** HKA's delivery trace of the document's e-mails (RastreoCorreo). */
  'documents:emailTrace': {
    access: 'signedIn',
    request: z.object({ id: z.string() }),
    response: z.object({ entregas: z.array(emailDeliverySchema) }),
  },
  /**
   * Discards a REJECTED (or FAILED, once HKA confirms it never got it) document: it will not be sent again and the
   * sale must be captured anew. Manager only; audited with the reason.
   */
  'documents:cancel': {
    access: 'approval:documents:cancel',
    request: z.object({ id: z.string(), motivo: reasonSchema, approval: approvalField }),
    response: documentDetailSchema,
  },
  /** Generic credit note (tipo 06): no CUFE to reference; lines and customer as in a sale. Manager only. */
  'documents:genericCreditNote': {
    access: 'approval:documents:genericCreditNote',
    request: z.object({
      draft: saleDraftSchema.omit({ tipoDocumento: true }),
      motivo: reasonSchema,
      approval: approvalField,
    }),
    response: documentDetailSchema,
  },
} as const satisfies Record<string, ContractEntry>;

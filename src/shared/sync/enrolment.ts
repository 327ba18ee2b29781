// Enrolment: a register exchanges a one-time code (made by head office for one store) for its device token.
// The token appears in this response only; the server keeps its hash, the register keeps it in its vault.
import { z } from 'zod';
import { codigoSucursalSchema, puntoFacturacionSchema } from './point-claim';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from './storable';

export const SYNC_ENROL_PATH = '/v1/enrol';

export const enrolRequestSchema = z
  .object({
    code: z.string().min(1).max(300),
    /** What the register calls itself (defaults to the name head office gave the code). */
    registerName: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .refine(isStorableText, { error: UNSTORABLE_TEXT_MESSAGE })
      .optional(),
    /** The billing point this register will issue from, claimed in the same step (both or neither; 409 if taken). */
    codigoSucursal: codigoSucursalSchema.optional(),
    puntoFacturacion: puntoFacturacionSchema.optional(),
  })
  .refine((r) => (r.codigoSucursal === undefined) === (r.puntoFacturacion === undefined), {
    error: 'codigoSucursal and puntoFacturacion go together',
    path: ['puntoFacturacion'],
  });
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

export const enrolResponseSchema = z.object({
  deviceId: z.uuid(),
  orgId: z.uuid(),
  storeId: z.uuid(),
  storeCode: z.string(),
  storeName: z.string(),
  registerName: z.string(),
  token: z.string(),
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;

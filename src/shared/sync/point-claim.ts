// Billing-point claims: a register claims its (branch code, billing point) with the central server, so two registers
// of one organisation never issue documents from the same point (their folio sequences would collide at the DGI).
// The register calls this at enrolment (fields in the enrol request) or later with its device token; a second
// register asking for a point already held in the organisation is refused. Head office can release a claim.
import { z } from 'zod';

export const POINT_CLAIM_PATH = '/v1/devices/claim-point';

/** codigoSucursalEmisor: 4 letters or digits ('0000' = casa matriz). */
export const codigoSucursalSchema = z
  .string()
  .regex(/^[A-Za-z0-9]{4}$/, { error: 'must be the 4-character DGI branch code' });
/** puntoFacturacionFiscal: '001'–'999'. */
export const puntoFacturacionSchema = z
  .string()
  .regex(/^(?!000)\d{3}$/, { error: 'must be a billing point from 001 to 999' });

export const billingPointSchema = z
  .object({
    codigoSucursal: codigoSucursalSchema,
    puntoFacturacion: puntoFacturacionSchema,
  })
  .strict();
export type BillingPoint = z.infer<typeof billingPointSchema>;

/** 409 body when another register of the organisation holds the point. */
export const POINT_CLAIMED_ERROR = 'point_claimed';
export const POINT_CLAIMED_MESSAGE = 'Billing point already claimed by another register of this organisation';

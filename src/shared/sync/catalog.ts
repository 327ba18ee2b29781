// The catalogue head office keeps for an organisation and the registers pull (issue 15): products keyed by their code,
// each with its price and ITBMS rate exactly as the register models them (src/shared/ipc/schemas.ts productSchema).
// Every change takes the organisation's next catalogue version; a register asks for the changes after the last
// (version, code) it applied and gets them in that order. The same row schema is checked on both sides: the server
// refuses a bad row (400, nothing written), the register refuses a bad row that arrives anyway, alone.
import { z } from 'zod';
import { CPBS_CODE_PATTERN, CPBS_UNIT_MAX_LENGTH } from '../fiscal/cpbs';
import { productSchema } from '../ipc/schemas';
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from './storable';

export const CATALOG_CHANGES_PATH = '/v1/catalog/changes';
export const ADMIN_CATALOG_PATH = '/v1/admin/catalog/products';
/** POST `{ csv }`: a price list in the register's CSV import format (server/tenancy/catalog-csv.ts). */
export const ADMIN_CATALOG_IMPORT_PATH = '/v1/admin/catalog/import';
/** Rows per admin write and per page of changes. */
export const CATALOG_BATCH_MAX = 500;

const storable = (schema: z.ZodString) => schema.refine(isStorableText, { error: UNSTORABLE_TEXT_MESSAGE });
/** Codes are compared as typed on both sides: no surrounding spaces, nothing PostgreSQL cannot store. */
const codigo = storable(productSchema.shape.codigo).refine((c) => c === c.trim(), {
  error: 'must not start or end with spaces',
});

/** One product as head office sets it. `active: false` retires it (registers stop offering it; sold ones keep it). */
export const centralProductSchema = z
  .object({
    codigo,
    barcode: storable(z.string().min(1).max(14)).nullable().default(null),
    descripcion: storable(productSchema.shape.descripcion),
    unidad: storable(productSchema.shape.unidad).default('und'),
    precio: productSchema.shape.precio,
    tasaItbms: productSchema.shape.tasaItbms,
    codigoCPBS: z.string().regex(CPBS_CODE_PATTERN).nullable().default(null),
    unidadMedidaCPBS: storable(z.string().min(1).max(CPBS_UNIT_MAX_LENGTH)).nullable().default(null),
    requiereLote: z.boolean().default(false),
    active: z.boolean().default(true),
  })
  .strict();
export type CentralProduct = z.output<typeof centralProductSchema>;

/** POST /v1/admin/catalog/products: up to 500 products created or replaced at once (one new version if any changed). */
export const catalogWriteSchema = z
  .object({ products: z.array(centralProductSchema).min(1).max(CATALOG_BATCH_MAX) })
  .strict();

export const catalogWriteResponseSchema = z.object({
  version: z.number().int().nonnegative(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});
export type CatalogWriteResponse = z.infer<typeof catalogWriteResponseSchema>;

/** Where a register stands: the last (version, code) it applied; (0, '') before its first pull. (v, '') asks for version v onwards. */
export const catalogPositionSchema = z.object({ since: z.number().int().nonnegative(), after: z.string().max(20) });
export type CatalogPosition = z.infer<typeof catalogPositionSchema>;
export const CATALOG_START: CatalogPosition = { since: 0, after: '' };

/** One change as a register receives it: the product's whole current state and the version that set it. */
export const catalogChangeSchema = centralProductSchema.extend({ version: z.number().int().positive() });
export type CatalogChange = z.output<typeof catalogChangeSchema>;

/**
 * GET /v1/catalog/changes?since&after&limit. `changes` are checked by the register one by one (evidence, not truth),
 * so the envelope leaves them unknown here; `position` is the cursor after the last row sent, `more` says another
 * page follows.
 */
export const catalogChangesResponseSchema = z.object({
  catalogVersion: z.number().int().nonnegative(),
  changes: z.array(z.unknown()).max(CATALOG_BATCH_MAX),
  position: catalogPositionSchema,
  more: z.boolean(),
});
export type CatalogChangesResponse = z.infer<typeof catalogChangesResponseSchema>;

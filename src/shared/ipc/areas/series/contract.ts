// IPC contract entries of the fiscal series (issue 11 §1–§2), merged into ipcContract (src/shared/ipc/contract.ts);
// names in channels.ts. The manager sees, per series, the next number, the last probe of HKA and whether a number
// collision blocks it, and resolves a collision with one action.
import { z } from 'zod';
import type { ContractEntry } from '../../access';

export const seriesKeySchema = z.object({
  codigoSucursal: z.string().regex(/^[A-Za-z0-9]{4}$/),
  puntoFacturacion: z.string().regex(/^(?!000)\d{3}$/),
  tipoDocumento: z.string().regex(/^(0[1-9]|10)$/),
});

export const seriesStatusSchema = seriesKeySchema.extend({
  nextNumber: z.number().int(),
  probedAt: z.string().nullable(),
  probeReason: z.string().nullable(),
  /** The highest number HKA held at the last probe. */
  probeHighest: z.number().int().nullable(),
  probeCalls: z.number().int().nullable(),
  blockedByCollision: z.boolean(),
  /** Documents parked as NUMBER_COLLISION in this series. */
  collisions: z.number().int(),
});

export const seriesContract = {
  'series:status': { access: 'gerente', request: z.object({}), response: z.array(seriesStatusSchema) },
  /**
   * Probes HKA for the series' highest number, moves the series past it and re-issues the colliding sales under new
   * numbers (same content, CUFE pending); then the series takes numbers again. Audited with before/after numbers.
   */
  'series:resolveCollision': {
    access: 'gerente',
    request: seriesKeySchema,
    response: z.object({
      renumbered: z.array(z.object({ documentId: z.string(), from: z.number().int(), to: z.number().int() })),
      hkaHighest: z.number().int(),
      nextNumber: z.number().int(),
    }),
  },
} as const satisfies Record<string, ContractEntry>;

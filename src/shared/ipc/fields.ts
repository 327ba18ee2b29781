// Request and response pieces every area's contract repeats, defined once (src/shared/ipc/areas/*/contract.ts).
import { z } from 'zod';

/** A request without fields. */
export const emptyRequest = z.object({});
/** A one-shot manager approval (auth:approve) for manager-only actions, when no gerente is signed in. */
export const approvalField = z.string().max(200).optional();
/** The answer of an action that has nothing to say but that it was done. */
export const doneResponse = z.object({ done: z.literal(true) });

// Status lifecycle of a fiscal document (docs/architecture.md §3). The domain refuses illegal moves, so no
// caller (queue, UI, manager action) can, say, re-send an AUTHORIZED document or annul a QUEUED one.

export const DOCUMENT_STATUSES = [
  'DRAFT',
  'QUEUED',
  'PROCESSING',
  'AUTHORIZED',
  'REJECTED',
  'FAILED',
  'ANNULLED',
  'CANCELLED',
  'NUMBER_COLLISION',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const STATUS_LABELS: Record<DocumentStatus, string> = {
  DRAFT: 'Borrador',
  QUEUED: 'Pendiente de envío',
  PROCESSING: 'Enviando a HKA',
  AUTHORIZED: 'Autorizado por la DGI',
  REJECTED: 'Rechazado',
  FAILED: 'Falló el envío',
  ANNULLED: 'Anulado',
  CANCELLED: 'Descartado',
  NUMBER_COLLISION: 'Número ya usado en HKA',
};

/**
 * Allowed transitions. PROCESSING → QUEUED covers a transient failure that will be retried and a lease that
 * expired after a crash; FAILED/REJECTED → QUEUED is the manager's retry after a fix. REJECTED/FAILED → CANCELLED is
 * the manager discarding a document the DGI never accepted (the sale is captured anew); it is never sent again.
 * PROCESSING → NUMBER_COLLISION: HKA holds another sale under our number (identity proof failed, issue 11); the
 * manager's one action renumbers it (→ QUEUED), or it is discarded like a rejected one.
 */
const TRANSITIONS: Record<DocumentStatus, readonly DocumentStatus[]> = {
  DRAFT: ['QUEUED'],
  QUEUED: ['PROCESSING'],
  PROCESSING: ['AUTHORIZED', 'REJECTED', 'FAILED', 'QUEUED', 'NUMBER_COLLISION'],
  AUTHORIZED: ['ANNULLED'],
  REJECTED: ['QUEUED', 'CANCELLED'],
  FAILED: ['QUEUED', 'CANCELLED'],
  ANNULLED: [],
  CANCELLED: [],
  NUMBER_COLLISION: ['QUEUED', 'CANCELLED'],
};

export class IllegalTransitionError extends Error {
  override readonly name = 'IllegalTransitionError';
  constructor(
    readonly from: DocumentStatus,
    readonly to: DocumentStatus,
  ) {
    super(`Illegal document status transition ${from} -> ${to}`);
  }
}

export function canTransition(from: DocumentStatus, to: DocumentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Returns the new status, or throws IllegalTransitionError. */
export function transition(from: DocumentStatus, to: DocumentStatus): DocumentStatus {
  if (!canTransition(from, to)) throw new IllegalTransitionError(from, to);
  return to;
}

/** Final states: nothing more will happen to the document without a person acting. */
export function isTerminal(status: DocumentStatus): boolean {
  return status === 'AUTHORIZED' || status === 'ANNULLED' || status === 'CANCELLED';
}

/**
 * The shortest chain of legal transitions from `from` to `to` (excluding `from`), or undefined if there is none.
 * Lets a fact from outside (HKA says: authorised) be recorded from wherever the document is, without ever taking
 * an illegal step.
 */
export function pathTo(from: DocumentStatus, to: DocumentStatus): DocumentStatus[] | undefined {
  const previous = new Map<DocumentStatus, DocumentStatus>();
  const queue: DocumentStatus[] = [from];
  while (queue.length > 0) {
    const current = queue.shift() as DocumentStatus;
    if (current === to && current !== from) break;
    for (const next of TRANSITIONS[current]) {
      if (next !== from && !previous.has(next)) {
        previous.set(next, current);
        queue.push(next);
      }
    }
  }
  if (!previous.has(to)) return undefined;
  const path: DocumentStatus[] = [];
  for (let s: DocumentStatus | undefined = to; s !== undefined && s !== from; s = previous.get(s)) path.unshift(s);
  return path;
}

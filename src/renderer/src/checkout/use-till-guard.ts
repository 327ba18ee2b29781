// The till asks the core before a line's price changes, a discount is given, a scanned line is voided or a basket
// is cleared (till-actions.ts): the core audits it and, when the store's rules want a gerente, answers
// approval_required, so the PIN is asked right then (useWithApproval). The change happens only once it said yes.
import { useCallback } from 'react';
import type { TillAction } from '../../../shared/ipc/areas/loss-prevention/contract';
import { attempt, errorLines, sago } from '../api/sago';
import { useWithApproval } from '../auth/manager-action';

export type TillVerdict = { ok: true } | { ok: false; lines: string[] | null };

/** Asks for each action in turn; stops at the first one refused (null lines: the PIN prompt was cancelled). */
export function useTillGuard(): (actions: readonly TillAction[]) => Promise<TillVerdict> {
  const withApproval = useWithApproval();
  return useCallback(
    async (actions) => {
      for (const action of actions) {
        const result = await withApproval((approval) =>
          attempt(() => sago().till.authorize({ action, ...(approval ? { approval } : {}) })),
        );
        if (result === null) return { ok: false, lines: null };
        if (!result.ok) return { ok: false, lines: errorLines(result.error) };
      }
      return { ok: true };
    },
    [withApproval],
  );
}

// The DGI's bounds for a written reason (contingency, annulment; REFERENCE §2): 15 to 250 characters once trimmed.
// Every reason a person must give reuses them (src/shared/ipc/reason.ts), so the rule is written once.
export const REASON_MIN = 15;
export const REASON_MAX = 250;

/** True when a reason, once trimmed, is within the DGI's bounds. */
export function reasonWithinBounds(text: string): boolean {
  const length = text.trim().length;
  return length >= REASON_MIN && length <= REASON_MAX;
}

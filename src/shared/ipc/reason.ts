// The one definition of a written reason (the DGI's bounds for a contingency or annulment reason, reused for every
// reason a person must give: a discard, a Z with a cash difference…): 15 to 250 characters once trimmed.
import { z } from 'zod';
import { REASON_MAX, REASON_MIN } from '../fiscal/reason-bounds';

export { REASON_MAX, REASON_MIN };

export const reasonSchema = z
  .string()
  .trim()
  .min(REASON_MIN, `El motivo debe tener al menos ${REASON_MIN} caracteres`)
  .max(REASON_MAX, `El motivo admite hasta ${REASON_MAX} caracteres`);

/** What is wrong with a reason as typed, said before the request goes out. */
export function reasonProblem(text: string): 'short' | 'long' | null {
  const length = text.trim().length;
  return length < REASON_MIN ? 'short' : length > REASON_MAX ? 'long' : null;
}

// Who may call a contract entry. Every entry of the IPC contract declares one rule; the core's dispatcher enforces it
// before any handler runs (Electron IPC and the web host alike), and handlers get the acting user from the session,
// never from the payload. The renderer reads the same rules only to decide what to show.
//   open        the sign-in screen's needs: app status, session, user list, sign-in, first setup, language
//   signedIn    any signed-in user (cajero or gerente)
//   gerente     a signed-in gerente (reads of the back office; they cannot carry an approval)
//   approval:X  a signed-in gerente, or a signed-in cashier presenting a gerente's one-shot approval for action X
//               (auth:approve) in the request's `approval` field
import type { z } from 'zod';

export type ApprovalRule = `approval:${string}`;
export type AccessRule = 'open' | 'signedIn' | 'gerente' | ApprovalRule;

/** The shape of one contract entry: its access rule and its request/response schemas. */
export interface ContractEntry {
  access: AccessRule;
  request: z.ZodType;
  response: z.ZodType;
}

/** The approval action of an `approval:X` rule (X), else undefined. */
export function approvalActionOf(rule: AccessRule): string | undefined {
  return rule.startsWith('approval:') ? rule.slice('approval:'.length) : undefined;
}

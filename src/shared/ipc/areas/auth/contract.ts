// IPC contract entries of the auth area, merged into ipcContract (src/shared/ipc/contract.ts). Names are listed in
// channels.ts. Sign-in by user + PIN, the first manager at setup, and one-action approvals by a manager. No response
// carries a PIN or a PIN hash; an approval token goes back only to the screen that asked for it and is good for one
// action.
import { z } from 'zod';
import type { ContractEntry } from '../../access';

export const USER_ROLES = ['cajero', 'gerente'] as const;
export const userRoleSchema = z.enum(USER_ROLES);
export type UserRole = z.infer<typeof userRoleSchema>;

/** Lower-cased, so "Ana" and "ana" are the same person at the keyboard. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{2,30}$/, 'El usuario debe tener de 2 a 30 letras, números, punto, guion o guion bajo');
export const pinSchema = z.string().regex(/^\d{4,8}$/, 'El PIN debe tener de 4 a 8 dígitos');
const displayNameSchema = z
  .string()
  .trim()
  .min(2, 'El nombre debe tener al menos 2 caracteres')
  .max(60, 'El nombre admite hasta 60 caracteres');
/** What an approval is for: a channel name such as "documents:annul", or a named action such as "shift.close". */
export const approvalActionSchema = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]*([:.][a-zA-Z0-9]+)+$/, 'Acción no válida')
  .max(60);
const approvalTokenSchema = z.string().min(16).max(100);

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: userRoleSchema,
  active: z.boolean(),
  /** Set while sign-in is refused after too many wrong PINs (ISO time). */
  lockedUntil: z.string().nullable(),
});
export type UserView = z.infer<typeof userViewSchema>;

export const sessionUserSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: userRoleSchema,
  since: z.string(),
});

export const sessionViewSchema = z.object({
  user: sessionUserSchema.nullable(),
  /** No user exists yet: the first launch asks for the first manager (auth:setup). */
  setupNeeded: z.boolean(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

export const approvalSchema = z.object({
  token: z.string(),
  action: z.string(),
  approvedBy: z.string(),
  expiresAt: z.string(),
});

const newUserSchema = z.object({ username: usernameSchema, displayName: displayNameSchema, pin: pinSchema });

export const authContract = {
  /** First launch only (no user exists): creates the first gerente and signs them in. */
  'auth:setup': { access: 'open', request: newUserSchema, response: sessionViewSchema },
  /** Who can sign in (for the sign-in screen's list); never a hash. */
  'auth:users': { access: 'open', request: z.object({}), response: z.array(userViewSchema) },
  'auth:signIn': {
    access: 'open',
    request: z.object({ username: usernameSchema, pin: pinSchema }),
    response: sessionViewSchema,
  },
  'auth:signOut': { access: 'open', request: z.object({}), response: sessionViewSchema },
  'auth:session': { access: 'open', request: z.object({}), response: sessionViewSchema },
  /** A manager's PIN over the current session: a short-lived token good once, for this action only. */
  'auth:approve': {
    access: 'signedIn',
    request: z.object({ username: usernameSchema, pin: pinSchema, action: approvalActionSchema }),
    response: approvalSchema,
  },
  /** Needs a manager signed in, or an approval for "auth:createUser". */
  'auth:createUser': {
    access: 'approval:auth:createUser',
    request: newUserSchema.extend({ role: userRoleSchema, approval: approvalTokenSchema.optional() }),
    response: userViewSchema,
  },
  /** Deactivates (or brings back) a user: manager signed in, or an approval for "auth:setActive". */
  'auth:setActive': {
    access: 'approval:auth:setActive',
    request: z.object({ username: usernameSchema, active: z.boolean(), approval: approvalTokenSchema.optional() }),
    response: userViewSchema,
  },
  /**
   * With currentPin: the user changes their own PIN. Without it: a manager resets someone's PIN (manager signed in,
   * or an approval for "auth:changePin").
   */
  'auth:changePin': {
    access: 'signedIn',
    request: z.object({
      username: usernameSchema,
      newPin: pinSchema,
      currentPin: pinSchema.optional(),
      approval: approvalTokenSchema.optional(),
    }),
    response: z.object({ done: z.literal(true) }),
  },
} as const satisfies Record<string, ContractEntry>;

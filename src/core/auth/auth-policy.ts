// The sign-in policy (how many wrong PINs lock whom, for how long) and the words a refused attempt is answered with.

export interface AuthPolicy {
  /** Wrong PINs in a row that lock a user. */
  maxFailures: number;
  lockMs: number;
  approvalTtlMs: number;
  /** Wrong PINs over all users within registerWindowMs after which every attempt waits. */
  registerMaxFailures: number;
  registerWindowMs: number;
}

export const DEFAULT_AUTH_POLICY: AuthPolicy = {
  maxFailures: 5,
  lockMs: 5 * 60_000,
  approvalTtlMs: 2 * 60_000,
  registerMaxFailures: 10,
  registerWindowMs: 60_000,
};

export interface NewUserInput {
  username: string;
  displayName: string;
  pin: string;
}

export const WRONG_CREDENTIALS = 'Usuario o PIN incorrecto';
/** Audit actor for attempts naming no known user (the typed name is not recorded: it may be a mistyped PIN). */
export const UNKNOWN_ACTOR = { actor: 'desconocido' };

export const minutesLeft = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000));
export const lockedMessage = (ms: number): string =>
  `Usuario bloqueado por demasiados intentos; intente de nuevo en ${minutesLeft(ms)} min.`;

// "Probar conexión" on exactly what the manager's form holds (issue 18): the typed environment, address and tokens,
// with the saved token standing in for a token field left untouched — the same values a save would store. A test of
// typed values verifies nothing by itself (nothing was saved); it is remembered, as a keyed digest in memory only,
// so that saving those very values marks the connection verified, and saving anything else does not.
import { createHmac, randomBytes } from 'node:crypto';
import type { HkaEnvironment } from './contract';
import type { HkaCredentials } from './client/hka-client';
import { hkaEndpoint, readHkaSettings, type HkaConnectionDeps } from './hka-connection';
import { DEMO_ACCOUNT } from './simulator/accounts';

export interface ConnectionDraft {
  environment: HkaEnvironment;
  /** Absent: the environment's own HKA address (as a save without an address stores). */
  endpoint?: string;
  tokenEmpresa?: string;
  tokenPassword?: string;
}

/** Why typed values cannot be tested: a token of another environment cannot be borrowed from this one. */
export class DraftIncomplete extends Error {
  override readonly name = 'DraftIncomplete';
}

/** True when the draft is the saved connection unchanged (the classic test: it verifies what is saved). */
export function draftIsSaved(deps: Pick<HkaConnectionDeps, 'db'>, draft: ConnectionDraft): boolean {
  const saved = readHkaSettings(deps.db);
  return (
    draft.environment === saved.environment &&
    (draft.endpoint ?? undefined) === saved.endpoint &&
    draft.tokenEmpresa === undefined &&
    draft.tokenPassword === undefined
  );
}

/** The address the draft would use (undefined: the simulator's, which the running register decides). */
export function draftEndpoint(draft: ConnectionDraft): string | undefined {
  return hkaEndpoint({ environment: draft.environment, ...(draft.endpoint ? { endpoint: draft.endpoint } : {}) });
}

/** Opens the credentials the draft would use for the length of `use`: typed, else saved, else the simulator's demo. */
export async function withDraftCredentials<T>(
  deps: HkaConnectionDeps,
  draft: ConnectionDraft,
  use: (credentials: HkaCredentials) => Promise<T>,
): Promise<T> {
  const saved = readHkaSettings(deps.db);
  const { tokenEmpresa, tokenPassword } = draft;
  if (tokenEmpresa !== undefined && tokenPassword !== undefined) return use({ tokenEmpresa, tokenPassword });
  const storedBoth =
    deps.vault.describe('hka.tokenEmpresa').configured && deps.vault.describe('hka.tokenPassword').configured;
  if (draft.environment === saved.environment && storedBoth) {
    return deps.vault.withSecrets(['hka.tokenEmpresa', 'hka.tokenPassword'], (s) =>
      use({
        tokenEmpresa: tokenEmpresa ?? s['hka.tokenEmpresa'],
        tokenPassword: tokenPassword ?? s['hka.tokenPassword'],
      }),
    );
  }
  if (draft.environment === 'simulador' && tokenEmpresa === undefined && tokenPassword === undefined) {
    return use({ tokenEmpresa: DEMO_ACCOUNT.tokenEmpresa, tokenPassword: DEMO_ACCOUNT.tokenPassword });
  }
  throw new DraftIncomplete('Escriba tokenEmpresa y tokenPassword para probar este ambiente');
}

const REMEMBER_MS = 15 * 60_000;

/** Typed values that passed a test, as a digest keyed by a random per-process key (never the tokens themselves). */
export class DraftVerifications {
  private readonly key = randomBytes(32);
  private passed: { digest: string; at: number } | undefined;

  constructor(
    private readonly clock: () => Date,
    private readonly rememberMs = REMEMBER_MS,
  ) {}

  digest(draft: ConnectionDraft, credentials: HkaCredentials): string {
    return createHmac('sha256', this.key)
      .update(
        JSON.stringify([
          draft.environment,
          draftEndpoint(draft) ?? '',
          credentials.tokenEmpresa,
          credentials.tokenPassword,
        ]),
      )
      .digest('hex');
  }

  remember(digest: string): void {
    this.passed = { digest, at: this.clock().getTime() };
  }

  /** True once for the values that passed (recently); the memory is spent either way. */
  take(digest: string): boolean {
    const passed = this.passed;
    this.passed = undefined;
    return passed !== undefined && passed.digest === digest && this.clock().getTime() - passed.at <= this.rememberMs;
  }
}

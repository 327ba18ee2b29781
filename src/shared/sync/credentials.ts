// The shape of the central API's credentials. Each one names its organisation in clear ("sgd.<org uuid>.<secret>"),
// so the server authenticates inside that organisation's row-level-security scope and never needs to look across
// tenants; a forged organisation id simply finds no matching hash there. Generation and hashing live in the server;
// the format lives here so the register and the server can both recognise (and refuse to sync) a leaked credential.

export const CREDENTIAL_KINDS = {
  /** A register's device token (ingest). */
  device: 'sgd',
  /** A head-office admin key (read API, stores, enrolment codes, revocation). */
  admin: 'sga',
  /** A one-time enrolment code, exchanged by a register for a device token. */
  enrolment: 'sge',
  /** A console user's session token (sign-in with login and password; owner or read-only accountant). */
  user: 'sgu',
} as const;
export type CredentialKind = keyof typeof CREDENTIAL_KINDS;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const SECRET = '[A-Za-z0-9_-]{20,128}';
const EXACT = new RegExp(`^(sgd|sga|sge|sgu)\\.(${UUID})\\.(${SECRET})$`);
const ANYWHERE = new RegExp(`sg[daeu]\\.${UUID}\\.[A-Za-z0-9_-]{20,}`, 'i');

export interface ParsedCredential {
  kind: CredentialKind;
  orgId: string;
}

/** The kind and organisation a credential claims, or undefined when it is not shaped like one of ours. */
export function parseCredential(raw: string): ParsedCredential | undefined {
  const match = EXACT.exec(raw);
  if (!match) return undefined;
  const kind = (Object.keys(CREDENTIAL_KINDS) as CredentialKind[]).find((k) => CREDENTIAL_KINDS[k] === match[1]);
  return kind && match[2] ? { kind, orgId: match[2] } : undefined;
}

export function formatCredential(kind: CredentialKind, orgId: string, secret: string): string {
  return `${CREDENTIAL_KINDS[kind]}.${orgId}.${secret}`;
}

/** True when any string inside `value` (at any depth, keys included) contains one of our credentials. */
export function containsCredential(value: unknown): boolean {
  if (typeof value === 'string') return ANYWHERE.test(value);
  if (Array.isArray(value)) return value.some(containsCredential);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).some(([key, v]) => ANYWHERE.test(key) || containsCredential(v));
  }
  return false;
}

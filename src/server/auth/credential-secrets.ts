// Credentials are 256 random bits (enrolment codes 160), so a fast SHA-256 is enough to store them: there is
// nothing to brute-force, unlike a human password. The plaintext exists only in the response that hands it out.
import { createHash, randomBytes } from 'node:crypto';
import { formatCredential, type CredentialKind } from '../../shared/sync/credentials';

const SECRET_BYTES: Record<CredentialKind, number> = { device: 32, admin: 32, enrolment: 20, user: 32 };

export function newCredential(kind: CredentialKind, orgId: string): string {
  return formatCredential(kind, orgId, randomBytes(SECRET_BYTES[kind]).toString('base64url'));
}

export function hashCredential(raw: string): string {
  return createHash('sha256').update(raw, 'utf8').digest('hex');
}

// AES-256-GCM sealing of small secrets in a versioned text format:
//   sv1.<iv>.<tag>.<ciphertext>   (base64url parts; 96-bit random IV, 128-bit auth tag)
// The name of the secret is bound as additional authenticated data, so a sealed value copied into another
// slot (e.g. tokenPassword into tokenEmpresa) fails to open instead of being used silently.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const VERSION = 'sv1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export type VaultErrorReason =
  'malformed' | 'unsupported_version' | 'authentication_failed' | 'bad_key' | 'missing_key';

/** Any failure to open a sealed value: tampered data, a wrong key, or an unreadable format. Never garbage. */
export class VaultError extends Error {
  override readonly name = 'VaultError';
  constructor(
    readonly reason: VaultErrorReason,
    message: string,
  ) {
    super(message);
  }
}

function assertKey(key: Buffer): void {
  if (key.length !== KEY_BYTES) throw new VaultError('bad_key', `Vault keys are ${KEY_BYTES} bytes, got ${key.length}`);
}

export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function seal(key: Buffer, plaintext: Buffer | string, associatedData: string): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), ciphertext].map((b) => b.toString('base64url'));
  return [VERSION, ...parts].join('.');
}

export function open(key: Buffer, sealed: string, associatedData: string): Buffer {
  assertKey(key);
  const parts = sealed.split('.');
  if (parts[0] !== VERSION) {
    throw new VaultError(
      parts.length === 4 ? 'unsupported_version' : 'malformed',
      'Sealed value has an unknown format',
    );
  }
  const [iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
  if (parts.length !== 4 || iv?.length !== IV_BYTES || tag?.length !== TAG_BYTES || !ciphertext) {
    throw new VaultError('malformed', 'Sealed value is truncated or malformed');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new VaultError('authentication_failed', 'Sealed value failed authentication (tampered, or a different key)');
  }
}

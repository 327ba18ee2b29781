// PINs are stored as scrypt hashes in a self-describing text ("scrypt$N=32768,r=8,p=1$<salt>$<hash>", base64url), so
// the parameters can be raised later without breaking stored hashes: verification reads them from the text.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** About 70 ms per check on a 2-core register: slow for a guesser, unnoticeable at sign-in. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
/** Highest cost accepted from a stored text, so a tampered row cannot make a check eat the machine's memory. */
const MAX_N = 2 ** 20;

function derive(pin: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; node's default ceiling (32 MiB) is exactly N=2^15, r=8, so leave headroom.
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r };
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFKC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPin(pin: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(pin, salt, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

interface ParsedHash {
  params: ScryptParams;
  salt: Buffer;
  key: Buffer;
}

const HASH_TEXT = /^scrypt\$N=(\d+),r=(\d+),p=(\d+)\$([A-Za-z0-9_-]+)\$([A-Za-z0-9_-]+)$/;

export function parsePinHash(text: string): ParsedHash | undefined {
  const match = HASH_TEXT.exec(text);
  if (!match) return undefined;
  const [, n, r, p, salt, key] = match;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = params.N > 1 && (params.N & (params.N - 1)) === 0;
  if (!powerOfTwo || params.N > MAX_N || params.r < 1 || params.r > 32 || params.p < 1 || params.p > 16)
    return undefined;
  return { params, salt: Buffer.from(salt ?? '', 'base64url'), key: Buffer.from(key ?? '', 'base64url') };
}

/** Constant-time comparison; an unreadable stored text never matches. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parsePinHash(stored);
  if (!parsed || parsed.key.length !== KEY_LENGTH) return false;
  const key = await derive(pin, parsed.salt, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

let decoy: Promise<string> | undefined;

/** A hash to check against when the user does not exist, so the answer takes as long as for a real user. */
export function decoyHash(): Promise<string> {
  decoy ??= hashPin(randomBytes(8).toString('hex'));
  return decoy;
}

/**
 * Passphrase encryption with WebCrypto only: PBKDF2-SHA-256 derives a non-extractable AES-GCM 256 key,
 * every sealed value gets its own random 12-byte IV, and "additional data" binds a ciphertext to where
 * it belongs (a record id, a file header), so it cannot be moved elsewhere unnoticed.
 *
 * No knowledge of vaults or files here: the callers give meaning to a failure.
 */

/** Recommended by OWASP (2023) for PBKDF2-HMAC-SHA-256. */
export const DEFAULT_ITERATIONS = 600_000;
/** A file or store asking for more than this would freeze the device for minutes: refused. */
export const MAX_ITERATIONS = 5_000_000;
export const SALT_BYTES = 16;
export const IV_BYTES = 12;

export type Bytes = Uint8Array<ArrayBuffer>;

export interface Sealed {
  iv: Bytes;
  ciphertext: Bytes;
}

/** WebCrypto is missing: an old browser, or the page is not served over https (or localhost). */
export class CryptoUnavailableError extends Error {
  constructor() {
    super('WebCrypto (crypto.subtle) is not available: the page must be served over https');
    this.name = 'CryptoUnavailableError';
  }
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new CryptoUnavailableError();
  return s;
}

export function cryptoAvailable(): boolean {
  return !!globalThis.crypto?.subtle;
}

export function randomBytes(length: number): Bytes {
  if (!globalThis.crypto?.getRandomValues) throw new CryptoUnavailableError();
  return globalThis.crypto.getRandomValues(new Uint8Array(length));
}

const encoder = new TextEncoder();

export function utf8(text: string): Bytes {
  return encoder.encode(text) as Bytes;
}

export function isValidIterations(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_ITERATIONS;
}

/**
 * Derives the key. The passphrase is NFC-normalised first: the same "é" typed on two devices can
 * arrive as different code points, and a moved export must still open.
 */
export async function deriveKey(passphrase: string, salt: Bytes, iterations: number): Promise<CryptoKey> {
  if (!isValidIterations(iterations)) throw new RangeError(`iterations must be an integer from 1 to ${MAX_ITERATIONS}`);
  const s = subtle();
  const material = await s.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return s.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false, // never extractable: the key cannot leave this page, not even to our own code
    ['encrypt', 'decrypt'],
  );
}

export async function seal(key: CryptoKey, plaintext: Bytes, additionalData: Bytes): Promise<Sealed> {
  const iv = randomBytes(IV_BYTES);
  const ciphertext = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData }, key, plaintext));
  return { iv, ciphertext };
}

/** The plaintext, or null when the key is wrong or the ciphertext, IV or additional data was altered. */
export async function open(key: CryptoKey, sealed: Sealed, additionalData: Bytes): Promise<Bytes | null> {
  const s = subtle();
  try {
    return new Uint8Array(await s.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData }, key, sealed.ciphertext));
  } catch {
    return null;
  }
}

export async function sealJson(key: CryptoKey, value: unknown, additionalData: Bytes): Promise<Sealed> {
  return seal(key, utf8(JSON.stringify(value)), additionalData);
}

/** `undefined` when the key is wrong or the data altered; throws SyntaxError when it opens but is not JSON. */
export async function openJson(key: CryptoKey, sealed: Sealed, additionalData: Bytes): Promise<unknown> {
  const bytes = await open(key, sealed, additionalData);
  if (!bytes) return undefined;
  return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
}

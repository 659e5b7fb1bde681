/**
 * An encrypted file to carry data from one device to another: a small JSON envelope whose header says
 * what it is (format name and version) and how to derive the key (salt, iterations), then the AES-GCM
 * ciphertext. The header is bound to the ciphertext as additional data, so an edited header does not
 * open. A SHA-256 `digest` of every other field tells a damaged file (cut off, a character changed)
 * apart from a wrong passphrase before any key is derived: it protects against accidents, while
 * AES-GCM protects against tampering.
 *
 * {
 *   "format": "<format name>", "version": 1,
 *   "kdf": "PBKDF2-SHA-256", "iterations": 600000, "salt": "<base64url, 16 bytes>",
 *   "cipher": "AES-GCM-256", "iv": "<base64url, 12 bytes>", "ciphertext": "<base64url>",
 *   "digest": "<base64url SHA-256 of format|version|kdf|iterations|salt|cipher|iv|ciphertext>"
 * }
 */
import { isObject } from '../engine/values';
import { fromBase64Url, toBase64Url } from './base64url';
import {
  type Bytes,
  CryptoUnavailableError,
  DEFAULT_ITERATIONS,
  deriveKey,
  IV_BYTES,
  isValidIterations,
  openJson,
  randomBytes,
  SALT_BYTES,
  type Sealed,
  sealJson,
  utf8,
} from './crypto';

export const ENVELOPE_VERSION = 1;
const KDF = 'PBKDF2-SHA-256';
const CIPHER = 'AES-GCM-256';
/** A file larger than this is not one of ours (a whole caseload is a few hundred kilobytes). */
export const MAX_FILE_CHARS = 50_000_000;

export type EnvelopeProblem =
  /** not JSON, not an object, or another format name: some other file */
  | 'foreign'
  /** our format, but cut off, a field missing or malformed, or the digest does not match */
  | 'damaged'
  /** made by a newer version of the app */
  | 'newer-version'
  | 'wrong-passphrase';

export class EnvelopeError extends Error {
  constructor(
    readonly problem: EnvelopeProblem,
    readonly detail?: string,
  ) {
    super(`encrypted file: ${problem}${detail ? ` (${detail})` : ''}`);
    this.name = 'EnvelopeError';
  }
}

export interface EnvelopeHeader {
  format: string;
  version: number;
  iterations: number;
}

interface Parsed extends EnvelopeHeader {
  salt: Bytes;
  body: Sealed;
  /** the text fields, as written, for the digest */
  fields: string[];
  digest: Bytes;
}

const headerAad = (format: string, version: number, iterations: number, salt: Bytes) =>
  utf8(`${format}|${version}|${KDF}|${iterations}|${toBase64Url(salt)}|${CIPHER}`);

async function sha256(text: string): Promise<Bytes> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new CryptoUnavailableError();
  return new Uint8Array(await subtle.digest('SHA-256', utf8(text)));
}

export interface SealOptions {
  /** the format name written in the file and required on opening, e.g. `kortrijk-rechtenverkenner/caseload` */
  format: string;
  iterations?: number;
}

/** Encrypts `payload` (any JSON value) with a passphrase; returns the file's text. */
export async function sealEnvelope(payload: unknown, passphrase: string, options: SealOptions): Promise<string> {
  const iterations = options.iterations ?? DEFAULT_ITERATIONS;
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(passphrase, salt, iterations);
  const body = await sealJson(key, payload, headerAad(options.format, ENVELOPE_VERSION, iterations, salt));
  const file = {
    format: options.format,
    version: ENVELOPE_VERSION,
    kdf: KDF,
    iterations,
    salt: toBase64Url(salt),
    cipher: CIPHER,
    iv: toBase64Url(body.iv),
    ciphertext: toBase64Url(body.ciphertext),
  };
  const digest = toBase64Url(await sha256(Object.values(file).join('|')));
  return JSON.stringify({ ...file, digest }, null, 1);
}


function bytesField(value: unknown, name: string, length?: number): Bytes {
  const bytes = typeof value === 'string' ? fromBase64Url(value) : null;
  if (!bytes || (length !== undefined && bytes.length !== length) || (length === undefined && bytes.length < 16)) {
    throw new EnvelopeError('damaged', name);
  }
  return bytes;
}

function parse(text: string, format: string | null): Parsed {
  if (typeof text !== 'string' || text.length > MAX_FILE_CHARS) throw new EnvelopeError('foreign', 'not a text file');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    // A file that starts like ours but no longer parses was cut off or edited: damaged, not foreign.
    const ours = format !== null && text.trimStart().startsWith('{') && text.includes(JSON.stringify(format));
    throw new EnvelopeError(ours ? 'damaged' : 'foreign', 'not JSON');
  }
  if (!isObject(raw) || typeof raw.format !== 'string') throw new EnvelopeError('foreign', 'no format name');
  if (format !== null && raw.format !== format) throw new EnvelopeError('foreign', `format ${raw.format}`);
  const { version, iterations } = raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new EnvelopeError('damaged', 'version');
  if (version > ENVELOPE_VERSION) throw new EnvelopeError('newer-version', `version ${version}`);
  if (raw.kdf !== KDF || raw.cipher !== CIPHER) throw new EnvelopeError('damaged', 'kdf or cipher');
  if (!isValidIterations(iterations)) throw new EnvelopeError('damaged', 'iterations');
  const salt = bytesField(raw.salt, 'salt', SALT_BYTES);
  const body = { iv: bytesField(raw.iv, 'iv', IV_BYTES), ciphertext: bytesField(raw.ciphertext, 'ciphertext') };
  const fields = [raw.format, version, KDF, iterations, raw.salt, CIPHER, raw.iv, raw.ciphertext].map(String);
  return { format: raw.format, version, iterations, salt, body, fields, digest: bytesField(raw.digest, 'digest', 32) };
}

/** Reads the header without a passphrase: one of our files? which format? Throws an EnvelopeError. */
export function readEnvelopeHeader(text: string): EnvelopeHeader {
  const { format, version, iterations } = parse(text, null);
  return { format, version, iterations };
}

/**
 * Decrypts a file made by `sealEnvelope` with the same format name. Throws an EnvelopeError:
 * `foreign`, `damaged`, `newer-version` or `wrong-passphrase`. Never returns partial data.
 */
export async function openEnvelope(text: string, passphrase: string, options: { format: string }): Promise<unknown> {
  const file = parse(text, options.format);
  const digest = await sha256(file.fields.join('|'));
  if (digest.length !== file.digest.length || digest.some((b, i) => b !== file.digest[i])) {
    throw new EnvelopeError('damaged', 'digest');
  }
  const key = await deriveKey(passphrase, file.salt, file.iterations);
  let payload: unknown;
  try {
    payload = await openJson(key, file.body, headerAad(file.format, file.version, file.iterations, file.salt));
  } catch {
    throw new EnvelopeError('damaged', 'content is not JSON');
  }
  // The file is intact (digest), so a ciphertext that does not open means another passphrase.
  if (payload === undefined) throw new EnvelopeError('wrong-passphrase');
  return payload;
}

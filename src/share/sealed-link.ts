/**
 * The shared link that carries nothing readable. A link (and its QR code) ends up in places the app
 * cannot wipe: the browser's history, its session files, a chat app, a photo of a kiosk screen. So
 * the fragment holds only ciphertext; the key comes from a short code shown BESIDE the link or QR
 * code, which the person types when opening it. Whoever finds the link alone learns nothing.
 *
 * Fragment:   #s=2<base64url(crc32 ‖ salt ‖ iv ‖ ciphertext)>
 *   code       15 random decimal digits (10^15 ≈ 2^49.8: ~50 bits), shown as three groups of five
 *   key        PBKDF2-SHA-256(code, salt, 600 000 iterations) → AES-GCM-256 (src/share/crypto.ts);
 *              each guess costs a full key derivation, so trying every code is out of reach
 *   plaintext  the packed result of src/share/link.ts (mode byte ‖ deflate-raw(json) or json)
 *   crc32      over salt ‖ iv ‖ ciphertext: a damaged link is told apart from a wrong code before
 *              the (slow) key derivation
 * The format digit, KDF and iteration count are bound to the ciphertext as additional data.
 */
import { fromBase64Url, toBase64Url } from './base64url';
import { deriveKey, IV_BYTES, open, randomBytes, SALT_BYTES, seal, utf8 } from './crypto';
import {
  crc32,
  type DecodeOptions,
  type EncodeOptions,
  MAX_FRAGMENT_LENGTH,
  packResult,
  type SharedResult,
  ShareLinkError,
  unpackResult,
} from './link';

export const SEALED_PARAM = 's';
const SEALED_FORMAT = '2';
/** PBKDF2 iterations of format 2 (OWASP 2023 for PBKDF2-HMAC-SHA-256); fixed by the format digit. */
export const SHARE_ITERATIONS = 600_000;
export const CODE_DIGITS = 15;
/** The code's strength in bits: log2(10^15). */
export const CODE_BITS = CODE_DIGITS * Math.log2(10);
const AAD = utf8(`rechtenverkenner/share|${SEALED_FORMAT}|PBKDF2-SHA-256|${SHARE_ITERATIONS}|AES-GCM-256`);
const GCM_TAG_BYTES = 16;

/** A new random code of 15 digits (uniform: bytes of 250 and more are drawn again). */
export function newShareCode(): string {
  let code = '';
  while (code.length < CODE_DIGITS) {
    for (const b of randomBytes(CODE_DIGITS)) {
      if (b < 250 && code.length < CODE_DIGITS) code += String(b % 10);
    }
  }
  return code;
}

/** "482139037552186" → "48213 90375 52186": easier to read aloud and to copy. */
export function formatShareCode(code: string): string {
  return code.replace(/(\d{5})(?=\d)/g, '$1 ');
}

const ARABIC_DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/**
 * The digits of a typed code (spaces, dashes and dots dropped; Arabic-Indic and Persian digits read
 * as 0-9); null when it is not 15 digits.
 */
export function normaliseShareCode(typed: string): string | null {
  const latin = typed.replace(ARABIC_DIGITS, (d) => String((d.charCodeAt(0) & 0xf) % 10));
  const digits = latin.replace(/[\s.\-–_/]/g, '');
  return /^\d+$/.test(digits) && digits.length === CODE_DIGITS ? digits : null;
}

export interface SealedShare {
  link: string;
  /** the 15 digits to show beside the link or QR code (never inside them) */
  code: string;
}

/** Seals a result into a link; the code is new each time unless given (tests). */
export async function sealShareLink(
  pageUrl: string,
  result: SharedResult,
  options: EncodeOptions & { code?: string },
): Promise<SealedShare> {
  const code = options.code ?? newShareCode();
  if (normaliseShareCode(code) !== code) throw new RangeError('a share code is 15 digits');
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(code, salt, SHARE_ITERATIONS);
  const packed = await packResult(result, options);
  const { iv, ciphertext } = await seal(key, new Uint8Array(packed), AAD);
  const rest = new Uint8Array(SALT_BYTES + IV_BYTES + ciphertext.length);
  rest.set(salt, 0);
  rest.set(iv, SALT_BYTES);
  rest.set(ciphertext, SALT_BYTES + IV_BYTES);
  const out = new Uint8Array(4 + rest.length);
  new DataView(out.buffer).setUint32(0, crc32(rest));
  out.set(rest, 4);
  const fragment = `${SEALED_PARAM}=${SEALED_FORMAT}${toBase64Url(out)}`;
  if (fragment.length > MAX_FRAGMENT_LENGTH) throw new ShareLinkError('too-long', 'answers');
  return { link: `${pageUrl.split('#')[0]!}#${fragment}`, code };
}

/** A sealed link, read and checked but not opened yet: it waits for its code. */
export interface LockedShare {
  readonly salt: Uint8Array<ArrayBuffer>;
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly ciphertext: Uint8Array<ArrayBuffer>;
}

function findSealedToken(input: string): string | null {
  const hash = input.includes('#') ? input.slice(input.indexOf('#') + 1) : input;
  for (const part of hash.split('&')) {
    if (part.startsWith(`${SEALED_PARAM}=`)) return part.slice(SEALED_PARAM.length + 1);
  }
  return null;
}

/** Whether `urlOrFragment` carries a sealed result (`#s=…`). */
export function hasSealedFragment(urlOrFragment: string): boolean {
  return typeof urlOrFragment === 'string' && findSealedToken(urlOrFragment) !== null;
}

/**
 * Reads a sealed link without its code: refuses at once what is not ours, made by a newer app or
 * damaged (ShareLinkError), so the person is not asked for a code that cannot help.
 */
export function readSealedLink(urlOrFragment: string): LockedShare {
  let token = typeof urlOrFragment === 'string' ? findSealedToken(urlOrFragment) : null;
  if (token === null || token === '') throw new ShareLinkError('missing');
  if (token.length > MAX_FRAGMENT_LENGTH) throw new ShareLinkError('too-long');
  if (token.includes('%')) {
    try {
      token = decodeURIComponent(token);
    } catch {
      throw new ShareLinkError('garbled', 'percent-encoding');
    }
  }
  if (token[0] !== SEALED_FORMAT) throw new ShareLinkError('unknown-format', token.slice(0, 1));
  const bytes = fromBase64Url(token.slice(1));
  if (!bytes || bytes.length < 4 + SALT_BYTES + IV_BYTES + GCM_TAG_BYTES + 2) throw new ShareLinkError('garbled', 'length');
  const rest = bytes.slice(4);
  if (crc32(rest) !== new DataView(bytes.buffer).getUint32(0)) throw new ShareLinkError('garbled', 'checksum');
  return {
    salt: rest.slice(0, SALT_BYTES),
    iv: rest.slice(SALT_BYTES, SALT_BYTES + IV_BYTES),
    ciphertext: rest.slice(SALT_BYTES + IV_BYTES),
  };
}

/**
 * Opens a sealed link with the typed code. Throws a ShareLinkError: `wrong-code` (the link itself is
 * intact, so another code was typed), or what the content fails (`invalid`, `garbled`, …).
 */
export async function openSealedLink(locked: LockedShare, typedCode: string, options: DecodeOptions): Promise<SharedResult> {
  const code = normaliseShareCode(typedCode);
  if (code === null) throw new ShareLinkError('wrong-code', 'not 15 digits');
  const key = await deriveKey(code, locked.salt, SHARE_ITERATIONS);
  const packed = await open(key, { iv: locked.iv, ciphertext: locked.ciphertext }, AAD);
  if (!packed) throw new ShareLinkError('wrong-code');
  return unpackResult(packed, options);
}

/**
 * The vault's encrypted record format. A passphrase derives the key (PBKDF2-SHA-256, random salt,
 * many iterations); `meta` → 'vault' holds the salt, the iteration count and a key check (a known
 * value sealed with the key, to tell a wrong passphrase at once); every household is one AES-GCM 256
 * record `{ id, iv, ciphertext }` with its own random IV, bound to its id. Names, dates and answers
 * are inside the ciphertext: nothing about a person is stored in clear.
 */
import { isObject } from '../../engine/values';
import {
  type Bytes,
  deriveKey,
  IV_BYTES,
  isValidIterations,
  open,
  openJson,
  randomBytes,
  SALT_BYTES,
  type Sealed,
  seal,
  sealJson,
  utf8,
} from '../../share/crypto';
import { type CaseHousehold, CaseFormatError, type CaseMigrations, NewerFormatError, parseCaseHousehold } from '../caseload';
import { VaultError } from './errors';

const VAULT_FORMAT = 'kortrijk-rechtenverkenner/vault';
const VAULT_FORMAT_VERSION = 1;
export const META_KEY = 'vault';
const CHECK_VALUE = 'kortrijk-vault-check';

/** `meta` → 'vault' */
export interface VaultMeta {
  format: typeof VAULT_FORMAT;
  version: number;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: Bytes;
  check: Sealed;
}

/** `households` → id. Nothing else: the name and dates are inside the ciphertext. */
export interface StoredHousehold {
  id: string;
  iv: Bytes;
  ciphertext: Bytes;
}

const checkAad = utf8(`${VAULT_FORMAT}|check`);
const recordAad = (id: string) => utf8(`${VAULT_FORMAT}|household|${id}`);

const isBytes = (x: unknown, length?: number): x is Bytes =>
  x instanceof Uint8Array && (length === undefined ? x.length >= 16 : x.length === length);

export function readMeta(raw: unknown): VaultMeta {
  if (
    !isObject(raw) ||
    raw.format !== VAULT_FORMAT ||
    typeof raw.version !== 'number' ||
    raw.kdf !== 'PBKDF2-SHA-256' ||
    !isValidIterations(raw.iterations) ||
    !isBytes(raw.salt, SALT_BYTES) ||
    !isObject(raw.check) ||
    !isBytes(raw.check.iv, IV_BYTES) ||
    !isBytes(raw.check.ciphertext)
  ) {
    throw new VaultError('damaged', 'vault meta');
  }
  if (raw.version > VAULT_FORMAT_VERSION) throw new VaultError('newer-format', `vault ${raw.version}`);
  return raw as unknown as VaultMeta;
}

export function readStored(raw: unknown): StoredHousehold {
  if (!isObject(raw) || typeof raw.id !== 'string' || !isBytes(raw.iv, IV_BYTES) || !isBytes(raw.ciphertext)) {
    throw new VaultError('damaged', 'household record');
  }
  return raw as unknown as StoredHousehold;
}

/** The id of a stored record that may be damaged, for the list of damaged ones. */
export const storedId = (raw: unknown): string => (isObject(raw) && typeof raw.id === 'string' ? raw.id : '?');

/** A new key from `passphrase`, with the meta record that lets it be derived and checked again. */
export async function newKey(passphrase: string, iterations: number, previous?: VaultMeta): Promise<{ key: CryptoKey; meta: VaultMeta }> {
  const salt = randomBytes(SALT_BYTES);
  const key = await deriveKey(passphrase, salt, iterations);
  const check = await seal(key, utf8(CHECK_VALUE), checkAad);
  const base = previous ?? { format: VAULT_FORMAT, kdf: 'PBKDF2-SHA-256' as const };
  return { key, meta: { ...base, version: VAULT_FORMAT_VERSION, iterations, salt, check } };
}

/** The key of `passphrase`, or null when it is not the vault's passphrase. */
export async function keyOf(meta: VaultMeta, passphrase: string): Promise<CryptoKey | null> {
  const key = await deriveKey(passphrase, meta.salt, meta.iterations);
  const checked = await open(key, meta.check, checkAad);
  if (!checked) return null;
  if (new TextDecoder().decode(checked) !== CHECK_VALUE) throw new VaultError('damaged', 'key check');
  return key;
}

export async function encryptHousehold(key: CryptoKey, h: CaseHousehold): Promise<StoredHousehold> {
  const sealed = await sealJson(key, h, recordAad(h.id));
  return { id: h.id, iv: sealed.iv, ciphertext: sealed.ciphertext };
}

export async function decryptHousehold(key: CryptoKey, stored: StoredHousehold, migrations: CaseMigrations): Promise<CaseHousehold> {
  let raw: unknown;
  try {
    raw = await openJson(key, stored, recordAad(stored.id));
  } catch {
    throw new VaultError('damaged', stored.id);
  }
  if (raw === undefined) throw new VaultError('damaged', stored.id);
  try {
    const h = parseCaseHousehold(raw, migrations);
    if (h.id !== stored.id) throw new VaultError('damaged', stored.id);
    return h;
  } catch (e) {
    if (e instanceof NewerFormatError) throw new VaultError('newer-format', stored.id, { cause: e });
    if (e instanceof CaseFormatError) throw new VaultError('damaged', `${stored.id}: ${e.message}`, { cause: e, field: e.path });
    throw e;
  }
}

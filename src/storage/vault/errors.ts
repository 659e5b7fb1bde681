/** Every failure of the vault that the UI must explain: a VaultError with a `code`. */
import { CryptoUnavailableError } from '../../share/crypto';
import { isQuotaError } from '../index';

export type VaultErrorCode =
  /** no WebCrypto: old browser or not served over https */
  | 'crypto-unavailable'
  /** IndexedDB is missing or refused (private mode in some browsers) */
  | 'storage-unavailable'
  /** the device is full */
  | 'storage-full'
  /** another write failure */
  | 'storage-failed'
  /** unlock/import before a passphrase was set */
  | 'not-set-up'
  /** setUp on a vault that has a passphrase already */
  | 'already-set-up'
  /** the passphrase is shorter than `minPassphraseLength` */
  | 'weak-passphrase'
  /** the passphrase does not open the vault or the file; nothing was changed */
  | 'wrong-passphrase'
  /** the vault is locked (on demand or after inactivity): unlock first */
  | 'locked'
  | 'not-found'
  /** the name is empty, too long or looks like a national register number (`detail` says which) */
  | 'invalid-name'
  /** a household handed to `put` does not have the expected shape (`detail` names the field) */
  | 'invalid-household'
  /** a stored record or the vault's own data cannot be read */
  | 'damaged'
  /** a record or file written by a newer version of the app */
  | 'newer-format'
  /** import: not one of our export files */
  | 'foreign-file'
  /** import: one of our files, but cut off, edited or otherwise unreadable */
  | 'damaged-file'
  /** import with onConflict 'fail' met households that exist (`detail`: their ids, comma-separated) */
  | 'conflict';

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    /** for developers and for `invalid-name` (a NameProblem) / `conflict` (ids) */
    readonly detail?: string,
    options?: { cause?: unknown; field?: string },
  ) {
    super(`vault: ${code}${detail ? ` (${detail})` : ''}`, options);
    this.name = 'VaultError';
    if (options?.field !== undefined) this.field = options.field;
  }

  /** for a damaged record or file, or a household refused by `put`: the field at fault (a JSON pointer) */
  readonly field?: string;
}

export const isVaultError = (e: unknown, code?: VaultErrorCode): e is VaultError =>
  e instanceof VaultError && (code === undefined || e.code === code);

/** A failure of crypto or storage as a VaultError (a VaultError stays as it is). */
export function toVaultError(e: unknown): VaultError {
  if (e instanceof VaultError) return e;
  if (e instanceof CryptoUnavailableError) return new VaultError('crypto-unavailable', undefined, { cause: e });
  if (isQuotaError(e)) return new VaultError('storage-full', undefined, { cause: e });
  return new VaultError('storage-failed', e instanceof Error ? e.message : undefined, { cause: e });
}

/** What the worker reads when the vault says no: one plain sentence per VaultError code. */
import type { AppKey, I18n } from '../../../i18n';
import { isVaultError, type NameProblem, type VaultErrorCode } from '../../../state/caseload';

export const VAULT_ERROR_KEYS = {
  'crypto-unavailable': 'caseload.errors.cryptoUnavailable',
  'storage-unavailable': 'caseload.errors.storageUnavailable',
  'storage-full': 'caseload.errors.storageFull',
  'storage-failed': 'caseload.errors.storageFailed',
  'not-set-up': 'caseload.errors.notSetUp',
  'already-set-up': 'caseload.errors.alreadySetUp',
  'weak-passphrase': 'caseload.errors.weakPassphrase',
  'wrong-passphrase': 'caseload.errors.wrongPassphrase',
  locked: 'caseload.errors.locked',
  'not-found': 'caseload.errors.notFound',
  'invalid-name': 'caseload.errors.invalidName',
  'invalid-household': 'caseload.errors.invalidHousehold',
  damaged: 'caseload.errors.damaged',
  'newer-format': 'caseload.errors.newerFormat',
  'foreign-file': 'caseload.errors.foreignFile',
  'damaged-file': 'caseload.errors.damagedFile',
  conflict: 'caseload.errors.conflict',
} as const satisfies Record<VaultErrorCode, AppKey>;

export const NAME_PROBLEM_KEYS = {
  empty: 'caseload.name.empty',
  'too-long': 'caseload.name.tooLong',
  'national-number': 'caseload.name.nationalNumber',
} as const satisfies Record<NameProblem, AppKey>;

/** Import errors say that nothing on the device was changed. */
export const IMPORT_ERROR_KEYS: Partial<Record<VaultErrorCode, AppKey>> = {
  'wrong-passphrase': 'caseload.import.wrongPassphrase',
  'foreign-file': 'caseload.errors.foreignFile',
  'damaged-file': 'caseload.errors.damagedFile',
  'newer-format': 'caseload.errors.newerFormat',
};

/** The sentence for any failure of a vault call. */
export function vaultErrorText(i18n: I18n, e: unknown, overrides: Partial<Record<VaultErrorCode, AppKey>> = {}): string {
  if (!isVaultError(e)) return i18n.t('caseload.errors.storageFailed');
  if (e.code === 'invalid-name' && e.detail && e.detail in NAME_PROBLEM_KEYS) {
    return i18n.t(NAME_PROBLEM_KEYS[e.detail as NameProblem]);
  }
  // A damaged record or file names the field at fault, so that support can find it. The field is a
  // path (/followUp/0/state): isolated, so that it reads left to right in an Arabic sentence too.
  if (e.field && (e.code === 'damaged' || e.code === 'damaged-file')) {
    return i18n.t(e.code === 'damaged' ? 'caseload.errors.damagedField' : 'caseload.errors.damagedFileField', { field: `\u2066${e.field}\u2069` });
  }
  return i18n.t(overrides[e.code] ?? VAULT_ERROR_KEYS[e.code]);
}

/**
 * Changing the passphrase of the vault, on the caseload's home: the current one, the new one twice.
 * Every household is encrypted again with the new one in one write; a wrong current passphrase, or
 * any failure, leaves the vault as it was (it still opens with the old one).
 */
import { useRef, useState } from 'preact/hooks';
import type { AppKey } from '../../../i18n';
import { isVaultError, MIN_PASSPHRASE_LENGTH, type VaultErrorCode } from '../../../state/caseload';
import { useServices } from '../../context';
import { useCaseload } from './context';
import { vaultErrorText } from './messages';
import { Passphrase, Submit } from './VaultGate';

type Field = 'current' | 'next' | 'again';

/** The vault's refusals, said for this form. */
const CHANGE_ERROR_KEYS: Partial<Record<VaultErrorCode, AppKey>> = {
  'wrong-passphrase': 'caseload.change.wrongCurrent',
};

/** The field a vault refusal is about. */
const CHANGE_ERROR_FIELDS: Partial<Record<VaultErrorCode, Field>> = {
  'wrong-passphrase': 'current',
  'weak-passphrase': 'next',
};

const ERROR_ID = 'change-error';

export function ChangePassphrase() {
  const { i18n } = useServices();
  const caseload = useCaseload();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<{ text: string; field: Field | null } | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);

  const tooShort = () => i18n.t('caseload.change.tooShort', { min: MIN_PASSPHRASE_LENGTH });
  const fail = (text: string, field: Field | null) => {
    setError({ text, field });
    requestAnimationFrame(() => errorRef.current?.focus());
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setError(null);
    setDone(false);
    let problem: [string, Field] | null = null;
    if (!current) problem = [i18n.t('caseload.change.currentEmpty'), 'current'];
    else if (next.normalize('NFC').length < MIN_PASSPHRASE_LENGTH) problem = [tooShort(), 'next'];
    else if (next === current) problem = [i18n.t('caseload.change.same'), 'next'];
    else if (next !== again) problem = [i18n.t('caseload.change.mismatch'), 'again'];
    if (problem) {
      fail(...problem);
      return;
    }
    setBusy(true);
    try {
      await caseload.actions.changePassphrase(current, next);
      setCurrent('');
      setNext('');
      setAgain('');
      setDone(true);
      requestAnimationFrame(() => doneRef.current?.focus());
    } catch (err) {
      const code = isVaultError(err) ? err.code : undefined;
      fail(code === 'weak-passphrase' ? tooShort() : vaultErrorText(i18n, err, CHANGE_ERROR_KEYS), (code && CHANGE_ERROR_FIELDS[code]) ?? null);
    } finally {
      setBusy(false);
    }
  };

  /** The error is linked to the field it is about (or read first, when it is about none). */
  const about = (field: Field) => ({
    invalid: error?.field === field,
    describedBy: error?.field === field ? ERROR_ID : undefined,
  });

  return (
    <section aria-labelledby="change-title" class="change-passphrase">
      <h2 id="change-title">{i18n.t('caseload.change.title')}</h2>
      <p>{i18n.t('caseload.change.intro')}</p>
      <form class="vault-form" onSubmit={submit} noValidate data-form="change-passphrase">
        {done && (
          <p class="notice" id="change-done" ref={doneRef} tabIndex={-1} role="status">
            {i18n.t('caseload.change.done')}
          </p>
        )}
        {error && (
          <p class="error-message" id={ERROR_ID} ref={errorRef} tabIndex={-1} role="alert">
            {error.text}
          </p>
        )}
        <Passphrase
          id="change-current"
          label={i18n.t('caseload.change.current')}
          autoComplete="current-password"
          value={current}
          {...about('current')}
          onInput={setCurrent}
        />
        <Passphrase
          id="change-new"
          label={i18n.t('caseload.change.next')}
          hint={i18n.t('caseload.setup.hint')}
          autoComplete="new-password"
          value={next}
          {...about('next')}
          onInput={setNext}
        />
        <Passphrase
          id="change-again"
          label={i18n.t('caseload.change.again')}
          autoComplete="new-password"
          value={again}
          {...about('again')}
          onInput={setAgain}
        />
        <Submit label={i18n.t('caseload.change.submit')} busy={busy} />
      </form>
    </section>
  );
}

/**
 * The door of the caseload: first use (choose a passphrase, with the warning that a forgotten one
 * cannot be recovered), unlock (a wrong passphrase changes nothing), and the way out of a forgotten
 * passphrase (erase everything). Behind it, the caseload screens, with a bar to lock at once.
 */
import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AppKey } from '../../../i18n';
import { type LockReason, MIN_PASSPHRASE_LENGTH } from '../../../state/caseload';
import { ConfirmAction } from '../../components/ConfirmAction';
import { Heading } from '../../components/Heading';
import { useServices } from '../../context';
import { paths } from '../../router';
import { useCaseload } from './context';
import { vaultErrorText } from './messages';

export function VaultGate({
  atList,
  children,
}: {
  /** the list of households is on screen: no link to it in the bar */
  atList: boolean;
  children: ComponentChildren;
}) {
  const { i18n } = useServices();
  const caseload = useCaseload();
  const door = caseload.door.value;
  useEffect(() => {
    void caseload.actions.checkDoor();
  }, []);

  if (!caseload.locked.value) {
    return (
      <>
        <div class="caseload-bar no-print">
          <p>
            {atList ? (
              <span class="caseload-mode">{i18n.t('caseload.bar.mode')}</span>
            ) : (
              <a class="tap-link" href={paths.caseload}>
                {i18n.t('caseload.bar.list')}
              </a>
            )}
          </p>
          <button type="button" class="button secondary" onClick={() => void caseload.actions.lock()}>
            {i18n.t('caseload.bar.lock')}
          </button>
        </div>
        {children}
      </>
    );
  }
  switch (door) {
    case 'checking':
      return (
        <p class="loading" role="status">
          {i18n.t('caseload.opening')}
        </p>
      );
    case 'no-crypto':
    case 'failed':
      return (
        <>
          <Heading title={i18n.t('caseload.title')} />
          <div class="notice notice-error" role="alert">
            <p>{door === 'no-crypto' ? i18n.t('caseload.errors.cryptoUnavailable') : vaultErrorText(i18n, caseload.failure.value)}</p>
          </div>
        </>
      );
    case 'setup':
      return <SetUp />;
    case 'locked':
      return <Unlock reason={caseload.lockReason.value} />;
  }
}

/** A passphrase input with its label (and hint). */
export function Passphrase({
  id,
  label,
  hint,
  autoComplete,
  value,
  invalid,
  describedBy,
  inputRef,
  onInput,
}: {
  id: string;
  label: string;
  /** shown under the label, as the input's description */
  hint?: string;
  autoComplete: 'new-password' | 'current-password';
  value: string;
  invalid: boolean;
  /** the id of another text that describes the input (an error) */
  describedBy?: string | undefined;
  inputRef?: Ref<HTMLInputElement>;
  onInput(value: string): void;
}) {
  const hintId = `${id}-hint`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {hint && (
        <p class="hint" id={hintId}>
          {hint}
        </p>
      )}
      <input
        ref={inputRef}
        id={id}
        class="input input-wide"
        type="password"
        autoComplete={autoComplete}
        value={value}
        aria-describedby={[hint && hintId, describedBy].filter(Boolean).join(' ') || undefined}
        aria-invalid={invalid || undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </div>
  );
}

/** The submit button, and "Even geduld…" while the key is derived from the passphrase (that takes a moment). */
export function Submit({ label, busy }: { label: string; busy: boolean }) {
  const { i18n } = useServices();
  return (
    <>
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy}>
          {label}
        </button>
      </div>
      <p role="status" class="busy">
        {busy ? i18n.t('caseload.busy') : ''}
      </p>
    </>
  );
}

function Intro() {
  const { i18n } = useServices();
  return (
    <>
      <p class="lead">{i18n.t('caseload.intro')}</p>
      <p class="private">{i18n.t('caseload.privacy')}</p>
    </>
  );
}

function SetUp() {
  const { i18n } = useServices();
  const caseload = useCaseload();
  const [notice] = useState(caseload.actions.takeNotice);
  const message = notice && i18n.t(notice.key, notice.values);
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    let problem: string | null = null;
    if (pass.normalize('NFC').length < MIN_PASSPHRASE_LENGTH) problem = i18n.t('caseload.errors.weakPassphrase');
    else if (pass !== again) problem = i18n.t('caseload.setup.mismatch');
    if (problem) {
      setError(problem);
      requestAnimationFrame(() => errorRef.current?.focus());
      return;
    }
    setBusy(true);
    try {
      await caseload.actions.setUp(pass);
    } catch (err) {
      setError(vaultErrorText(i18n, err));
      setBusy(false);
    }
  };

  return (
    <>
      <Heading title={i18n.t('caseload.setup.title')} />
      {message && (
        <p class="notice" role="status">
          {message}
        </p>
      )}
      <Intro />
      <form class="vault-form" onSubmit={submit} noValidate>
        <div class="notice notice-warning">
          <p>
            <strong>{i18n.t('caseload.setup.forgetTitle')}</strong> {i18n.t('caseload.setup.forget')}
          </p>
        </div>
        {error && (
          <p class="error-message" ref={errorRef} tabIndex={-1} role="alert">
            {error}
          </p>
        )}
        <Passphrase
          id="vault-new"
          label={i18n.t('caseload.setup.passphrase')}
          hint={i18n.t('caseload.setup.hint')}
          autoComplete="new-password"
          value={pass}
          invalid={!!error}
          onInput={setPass}
        />
        <Passphrase id="vault-again" label={i18n.t('caseload.setup.again')} autoComplete="new-password" value={again} invalid={!!error} onInput={setAgain} />
        <Submit label={i18n.t('caseload.setup.submit')} busy={busy} />
      </form>
    </>
  );
}

const LOCK_NOTICES = {
  idle: 'caseload.unlock.idle',
  manual: 'caseload.unlock.locked',
} as const satisfies Record<LockReason, AppKey>;

function Unlock({ reason }: { reason: LockReason | null }) {
  const { i18n } = useServices();
  const caseload = useCaseload();
  const [pass, setPass] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await caseload.actions.unlock(pass);
    } catch (err) {
      setError(vaultErrorText(i18n, err));
      setBusy(false);
      requestAnimationFrame(() => {
        inputRef.current?.focus();
        inputRef.current?.select();
      });
    }
  };
  const erase = () => caseload.actions.eraseAll();

  return (
    <>
      <Heading title={i18n.t('caseload.unlock.title')} />
      {reason && (
        <p class="notice" role="status">
          {i18n.t(LOCK_NOTICES[reason])}
        </p>
      )}
      <form class="vault-form" onSubmit={submit} noValidate>
        {error && (
          <p class="error-message" id="vault-pass-error" role="alert">
            {error}
          </p>
        )}
        <Passphrase
          inputRef={inputRef}
          id="vault-pass"
          label={i18n.t('caseload.unlock.passphrase')}
          autoComplete="current-password"
          value={pass}
          invalid={!!error}
          describedBy={error ? 'vault-pass-error' : undefined}
          onInput={setPass}
        />
        <Submit label={i18n.t('caseload.unlock.submit')} busy={busy} />
      </form>
      <details class="forgot">
        <summary>{i18n.t('caseload.forgot.title')}</summary>
        <p>{i18n.t('caseload.forgot.text')}</p>
        <ConfirmAction
          label={i18n.t('caseload.forgot.erase')}
          question={i18n.t('caseload.forgot.confirm')}
          yes={i18n.t('caseload.forgot.yes')}
          no={i18n.t('caseload.forgot.no')}
          onConfirm={erase}
        />
      </details>
    </>
  );
}

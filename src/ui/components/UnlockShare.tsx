/**
 * A sealed share link (src/share/sealed-link.ts) opens only with the 15-digit code shown beside it.
 * The field is not remembered by the browser (autocomplete off) and is gone once the result opens;
 * a wrong code keeps what was typed, with a plain message.
 */
import { useState } from 'preact/hooks';
import type { AppKey } from '../../i18n';
import { useMode } from '../modes/context';
import type { ShareLinkProblem } from '../../share/link';
import { useServices } from '../context';

const PROBLEMS: Partial<Record<ShareLinkProblem, AppKey>> = {
  'wrong-code': 'share.problem.wrongCode',
  invalid: 'share.problem.invalid',
  unsupported: 'share.problem.unsupported',
  'unknown-format': 'share.problem.newer',
};

export function UnlockShare() {
  const { i18n } = useServices();
  const mode = useMode();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ShareLinkProblem | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    const result = await mode.unlockShared(code);
    setBusy(false);
    if (result) setProblem(result);
  };

  return (
    <section class="shared-banner notice unlock-share" aria-labelledby="unlock-title">
      <h1 id="unlock-title" class="h2">
        {i18n.t('share.unlock.title')}
      </h1>
      <p>{i18n.t('share.unlock.text')}</p>
      <form onSubmit={submit} noValidate>
        <label class="share-label" for="share-code">
          {i18n.t('share.unlock.label')}
        </label>
        <p id="share-code-hint" class="hint">
          {i18n.t('share.unlock.hint')}
        </p>
        <input
          id="share-code"
          class="input share-code-input"
          type="text"
          inputMode="numeric"
          autoComplete="off"
          autoCorrect="off"
          spellcheck={false}
          dir="ltr"
          value={code}
          aria-describedby={problem ? 'share-code-hint share-code-error' : 'share-code-hint'}
          aria-invalid={problem ? true : undefined}
          onInput={(e) => setCode(e.currentTarget.value)}
        />
        {problem && (
          <p id="share-code-error" class="error-message" role="alert">
            {i18n.t(PROBLEMS[problem] ?? 'share.problem.garbled')}
          </p>
        )}
        <p role="status" class="share-status">
          {busy ? i18n.t('share.unlock.opening') : ''}
        </p>
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy}>
            {i18n.t('share.unlock.open')}
          </button>
          <button type="button" class="button secondary" onClick={() => mode.closeShared()}>
            {i18n.t('share.close')}
          </button>
        </div>
      </form>
    </section>
  );
}

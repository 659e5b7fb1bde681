/**
 * A result opened from a share link or QR code: first the code typed beside it (a sealed link),
 * then says so, and offers to keep it on this device (or to close it). Until then nothing of it is
 * written here. A link that could not be read is said plainly.
 */
import { useState } from 'preact/hooks';
import type { ShareLinkProblem } from '../../share/link';
import type { AppKey } from '../../i18n';
import { useMode } from '../modes/context';
import { compareRulesVersion } from '../../state/imported';
import { useServices } from '../context';
import { UnlockShare } from './UnlockShare';

const PROBLEM_KEYS = {
  missing: 'share.problem.garbled',
  garbled: 'share.problem.garbled',
  invalid: 'share.problem.invalid',
  'too-long': 'share.problem.garbled',
  'unknown-format': 'share.problem.newer',
  'wrong-code': 'share.problem.wrongCode',
  unsupported: 'share.problem.unsupported',
} as const satisfies Record<ShareLinkProblem, AppKey>;

export function SharedBanner() {
  const { i18n, state } = useServices();
  const mode = useMode();
  const shared = mode.shared.value;
  const problem = mode.shareError.value;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  if (problem) {
    return (
      <div class="shared-banner notice notice-error" role="alert">
        <p>{i18n.t(PROBLEM_KEYS[problem])}</p>
        <button type="button" class="button secondary" onClick={() => mode.closeShared()}>
          {i18n.t('share.close')}
        </button>
      </div>
    );
  }
  if (mode.locked.value) return <UnlockShare />;
  if (!shared) return null;
  const version = state.rules.value?.ruleset.manifest.version;
  const relation = version ? compareRulesVersion(shared.rulesVersion, version, state.date.value) : 'same';
  const keep = async () => {
    setBusy(true);
    await mode.keepShared();
  };
  return (
    <section class="shared-banner notice" aria-labelledby="shared-title">
      <h2 id="shared-title" class="h3">
        {i18n.t('share.openedTitle')}
      </h2>
      <p>
        {shared.date ? i18n.t('share.openedFrom', { date: i18n.date(shared.date) }) : i18n.t('share.opened')}{' '}
        {relation === 'older' && i18n.t('share.otherVersion', { before: shared.rulesVersion, now: version })}
        {relation === 'newer' && i18n.t('share.newerVersion', { before: shared.rulesVersion, now: version })}
      </p>
      {mode.kind === 'kiosk' ? (
        <p>{i18n.t('share.kioskNotKept')}</p>
      ) : confirming ? (
        <>
          <p class="erase-confirm">
            <strong>{i18n.t('share.replaceOwn')}</strong>
          </p>
          <div class="actions">
            <button type="button" class="button primary" disabled={busy} onClick={keep}>
              {i18n.t('share.keepAnyway')}
            </button>
            <button type="button" class="button secondary" onClick={() => setConfirming(false)}>
              {i18n.t('share.cancel')}
            </button>
          </div>
        </>
      ) : (
        <div class="actions">
          <button
            type="button"
            class="button primary"
            disabled={busy}
            onClick={() => (shared.replacesOwn ? setConfirming(true) : keep())}
          >
            {i18n.t('share.keep')}
          </button>
          <button type="button" class="button secondary" onClick={() => mode.closeShared()}>
            {i18n.t('share.close')}
          </button>
        </div>
      )}
    </section>
  );
}

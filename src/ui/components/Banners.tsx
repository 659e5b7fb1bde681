import { useEffect } from 'preact/hooks';
import { useServices } from '../context';

/** How long "ready to work offline" stays before it goes by itself: it only informs. */
const OFFLINE_NOTICE_MS = 10_000;

/**
 * Storage problems: said plainly, once, at the top. The answers keep working in memory. Also said
 * once: another tab changed these answers, or damaged saved answers are asked again.
 */
export function StorageNotice() {
  const { state, i18n } = useServices();
  const problem = state.storageProblem.value;
  const notice = state.notice.value;
  if (!problem && !notice) return null;
  const text =
    problem === 'full' ? i18n.t('storage.full') : problem === 'unavailable' ? i18n.t('storage.unavailable') : i18n.t('storage.failed');
  return (
    <div class="notice notice-warning storage-notice" role="status">
      {problem && <p>{text}</p>}
      {notice && <p>{notice === 'other-tab' ? i18n.t('storage.otherTab') : i18n.t('storage.repaired')}</p>}
    </div>
  );
}

/**
 * A newer rules release arrived while the person is answering: they keep the rules they started
 * with (it goes in use by itself at the results), unless they choose to take it now.
 */
export function RulesPendingNotice() {
  const { state, i18n } = useServices();
  const pending = state.pendingRules.value;
  if (!pending) return null;
  return (
    <div class="notice" role="status" data-rules-pending={pending.release.version}>
      <p>{i18n.t('rulesUpdate.pending')}</p>
      <button type="button" class="button secondary" onClick={() => state.actions.applyPendingRules()}>
        {i18n.t('rulesUpdate.useNow')}
      </button>
    </div>
  );
}

/**
 * "An update is ready", in the flow of the page at the top of the content: never over it, so it cannot
 * cover a control or the kiosk's QR code. Not shown during the questionnaire: an update never
 * interrupts answering.
 */
export function PwaNotices({ answering }: { answering: boolean }) {
  const { pwa, i18n, state } = useServices();
  const showUpdate = pwa.needRefresh.value && !answering;
  return (
    // data-update: "held" while an update waits for the questionnaire to end (tests wait for it)
    <div class="toasts" role="status" data-update={pwa.needRefresh.value ? (showUpdate ? 'shown' : 'held') : undefined}>
      {showUpdate && (
        <div class="toast">
          <p>{i18n.t('pwa.needRefresh')}</p>
          <div class="actions">
            <button
              type="button"
              class="button primary"
              onClick={async () => {
                await state.actions.flush();
                await pwa.applyUpdate();
              }}
            >
              {i18n.t('pwa.update')}
            </button>
            <button type="button" class="button secondary" onClick={() => pwa.postponeUpdate()}>
              {i18n.t('pwa.later')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/**
 * "Ready to work offline", below the content: it only informs, and it comes a moment after the first
 * visit's start screen, so above the content it moved everything down (the start button 120 px, as
 * someone was about to tap it). Below, it moves nothing already on screen and covers nothing.
 */
export function OfflineNotice({ answering }: { answering: boolean }) {
  const { pwa, i18n } = useServices();
  const ready = pwa.offlineReady.value;
  const show = ready && !pwa.needRefresh.value && !answering;
  // It goes by itself, counted from when the app became ready, whether or not it could be shown
  // meanwhile (a timer restarted at each showing never ran out on a busy screen).
  useEffect(() => {
    if (!ready) return;
    const t = setTimeout(() => pwa.dismissOfflineReady(), OFFLINE_NOTICE_MS);
    return () => clearTimeout(t);
  }, [ready, pwa]);
  return (
    <div class="toasts offline-notice" role="status">
      {show && (
        <div class="toast">
          <p>{i18n.t('pwa.offlineReady')}</p>
          <button type="button" class="button secondary" onClick={() => pwa.dismissOfflineReady()}>
            {i18n.t('pwa.close')}
          </button>
        </div>
      )}
    </div>
  );
}

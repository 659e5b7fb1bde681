/**
 * Kiosk mode: a bar on every screen with "start again / wipe", and the warning before an idle wipe
 * (an alert dialog with a countdown; a touch anywhere else also says "still here").
 */
import { useEffect, useRef } from 'preact/hooks';
import { KIOSK_DIALOG_CLASS } from '../../state/kiosk';
import { useMode } from '../modes/context';
import { useServices } from '../context';

export function KioskBar() {
  const { i18n } = useServices();
  const mode = useMode();
  return (
    <div class="kiosk-bar">
      <p>{i18n.t('kiosk.public')}</p>
      <button type="button" class="button kiosk-restart" onClick={() => mode.wipe()}>
        {i18n.t('kiosk.restart')}
      </button>
    </div>
  );
}

export function KioskIdleDialog() {
  const { i18n } = useServices();
  const mode = useMode();
  const left = mode.kiosk?.secondsLeft.value ?? null;
  const stayRef = useRef<HTMLButtonElement>(null);
  const open = left !== null;

  useEffect(() => {
    if (!open) return;
    const before = document.activeElement as HTMLElement | null;
    stayRef.current?.focus();
    return () => {
      if (before && document.contains(before)) before.focus();
    };
  }, [open]);

  if (left === null) return null;
  // Screen readers hear the count every 10 seconds and in the last 5, not every second.
  const spoken = left % 10 === 0 || left <= 5 ? i18n.t('kiosk.idleLeft', { count: left }) : null;
  const trap = (e: KeyboardEvent) => {
    if (e.key !== 'Tab') return;
    const buttons = [...(e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('button')];
    const first = buttons[0];
    const last = buttons.at(-1);
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };
  return (
    <div class="kiosk-overlay">
      <div
        class={KIOSK_DIALOG_CLASS}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="kiosk-idle-title"
        aria-describedby="kiosk-idle-text"
        onKeyDown={trap}
      >
        <h2 id="kiosk-idle-title">{i18n.t('kiosk.idleTitle')}</h2>
        <p id="kiosk-idle-text">
          {i18n.t('kiosk.idleText')} <strong class="kiosk-countdown">{i18n.t('kiosk.idleLeft', { count: left })}</strong>
        </p>
        <p class="visually-hidden" aria-live="polite">
          {spoken}
        </p>
        <div class="actions">
          <button ref={stayRef} type="button" class="button primary" onClick={() => mode.kiosk?.activity()}>
            {i18n.t('kiosk.stay')}
          </button>
          <button type="button" class="button secondary" onClick={() => mode.wipe()}>
            {i18n.t('kiosk.wipeNow')}
          </button>
        </div>
      </div>
    </div>
  );
}

/**
 * The app inside its mode: the kiosk bar and idle warning around it, the banner of a shared result,
 * and a fresh App (all component state dropped) after a kiosk wipe.
 */
import { signal } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { App } from './App';
import { type Services, ServicesContext } from './context';
import { paths } from './router';
import { ModeContext, type ModeServices } from './modes/context';
import { KIOSK_DIALOG_CLASS, kioskTimes, MODE_STORAGE_KEY } from '../state/mode';
import type { Session } from '../state/session';
import './modes.css';
import './print.css';

/** The kiosk's parts (src/ui/kiosk.ts), in their own chunk. */
export type KioskParts = typeof import('./kiosk');
export const loadKiosk = (): Promise<KioskParts> => import('./kiosk');

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

/** `kiosk`: the kiosk's parts (src/ui/kiosk.ts), loaded when the session is a kiosk. */
export function ModeRoot({ session, services, kiosk: parts }: { session: Session; services: Services; kiosk?: KioskParts }) {
  const [generation, setGeneration] = useState(0);
  const mode = useMemo(() => createModeServices(session, services, () => setGeneration((g) => g + 1), parts), []);

  useEffect(() => {
    const kiosk = mode.kiosk;
    if (!kiosk) return;
    const onActivity = (e: Event) => {
      // The buttons of the warning answer it themselves ("still here" / "wipe now").
      if (e.target instanceof Element && e.target.closest(`.${KIOSK_DIALOG_CLASS}`)) return;
      kiosk.activity();
    };
    for (const type of ACTIVITY) document.addEventListener(type, onActivity, { capture: true, passive: true });
    document.documentElement.classList.add('kiosk');
    return () => {
      for (const type of ACTIVITY) document.removeEventListener(type, onActivity, { capture: true });
      kiosk.dispose();
    };
  }, []);

  return (
    <ServicesContext.Provider value={services}>
      <ModeContext.Provider value={mode}>
        {parts && mode.kiosk && <parts.KioskBar />}
        <App key={generation} services={services} />
        {parts && mode.kiosk && <parts.KioskIdleDialog />}
      </ModeContext.Provider>
    </ServicesContext.Provider>
  );
}

function createModeServices(session: Session, services: Services, remount: () => void, parts?: KioskParts): ModeServices {
  const { state, i18n, router } = services;
  const shared = signal(session.shared);
  const locked = signal(session.locked !== null);
  const shareError = signal(session.shareError);
  const startLanguage = i18n.language.peek();

  const wipe = () => {
    void (async () => {
      shared.value = null;
      locked.value = false;
      shareError.value = null;
      await state.actions.erase();
      await session.storage.clear().catch(() => {});
      // Nothing but the mode flag may stay in the tab's storage.
      try {
        for (const key of Object.keys(sessionStorage)) if (key !== MODE_STORAGE_KEY) sessionStorage.removeItem(key);
      } catch {
        // no sessionStorage: nothing to clear
      }
      if (i18n.language.peek() !== startLanguage) await i18n.changeLanguage(startLanguage);
      router.navigate(paths.home, { replace: true });
      remount();
      window.scrollTo?.(0, 0);
    })();
  };

  if (session.mode.kind === 'kiosk' && !parts) throw new Error('a kiosk starts with its parts loaded (src/ui/kiosk.ts)');
  const kiosk =
    session.mode.kind === 'kiosk' && parts
      ? parts.createKioskTimer({
          ...kioskTimes(session.mode.idleMs),
          isPristine: () =>
            !state.hasAnswers.peek() &&
            shared.peek() === null &&
            !locked.peek() &&
            router.route.peek().name === 'home' &&
            i18n.language.peek() === startLanguage,
          onWipe: wipe,
        })
      : null;

  return {
    kind: session.mode.kind,
    idleMs: session.mode.idleMs,
    shared,
    locked,
    shareError,
    kiosk,
    async unlockShared(code) {
      if (!session.locked || !locked.peek()) return 'missing';
      const opened = await session.locked.unlock(code);
      if ('problem' in opened) return opened.problem;
      // the answers first (restore may load the carrying over), then the banner and results with them
      await state.actions.restore();
      shared.value = opened.shared;
      locked.value = false;
      router.navigate(paths.results, { replace: true });
      return null;
    },
    wipe: () => (kiosk ? kiosk.wipeNow() : wipe()),
    async keepShared() {
      // What is on screen now: the shared answers, with any change made while looking at them.
      await shared.peek()?.keep?.(state.answers.peek());
      session.restart(paths.results);
    },
    closeShared() {
      if (!shared.peek() && !locked.peek()) shareError.value = null;
      else if (session.mode.kind === 'kiosk') {
        shared.value = null;
        wipe();
      } else session.restart(paths.home);
    },
  };
}

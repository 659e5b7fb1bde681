/**
 * The service worker bridge: vite-plugin-pwa's registerSW (workbox-window underneath) feeds two
 * signals, "ready to work offline" and "an update is ready". An update is only applied when the
 * person asks for it, after every answer is written, so nothing is lost by the reload.
 */
import { type ReadonlySignal, signal } from '@preact/signals';

export interface Pwa {
  readonly offlineReady: ReadonlySignal<boolean>;
  readonly needRefresh: ReadonlySignal<boolean>;
  /** writes what must survive (`beforeReload`), then activates the new version and reloads */
  applyUpdate(): Promise<void>;
  dismissOfflineReady(): void;
  /** hides the update offer for now; it comes back on the next start */
  postponeUpdate(): void;
}

export interface PwaOptions {
  /** awaited before the reload of an update: flush the answers to the storage */
  beforeReload?: () => Promise<void>;
}

export interface PwaControl extends Pwa {
  /** registers the service worker (in the browser build only) */
  register(): Promise<void>;
}

export function createPwa(options: PwaOptions = {}): PwaControl {
  const offlineReady = signal(false);
  const needRefresh = signal(false);
  let updateServiceWorker: ((reload?: boolean) => Promise<void>) | null = null;
  return {
    offlineReady,
    needRefresh,
    async applyUpdate() {
      await options.beforeReload?.();
      needRefresh.value = false;
      await updateServiceWorker?.(true);
    },
    dismissOfflineReady() {
      offlineReady.value = false;
    },
    postponeUpdate() {
      needRefresh.value = false;
    },
    async register() {
      if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
      const { registerSW } = await import('virtual:pwa-register');
      updateServiceWorker = registerSW({
        immediate: true,
        onOfflineReady() {
          offlineReady.value = true;
        },
        onNeedRefresh() {
          needRefresh.value = true;
        },
        onRegisterError() {
          // Without a service worker the app still works online; nothing to tell the person.
        },
      });
    },
  };
}

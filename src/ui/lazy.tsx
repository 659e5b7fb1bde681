/**
 * A screen in its own chunk, loaded on first use: only the start screen is in the first page's
 * JavaScript. The app loads the chunk of the screen it opens on before its first render, and the
 * others right after it (see src/ui/screens/lazy.ts), so moving on rarely waits; when it does (a slow
 * network), the usual "one moment".
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading } from './components/Loading';
import { useServices } from './context';

export type LazyScreen<P> = ComponentType<P> & {
  /** loads the chunk (once); resolves when the screen renders without waiting */
  load(): Promise<unknown>;
};

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const start = () =>
    (loading ??= load().then(
      (c) => (loaded = c),
      (e: unknown) => {
        loading = null; // a later visit tries again (offline before the chunk was cached)
        throw e;
      },
    ));
  function LazyScreen(props: P) {
    const [, setReady] = useState(0);
    const [failed, setFailed] = useState(false);
    const Screen = loaded;
    useEffect(() => {
      // Shown without the screen: render again once it is loaded (it may be by now: the app loads
      // the screens right after its first render, maybe between this render and this effect).
      if (Screen) return;
      start().then(
        () => setReady((n) => n + 1),
        () => setFailed(true),
      );
    }, []);
    if (Screen) return <Screen {...props} />;
    return failed ? <LoadFailed /> : <Loading />;
  }
  return Object.assign(LazyScreen, { load: start });
}

function LoadFailed() {
  const { i18n } = useServices();
  return (
    <div class="notice notice-error" role="alert">
      <p>{i18n.t('share.loadFailed')}</p>
      <button type="button" class="button secondary" onClick={() => location.reload()}>
        {i18n.t('app.reload')}
      </button>
    </div>
  );
}

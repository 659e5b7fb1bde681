/**
 * A screen in its own chunk, loaded on first use: the caseload (crypto, vault) and the share screen
 * (QR code) stay out of the first page's JavaScript. While loading, the usual "one moment".
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Loading } from './components/Loading';
import { useServices } from './context';

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
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
  return function LazyScreen(props: P) {
    const [, setReady] = useState(0);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (loaded) return;
      start().then(
        () => setReady((n) => n + 1),
        () => setFailed(true),
      );
    }, []);
    const Screen = loaded;
    if (Screen) return <Screen {...props} />;
    return failed ? <LoadFailed /> : <Loading />;
  };
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

/**
 * A screen in its own chunk (src/ui/lazy.tsx): "one moment" while it loads, then the screen, also when
 * the chunk finished loading between the first render and its effect (the app loads the screens right
 * after its first render, so that happens: the screen then stayed on "one moment").
 */
import { signal } from '@preact/signals';
import { type ComponentType, render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { type Services, ServicesContext } from '../../src/ui/context';
import { lazyScreen } from '../../src/ui/lazy';

const services = { state: { rulesError: signal(null) }, i18n: { t: (key: string) => key } } as unknown as Services;

describe('a lazy screen', () => {
  it('shows the screen that finished loading between its first render and its effect', async () => {
    let resolve: (c: ComponentType<object>) => void = () => {};
    const Lazy = lazyScreen<object>(() => new Promise((r) => (resolve = r)));
    const root = document.createElement('div');
    // preact's own render: its effects run after the next frame, as in the browser
    render(
      <ServicesContext.Provider value={services}>
        <Lazy />
      </ServicesContext.Provider>,
      root,
    );
    expect(root.textContent).toBe('app.loading');
    const loading = Lazy.load();
    resolve(() => <p>the screen</p>);
    await loading;
    await vi.waitFor(() => expect(root.textContent).toBe('the screen'));
    render(null, root);
  });
});

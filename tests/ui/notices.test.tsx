/** "De app werkt nu ook zonder internet": it informs, in the flow of the page, and goes by itself. */
import { signal } from '@preact/signals';
import { act, cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Pwa } from '../../src/pwa';
import { OfflineNotice } from '../../src/ui/components/Banners';
import { type Services, ServicesContext } from '../../src/ui/context';
import { dutch } from './helpers';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the offline notice', () => {
  it('closes by itself 10 seconds after the app is ready, even when it was held back meanwhile', async () => {
    const i18n = await dutch();
    const offlineReady = signal(true);
    const pwa = { offlineReady, needRefresh: signal(false), dismissOfflineReady: () => (offlineReady.value = false) } as unknown as Pwa;
    vi.useFakeTimers();
    const view = (answering: boolean) => (
      <ServicesContext.Provider value={{ i18n, pwa, state: {} } as unknown as Services}>
        <OfflineNotice answering={answering} />
      </ServicesContext.Provider>
    );
    const { rerender } = render(view(true));
    expect(screen.queryByText('De app werkt nu ook zonder internet.')).toBeNull();
    await act(() => {
      vi.advanceTimersByTime(6_000);
    });
    rerender(view(false));
    expect(screen.getByText('De app werkt nu ook zonder internet.')).toBeTruthy();
    await act(() => {
      vi.advanceTimersByTime(4_100);
    });
    expect(screen.queryByText('De app werkt nu ook zonder internet.')).toBeNull();
  });
});

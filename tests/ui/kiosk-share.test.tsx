/**
 * The kiosk around the app (its bar, the idle warning, the wipe), a shared result opened from a link
 * (kept only when asked), and "share my result" with its warning.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadKiosk, ModeRoot } from '../../src/ui/ModeRoot';
import { openSession, type Session } from '../../src/state/session';
import { createPwa } from '../../src/pwa';
import { formatShareCode, openSealedLink, readSealedLink, sealShareLink } from '../../src/share/sealed-link';
import { createAppState, DEFAULT_HOUSEHOLD } from '../../src/state/app-state';
import { createMemoryStorage, emptyHousehold, type Storage } from '../../src/storage';
import { createRouter, paths } from '../../src/ui/router';
import { loadResidentScreens, SharedBanner } from '../../src/ui/screens/lazy';
import { singleMother } from '../fixtures/households';
import { DATE, dutch, sharedRules } from './helpers';
import { renderInMode } from './mode-helpers';

const disposers: (() => void)[] = [];
afterEach(() => {
  cleanup();
  for (const d of disposers.splice(0)) d();
  vi.useRealTimers();
  window.location.hash = '';
  document.documentElement.classList.remove('kiosk');
});

async function renderRoot(session: Partial<Session> & { storage: Storage }, route = '#/') {
  const [rules, i18n, kiosk] = await Promise.all([sharedRules(), dutch(), loadKiosk(), loadResidentScreens(), SharedBanner.load()]);
  const state = createAppState({ storage: session.storage, date: DATE, rules });
  await state.actions.restore();
  i18n.setRuleParameters(state.parameterValues);
  window.location.hash = route;
  const router = createRouter(window);
  const full: Session = {
    mode: { kind: 'resident', idleMs: null },
    settings: session.storage,
    shared: null,
    locked: null,
    shareError: null,
    restart: vi.fn(),
    ...session,
  };
  render(<ModeRoot session={full} services={{ state, i18n, pwa: createPwa(), router }} kiosk={kiosk} />);
  disposers.push(() => {
    router.dispose();
    state.dispose();
  });
  return { state, router, session: full };
}

async function withAnswers(answers: Record<string, unknown>) {
  const storage = createMemoryStorage();
  await storage.putHousehold({ ...emptyHousehold('default'), answers, history: Object.keys(answers) });
  return storage;
}

describe('a kiosk', () => {
  it('has "start again" on every screen, warns when idle with a countdown, and wipes everything', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const storage = await withAnswers(singleMother);
    const { state, router } = await renderRoot({ storage, mode: { kind: 'kiosk', idleMs: 20_000 } }, '#/resultaten');
    expect(document.documentElement.classList.contains('kiosk')).toBe(true);
    expect(screen.getByRole('button', { name: 'Opnieuw beginnen (alles wissen)' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Neem je resultaat mee' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Voor hulpverleners' })).toBeNull();

    await act(() => {
      vi.advanceTimersByTime(10_000);
    });
    const dialog = screen.getByRole('alertdialog', { name: 'Ben je er nog?' });
    expect(dialog.textContent).toMatch(/Nog 10 seconden\./);
    expect(document.activeElement?.textContent).toBe('Ik ben er nog');
    await act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(dialog.textContent).toMatch(/Nog 7 seconden\./);
    // still here: the answers stay
    fireEvent.click(screen.getByRole('button', { name: 'Ik ben er nog' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(state.hasAnswers.value).toBe(true);
    // gone: everything is wiped after the countdown
    await act(() => {
      vi.advanceTimersByTime(20_000);
    });
    vi.useRealTimers();
    await waitFor(() => expect(router.route.value.name).toBe('home'));
    expect(state.hasAnswers.value).toBe(false);
    expect(await storage.getHousehold(DEFAULT_HOUSEHOLD)).toBeUndefined();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('wipes at once with "start again"', async () => {
    const storage = await withAnswers(singleMother);
    const { state, router } = await renderRoot({ storage, mode: { kind: 'kiosk', idleMs: null } }, '#/resultaten');
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw beginnen (alles wissen)' }));
    await waitFor(() => expect(router.route.value.name).toBe('home'));
    expect(state.hasAnswers.value).toBe(false);
    expect(screen.getByText(/Op dit openbare toestel bewaren we niets/)).toBeTruthy();
  });
});

describe('the municipality on a kiosk and in a shared result', () => {
  it('is chosen on the kiosk start screen, and "start again" brings the next person back to Kortrijk', async () => {
    const { state } = await renderRoot({ storage: createMemoryStorage(), mode: { kind: 'kiosk', idleMs: null } });
    fireEvent.change(screen.getByLabelText('Je gemeente'), { target: { value: 'wevelgem' } });
    await waitFor(() => expect(state.answers.value.municipality).toBe('wevelgem'));
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw beginnen (alles wissen)' }));
    await waitFor(() => expect(state.hasAnswers.value).toBe(false));
    expect((screen.getByLabelText('Je gemeente') as HTMLSelectElement).value).toBe('kortrijk');
  });

  // a shared result is shown from a memory store that holds the shared answers (src/state/session.ts)
  it('comes with the shared answers: a Wevelgem household sees the notice, not the Kortrijk rights', async () => {
    const shared = { ...singleMother, municipality: 'wevelgem' };
    await renderRoot(
      { storage: await withAnswers(shared), shared: { answers: shared, rulesVersion: '2025.01.1', date: '2025-02-20', replacesOwn: false, keep: vi.fn() } },
      '#/resultaten',
    );
    expect(await screen.findByText(/OCMW \/ Sociaal Huis van Wevelgem/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: /Sociaal tarief van de stad/ })).toBeNull();
  });
});

describe('a shared result', () => {
  it('is shown without being kept, and kept (replacing the own answers) only after a confirmation', async () => {
    const keep = vi.fn(async (_answers: Record<string, unknown>) => {});
    const storage = await withAnswers(singleMother);
    const { session } = await renderRoot(
      { storage, shared: { answers: singleMother, rulesVersion: '2025.01.1', date: '2025-02-20', replacesOwn: true, keep } },
      '#/resultaten',
    );
    const banner = screen.getByRole('region', { name: 'Een gedeeld resultaat' });
    expect(banner.textContent).toMatch(/deelde op 20 februari 2025\. Het staat nog niet op dit toestel/);
    expect(banner.textContent).toMatch(/versie 2025\.01\.1 van de regels/);
    fireEvent.click(screen.getByRole('button', { name: 'Bewaar op dit toestel' }));
    expect(screen.getByText(/Die worden vervangen door de gedeelde antwoorden/)).toBeTruthy();
    expect(keep).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Ja, vervang ze' }));
    await waitFor(() => expect(session.restart).toHaveBeenCalledWith('#/resultaten'));
    expect(keep).toHaveBeenCalledExactlyOnceWith(singleMother);
  });

  it('says plainly when a link cannot be read', async () => {
    await renderRoot({ storage: createMemoryStorage(), shareError: 'garbled' });
    expect(screen.getByRole('alert').textContent).toMatch(/beschadigd of onvolledig/);
    fireEvent.click(screen.getByRole('button', { name: 'Sluiten' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('a sealed link', () => {
  it('asks for the code first, keeps a wrong code as typed with a plain message, then opens with the right one', async () => {
    const rules = sharedRules();
    const version = (await rules).ruleset.manifest.version;
    const { link, code } = await sealShareLink('http://localhost/', { answers: singleMother, rulesVersion: version, date: DATE }, { questions: (await rules).ruleset.questions });
    window.location.hash = link.slice(link.indexOf('#'));
    const opened = await openSession(window, rules, paths);
    expect(window.location.hash, 'the link left the address bar').toBe('#/');
    expect(opened.locked).not.toBeNull();
    const { state } = await renderRoot(opened, '#/');
    screen.getByRole('heading', { name: 'Open een gedeeld resultaat' });
    expect(screen.queryByText('Begin met de vragen')).toBeNull();
    const input = screen.getByLabelText('Code') as HTMLInputElement;
    expect(input.getAttribute('autocomplete')).toBe('off');
    fireEvent.input(input, { target: { value: '11111 22222 33333' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open het resultaat' }));
    expect((await screen.findByRole('alert', {}, { timeout: 30_000 })).textContent).toMatch(/Deze code past niet bij de link/);
    expect(input.value).toBe('11111 22222 33333');
    expect(state.hasAnswers.value).toBe(false);
    fireEvent.input(input, { target: { value: formatShareCode(code) } });
    fireEvent.click(screen.getByRole('button', { name: 'Open het resultaat' }));
    await screen.findByRole('region', { name: 'Een gedeeld resultaat' }, { timeout: 30_000 });
    expect(state.answers.value).toEqual(singleMother);
    expect(screen.queryByLabelText('Code'), 'the code field is gone').toBeNull();
    await waitFor(() => expect(window.location.hash).toBe('#/resultaten'));
  }, 60_000);

  it('refuses impossible answers after the right code, and says so', async () => {
    const rules = sharedRules();
    const { link, code } = await sealShareLink('http://localhost/', {
      answers: { ...singleMother, adults: -3, children: [{ age: 500 }, { age: -1 }], netMonthlyIncome: 1e9 },
      rulesVersion: '2099',
    }, { questions: (await rules).ruleset.questions });
    window.location.hash = link.slice(link.indexOf('#'));
    const { state } = await renderRoot(await openSession(window, rules, paths), '#/');
    fireEvent.input(screen.getByLabelText('Code'), { target: { value: code } });
    fireEvent.click(screen.getByRole('button', { name: 'Open het resultaat' }));
    expect((await screen.findByRole('alert', {}, { timeout: 30_000 })).textContent).toMatch(/antwoorden die niet kunnen kloppen/);
    expect(state.hasAnswers.value).toBe(false);
  }, 60_000);
});

describe('share my result', () => {
  it('gives a sealed link with the code beside it, never inside it, and a plain warning', async () => {
    const { container } = await renderInMode({ route: '#/delen', answers: singleMother });
    await screen.findByRole('heading', { level: 1, name: 'Deel je resultaat' });
    expect(screen.getByText(/wie deze link én de code heeft, ziet al je antwoorden/)).toBeTruthy();
    const input = (await waitFor(() => {
      const el = screen.getByLabelText('Je link') as HTMLInputElement;
      expect(el.value).toMatch(/#s=2[A-Za-z0-9_-]+$/);
      return el;
    }, { timeout: 30_000 })) as HTMLInputElement;
    expect(input.value).not.toContain('?');
    const shown = container.querySelector('.share-code-value')?.textContent ?? '';
    expect(shown).toMatch(/^\d{5} \d{5} \d{5}$/);
    const code = shown.replace(/ /g, '');
    expect(input.value).not.toContain(code);
    expect(screen.getByText('Code om de link te openen')).toBeTruthy();
    const decoded = await openSealedLink(readSealedLink(input.value), shown, { questions: (await sharedRules()).ruleset.questions });
    expect(decoded.answers).toEqual(singleMother);
    expect(decoded.date).toBe(DATE);
    expect(screen.getByRole('button', { name: 'Kopieer de link' })).toBeTruthy();
  }, 60_000);

  it('shows a large QR code on a kiosk, and the print', async () => {
    const { container } = await renderInMode({ route: '#/delen', answers: singleMother, mode: { kind: 'kiosk' } });
    await screen.findByRole('heading', { level: 1, name: 'Neem je resultaat mee' });
    await waitFor(() => expect(container.querySelector('.qr-large svg[role="img"]')).toBeTruthy(), { timeout: 30_000 });
    expect(screen.getByRole('img', { name: 'QR-code met de link naar je resultaat' })).toBeTruthy();
    await waitFor(() => expect(container.querySelector('.share-code-value')?.textContent).toMatch(/^\d{5} \d{5} \d{5}$/), { timeout: 30_000 });
    expect(screen.getByText(/Schrijf deze code op/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Naar het blad om af te drukken' }).getAttribute('href')).toBe('#/blad');
  }, 60_000);

  it('gives no "save as PDF" hint on a kiosk: a PDF would stay on the public machine', async () => {
    await renderInMode({ route: '#/blad', answers: singleMother, mode: { kind: 'kiosk' } });
    await screen.findByRole('article', { name: 'Je rechten: wat moet je doen?' });
    expect(screen.getByRole('button', { name: 'Druk af' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/pdf/i);
    cleanup();
    await renderInMode({ route: '#/blad', answers: singleMother });
    await screen.findByRole('article', { name: 'Je rechten: wat moet je doen?' });
    expect(document.body.textContent).toMatch(/Opslaan als pdf/);
  });

  it('prints a hand-over sheet: the rights, the steps, what to bring, where to go', async () => {
    await renderInMode({ route: '#/blad', answers: singleMother });
    const sheet = await screen.findByRole('article', { name: 'Je rechten: wat moet je doen?' });
    expect(sheet.textContent).toMatch(/Pamperbank/);
    expect(sheet.textContent).toMatch(/Zo vraag je het aan/);
    expect(sheet.textContent).toMatch(/Neem dit mee/);
    expect(sheet.textContent).toMatch(/Budastraat 27/);
    expect(screen.getByRole('button', { name: 'Druk af' })).toBeTruthy();
  });
});

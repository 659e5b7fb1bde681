/** Choosing the language on any screen, reading aloud in it, and the pictograms of the life domains. */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n';
import { createMemoryStorage } from '../../src/storage';
import { createSpeech, pickVoice } from '../../src/ui/speech';
import { singleMother } from '../fixtures/households';
import { renderApp, sentence } from './helpers';

const heading = () => screen.getByRole('heading', { level: 1 });
const languageSelect = () => screen.getByRole('combobox', { name: /Taal|Language|Langue|اللغة|Мова|Dil/ }) as HTMLSelectElement;
const choose = async (lang: string) => {
  await act(async () => {
    fireEvent.change(languageSelect(), { target: { value: lang } });
    await new Promise((r) => setTimeout(r, 0));
  });
};

afterEach(() => {
  document.documentElement.lang = 'nl';
  document.documentElement.dir = 'ltr';
});

describe('the language', () => {
  it('is offered on the start page, each language named in itself', async () => {
    await renderApp({ i18n: await createI18n('nl') });
    const group = screen.getByRole('group', { name: 'Kies je taal' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => [b.textContent, b.getAttribute('lang')])).toEqual(
      expect.arrayContaining([
        ['Nederlands', 'nl'],
        ['Français', 'fr'],
        ['English', 'en'],
        ['العربية', 'ar'],
        ['Türkçe', 'tr'],
        ['Українська', 'uk'],
      ]),
    );
    expect(within(group).getByRole('button', { name: 'Nederlands' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(within(group).getByRole('button', { name: 'Français' }));
    await waitFor(() => expect(document.documentElement.lang).toBe('fr'));
    expect(heading().textContent).not.toBe('Waar heb je recht op?');
    expect(screen.getByRole('group', { name: 'Choisissez votre langue' })).toBeTruthy();
  });

  it('can be changed in the header on a question without losing an answer or what is typed', async () => {
    const storage = createMemoryStorage();
    const { state } = await renderApp({ route: '#/vragen', storage, i18n: await createI18n('nl') });
    const options = [...languageSelect().options].map((o) => [o.value, o.lang, o.textContent]);
    expect(options).toContainEqual(['ar', 'ar', 'العربية']);

    fireEvent.input(screen.getByLabelText(/volwassenen/), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
    await waitFor(() => expect(heading().textContent).toMatch(/kinderen/));
    expect(state.answers.value.adults).toBe(1);
    const dutchQuestion = heading().textContent;
    fireEvent.click(screen.getByRole('button', { name: 'Een kind toevoegen' }));
    fireEvent.input(screen.getByLabelText('Leeftijd van kind 1'), { target: { value: '4' } });

    await choose('ar');
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
    expect(heading().textContent).not.toBe(dutchQuestion);
    expect(state.answers.value.adults).toBe(1);
    expect(state.currentKey.value).toBe('children');
    expect((document.querySelector('input.input-age') as HTMLInputElement).value).toBe('4');
    expect(await storage.getSetting('language')).toBe('ar');

    await choose('uk');
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
    expect(document.documentElement.lang).toBe('uk');
    expect(state.answers.value.adults).toBe(1);
    expect(await storage.getSetting('language')).toBe('uk');
  });

  it('formats money and dates on the results for the language', async () => {
    await renderApp({ route: '#/resultaten', answers: singleMother, i18n: await createI18n('nl') });
    expect(screen.getByText(sentence(/Berekend voor 1 maart 2025\./))).toBeTruthy();
    await choose('uk');
    const date = new Intl.DateTimeFormat('uk', { dateStyle: 'long' }).format(new Date(2025, 2, 1));
    await waitFor(() => expect(document.body.textContent).toContain(date));
  });

  it('keeps a phone number left to right inside an Arabic sentence', async () => {
    await renderApp({ route: `#/recht/${encodeURIComponent('kortrijk.sociaal-tarief')}`, answers: singleMother, i18n: await createI18n('ar') });
    const call = document.querySelector('a[href^="tel:"]') as HTMLElement;
    expect(call.querySelector('bdi[dir="ltr"]')?.textContent).toMatch(/^0\d/);
  });
});

/** A device's speech engine: voices that may arrive late, and what was said. */
function fakeSpeechWindow(initial: { lang: string; name?: string; localService?: boolean }[]) {
  let voices = initial.map((v) => ({ name: v.name ?? v.lang, lang: v.lang, localService: v.localService ?? true, default: false, voiceURI: v.lang }));
  const listeners: (() => void)[] = [];
  const spoken: { text: string; lang: string; voice: string }[] = [];
  let cancelled = 0;
  class Utterance {
    voice: { name: string } | null = null;
    lang = '';
    onend: (() => void) | null = null;
    onerror: (() => void) | null = null;
    constructor(readonly text: string) {}
  }
  const synth = {
    getVoices: () => voices,
    speak: (u: Utterance) => spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? '' }),
    cancel: () => void cancelled++,
    addEventListener: (_: string, fn: () => void) => listeners.push(fn),
  };
  const win = { speechSynthesis: synth, SpeechSynthesisUtterance: Utterance } as unknown as Window;
  return {
    speech: createSpeech(win),
    spoken,
    cancelled: () => cancelled,
    setVoices(list: { lang: string }[]) {
      voices = list.map((v) => ({ name: v.lang, lang: v.lang, localService: true, default: false, voiceURI: v.lang }));
      for (const fn of listeners) fn();
    },
  };
}

describe('read aloud', () => {
  it('reads the question in the language on screen; pressed again, it stops', async () => {
    const device = fakeSpeechWindow([{ lang: 'en-GB' }, { lang: 'nl-NL' }, { lang: 'nl-BE' }]);
    await renderApp({ route: '#/vragen', speech: device.speech, i18n: await createI18n('nl') });
    const button = screen.getByRole('button', { name: 'Lees voor' });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    expect(device.spoken).toHaveLength(1);
    expect(device.spoken[0]?.lang).toBe('nl-BE');
    expect(device.spoken[0]?.text).toContain('Hoeveel volwassenen wonen er bij jou?');
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('true'));
    const before = device.cancelled();
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-pressed')).toBe('false'));
    expect(device.cancelled()).toBeGreaterThan(before);
    expect(device.spoken).toHaveLength(1);
  });

  it('is there only where the device has a voice for the language, without moving the page', async () => {
    const device = fakeSpeechWindow([]);
    await renderApp({ route: '#/vragen', speech: device.speech, i18n: await createI18n('nl') });
    expect(screen.queryByRole('button', { name: 'Lees voor' })).toBeNull();
    // the slot is there, empty, so the button appearing does not move anything
    expect(document.querySelector('.question-bar .read-aloud')).toBeTruthy();

    act(() => device.setVoices([{ lang: 'nl-BE' }, { lang: 'fr-FR' }]));
    expect(await screen.findByRole('button', { name: 'Lees voor' })).toBeTruthy();

    await choose('ar');
    await waitFor(() => expect(document.documentElement.lang).toBe('ar'));
    expect(document.querySelector('.read-aloud button')).toBeNull();

    await choose('fr');
    await waitFor(() => expect(document.querySelector('.read-aloud button')).toBeTruthy());
  });

  it('reads each result and the page of a right', async () => {
    const device = fakeSpeechWindow([{ lang: 'nl-BE' }]);
    await renderApp({ route: '#/resultaten', answers: singleMother, speech: device.speech, i18n: await createI18n('nl') });
    const item = document.querySelector('li.result[data-right="kortrijk.uitpas-kansentarief"]') as HTMLElement;
    fireEvent.click(within(item).getByRole('button', { name: 'Lees voor: UiTPAS met kansentarief' }));
    expect(device.spoken.at(-1)?.text).toMatch(/^UiTPAS met kansentarief\.\n.+\n80% korting\.$/);

    window.location.hash = `#/recht/${encodeURIComponent('kortrijk.uitpas-kansentarief')}`;
    await waitFor(() => expect(heading().textContent).toBe('UiTPAS met kansentarief'));
    fireEvent.click(screen.getByRole('button', { name: 'Lees voor' }));
    const text = device.spoken.at(-1)?.text ?? '';
    expect(text).toMatch(/^Vrije tijd.*\nUiTPAS met kansentarief\./);
    expect(text).toContain('Zo vraag je het aan.');
    expect(text).not.toContain('Terug naar');
    expect(text).not.toContain('Bronnen');
  });

  it('picks a voice of the language, in Belgium and on the device first', () => {
    const v = (lang: string, localService = true, name = lang) => ({ lang, localService, name, default: false, voiceURI: name }) as SpeechSynthesisVoice;
    expect(pickVoice([v('en-US'), v('nl-NL'), v('nl-BE')], 'nl')?.lang).toBe('nl-BE');
    expect(pickVoice([v('uk-UA', false, 'online'), v('uk_UA', true, 'device')], 'uk')?.name).toBe('device');
    expect(pickVoice([v('ur-PK')], 'uk')).toBeUndefined();
    expect(pickVoice([v('en-GB')], 'ar')).toBeUndefined();
  });
});

describe('pictograms of the life domains', () => {
  it('stand beside the domain headings of the results, the catalogue and on a right', async () => {
    await renderApp({ route: '#/resultaten', answers: singleMother });
    const eligible = screen.getByRole('region', { name: /Hier heb je recht op/ });
    for (const h of within(eligible).getAllByRole('heading', { level: 3 })) {
      const icon = h.querySelector('svg');
      expect(icon?.getAttribute('aria-hidden')).toBe('true');
    }
    window.location.hash = '#/catalogus';
    await waitFor(() => expect(heading().textContent).toBe('Alle rechten'));
    const kinderen = screen.getByRole('heading', { level: 2, name: 'Kinderen' });
    expect(kinderen.querySelector('svg.icon-domain')).toBeTruthy();

    window.location.hash = `#/recht/${encodeURIComponent('kortrijk.pamperbank')}`;
    await waitFor(() => expect(heading().textContent).toBe('Pamperbank'));
    expect(document.querySelector('.domain-tag svg.icon-domain')).toBeTruthy();
  });
});

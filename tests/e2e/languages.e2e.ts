/**
 * Languages in real Chromium on a phone: start in Dutch, switch to Arabic in the middle of the
 * questionnaire (the answers stay, the page turns right-to-left), finish in Arabic, then read the
 * results in Ukrainian with Ukrainian money and dates. axe on every screen; screenshots to look at.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { EXAMPLE_DATE, singleMother } from '../fixtures/households';
import { answerCurrent, currentQuestion, type Profile } from './flow';
import { assertAccessible, type Harness, phoneContext, SCREENSHOTS, screenshot, startHarness, waitForScreen } from './harness';

// DOMAIN.md worked example 1 (singleMother), evaluated on its date
const DATE = new Date(`${EXAMPLE_DATE}T10:00:00`);
/** the income limit of the city's social rate for her household, in euros */
const THRESHOLD = 2486.5;

const questions: { key: string; type: string }[] = JSON.parse(
  readFileSync(new URL('../../rules/questions.json', import.meta.url), 'utf8'),
).questions;

/** Screenshots also go to /tmp, to look at them outside the repository. */
const LOOK = '/tmp/rechtenverkenner-languages';
async function shoot(page: Page, name: string) {
  await screenshot(page, name);
  mkdirSync(LOOK, { recursive: true });
  copyFileSync(`${SCREENSHOTS}${name}.png`, `${LOOK}/${name}.png`);
  await page.screenshot({ path: `${LOOK}/${name}-viewport.png` });
}

/** Chooses a language in the header, as a person would, and waits until the page speaks it. */
async function chooseLanguage(page: Page, lang: string, dir: 'ltr' | 'rtl') {
  await page.locator('.site-header select').selectOption(lang);
  await page.waitForFunction(([l, d]) => document.documentElement.lang === l && document.documentElement.dir === d, [lang, dir]);
}

/**
 * Answers the question screen on screen in any language: by the values of the inputs, not their words,
 * each fact of a screen of several in its own fieldset. (flow.ts reads the Dutch labels.)
 */
async function answerByValue(page: Page, profile: Profile): Promise<string> {
  const key = (await currentQuestion(page)) as string;
  const keys = key.split(' ');
  const screenForm = page.locator(`form[data-question="${key}"]`);
  for (const k of keys) await fillByValue(keys.length > 1 ? screenForm.locator(`fieldset[data-key="${k}"]`) : screenForm, k, profile);
  await screenForm.locator('button[type="submit"]').click();
  await page.waitForFunction((k) => document.querySelector('form[data-question]')?.getAttribute('data-question') !== k, key);
  return key;
}

async function fillByValue(form: Locator, key: string, profile: Profile) {
  const type = questions.find((q) => q.key === key)?.type;
  const value = profile[key];
  if (value === undefined) throw new Error(`the profile has no answer for ${key}`);
  switch (type) {
    case 'integer':
    case 'money':
      await form.locator('input[type="text"]').fill(String(value));
      break;
    case 'boolean':
      await form.locator(`input[type="radio"][value="${value ? 'yes' : 'no'}"]`).check();
      break;
    case 'choice':
      await form.locator(`input[type="radio"][value="${value}"]`).check();
      break;
    case 'multi': {
      const list = value as string[];
      if (list.length === 0) await form.locator('input[type="checkbox"][value=""]').check();
      for (const v of list) await form.locator(`input[type="checkbox"][value="${v}"]`).check();
      break;
    }
    case 'children': {
      const ages = (value as { age: number }[]).map((c) => c.age);
      for (let i = 0; i < ages.length; i++) {
        await form.locator('.children > button').click();
        await form.locator('input.input-age').nth(i).fill(String(ages[i]));
      }
      break;
    }
    default:
      throw new Error(`question type ${type} is not driven here`);
  }
}

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

describe('languages on a phone', () => {
  it('switches Dutch → Arabic mid-questionnaire keeping the answers, then shows the results in Ukrainian', async () => {
    const context = await phoneContext(h);
    await context.clock.setFixedTime(DATE);
    const page = await context.newPage();
    await page.goto(h.url);
    await waitForScreen(page, 'home');
    assert.equal(await page.getAttribute('html', 'lang'), 'nl', 'a Dutch browser starts in Dutch');
    const choice = page.getByRole('group', { name: 'Kies je taal' });
    for (const name of ['Nederlands', 'Français', 'English', 'العربية', 'Türkçe', 'Українська']) {
      assert.equal(await choice.getByRole('button', { name, exact: true }).count(), 1, name);
    }
    assert.equal(await choice.getByRole('button', { name: 'العربية' }).getAttribute('lang'), 'ar');
    await assertAccessible(page, 'the start page in Dutch');
    await shoot(page, 'languages-1-home-nl');

    // three answers in Dutch
    await page.getByText('Begin met de vragen', { exact: true }).click();
    await page.waitForSelector('form[data-question]');
    const asked: string[] = [];
    for (let i = 0; i < 3; i++) {
      const key = (await currentQuestion(page)) as string;
      asked.push(await answerCurrent(page, singleMother));
      await page.waitForFunction((k) => document.querySelector('form[data-question]')?.getAttribute('data-question') !== k, key);
    }
    assert.deepEqual(asked, ['adults', 'children', 'netMonthlyIncome']);
    const dutchTitle = await page.locator('h1').textContent();

    // Arabic: the same question, right to left, in other words
    await chooseLanguage(page, 'ar', 'rtl');
    assert.equal(await currentQuestion(page), 'statuses', 'the questionnaire stays where it was');
    assert.notEqual(await page.locator('h1').textContent(), dutchTitle);
    assert.equal(await page.locator('.site-header select').inputValue(), 'ar');
    await assertAccessible(page, 'a question in Arabic');
    await shoot(page, 'languages-2-question-ar');

    // the answers given in Dutch are all there, in Arabic figures and words
    await page.evaluate(() => {
      location.hash = '#/overzicht';
    });
    await page.waitForSelector('.summary-list');
    const values = await page.locator('.summary-value').allTextContents();
    assert.equal(values.length, 3, 'three answers in the summary');
    const money = await page.evaluate(
      () => new Intl.NumberFormat('ar', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(1950),
    );
    assert.ok(values.includes(money), `the income reads ${money} in Arabic: ${values.join(' | ')}`);
    await assertAccessible(page, 'the summary in Arabic');
    await shoot(page, 'languages-3-summary-ar');

    // the rest of the questionnaire in Arabic
    await page.evaluate(() => {
      location.hash = '#/vragen';
    });
    await page.waitForSelector('form[data-question]');
    for (let i = 0; i < 10 && (await currentQuestion(page)) !== null; i++) await answerByValue(page, singleMother);
    await waitForScreen(page, 'results');
    assert.equal(await page.locator('li.result[data-right="kortrijk.sociaal-tarief"]').getAttribute('data-status'), 'eligible');
    await assertAccessible(page, 'the results in Arabic');
    await shoot(page, 'languages-4-results-ar');

    await page.locator('li.result[data-right="kortrijk.sociaal-tarief"] a.result-title').click();
    await waitForScreen(page, 'right');
    // a phone number keeps its order inside an Arabic sentence
    assert.equal(await page.locator('a[href^="tel:"] bdi[dir="ltr"]').count(), 1);
    // …as laid out on screen, in the step text and on the call button: its groups run left to right
    const orders = await page.evaluate(() =>
      [...document.querySelectorAll('main bdi')]
        .filter((b) => /^0\d{2} \d{2} \d{2} \d{2}$/.test(b.textContent ?? ''))
        .map((b) => {
          const node = b.firstChild as Text;
          const text = node.data;
          let at = 0;
          return text.split(' ').map((group) => {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + group.length);
            at += group.length + 1;
            return range.getBoundingClientRect().left;
          });
        }),
    );
    assert.ok(orders.length >= 2, `the phone number in the step and on the button: ${orders.length}`);
    for (const xs of orders) assert.deepEqual([...xs].sort((a, b) => a - b), xs, `056 24 42 22 reads left to right: ${xs.join(', ')}`);
    await assertAccessible(page, "a right's page in Arabic");
    await shoot(page, 'languages-5-right-ar');

    // Ukrainian: money and dates as Ukrainians write them
    await page.goBack();
    await page.waitForSelector('li.result[data-right]');
    await chooseLanguage(page, 'uk', 'ltr');
    const uk = await page.evaluate(
      (threshold) => ({
        date: new Intl.DateTimeFormat('uk', { dateStyle: 'long' }).format(new Date(2025, 2, 1)),
        meal: new Intl.NumberFormat('uk', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(2),
        threshold: new Intl.NumberFormat('uk', { style: 'currency', currency: 'EUR' }).format(threshold),
        income: new Intl.NumberFormat('uk', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(1950),
      }),
      THRESHOLD,
    );
    const meta = await page.locator('.meta').textContent() ?? '';
    assert.ok(meta.includes(uk.date), `the evaluation date reads ${uk.date}: ${meta}`);
    const vork = await page.locator('li.result[data-right="kortrijk.vork-maaltijd"]').textContent() ?? '';
    assert.ok(vork.includes(uk.meal), `the meal price reads ${uk.meal}: ${vork}`);
    assert.equal(await page.locator('li.result[data-right="kortrijk.sociaal-tarief"]').getAttribute('data-status'), 'eligible');
    await assertAccessible(page, 'the results in Ukrainian');
    await shoot(page, 'languages-6-results-uk');

    await page.locator('li.result[data-right="kortrijk.sociaal-tarief"] a.result-title').click();
    await waitForScreen(page, 'right');
    const why = await page.locator('.situation').textContent() ?? '';
    assert.ok(why.includes(uk.threshold), `the income limit reads ${uk.threshold}: ${why}`);
    assert.ok(why.includes(uk.income), `the income reads ${uk.income}: ${why}`);
    await assertAccessible(page, "a right's page in Ukrainian");
    await shoot(page, 'languages-7-right-uk');

    // remembered: a reload opens in Ukrainian
    await page.reload();
    await waitForScreen(page, 'right');
    assert.equal(await page.getAttribute('html', 'lang'), 'uk');
    assert.equal(await page.locator('.site-header select').inputValue(), 'uk');
    await context.close();
  });

  it('reads aloud in the language on screen where the device has a voice for it', async () => {
    const context = await phoneContext(h, { locale: 'ar' });
    // a device with a Dutch and an Arabic voice, and no Ukrainian one
    // (a string: tsx would add helpers to a function that the page does not have)
    await context.addInitScript({
      content: `(() => {
        const voices = [
          { name: 'Ellen', lang: 'nl-BE', localService: true, default: true, voiceURI: 'ellen' },
          { name: 'Maged', lang: 'ar-SA', localService: true, default: false, voiceURI: 'maged' },
        ];
        const spoken = [];
        window.spoken = spoken;
        class Utterance {
          constructor(text) { this.text = text; this.voice = null; this.lang = ''; this.onend = null; this.onerror = null; }
        }
        const synth = {
          getVoices: () => voices,
          speak: (u) => spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : '' }),
          cancel: () => {},
          addEventListener: () => {},
        };
        Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
        Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
      })();`,
    });
    const page = await context.newPage();
    await page.goto(`${h.url}#/vragen`);
    await page.waitForSelector('form[data-question]');
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    const button = page.locator('.question-bar .read-aloud button');
    assert.equal(await button.getAttribute('aria-label'), 'اقرأ بصوت عالٍ');
    const before = await page.locator('form[data-question]').boundingBox();
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string; voice: string }[] }).spoken);
    assert.equal(spoken.length, 1);
    assert.equal(spoken[0]?.lang, 'ar-SA');
    assert.ok(spoken[0]?.text.startsWith((await page.locator('h1').textContent()) ?? '-'), spoken[0]?.text);
    await assertAccessible(page, 'a question in Arabic, read aloud');
    await shoot(page, 'languages-8-read-aloud-ar');
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    assert.deepEqual(await page.locator('form[data-question]').boundingBox(), before, 'the button does not move the question');

    // no Ukrainian voice: no button, and nothing moves
    await chooseLanguage(page, 'uk', 'ltr');
    assert.equal(await page.locator('.read-aloud button').count(), 0);
    assert.equal((await page.locator('.question-bar .read-aloud').boundingBox())?.width, 48, 'the empty slot keeps its size');
    await context.close();
  });

  it('names the page and the installed app in the language chosen, from the locale files', async () => {
    const dist = new URL('../../dist/', import.meta.url);
    const texts = (lang: string) => JSON.parse(readFileSync(new URL(`../../locales/${lang}/app.json`, import.meta.url), 'utf8')).app;
    const nl = texts('nl');
    // before any script runs: the Dutch source's words, never typed in index.html
    const html = readFileSync(new URL('index.html', dist), 'utf8');
    assert.ok(html.includes(`<title>${nl.name}</title>`), 'the title of index.html');
    assert.ok(html.includes(`<meta name="description" content="${nl.description}"`), 'the description of index.html');
    const context = await phoneContext(h);
    const page = await context.newPage();
    await page.goto(h.url);
    await page.waitForSelector('h1');
    for (const [lang, dir] of [['fr', 'ltr'], ['en', 'ltr'], ['ar', 'rtl'], ['tr', 'ltr'], ['uk', 'ltr'], ['nl', 'ltr']] as const) {
      const own = texts(lang);
      if (lang !== 'nl') for (const key of ['name', 'shortName', 'description', 'loading']) assert.notEqual(own[key], nl[key], `${lang} app.${key} is Dutch`);
      // the built manifest of the language: the name under an installed icon
      const manifest = JSON.parse(readFileSync(new URL(`manifest-${lang}.webmanifest`, dist), 'utf8'));
      assert.deepEqual([manifest.name, manifest.short_name, manifest.description, manifest.lang], [own.name, own.shortName, own.description, lang]);
      await chooseLanguage(page, lang, dir);
      await page.waitForFunction((name) => document.title.endsWith(name), own.name);
      assert.equal(await page.getAttribute('meta[name="description"]', 'content'), own.description);
      assert.equal(await page.getAttribute('link[rel="manifest"]', 'href'), `manifest-${lang}.webmanifest`);
      const served = await page.evaluate(async () => (await fetch((document.querySelector('link[rel="manifest"]') as HTMLLinkElement).href)).json());
      assert.equal(served.name, own.name, `the manifest the page points to in ${lang}`);
    }
    await context.close();
  });

  it("starts in the browser's language when it is one of ours, loading only that one", async () => {
    const context = await phoneContext(h, { locale: 'tr-TR' });
    const page = await context.newPage();
    const localeChunks: string[] = [];
    page.on('request', (r) => {
      if (/\/assets\/(app|rules)-[^/]+\.js$/.test(r.url())) localeChunks.push(r.url());
    });
    await page.goto(h.url);
    await waitForScreen(page, 'home');
    assert.equal(await page.getAttribute('html', 'lang'), 'tr');
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    // Turkish, and Dutch as the fallback for a text not translated yet: two, not six (the rule
    // texts are not code: they come with the rules release, every language in one place)
    assert.equal(localeChunks.length, 2, localeChunks.join('\n'));
    await context.close();

    // …and every language is in the service worker's precache, for offline use
    const dist = new URL('../../dist/', import.meta.url);
    const chunks = readdirSync(new URL('assets/', dist)).filter((f) => /^(app|rules)-.+\.js$/.test(f));
    assert.equal(chunks.length, 6, 'an interface chunk per language');
    const sw = readFileSync(new URL('sw.js', dist), 'utf8');
    for (const chunk of chunks) assert.ok(sw.includes(`assets/${chunk}`), `${chunk} is precached`);
  });
});

/**
 * What a person sees on a small phone, in real Chromium: the income field shows the longest amount
 * whole at 390 and 320 px, in Dutch and in Arabic; and no notice or bar ever lies over a control or
 * the kiosk's QR code (the offline notice once covered "Ja, wis alles" and a corner of the QR code).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { singleMother } from '../fixtures/households';
import { answerAll } from './flow';
import { type Harness, PHONE, startHarness, waitForOfflineReady, waitForScreen } from './harness';

let h: Harness;

/** A phone; the page gets the name helper tsx puts into the functions this file evaluates there. */
async function phone(options: { width?: number; locale: string; serviceWorkers: 'allow' | 'block' }): Promise<BrowserContext> {
  const context = await h.browser.newContext({
    viewport: { width: options.width ?? PHONE.width, height: PHONE.height },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: options.locale,
    serviceWorkers: options.serviceWorkers,
  });
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  return context;
}
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** Answers "how many adults" and "children" with the keyboard-free minimum, up to the income question. */
async function toIncome(page: Page) {
  await page.waitForSelector('form[data-question="adults"]');
  await page.locator('form[data-question="adults"] input[type="text"]').fill('1');
  await page.locator('form[data-question="adults"] button[type="submit"]').click();
  await page.waitForSelector('form[data-question="children"]');
  await page.locator('form[data-question="children"] .children > button').click();
  await page.locator('form[data-question="children"] input.input-age').fill('4');
  await page.locator('form[data-question="children"] button[type="submit"]').click();
  await page.waitForSelector('form[data-question="netMonthlyIncome"] input[type="text"]');
}

/** How the income field and its words lie on screen once `value` is typed. */
async function incomeField(page: Page, value: string) {
  const input = page.locator('form[data-question="netMonthlyIncome"] input[type="text"]');
  await input.fill(value);
  return page.evaluate(() => {
    const el = document.querySelector('form[data-question="netMonthlyIncome"] input[type="text"]') as HTMLInputElement;
    const box = (e: Element | null) => {
      const r = e?.getBoundingClientRect();
      return r ? { left: r.left, right: r.right } : null;
    };
    return {
      value: el.value,
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      input: box(el),
      prefix: box(el.parentElement?.querySelector('.prefix') ?? null),
      suffix: box(el.parentElement?.querySelector('.suffix') ?? null),
      viewport: document.documentElement.clientWidth,
      pageWidth: document.documentElement.scrollWidth,
    };
  });
}

describe('the income field on a small phone', () => {
  for (const lang of ['nl', 'ar']) {
    for (const width of [390, 320]) {
      it(`shows the longest amount whole at ${width} px in ${lang}`, async () => {
        const context = await phone({ width, locale: lang, serviceWorkers: 'block' });
        const page = await context.newPage();
        await page.goto(`${h.url}#/vragen`);
        await toIncome(page);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        // the longest amounts the question accepts (its maximum is 100 000), as people type them;
        // in Arabic also in Arabic-Indic digits
        const amounts = ['100000,00', '100.000,00', '100 000,00', '100000', ...(lang === 'ar' ? ['١٠٠٠٠٠٫٠٠', '١٠٠٬٠٠٠٫٠٠'] : [])];
        for (const amount of amounts) {
          const f = await incomeField(page, amount);
          assert.equal(f.value, amount);
          assert.ok(f.scrollWidth <= f.clientWidth, `${amount} is cut off: ${f.scrollWidth} px of text in ${f.clientWidth} px`);
          for (const [name, b] of Object.entries({ input: f.input, prefix: f.prefix, suffix: f.suffix })) {
            assert.ok(b && b.left >= 0 && b.right <= f.viewport, `the ${name} lies outside the screen: ${JSON.stringify(b)} of ${f.viewport}`);
          }
          assert.ok(f.pageWidth <= f.viewport, `the page scrolls sideways: ${f.pageWidth} > ${f.viewport}`);
        }
        // …and still whole with the thicker border of an amount refused (over the maximum)
        await page.locator('form[data-question="netMonthlyIncome"] input[type="text"]').fill('100.000,01');
        await page.locator('form[data-question="netMonthlyIncome"] button[type="submit"]').click();
        await page.waitForSelector('form[data-question="netMonthlyIncome"] input[aria-invalid="true"]');
        const refused = await incomeField(page, '100.000,01');
        assert.ok(refused.scrollWidth <= refused.clientWidth, `a refused amount is cut off: ${refused.scrollWidth} > ${refused.clientWidth}`);
        await context.close();
      });
    }
  }
});

interface Box {
  what: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Every visible notice, toast or bar, and every visible control and QR code, as laid out now.
 * A control inside a notice belongs to it and is not compared with it.
 */
async function layers(page: Page): Promise<{ notices: (Box & { owns: string[] })[]; controls: Box[] }> {
  return page.evaluate(() => {
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const box = (e: Element, i: number): Box => {
      const r = e.getBoundingClientRect();
      const label = (e.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40) || e.getAttribute('aria-label') || '';
      return { what: `${e.tagName.toLowerCase()}#${i} ${label}`, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const controlEls = [...document.querySelectorAll('button, a[href], input, select, textarea, summary, .qr svg, .qr canvas, canvas, svg[role="img"]')].filter(visible);
    const noticeEls = [...document.querySelectorAll('.toast, .toasts, .notice, [role="status"], .shared-banner, .kiosk-bar')].filter(visible);
    return {
      notices: noticeEls.map((n, i) => ({
        ...box(n, i),
        owns: controlEls.filter((c) => n.contains(c) || c.contains(n)).map((c) => box(c, controlEls.indexOf(c)).what),
      })),
      controls: controlEls.map(box),
    };
  }) as Promise<{ notices: (Box & { owns: string[] })[]; controls: Box[] }>;
}

const overlap = (a: Box, b: Box) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

/**
 * Brings each control into view the way a tap does (the nearest edge) and checks that no notice lies
 * over it there; returns how many notices were seen, so a test knows the notice it wanted was there.
 */
async function assertNothingCovered(page: Page, selector: string, where: string) {
  const targets = page.locator(selector);
  const n = await targets.count();
  assert.ok(n > 0, `${where}: nothing matches ${selector}`);
  for (let i = 0; i < n; i++) {
    await targets.nth(i).scrollIntoViewIfNeeded();
    const { notices, controls } = await layers(page);
    for (const c of controls) {
      for (const notice of notices) {
        if (notice.owns.includes(c.what)) continue;
        assert.ok(!overlap(notice, c), `${where}: "${notice.what}" lies over ${c.what} (${JSON.stringify(notice)} / ${JSON.stringify(c)})`);
      }
    }
    // what a tap at the middle of the target reaches is the target itself
    const hit = await targets.nth(i).evaluate((el) => {
      const r = el.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return at === el || el.contains(at) || (at?.contains(el) ?? false) ? null : (at?.outerHTML.slice(0, 120) ?? 'nothing');
    });
    assert.equal(hit, null, `${where}: a tap on ${selector} #${i} reaches ${hit}`);
  }
}

const OFFLINE_READY = 'De app werkt nu ook zonder internet.';

describe('notices never cover a control or a QR code', () => {
  it('the offline notice and "Ja, wis alles / Nee, bewaar ze"', async () => {
    const context = await phone({ locale: 'nl-BE', serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(`${h.url}#/vragen`);
    await page.waitForSelector('form[data-question="adults"]');
    await page.locator('form[data-question="adults"] input[type="text"]').fill('2');
    await page.locator('form[data-question="adults"] button[type="submit"]').click();
    await page.waitForSelector('form[data-question="children"]');
    await waitForOfflineReady(page);
    await page.evaluate(() => {
      location.hash = '#/overzicht';
    });
    await waitForScreen(page, 'summary');
    await page.getByText(OFFLINE_READY).waitFor();
    await page.getByRole('button', { name: 'Wis mijn antwoorden' }).click();
    await page.getByRole('button', { name: 'Ja, wis alles' }).waitFor();
    await assertNothingCovered(page, '.erase-confirm button', 'the erase confirmation');
    await assertNothingCovered(page, 'main button, main a[href]', 'the summary');
    assert.ok(await page.getByText(OFFLINE_READY).isVisible(), 'the offline notice was on screen all along');
    await context.close();
  });

  it('the offline notice of a first visit moves nothing that is already on screen', async () => {
    // It came above the content a moment after the start screen, and moved the start button 120 px down.
    const context = await phone({ locale: 'nl-BE', serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(h.url);
    await waitForScreen(page, 'home');
    await page.locator('#municipality-choice').waitFor(); // the municipality choice comes with the rules
    const start = page.locator('main .actions').first();
    await start.waitFor();
    const before = await start.boundingBox();
    await waitForOfflineReady(page);
    await page.getByText(OFFLINE_READY).waitFor({ state: 'attached' });
    const after = await start.boundingBox();
    assert.deepEqual(after, before, 'the start of the questions stays where it was when the offline notice comes');
    await context.close();
  });

  it('the municipality choice of a first visit keeps its place while the rules arrive', async () => {
    // It appeared once the rules were there, and moved the start button down as someone went to tap it.
    const context = await phone({ locale: 'nl-BE', serviceWorkers: 'block' });
    const page = await context.newPage();
    let arrive = () => {};
    const held = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    await page.route('**/rules/manifest.json', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(h.url);
    await page.locator('main[data-screen="home"] .actions').waitFor();
    const start = page.locator('main .actions').first();
    assert.ok(await page.locator('#municipality-choice[disabled]').isVisible(), 'the choice is there, not yet usable');
    const before = await start.boundingBox();
    arrive();
    await page.locator('#municipality-choice:not([disabled])').waitFor();
    assert.equal(await page.locator('#municipality-choice').inputValue(), 'kortrijk');
    assert.deepEqual(await start.boundingBox(), before, 'the start of the questions stays where it was');
    await context.close();
  });

  it("the offline notice and the kiosk's QR code", async () => {
    const context = await phone({ locale: 'nl-BE', serviceWorkers: 'allow' });
    const page = await context.newPage();
    await page.goto(`${h.url}?mode=kiosk&idle=600#/vragen`);
    await page.waitForSelector('.kiosk-bar');
    await page.waitForSelector('form[data-question="adults"]');
    await page.locator('form[data-question="adults"] input[type="text"]').fill('1');
    await page.locator('form[data-question="adults"] button[type="submit"]').click();
    await page.waitForSelector('form[data-question="children"]');
    await waitForOfflineReady(page);
    await page.evaluate(() => {
      location.hash = '#/delen';
    });
    await page.waitForSelector('.qr svg');
    await page.getByText(OFFLINE_READY).waitFor();
    await assertNothingCovered(page, '.qr svg', 'the kiosk QR code');
    await assertNothingCovered(page, 'main button, main a[href], main input', 'the kiosk share screen');
    assert.ok(await page.getByText(OFFLINE_READY).isVisible(), 'the offline notice was on screen all along');
    await context.close();
  });
});

describe('Dutch terms in Arabic titles on a small phone', () => {
  for (const width of [390, 320]) {
    it(`flow with the words at ${width} px: no term set beside a title as a block, nothing off screen`, async () => {
      const context = await phone({ width, locale: 'ar', serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${h.url}#/catalogus`);
      await waitForScreen(page, 'catalogue');
      const terms = await page.evaluate(() =>
        [...document.querySelectorAll('main bdi.term')].map((t) => {
          const rects = [...t.getClientRects()];
          const line = Number.parseFloat(getComputedStyle(t.parentElement as Element).lineHeight);
          const first = t.textContent?.indexOf('(') ?? -1;
          return {
            text: t.textContent ?? '',
            dir: t.getAttribute('dir'),
            fragments: rects.length,
            tallest: Math.max(...rects.map((r) => r.height)),
            line,
            right: Math.max(...rects.map((r) => r.right)),
            left: Math.min(...rects.map((r) => r.left)),
            opensFirst: first === 0,
          };
        }),
      );
      assert.ok(terms.length >= 5, `Dutch terms in the Arabic catalogue: ${terms.length}`);
      const viewport = await page.evaluate(() => document.documentElement.clientWidth);
      for (const t of terms) {
        assert.equal(t.dir, 'ltr', `${t.text} is laid out left to right`);
        assert.ok(t.opensFirst, `${t.text} holds its own brackets`);
        // a piece of a term one line high: a term wrapped as a block would be two lines high beside the title
        assert.ok(t.tallest <= t.line * 1.5, `${t.text} stands as a block ${t.tallest} px high (a line is ${t.line} px)`);
        assert.ok(t.left >= 0 && t.right <= viewport, `${t.text} lies off the screen: ${t.left}..${t.right} of ${viewport}`);
      }
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= viewport, 'the page does not scroll sideways');
      await context.close();
    });
  }
});

describe('the hand-over sheet on paper', () => {
  it('keeps every hard word of its sentences: a word that is a button on screen is printed as a word', async () => {
    const context = await phone({ locale: 'nl-BE', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${h.url}#/vragen`);
    await page.waitForSelector('form[data-question]');
    await answerAll(page, { ...singleMother, statuses: ['leefloon'] });
    await waitForScreen(page, 'results');
    await page.evaluate(() => {
      location.hash = '#/blad';
    });
    await page.waitForSelector('.handover');
    const words = await page.locator('.handover .term-button').allInnerTexts();
    assert.ok(words.length >= 3, `hard words on the sheet: ${words.join(', ')}`);
    const onScreen = await page.locator('.handover ol').allInnerTexts();
    await page.emulateMedia({ media: 'print' });
    const onPaper = await page.locator('.handover ol').allInnerTexts();
    for (const [i, button] of (await page.locator('.handover .term-button').all()).entries()) {
      assert.ok(await button.isVisible(), `"${words[i]}" is printed`);
    }
    // the steps read the same on paper as on screen (an explanation opened on screen is not printed)
    assert.deepEqual(onPaper, onScreen);
    await context.close();
  });
});

describe('the share screen in Arabic', () => {
  it('shows the start of the link and puts the code where the lines start', async () => {
    const context = await phone({ locale: 'ar', serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${h.url}#/vragen`);
    await page.waitForSelector('form[data-question="adults"]');
    await page.locator('form[data-question="adults"] input[type="text"]').fill('1');
    await page.locator('form[data-question="adults"] button[type="submit"]').click();
    await page.waitForSelector('form[data-question="children"]');
    await page.evaluate(() => {
      location.hash = '#/delen';
    });
    // the link and its code are made (encrypted) after the screen shows
    await page.waitForFunction(() => (document.querySelector('#share-link') as HTMLInputElement | null)?.value.startsWith('http'));
    await page.waitForSelector('.share-code-value bdi');
    const seen = await page.evaluate(() => {
      const input = document.querySelector('#share-link') as HTMLInputElement;
      const style = getComputedStyle(input);
      const label = (document.querySelector('.share-code-label') as HTMLElement).getBoundingClientRect();
      const code = (document.querySelector('.share-code-value bdi') as HTMLElement).getBoundingClientRect();
      return {
        direction: style.direction,
        // laid out left to right and not scrolled: the box shows "http…", the link's first letters
        scrolledToStart: style.direction === 'ltr' && input.scrollLeft === 0,
        labelRight: label.right,
        codeRight: code.right,
      };
    });
    assert.equal(seen.direction, 'ltr', 'the link is laid out left to right');
    assert.ok(seen.scrolledToStart, 'the box shows the start of the link');
    assert.ok(Math.abs(seen.codeRight - seen.labelRight) < 2, `the code starts on the right like its label: ${seen.codeRight} / ${seen.labelRight}`);
    await context.close();
  });
});

describe('phone numbers and times inside sentences', () => {
  for (const [lang, width] of [['uk', 390], ['uk', 320], ['ar', 320], ['nl', 320]] as const) {
    it(`stay on one line (${lang}, ${width} px): a number split over two lines gets dialled wrong`, async () => {
      const context = await phone({ width, locale: lang, serviceWorkers: 'block' });
      const page = await context.newPage();
      await page.goto(`${h.url}#/recht/kortrijk.sociaal-tarief`);
      await waitForScreen(page, 'right', 'kortrijk.sociaal-tarief');
      const figures = await page.evaluate(() =>
        [...document.querySelectorAll('main bdi[dir="ltr"]')]
          .filter((b) => /^[\d\s\u00a0\u202f+()./:-]+$/.test(b.textContent ?? ''))
          .map((b) => ({ text: b.textContent ?? '', lines: new Set([...b.getClientRects()].map((r) => Math.round(r.top))).size })),
      );
      assert.ok(figures.some((f) => f.text === '056 24 42 22'), `the phone number is in the steps: ${figures.map((f) => f.text).join(' | ')}`);
      for (const f of figures) assert.equal(f.lines, 1, `"${f.text}" is split over ${f.lines} lines`);
      await context.close();
    });
  }
});

/**
 * The start screen is in the built HTML (src/ui/prerender.tsx): it is there without JavaScript, it
 * paints before the script, and the app takes it over when it starts, keeping its elements (no new
 * largest paint), or replaces it in one step in the person's own language and direction.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { type Harness, PHONE, phoneContext, SCREENSHOTS, screenshot, startHarness, waitForScreen } from './harness';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

const TITLE = 'Waar heb je recht op?';

/** Holds the app's entry script back until `release()`: the page shows only what the HTML holds. */
async function holdScript(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

describe('the start screen in the HTML', () => {
  it('shows without JavaScript, with a notice in every language that the app needs it', async () => {
    const context = await h.browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(h.url);
    assert.equal(await page.locator('main h1').innerText(), TITLE);
    assert.equal(await page.getByRole('link', { name: 'Begin met de vragen' }).getAttribute('href'), '#/vragen');
    const notice = page.locator('.no-script');
    assert.ok(await notice.isVisible(), 'the notice shows');
    assert.equal(await notice.locator('p').count(), 6, 'in the six languages');
    assert.match(await notice.locator('p[lang="ar"]').innerText(), /JavaScript/);
    assert.equal(await notice.locator('p[lang="ar"]').getAttribute('dir'), 'rtl');
    await screenshot(page, 'start-1-no-javascript');
    await context.close();
  });

  it('paints before the script, and the app keeps its elements when it starts', async () => {
    const context = await phoneContext(h);
    const page = await context.newPage();
    const release = await holdScript(page);
    // (not until "load": that waits for the held script)
    await page.goto(h.url, { waitUntil: 'commit' });
    await page.locator('main h1', { hasText: TITLE }).waitFor();
    assert.equal(await page.locator('main').getAttribute('data-screen'), null, 'not running yet');
    await screenshot(page, 'start-2-before-script');
    // every element of the start screen, as the HTML made it
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('#app *')) (el as Element & { fromHtml?: boolean }).fromHtml = true;
    });
    const largestPaints = () =>
      page.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            new PerformanceObserver((list) => {
              resolve(list.getEntries().map((e) => `${(e as PerformanceEntry & { element?: Element }).element?.tagName} ${e.startTime}`));
            }).observe({ type: 'largest-contentful-paint', buffered: true });
          }),
      );
    const paintedByHtml = await largestPaints();
    assert.ok(paintedByHtml.length > 0, 'the HTML alone made a largest paint');
    release();
    await waitForScreen(page, 'home');
    // (no function declared inside evaluate: the test's compiler would wrap it in a helper the page lacks)
    const kept = await page.evaluate(() =>
      ['main h1', 'main .lead', 'main .actions a'].map((s) => !!(document.querySelector(s) as (Element & { fromHtml?: boolean }) | null)?.fromHtml),
    );
    assert.deepEqual(kept, [true, true, true], 'the title, the intro and the start link are the elements of the HTML');
    // The largest paint is the one the HTML made: the app's start painted nothing larger.
    assert.deepEqual(await largestPaints(), paintedByHtml);
    // and it runs: a language button works
    await page.getByRole('button', { name: 'Français', exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'fr');
    await screenshot(page, 'start-3-running-fr');
    await context.close();
  });

  it('turns into the chosen language and direction in one step, never Dutch right to left', async () => {
    const context = await phoneContext(h);
    const page = await context.newPage();
    await page.goto(h.url);
    await waitForScreen(page, 'home');
    await page.getByRole('button', { name: 'العربية', exact: true }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    const arabicTitle = await page.locator('main h1').innerText();
    assert.notEqual(arabicTitle, TITLE);

    const release = await holdScript(page);
    // The page's own Arabic is not yet known before the script: the HTML is Dutch, left to right.
    await page.reload({ waitUntil: 'commit' });
    await page.locator('main h1', { hasText: TITLE }).waitFor();
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    // Each change of <html dir> is seen with the title on screen at that moment.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as Window & { seen?: string[] }).seen = seen;
      new MutationObserver(() => seen.push(`${document.documentElement.dir} ${document.querySelector('main h1')?.textContent}`)).observe(
        document.documentElement,
        { attributes: true, attributeFilter: ['dir'] },
      );
    });
    release();
    await waitForScreen(page, 'home');
    assert.equal(await page.locator('main h1').innerText(), arabicTitle);
    const seen = await page.evaluate(() => (window as Window & { seen?: string[] }).seen ?? []);
    assert.deepEqual(seen, [`rtl ${arabicTitle}`], 'right to left only with the Arabic on screen');
    await screenshot(page, 'start-4-stored-arabic');
    await context.close();
  });

  it('opens a kiosk and another screen without a loading step', async () => {
    const context = await phoneContext(h);
    const page = await context.newPage();
    const loadingShown = () => page.evaluate(() => (window as Window & { loading?: boolean }).loading === true);
    await page.addInitScript(() => {
      new MutationObserver(() => {
        if (document.querySelector('#app .loading')) (window as Window & { loading?: boolean }).loading = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${h.url}?mode=kiosk#/privacy`);
    await waitForScreen(page, 'privacy');
    assert.ok(await page.locator('.kiosk-bar').isVisible(), 'the kiosk bar');
    assert.equal(await loadingShown(), false, 'the privacy page came without "one moment"');
    await page.screenshot({ path: `${SCREENSHOTS}start-5-kiosk-privacy.png` });
    await context.close();
  });
});

/**
 * The resident's app in real Chromium on a phone-sized screen: the three worked examples of
 * DOMAIN.md, a reload mid-way, going offline, bad input, keyboard only, axe on every screen.
 */
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { couple, coupleResults, EXAMPLE_DATE, pensioner, pensionerResults, singleMother, singleMotherResults } from '../fixtures/households';
import { answerAll, answerCurrent, currentQuestion, shownStatuses } from './flow';
import {
  assertAccessible,
  type Harness,
  phoneContext,
  screenshot,
  startHarness,
  waitForOfflineReady, waitForScreen
} from './harness';

// DOMAIN.md "Worked examples (evaluation date 2025-03-01)": the households are in tests/fixtures
const RULES_VERSION: string = JSON.parse(readFileSync(new URL('../../rules/manifest.json', import.meta.url), 'utf8')).version;
const DATE = new Date(`${EXAMPLE_DATE}T10:00:00`);

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

async function freshPage(): Promise<{ context: BrowserContext; page: Page }> {
  const context = await phoneContext(h);
  await context.clock.setFixedTime(DATE);
  const page = await context.newPage();
  await page.goto(h.url);
  return { context, page };
}

/** Waits until the answer to `key` is written on the device: a reload reads what is stored, not what is on screen. */
async function waitForSaved(page: Page, key: string) {
  await page.waitForFunction(
    (k) =>
      new Promise<boolean>((resolve) => {
        const req = indexedDB.open('rechtenverkenner');
        req.onerror = () => resolve(false);
        req.onsuccess = () => {
          const db = req.result;
          if (!db.objectStoreNames.contains('households')) {
            db.close();
            resolve(false);
            return;
          }
          const get = db.transaction('households').objectStore('households').get('default');
          get.onsuccess = () => {
            db.close();
            resolve(Boolean(get.result && k in get.result.answers));
          };
          get.onerror = () => {
            db.close();
            resolve(false);
          };
        };
      }),
    key,
    { polling: 100 },
  );
}

async function startQuestions(page: Page) {
  await page.getByText('Begin met de vragen', { exact: true }).click();
  await page.waitForSelector('form[data-question]');
}

describe('a resident on a phone', () => {
  it('answers as the single mother of example 1 and gets the rights DOMAIN.md lists, with why', async () => {
    const { context, page } = await freshPage();
    await waitForScreen(page, 'home');
    await assertAccessible(page, 'the start screen');
    await screenshot(page, 'resident-1-home');
    await startQuestions(page);
    await assertAccessible(page, 'the first question');
    await screenshot(page, 'resident-2-question');
    const asked = await answerAll(page, singleMother);
    // simple facts share a screen: the home, and money, health and care (questions.json `screen`)
    assert.deepEqual(asked, ['adults', 'children', 'netMonthlyIncome', 'statuses', 'housing heatingFuel', 'childcare', 'debts medicalWaste heavyCareNeed']);
    await waitForScreen(page, 'results');
    assert.deepEqual(await shownStatuses(page), singleMotherResults);
    const meta = await page.locator('.meta').innerText();
    assert.match(meta, /1 maart 2025/);
    assert.ok(meta.includes(RULES_VERSION), `the rules version ${RULES_VERSION} in ${meta}`);
    await assertAccessible(page, 'the results');
    await screenshot(page, 'resident-3-results');

    await page.locator('li.result[data-right="kortrijk.sociaal-tarief"] a').click();
    await waitForScreen(page, 'right', 'kortrijk.sociaal-tarief');
    const body = await page.locator('main').innerText();
    assert.match(body, /€\s1\.950/, 'the income, in euros, in the why');
    assert.match(body, /2\.486,50/, 'the threshold, in euros, in the why');
    assert.match(body, /Budastraat 27/);
    assert.ok(await page.locator('a[href^="tel:"]').count(), 'the phone number is a tel: link');
    await assertAccessible(page, "a right's page");
    await screenshot(page, 'resident-4-right');
    await context.close();
  });

  it('answers as the pensioner and as the couple of examples 2 and 3', async () => {
    for (const [profile, expected] of [
      [pensioner, pensionerResults],
      [couple, coupleResults],
    ] as const) {
      const { context, page } = await freshPage();
      await startQuestions(page);
      await answerAll(page, profile);
      await waitForScreen(page, 'results');
      const shown = await shownStatuses(page);
      for (const [id, status] of Object.entries(expected)) assert.equal(shown[id], status, id);
      if (profile === couple) {
        const nearMiss = await page.locator('.section-nearMiss').innerText();
        assert.match(nearMiss, /163,50/, 'the near miss says how much too much');
        await screenshot(page, 'resident-5-near-miss');
      }
      await context.close();
    }
  });

  it('finds the answers again after a reload mid-way', async () => {
    const { context, page } = await freshPage();
    await startQuestions(page);
    for (let i = 0; i < 3; i++) {
      const key = await currentQuestion(page);
      await answerCurrent(page, singleMother);
      await page.waitForFunction((k) => document.querySelector('form[data-question]')?.getAttribute('data-question') !== k, key);
    }
    assert.equal(await currentQuestion(page), 'statuses');
    await waitForSaved(page, 'netMonthlyIncome');
    await page.reload();
    await page.waitForSelector('form[data-question]');
    assert.equal(await currentQuestion(page), 'statuses', 'the questionnaire goes on where it was');
    await page.goto(`${h.url}#/overzicht`);
    const summary = await page.locator('main').innerText();
    assert.match(summary, /1\.950/);
    await assertAccessible(page, 'the summary');
    await screenshot(page, 'resident-6-summary');
    await context.close();
  });

  it('keeps letters typed in the income on screen with a plain message, and accepts the correction', async () => {
    const { context, page } = await freshPage();
    await startQuestions(page);
    await answerCurrent(page, singleMother);
    await page.waitForFunction(() => document.querySelector('form[data-question]')?.getAttribute('data-question') === 'children');
    await answerCurrent(page, singleMother);
    await page.waitForFunction(() => document.querySelector('form[data-question]')?.getAttribute('data-question') === 'netMonthlyIncome');
    const input = page.locator('form[data-question="netMonthlyIncome"] input[type="text"]');
    await input.fill('twaalfhonderd');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.waitForSelector('.error-message');
    assert.equal(await input.inputValue(), 'twaalfhonderd', 'what was typed is kept');
    assert.match(await page.locator('.error-message').innerText(), /getal/);
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'a question with an error');
    await screenshot(page, 'resident-7-error');
    await input.fill('-5');
    await page.getByRole('button', { name: 'Volgende' }).click();
    assert.match(await page.locator('.error-message').innerText(), /0 of meer/);
    await input.fill('1950');
    await page.getByRole('button', { name: 'Volgende' }).click();
    await page.waitForFunction(() => document.querySelector('form[data-question]')?.getAttribute('data-question') === 'statuses');
    await context.close();
  });

  it('works offline after the first visit: reload without network and finish', async () => {
    const { context, page } = await freshPage();
    await waitForOfflineReady(page);
    await startQuestions(page);
    await answerCurrent(page, singleMother);
    await waitForSaved(page, 'adults');
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('form[data-question]');
    assert.equal(await currentQuestion(page), 'children');
    await answerAll(page, singleMother);
    await waitForScreen(page, 'results');
    assert.deepEqual(await shownStatuses(page), singleMotherResults);
    await page.locator('li.result[data-right="kortrijk.pamperbank"] a').click();
    await waitForScreen(page, 'right');
    await screenshot(page, 'resident-8-offline-right');
    await context.close();
  });

  it('can be done with the keyboard only', async () => {
    const { context, page } = await freshPage();
    await waitForScreen(page, 'home');
    // From the top of the page, Tab to the start button and press Enter.
    for (let i = 0; i < 15; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => document.activeElement?.textContent?.trim());
      if (label === 'Begin met de vragen') break;
    }
    await page.keyboard.press('Enter');
    await page.waitForSelector('form[data-question]');
    const focused = await page.evaluate(() => document.activeElement?.closest('form, h1, h2, legend, [tabindex]')?.tagName);
    assert.ok(focused, 'focus moves to the question');
    await answerAll(page, singleMother, { keyboard: true });
    await waitForScreen(page, 'results');
    assert.deepEqual(await shownStatuses(page), singleMotherResults);
    await context.close();
  });

  it('browses the whole catalogue without answering anything', async () => {
    const { context, page } = await freshPage();
    await page.locator('#main').getByRole('link', { name: 'Bekijk alle rechten' }).click();
    await waitForScreen(page, 'catalogue');
    const links = await page.locator('main a[href^="#/recht/"]').count();
    assert.ok(links >= 15, `the catalogue lists every right (found ${links})`);
    await assertAccessible(page, 'the catalogue');
    await screenshot(page, 'resident-9-catalogue');
    await page.locator('main a[href="#/recht/kortrijk.uitpas-kansentarief"]').first().click();
    await page.waitForSelector('main h1');
    assert.match(await page.locator('main h1').innerText(), /UiTPAS/);
    await assertAccessible(page, "a right's page from the catalogue");
    await context.close();
  });
});

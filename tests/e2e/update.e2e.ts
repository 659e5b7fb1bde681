/**
 * An app update never interrupts someone who is answering: a new version is released while a
 * resident is on a question; the offer waits until they leave the questionnaire, and after
 * "Nu vernieuwen" the new version runs with every answer still there.
 */
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { EXAMPLE_DATE, singleMother } from '../fixtures/households';
import { answerCurrent, currentQuestion } from './flow';
import { copyOfBuild, type Harness, phoneContext, screenshot, startHarness, waitForOfflineReady } from './harness';

const texts = JSON.parse(readFileSync(new URL('../../locales/nl/app.json', import.meta.url), 'utf8'));
const dist = copyOfBuild('dist');

let h: Harness;
before(async () => {
  h = await startHarness({ distDir: dist });
});
after(async () => {
  await h?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('an app update', () => {
  it('waits while someone answers, then reloads into the new version with the answers kept', async () => {
    const context = await phoneContext(h);
    await context.clock.setFixedTime(EXAMPLE_DATE);
    const page = await context.newPage();
    await page.goto(h.url);
    await waitForOfflineReady(page);
    // A later visit: the page starts under the installed version (as it does for anyone who
    // comes back), and the new version arrives while it is open.
    await page.reload();
    await page.waitForSelector('main h1');
    await page.getByText('Begin met de vragen', { exact: true }).click();
    await page.waitForSelector('form[data-question]');
    await answerCurrent(page, singleMother);
    await page.waitForFunction(() => document.querySelector('form[data-question]')?.getAttribute('data-question') === 'children');
    // Half an answer typed: it must survive everything below.
    await page.getByRole('button', { name: 'Een kind toevoegen' }).click();
    await page.getByLabel('Leeftijd van kind 1', { exact: true }).fill('0');
    await page.evaluate(() => {
      (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
    });

    // Release a new version: the service worker changes, and the page checks for updates.
    appendFileSync(join(dist, 'sw.js'), `\n// release ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting), undefined, {
      timeout: 20000,
    });
    // the app has learnt of the update and holds it back while a question is on screen
    await page.waitForSelector('.toasts[data-update="held"]', { state: 'attached' });
    assert.equal(await page.getByText(texts.pwa.needRefresh).count(), 0, 'no update offer while answering');
    assert.equal(await currentQuestion(page), 'children');
    assert.ok(
      await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage),
      'the page was not reloaded',
    );
    assert.equal(await page.getByLabel('Leeftijd van kind 1', { exact: true }).inputValue(), '0');

    // Leaving the questionnaire: now the offer shows, and accepting it reloads into the new version.
    await page.goto(`${h.url}#/overzicht`);
    await page.getByText(texts.pwa.needRefresh).waitFor();
    await screenshot(page, 'update-1-offer');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: texts.pwa.update }).click()]);
    await page.waitForSelector('main h1');
    assert.equal(
      await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage),
      undefined,
      'the page reloaded into the new version',
    );
    const swText = await page.evaluate(async () => (await fetch('sw.js', { cache: 'no-store' })).text());
    assert.match(swText, /\/\/ release \d+/);
    assert.equal(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting)), false);
    await page.goto(`${h.url}#/vragen`);
    await page.waitForSelector('form[data-question]');
    assert.equal(await currentQuestion(page), 'children', 'the questionnaire goes on where it was');
    assert.equal(await page.getByLabel('Leeftijd van kind 1', { exact: true }).inputValue(), '0', 'the half-typed answer is kept');
    await context.close();
  });
});

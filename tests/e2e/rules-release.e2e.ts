/**
 * A rules release reaches an installed app without a new app build: with the app open in the
 * middle of the questionnaire, release N+1 (a new leefloon amount dated before the test's date) is
 * published beside the app. The person keeps the rules they started with until the results; the
 * results then show N+1 and its new limit; an offline reload keeps N+1.
 */
import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type BuiltRelease, buildRelease, writeRelease } from '../../src/cli/release';
import { EXAMPLE_DATE, singleMother } from '../fixtures/households';
import { buildNextRelease, loadBuilt } from '../fixtures/next-release';
import { answerAll, answerCurrent, currentQuestion } from './flow';
import { assertAccessible, copyOfBuild, type Harness, phoneContext, screenshot, startHarness, waitForOfflineReady, waitForScreen } from './harness';

const dist = copyOfBuild('rules');
const current = JSON.parse(readFileSync(join(dist, 'rules/manifest.json'), 'utf8'));
const next = buildNextRelease('2025-02-15');
const RIGHT = 'kortrijk.sociaal-tarief';

/** The sociaal tarief's limit for the single mother under a release, as the engine computes it, in Dutch. */
async function limitUnder(release: BuiltRelease): Promise<string> {
  const rules = await loadBuilt(release);
  const r = rules.evaluate(rules.ruleset, singleMother, EXAMPLE_DATE).find((x) => x.id === RIGHT);
  assert.ok(r?.threshold, 'the right has a limit');
  return new Intl.NumberFormat('nl-BE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(r.threshold);
}

let h: Harness;
before(async () => {
  h = await startHarness({ distDir: dist });
});
after(async () => {
  await h?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('a rules release', () => {
  it('reaches the open app after the questionnaire, shows its new limit, and stays offline', async () => {
    assert.notEqual(next.manifest.version, current.version);
    const newLimit = await limitUnder(next);
    const oldLimit = await limitUnder(buildRelease());
    assert.notEqual(newLimit, oldLimit);
    const context = await phoneContext(h);
    await context.clock.setFixedTime(new Date(`${EXAMPLE_DATE}T10:00:00`));
    const page = await context.newPage();
    await page.goto(h.url);
    await page.waitForSelector('main h1');
    await waitForOfflineReady(page);
    await page.getByText('Begin met de vragen', { exact: true }).click();
    await page.waitForSelector('form[data-question]');
    await answerCurrent(page, singleMother);
    await page.waitForFunction(() => document.querySelector('form[data-question]')?.getAttribute('data-question') === 'children');

    // The city publishes N+1 beside the app; the device learns of it when it comes back online.
    writeRelease(next, join(dist, 'rules'));
    await context.setOffline(true);
    await context.setOffline(false);
    await page.waitForSelector(`[data-rules-pending="${next.manifest.version}"]`);
    assert.equal(await currentQuestion(page), 'children', 'the question stays on screen');
    await assertAccessible(page, 'a question with new rules waiting');
    await screenshot(page, 'rules-1-pending');

    await answerAll(page, singleMother);
    await waitForScreen(page, 'results');
    await page.waitForFunction((v) => document.querySelector('.meta')?.textContent?.includes(v), next.manifest.version);
    assert.equal(await page.locator('[data-rules-pending]').count(), 0);
    await screenshot(page, 'rules-2-results');

    await page.locator(`li.result[data-right="${RIGHT}"] a`).click();
    await waitForScreen(page, 'right', RIGHT);
    const body = await page.locator('main').innerText();
    assert.ok(body.replace(/\s/g, ' ').includes(newLimit), `the new limit ${newLimit} in the why`);
    assert.ok(!body.replace(/\s/g, ' ').includes(oldLimit), `not the old limit ${oldLimit}`);

    // Offline, a reload keeps N+1: the device kept its verified copy.
    await context.setOffline(true);
    await page.reload();
    await waitForScreen(page, 'right', RIGHT);
    assert.ok((await page.locator('main').innerText()).replace(/\s/g, ' ').includes(newLimit), 'still the new limit offline');
    await page.locator('a[href="#/resultaten"]').first().click();
    await waitForScreen(page, 'results');
    assert.match(await page.locator('.meta').innerText(), new RegExp(next.manifest.version.replace(/\./g, '\\.')));
    await context.close();
  });
});

/**
 * Browsing without answering, in real Chromium on a phone: a right's page from the catalogue says who
 * gets it and what it is worth with the figures of the day; the "Over deze regels" page, reached from
 * the footer, shows the version, the dates, the changelog and the sources. In Dutch and in Arabic
 * (right to left); axe on every screen; screenshots to look at.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertAccessible, type Harness, phoneContext, screenshot, startHarness, waitForScreen } from './harness';

const DAY = new Date('2025-06-01T10:00:00');

describe('who gets a right, and the page about the rules', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(async () => {
    await h.close();
  });

  it('shows who gets the sociaal tarief from the catalogue, then the rules page from the footer', async () => {
    const context = await phoneContext(h);
    await context.clock.setFixedTime(DAY);
    const page = await context.newPage();
    await page.goto(`${h.url}#/catalogus`);
    await waitForScreen(page, 'catalogue');
    await page.locator('a[href="#/recht/kortrijk.sociaal-tarief"]').first().click();
    await waitForScreen(page, 'right', 'kortrijk.sociaal-tarief');
    const who = page.locator('section.who-gets');
    await who.waitFor();
    const text = ((await who.textContent()) ?? '').replace(/[\u00a0\u202f]/g, ' ');
    assert.match(text, /Een volwassene die alleen woont: tot € 1\.839,88 per maand/);
    await assertAccessible(page, 'right page without answers');
    await screenshot(page, 'who-gets-sociaal-tarief-nl');

    await page.getByRole('contentinfo').getByRole('link', { name: 'Over deze regels' }).click();
    await waitForScreen(page, 'rules');
    await page.getByRole('heading', { level: 2, name: 'Wat is er veranderd?' }).waitFor();
    await assertAccessible(page, 'about these rules');
    await screenshot(page, 'about-rules-nl');

    await page.locator('.site-header select').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { level: 1, name: 'عن هذه القواعد' }).waitFor();
    await assertAccessible(page, 'about these rules, Arabic');
    await screenshot(page, 'about-rules-ar');
    await page.goto(`${h.url}#/recht/kortrijk.sociaal-tarief`);
    await waitForScreen(page, 'right', 'kortrijk.sociaal-tarief');
    await page.getByRole('heading', { level: 2, name: 'من يحصل على هذا؟' }).waitFor();
    await assertAccessible(page, 'right page without answers, Arabic');
    await screenshot(page, 'who-gets-sociaal-tarief-ar');
    await context.close();
  });
});

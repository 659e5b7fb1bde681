/**
 * The office of the household's municipality, on a phone: a resident of Harelbeke is sent to the
 * Huis van Welzijn, one of Wevelgem to "the OCMW / Sociaal Huis of your municipality" (the rules have
 * no address there), never to Kortrijk's Sociaal Huis; in Dutch and in Arabic, with axe on each page.
 * A worker chooses a household's municipality on the caseload's one-screen form.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { EXAMPLE_4_DATE } from '../fixtures/households';
import { assertAccessible, type Harness, phoneContext, SCREENSHOTS, screenshot, startHarness, waitForScreen } from './harness';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

const RIGHT = 'federaal.verwarmingstoelage';
const office = (page: Page) => page.locator('.provider .provider-name');

describe('the office of the municipality', () => {
  it('is named on a right\'s page for Kortrijk, Harelbeke and Wevelgem, in Dutch and Arabic', async () => {
    const context = await phoneContext(h);
    await context.clock.setFixedTime(new Date(`${EXAMPLE_4_DATE}T10:00:00`));
    const page = await context.newPage();
    await page.goto(h.url);
    await waitForScreen(page, 'home');
    const open = async (municipality: string) => {
      await page.goto(`${h.url}#/`);
      await waitForScreen(page, 'home');
      await page.locator('#municipality-choice').selectOption(municipality);
      await page.goto(`${h.url}#/recht/${RIGHT}`);
      await waitForScreen(page, 'right', RIGHT);
      await page.waitForSelector('.provider .provider-name');
    };
    await open('kortrijk');
    assert.equal(await office(page).innerText(), 'Sociaal Huis Kortrijk');
    assert.match(await page.locator('.provider').innerText(), /Budastraat 27, 8500 Kortrijk/);
    await open('harelbeke');
    assert.equal(await office(page).innerText(), 'Huis van Welzijn Harelbeke');
    await assertAccessible(page, 'a right for Harelbeke');
    await screenshot(page, 'providers-1-right-harelbeke');
    await open('wevelgem');
    assert.equal(await office(page).innerText(), 'Het OCMW / Sociaal Huis van je gemeente');
    assert.doesNotMatch(await page.locator('main').innerText(), /Budastraat/);
    await screenshot(page, 'providers-2-right-wevelgem');
    await page.locator('.site-header select').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
    await page.waitForFunction(() => /في بلديتك/.test(document.querySelector('.provider .provider-name')?.textContent ?? ''));
    await assertAccessible(page, 'a right for Wevelgem in Arabic');
    await screenshot(page, 'providers-3-right-wevelgem-ar');
    await context.close();
  });

  it('is chosen for a caseload household on the one-screen form', async () => {
    const context = await phoneContext(h);
    const page = await context.newPage();
    await page.goto(`${h.url}#/hulpverlener`);
    await page.getByLabel('Kies een wachtwoordzin').fill('koffie-en-taart-42');
    await page.getByLabel('Typ de wachtwoordzin nog een keer').fill('koffie-en-taart-42');
    await page.getByRole('button', { name: 'Beveilig en begin' }).click();
    await page.waitForSelector('#new-name', { timeout: 15_000 });
    await page.getByLabel('Naam van het gezin').fill('Familie Claeys');
    await page.getByRole('button', { name: 'Maak het gezin' }).click();
    await page.waitForSelector('.quick-entry');
    const select = page.getByLabel('Gemeente waar het gezin woont', { exact: true });
    assert.equal(await select.inputValue(), 'kortrijk');
    await select.selectOption('harelbeke');
    await page.waitForSelector('.quick-field[data-key="municipality"][data-state="answered"]');
    await assertAccessible(page, 'the caseload form with the municipality');
    await screenshot(page, 'providers-4-caseload-municipality');
    // the field itself, as the worker sees it on the phone (a full-page picture puts the sticky summary over it)
    await page.locator('.quick-field[data-key="municipality"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${SCREENSHOTS}providers-5-caseload-municipality-field.png` });
    await context.close();
  });
});

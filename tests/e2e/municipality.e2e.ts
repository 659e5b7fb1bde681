/**
 * Residents of Harelbeke and Wevelgem (DOMAIN.md worked examples 5 and 6) on a phone, as new users: the
 * municipality is chosen on the start screen (no extra question), they get the federal and Flemish
 * rights, their own local ones where the rules have them, and a plain notice where they do not.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { EXAMPLE_5_DATE, EXAMPLE_6_DATE, harelbekeMother, harelbekeMotherResults, wevelgemCouple, wevelgemCoupleResults } from '../fixtures/households';
import { answerAll, shownStatuses } from './flow';
import { assertAccessible, type Harness, phoneContext, screenshot, startHarness, waitForScreen } from './harness';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

const choice = (page: Page) => page.getByLabel('Je gemeente', { exact: true });
const notice = (page: Page) => page.locator('.local-rights');

/** Without the municipality: it is not a question, it is chosen on the start screen. */
const withoutMunicipality = (answers: Record<string, unknown>) => {
  const { municipality: _, ...rest } = answers;
  // the examples do not name these facts: a new user answers "no"
  return { heavyCareNeed: false, medicalWaste: false, ...rest };
};

async function asNewResident(date: string, municipality: string, profile: Record<string, unknown>) {
  const context = await phoneContext(h);
  await context.clock.setFixedTime(new Date(`${date}T10:00:00`));
  const page = await context.newPage();
  await page.goto(h.url);
  await waitForScreen(page, 'home');
  await page.locator('#municipality-choice:not([disabled])').waitFor(); // usable once the rules are there
  assert.equal(await choice(page).inputValue(), 'kortrijk', 'Kortrijk until chosen otherwise');
  await choice(page).selectOption(municipality);
  await assertAccessible(page, `the start screen with ${municipality}`);
  await screenshot(page, `municipality-0-home-${municipality}`);
  await page.getByText('Begin met de vragen', { exact: true }).click();
  await page.waitForSelector('form[data-question]');
  const asked = await answerAll(page, withoutMunicipality(profile));
  assert.ok(!asked.includes('municipality'), 'the municipality is no question on the way');
  await waitForScreen(page, 'results');
  return { context, page };
}

const ids = (statuses: Record<string, string>) => Object.keys(statuses);

describe('a resident outside Kortrijk on a phone', () => {
  it('Harelbeke (example 5): the MIA-UiTPAS, federal and Flemish rights, no Kortrijk right, no notice', async () => {
    const { context, page } = await asNewResident(EXAMPLE_5_DATE, 'harelbeke', harelbekeMother);
    const statuses = await shownStatuses(page);
    for (const [id, r] of Object.entries(harelbekeMotherResults)) assert.equal(statuses[id], r.status, id);
    assert.deepEqual(ids(statuses).filter((id) => id.startsWith('kortrijk.')), []);
    assert.ok(ids(statuses).some((id) => id.startsWith('federaal.')));
    assert.ok(ids(statuses).some((id) => id.startsWith('vlaanderen.')));
    assert.equal(await notice(page).count(), 0, 'Harelbeke has local rights in the rules');
    await assertAccessible(page, 'the results in Harelbeke');
    await screenshot(page, 'municipality-1-results-harelbeke');
    await context.close();
  });

  it('Wevelgem (example 6): the verwarmingstoelage at the own OCMW, and a plain notice; changeable in the summary', async () => {
    const { context, page } = await asNewResident(EXAMPLE_6_DATE, 'wevelgem', wevelgemCouple);
    const statuses = await shownStatuses(page);
    for (const [id, r] of Object.entries(wevelgemCoupleResults)) assert.equal(statuses[id], r.status, id);
    assert.deepEqual(ids(statuses).filter((id) => !id.startsWith('federaal.') && !id.startsWith('vlaanderen.')), []);
    const heating = await page.locator('li.result[data-right="federaal.verwarmingstoelage"]').innerText();
    assert.doesNotMatch(heating, /Kortrijk/, 'the OCMW of Wevelgem, not the Sociaal Huis of Kortrijk');
    const text = await notice(page).innerText();
    assert.match(text, /gemeente Wevelgem zelf staan hier nog niet in/);
    assert.match(text, /OCMW \/ Sociaal Huis van Wevelgem/);
    await assertAccessible(page, 'the results in Wevelgem');
    await screenshot(page, 'municipality-2-results-wevelgem-nl');

    // the summary shows it and changes it without losing an answer
    await page.locator('main').getByRole('link', { name: 'Bekijk of wijzig je antwoorden' }).click();
    await waitForScreen(page, 'summary');
    assert.equal(await choice(page).inputValue(), 'wevelgem');
    await assertAccessible(page, 'the summary with the municipality');
    await choice(page).selectOption('other-flemish');
    await page.locator('main').getByRole('link', { name: 'Naar je resultaten' }).click();
    await waitForScreen(page, 'results');
    await page.waitForSelector('.local-rights');
    assert.match(await notice(page).innerText(), /OCMW \/ Sociaal Huis van je gemeente/);
    assert.equal((await shownStatuses(page))['federaal.verwarmingstoelage'], 'ask', 'the answers are kept');

    // in Arabic: the notice and the choice, right to left
    await page.locator('.site-header select').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.lang === 'ar' && document.documentElement.dir === 'rtl');
    await page.waitForSelector('.local-rights');
    assert.match(await notice(page).innerText(), /OCMW \/ Sociaal Huis/);
    await assertAccessible(page, 'the results in Arabic with the notice');
    await screenshot(page, 'municipality-3-results-ar');
    await context.close();
  });
});

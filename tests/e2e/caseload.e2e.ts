/**
 * The brugfiguur's caseload in real Chromium: two households kept under a passphrase; lock, a wrong
 * passphrase (nothing changes), unlock (all intact); what IndexedDB holds is ciphertext only; the
 * hand-over sheet prints clean on A4; a new passphrase (a wrong current one changes nothing, then the
 * old one is refused); an export file, files that are refused, erase everything, import, and the
 * households are back as they were. axe on every screen; screenshots at phone and desktop size.
 * And three home visits on a phone with the network off: the worked examples of DOMAIN.md entered,
 * their results, a right to follow up, a hand-over sheet printed for each, all there after a reload.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Answers } from '../../src/engine';
import { couple, coupleResults, EXAMPLE_DATE, pensioner, pensionerResults, singleMother, singleMotherResults } from '../fixtures/households';
import { fillAnswer } from './flow';
import { assertAccessible, DESKTOP, type Harness, PHONE, phoneContext, SCREENSHOTS, screenshot, screenshotSizes, startHarness, waitForOfflineReady } from './harness';

const PASS = 'koffie met taart 42';
const NEW_PASS = 'thee met koekjes 7';
const CHANGED_PASS = 'limonade en wafels 3';
const FILE_PASS = 'verhuis naar de nieuwe tablet';
/** What must never be readable in the stored records: names and answers. */
const PLAIN = ['Janssens', 'Budastraat', 'Peeters', '2650', '1450', 'jobseeker', 'Brief afwachten', 'netMonthlyIncome'];

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/**
 * Everything in the caseload's IndexedDB, bytes as text (latin1), to search and to compare. (A string:
 * tsx would wrap the helper functions of a closure in a `__name` the page does not have.)
 */
const STORED_VAULT = `(async () => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('rechtenverkenner-caseload');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const all = (store) => new Promise((resolve, reject) => {
    const req = db.transaction(store).objectStore(store).getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const text = (x) => {
    if (x instanceof Uint8Array) return 'bytes:' + new TextDecoder('latin1').decode(x);
    if (x && typeof x === 'object') return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, text(v)]));
    return x;
  };
  const households = await all('households');
  const meta = await all('meta');
  db.close();
  return {
    shapes: households.map((r) => Object.keys(r).sort().join(',')),
    bytes: households.every((r) => r.iv instanceof Uint8Array && r.ciphertext instanceof Uint8Array),
    dump: JSON.stringify({ households: households.map(text), meta: meta.map(text) }),
  };
})()`;

async function storedVault(page: Page): Promise<{ shapes: string[]; bytes: boolean; dump: string }> {
  return page.evaluate(STORED_VAULT);
}

/** What a household's screen shows: the facts as entered, the results, the follow-up, the visit. */
async function householdView(page: Page) {
  await page.waitForSelector('.quick-entry');
  return page.evaluate(() => ({
    name: document.querySelector('main h1')?.textContent,
    lastVisit: document.querySelector('.household')?.getAttribute('data-last-visit'),
    facts: [...document.querySelectorAll('.quick-field')].map((f) => [
      f.getAttribute('data-key'),
      f.getAttribute('data-state'),
      [...f.querySelectorAll('input')]
        .map((i) => (i.type === 'radio' || i.type === 'checkbox' ? (i.checked ? i.value : null) : i.value))
        .filter((v) => v !== null),
    ]),
    results: [...document.querySelectorAll('.live-result')].map((li) => `${li.getAttribute('data-right')}:${li.getAttribute('data-status')}`),
    followUp: [...document.querySelectorAll('.follow-item')].map((li) => [
      li.getAttribute('data-right'),
      li.getAttribute('data-state'),
      (li.querySelector('textarea') as HTMLTextAreaElement | null)?.value,
      (li.querySelector('input[type="date"]') as HTMLInputElement | null)?.value ?? null,
    ]),
  }));
}

const saved = (page: Page) => page.waitForSelector('.save-status[data-save="saved"]');
const field = (page: Page, key: string) => page.locator(`.quick-field[data-key="${key}"]`);

async function openHousehold(page: Page, name: string) {
  await page.goto(`${h.url}#/hulpverlener`);
  await page.locator('.household-name', { hasText: name }).click();
  await page.waitForSelector('.quick-entry');
}

async function createHousehold(page: Page, name: string) {
  await page.goto(`${h.url}#/hulpverlener`);
  await page.getByLabel('Naam van het gezin').fill(name);
  await page.getByRole('button', { name: 'Maak het gezin' }).click();
  await page.waitForSelector('.quick-entry');
}

async function unlock(page: Page, passphrase: string) {
  await page.getByLabel('Je wachtwoordzin').fill(passphrase);
  await page.getByRole('button', { name: 'Open', exact: true }).click();
}

/** The first time: choose the passphrase, typed twice; the caseload opens. */
async function setUpVault(page: Page, passphrase: string) {
  await page.getByLabel('Kies een wachtwoordzin').fill(passphrase);
  await page.getByLabel('Typ de wachtwoordzin nog een keer').fill(passphrase);
  await page.getByRole('button', { name: 'Beveilig en begin' }).click();
  await page.waitForSelector('#new-name', { timeout: 15_000 });
}

/** Every fact of a household typed into the quick entry, in the fixture's order; then none is left open. */
async function fillFacts(page: Page, answers: Answers) {
  for (const [key, value] of Object.entries(answers)) {
    if (key === 'municipality') await field(page, key).locator('select').selectOption(value as string);
    else if (key === 'children' && Array.isArray(value) && value.length === 0) {
      await field(page, key).getByLabel('Geen kinderen jonger dan 18').check();
    } else await fillAnswer(page, field(page, key), key, value);
  }
  const states = await page.locator('.quick-field').evaluateAll((fs) => fs.map((f) => [f.getAttribute('data-key'), f.getAttribute('data-state')]));
  // the municipality is Kortrijk until chosen (shown so, not an open question)
  assert.deepEqual(states.filter(([key, state]) => state !== 'answered' && !(key === 'municipality' && state === 'default')), [], 'every fact on screen is answered');
  assert.deepEqual(states.map(([key]) => key).sort(), [...new Set(['municipality', ...Object.keys(answers)])].sort(), 'the facts on screen are the fixture\'s');
}

/** The number of A4 pages of a PDF made by Chromium. */
const a4Pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/MediaBox \[0 0 595\.9\d* 842\.8\d*\]/g) ?? []).length;

/** Prints the page to PDF on A4 (kept as screenshots/<name>.pdf) and checks it is one to three A4 pages. */
async function printA4(page: Page, name: string): Promise<Buffer> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(`${SCREENSHOTS}${name}.pdf`, pdf);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  const pages = a4Pages(pdf);
  assert.ok(pages >= 1 && pages <= 3, `A4 pages: ${pages}`);
  return pdf;
}

/** Each printed page as a picture (print media, A4 at 96 dpi), to look at: kept as screenshots/<name>-<n>.png. */
async function printPictures(page: Page, name: string, pages: number) {
  await page.emulateMedia({ media: 'print' });
  const size = page.viewportSize();
  await page.setViewportSize({ width: 794, height: 1123 });
  for (let n = 0; n < pages; n++) {
    await page.screenshot({ path: `${SCREENSHOTS}${name}-${n + 1}.png`, clip: { x: 0, y: n * 1123, width: 794, height: 1123 }, fullPage: true });
  }
  await page.emulateMedia({ media: null });
  if (size) await page.setViewportSize(size);
}


/** The names in the household list, once it shows `count` of them (a flash message can come first). */
async function householdNames(page: Page, count: number): Promise<string[]> {
  await page.waitForFunction((n) => document.querySelectorAll('.household-name').length === n, count);
  return page.locator('.household-name').allInnerTexts();
}

describe('a brugfiguur on home visits', () => {
  it('keeps two households encrypted, locks, refuses a wrong passphrase, moves them by file and gets them back intact', async () => {
    const context = await h.browser.newContext({ viewport: DESKTOP, locale: 'nl-BE', acceptDownloads: true });
    const page = await context.newPage();

    // Entry from the footer
    await page.goto(h.url);
    await page.getByRole('link', { name: 'Voor hulpverleners' }).click();
    await page.waitForSelector('#vault-new');
    assert.match(await page.locator('main').innerText(), /vergeet je deze wachtwoordzin, dan kan niemand de gegevens nog lezen/);
    await assertAccessible(page, 'the caseload set-up');
    await screenshotSizes(page, 'caseload-1-setup');
    await page.getByLabel('Kies een wachtwoordzin').fill(PASS);
    await page.getByLabel('Typ de wachtwoordzin nog een keer').fill(`${PASS}!`);
    await page.getByRole('button', { name: 'Beveilig en begin' }).click();
    assert.match(await page.locator('.error-message').innerText(), /niet gelijk/);
    await page.getByLabel('Typ de wachtwoordzin nog een keer').fill(PASS);
    await page.getByRole('button', { name: 'Beveilig en begin' }).click();
    await page.waitForSelector('#new-name', { timeout: 15_000 });

    // A national register number is refused as a name
    await page.getByLabel('Naam van het gezin').fill('85.07.30-033.28');
    await page.getByRole('button', { name: 'Maak het gezin' }).click();
    assert.match(await page.locator('#new-name-error').innerText(), /rijksregisternummer/);

    // Household 1: all facts on one screen, results beside them, updating as they type
    await createHousehold(page, 'Familie Janssens');
    assert.equal(await page.locator('main h1').innerText(), 'Familie Janssens');
    assert.ok(!(await page.title()).includes('Janssens'), 'the name stays out of the title (browsers keep titles in their history)');
    await field(page, 'adults').locator('input').fill('2');
    await field(page, 'partner').locator('input[value="yes"]').check();
    await field(page, 'children').getByRole('button', { name: 'Een kind toevoegen' }).click();
    await field(page, 'children').getByLabel('Leeftijd van kind 1').fill('4');
    await field(page, 'children').getByRole('button', { name: 'Een kind toevoegen' }).click();
    await field(page, 'children').getByLabel('Leeftijd van kind 2').fill('9');
    await field(page, 'statuses').locator('input[value="jobseeker"]').check();
    const income = field(page, 'netMonthlyIncome').locator('input');
    await income.fill('1200');
    await page.waitForSelector('.live-result[data-right="kortrijk.sociaal-tarief"][data-status="eligible"]');
    await income.fill('2650');
    await page.waitForSelector('.live-result[data-right="kortrijk.sociaal-tarief"][data-status="not-eligible"]');
    await income.fill('26x0');
    await income.blur();
    assert.match(await field(page, 'netMonthlyIncome').locator('.error-message').innerText(), /getal/);
    assert.equal(await income.inputValue(), '26x0', 'what was typed stays');
    await page.waitForSelector('.live-result[data-right="kortrijk.sociaal-tarief"][data-status="unknown"]');
    await income.fill('2650');
    await field(page, 'housing').locator('input[value="private-rent"]').check();
    await field(page, 'debts').locator('input[value="no"]').check();
    await field(page, 'disability').locator('input[value="no"]').check();
    await field(page, 'age').locator('input').fill('38');
    await page.waitForSelector('.live-result[data-right="kortrijk.huurgarantie"][data-status="ask"]');
    await page.waitForSelector('.live-result[data-right="vlaanderen.groeipakket-sociale-toeslag"][data-status="eligible"]');
    assert.equal(await page.locator('.quick-field[data-key="childcare"]').count(), 0, 'no childcare question without a child under 3');

    // Two columns on a wide screen, stacked on a phone
    const facts = await page.locator('.facts').boundingBox();
    const live = await page.locator('.live-results').boundingBox();
    assert.ok(facts && live && live.x > facts.x + facts.width - 1, 'results beside the facts at 1280 px');
    await page.setViewportSize(PHONE);
    const factsPhone = await page.locator('.facts').boundingBox();
    const livePhone = await page.locator('.live-results').boundingBox();
    assert.ok(factsPhone && livePhone && livePhone.y >= factsPhone.y + factsPhone.height - 1, 'stacked on a phone');
    await page.setViewportSize(DESKTOP);

    // Follow-up: UiTPAS applied with a note, huurgarantie to do
    await page.getByRole('button', { name: 'Volg op: UiTPAS met kansentarief' }).click();
    await page.getByRole('button', { name: 'Volg op: Kortrijkse Huurgarantie' }).click();
    const uitpas = page.locator('.follow-item[data-right="kortrijk.uitpas-kansentarief"]');
    await uitpas.getByLabel('Stand').selectOption('applied');
    await uitpas.getByLabel('Korte notitie').fill('Brief afwachten');
    assert.match(await uitpas.getByLabel('Aangevraagd op').inputValue(), /^\d{4}-\d{2}-\d{2}$/);
    await page.getByRole('button', { name: 'Noteer het bezoek van vandaag' }).click();
    await saved(page);
    await assertAccessible(page, 'a household');
    await screenshotSizes(page, 'caseload-3-household');
    const janssens = await householdView(page);
    assert.ok(janssens.lastVisit, 'the visit is kept');
    assert.deepEqual(
      janssens.followUp.map((f) => f.slice(0, 3)),
      [
        ['kortrijk.uitpas-kansentarief', 'applied', 'Brief afwachten'],
        ['kortrijk.huurgarantie', 'todo', ''],
      ],
    );

    // The hand-over sheet: A4, black on white, no navigation
    await page.getByRole('link', { name: 'Overdrachtsblad' }).click();
    await page.waitForSelector('.handover');
    const sheet = await page.locator('.handover').innerText();
    assert.doesNotMatch(sheet, /Familie Janssens/, 'the internal label of the household is not printed');
    assert.match(sheet, /UiTPAS met kansentarief[\s\S]*Aangevraagd op/);
    assert.match(sheet, /Budastraat 27/);
    assert.match(sheet, /Neem dit mee/);
    await assertAccessible(page, 'the hand-over sheet');
    await screenshotSizes(page, 'caseload-4-sheet');
    await printA4(page, 'caseload-sheet');
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi: page 1
    await page.screenshot({ path: `${SCREENSHOTS}caseload-5-sheet-print-page1.png` });
    for (const hidden of ['.site-header', '.site-footer', '.caseload-bar', '.sheet-tools']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
    }
    const colours = await page.evaluate(() => {
      const s = getComputedStyle(document.querySelector('.handover h2') as Element);
      return [s.color, getComputedStyle(document.body).backgroundColor];
    });
    assert.deepEqual(colours, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)'], 'black on white');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(DESKTOP);

    // Household 2, and a third one deleted after a confirmation
    await createHousehold(page, 'Mevr. Peeters (Budastraat)');
    await field(page, 'adults').locator('input').fill('1');
    await field(page, 'netMonthlyIncome').locator('input').fill('1450');
    await field(page, 'statuses').locator('input[value="verhoogde-tegemoetkoming"]').check();
    await field(page, 'age').locator('input').fill('78');
    await saved(page);
    const peeters = await householdView(page);
    await createHousehold(page, 'Proef');
    await page.getByRole('button', { name: 'Verwijder dit gezin' }).click();
    assert.match(await page.locator('.erase-confirm').innerText(), /Wil je Proef echt verwijderen\?/);
    await page.getByRole('button', { name: 'Ja, verwijder' }).click();
    await page.waitForSelector('.household-list');
    assert.match(await page.locator('main').innerText(), /Proef is verwijderd\./);
    assert.deepEqual(await householdNames(page, 2), ['Familie Janssens', 'Mevr. Peeters (Budastraat)']);
    await assertAccessible(page, 'the caseload list');
    await screenshotSizes(page, 'caseload-2-list');

    // What IndexedDB holds: { id, iv, ciphertext } per household, nothing readable
    const stored = await storedVault(page);
    assert.deepEqual(stored.shapes, ['ciphertext,id,iv', 'ciphertext,id,iv']);
    assert.ok(stored.bytes, 'iv and ciphertext are bytes');
    for (const word of PLAIN) assert.ok(!stored.dump.includes(word), `"${word}" readable in IndexedDB`);

    // Lock; a wrong passphrase says so and changes nothing; the right one opens everything as it was
    await page.getByRole('button', { name: 'Vergrendel nu' }).click();
    await page.waitForSelector('#vault-pass');
    await unlock(page, 'koffie zonder taart');
    await page.waitForSelector('#vault-pass-error');
    assert.match(await page.locator('#vault-pass-error').innerText(), /klopt niet\. Er is niets veranderd/);
    assert.equal((await storedVault(page)).dump, stored.dump, 'a wrong passphrase changes nothing stored');
    await assertAccessible(page, 'the unlock screen with a wrong passphrase');
    await screenshotSizes(page, 'caseload-6-unlock-wrong');
    await unlock(page, PASS);
    await page.waitForSelector('.household-list');
    await openHousehold(page, 'Familie Janssens');
    assert.deepEqual(await householdView(page), janssens, 'household 1 intact after unlocking');
    await openHousehold(page, 'Mevr. Peeters');
    assert.deepEqual(await householdView(page), peeters, 'household 2 intact after unlocking');

    // Change the passphrase: a wrong current one changes nothing; then the old one is refused, the new one opens
    await page.goto(`${h.url}#/hulpverlener`);
    await page.waitForSelector('.household-list');
    const unchanged = (await storedVault(page)).dump;
    await page.getByLabel('Je huidige wachtwoordzin').fill('koffie zonder taart');
    await page.getByLabel('Kies een nieuwe wachtwoordzin').fill(CHANGED_PASS);
    await page.getByLabel('Typ de nieuwe wachtwoordzin nog een keer').fill(CHANGED_PASS);
    await page.getByRole('button', { name: 'Wijzig de wachtwoordzin' }).click();
    await page.waitForSelector('#change-error:focus');
    assert.match(await page.locator('#change-error').innerText(), /huidige wachtwoordzin klopt niet\. Er is niets veranderd/);
    assert.equal((await storedVault(page)).dump, unchanged, 'a wrong current passphrase changes nothing stored');
    await page.getByLabel('Je huidige wachtwoordzin').fill(PASS);
    await page.getByRole('button', { name: 'Wijzig de wachtwoordzin' }).click();
    await page.waitForSelector('#change-done:focus', { timeout: 15_000 });
    await assertAccessible(page, 'the passphrase changed');
    const changed = await storedVault(page);
    assert.notEqual(changed.dump, unchanged, 'every record is encrypted again');
    assert.deepEqual(changed.shapes, stored.shapes);
    for (const word of PLAIN) assert.ok(!changed.dump.includes(word), `"${word}" readable in IndexedDB after the change`);
    await page.getByRole('button', { name: 'Vergrendel nu' }).click();
    await page.waitForSelector('#vault-pass');
    await unlock(page, PASS);
    await page.waitForSelector('#vault-pass-error');
    assert.match(await page.locator('#vault-pass-error').innerText(), /klopt niet/);
    await unlock(page, CHANGED_PASS);
    await page.waitForSelector('.household-list');
    assert.deepEqual(await householdNames(page, 2), ['Familie Janssens', 'Mevr. Peeters (Budastraat)']);

    // Export the whole caseload to an encrypted file
    await page.goto(`${h.url}#/hulpverlener`);
    await page.locator('#export-all-pass').fill(FILE_PASS);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Maak het bestand', exact: true }).click()]);
    assert.match(download.suggestedFilename(), /^rechtenverkenner-gezinnen-\d{4}-\d{2}-\d{2}\.json$/);
    const file = readFileSync((await download.path()) as string, 'utf8');
    assert.equal(JSON.parse(file).format, 'kortrijk-rechtenverkenner/caseload-export');
    for (const word of PLAIN) assert.ok(!file.includes(word), `"${word}" readable in the export file`);

    // Files that are refused, with nothing touched
    const before = (await storedVault(page)).dump;
    const tryImport = async (name: string, content: string, passphrase: string) => {
      await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
      await page.locator('#import-pass').fill(passphrase);
      await page.getByRole('button', { name: 'Open het bestand' }).click();
      await page.waitForSelector('#import-error');
      return page.locator('#import-error').innerText();
    };
    assert.match(await tryImport('boodschappen.json', '{"melk": 2}', FILE_PASS), /geen bestand van de Rechtenverkenner\. Er is niets veranderd/);
    assert.match(await tryImport('half.json', file.slice(0, Math.floor(file.length / 2)), FILE_PASS), /beschadigd of onvolledig\. Er is niets veranderd/);
    assert.match(await tryImport('gezinnen.json', file, 'een andere zin'), /wachtwoordzin van het bestand klopt niet\. Er is niets veranderd/);
    await assertAccessible(page, 'an import refused');
    assert.equal((await storedVault(page)).dump, before, 'refused files change nothing');

    // One household as a file: it is already here, so importing it asks what to do; cancel
    await openHousehold(page, 'Familie Janssens');
    await page.locator('#export-one-pass').fill(FILE_PASS);
    const [one] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Maak het bestand van dit gezin' }).click()]);
    assert.match(one.suggestedFilename(), /^rechtenverkenner-gezin-\d{4}-\d{2}-\d{2}\.json$/);
    const oneFile = readFileSync((await one.path()) as string, 'utf8');
    await page.goto(`${h.url}#/hulpverlener`);
    await page.locator('#import-file').setInputFiles({ name: 'gezin.json', mimeType: 'application/json', buffer: Buffer.from(oneFile) });
    await page.locator('#import-pass').fill(FILE_PASS);
    await page.getByRole('button', { name: 'Open het bestand' }).click();
    await page.waitForSelector('.import-preview');
    assert.match(await page.locator('.import-preview').innerText(), /In dit bestand staat 1 gezin[\s\S]*1 gezin staat al op dit toestel/);
    await assertAccessible(page, 'an import with a household already here');
    await page.getByRole('button', { name: 'Niet doen' }).click();
    assert.equal((await storedVault(page)).dump, before, 'a cancelled import changes nothing');
    assert.deepEqual(await householdNames(page, 2), ['Familie Janssens', 'Mevr. Peeters (Budastraat)']);

    // Erase everything, start over with another passphrase, import: the same households
    await page.getByRole('button', { name: 'Wis alle gezinnen' }).click();
    await page.getByRole('button', { name: 'Ja, wis alles' }).click();
    await page.waitForSelector('#vault-new');
    assert.match(await page.locator('main').innerText(), /Alle gezinnen zijn gewist\./);
    assert.equal((await storedVault(page)).shapes.length, 0, 'nothing left in IndexedDB');
    await page.getByLabel('Kies een wachtwoordzin').fill(NEW_PASS);
    await page.getByLabel('Typ de wachtwoordzin nog een keer').fill(NEW_PASS);
    await page.getByRole('button', { name: 'Beveilig en begin' }).click();
    await page.waitForSelector('#import-file', { timeout: 15_000 });
    await page.locator('#import-file').setInputFiles({ name: 'gezinnen.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await page.locator('#import-pass').fill(FILE_PASS);
    await page.getByRole('button', { name: 'Open het bestand' }).click();
    await page.waitForSelector('.import-preview');
    assert.match(await page.locator('.import-preview').innerText(), /In dit bestand staan 2 gezinnen/);
    await assertAccessible(page, 'the import preview');
    await screenshotSizes(page, 'caseload-7-import-preview');
    await page.getByRole('button', { name: 'Zet 2 gezinnen op dit toestel' }).click();
    await page.waitForSelector('text=Klaar. Nieuw: 2.');
    assert.deepEqual(await householdNames(page, 2), ['Familie Janssens', 'Mevr. Peeters (Budastraat)']);
    await openHousehold(page, 'Familie Janssens');
    assert.deepEqual(await householdView(page), janssens, 'household 1 equal after export, erase and import');
    await openHousehold(page, 'Mevr. Peeters');
    assert.deepEqual(await householdView(page), peeters, 'household 2 equal after export, erase and import');
    await context.close();
  });

  it('locks itself after the idle time and says why', async () => {
    const context = await h.browser.newContext({ viewport: PHONE, locale: 'nl-BE' });
    const page = await context.newPage();
    await page.goto(`${h.url}?idle=3#/hulpverlener`);
    await setUpVault(page, PASS);
    await page.waitForSelector('#vault-pass', { timeout: 10_000 });
    assert.match(await page.locator('main').innerText(), /vergrendeld, omdat je een tijd niets deed/);
    await unlock(page, PASS);
    await page.waitForSelector('#new-name', { timeout: 15_000 });
    await context.close();
  });

  it('runs three home visits on one phone with the network off and hands over printed sheets', async () => {
    const visits = [
      { name: 'Bezoek 1 – Overleie', answers: singleMother, expected: singleMotherResults, follow: 'kortrijk.sociaal-tarief', note: 'Loonfiches meebrengen' },
      { name: 'Bezoek 2 – Heule', answers: pensioner, expected: pensionerResults, follow: 'kortrijk.taxibon', note: 'Zoon belt het Sociaal Huis' },
      { name: 'Bezoek 3 – Marke', answers: couple, expected: coupleResults, follow: 'kortrijk.uitpas-kansentarief', note: 'Na de vakantie aanvragen' },
    ];
    const context = await phoneContext(h);
    await context.clock.setFixedTime(new Date(`${EXAMPLE_DATE}T10:00:00`));
    const page = await context.newPage();

    // The first visit online, until the service worker holds the app; then the network goes off
    await page.goto(h.url);
    await waitForOfflineReady(page);
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('link', { name: 'Voor hulpverleners' }).click();
    await page.waitForSelector('#vault-new');
    assert.equal(await page.evaluate(() => navigator.onLine), false, 'the phone is offline');
    await setUpVault(page, PASS);

    const views = [];
    for (const visit of visits) {
      // A household, every fact of the worked example, the results beside them as DOMAIN.md has them
      await createHousehold(page, visit.name);
      await fillFacts(page, visit.answers);
      const shown = Object.fromEntries((await householdView(page)).results.map((r) => r.split(':')));
      for (const [id, status] of Object.entries(visit.expected)) assert.equal(shown[id], status, `${visit.name}: ${id}`);
      assert.equal(await page.locator('.live-result[data-status="unknown"]').count(), 0, `${visit.name}: nothing left unsure`);
      if (visit.answers === couple) {
        const over = page.locator('.live-result[data-right="kortrijk.sociaal-tarief"]');
        assert.match(await over.innerText(), /163,50 per maand meer inkomen dan de grens/, 'the near miss says how much too much');
      }

      // One right on the follow-up list, with a note
      await page.locator(`.live-result[data-right="${visit.follow}"] .live-follow`).click();
      const item = page.locator(`.follow-item[data-right="${visit.follow}"]`);
      await item.getByLabel('Korte notitie').fill(visit.note);
      await saved(page);

      // The hand-over sheet, printed on A4: the right's steps and where to go
      await page.getByRole('link', { name: 'Overdrachtsblad' }).click();
      await page.waitForSelector('.handover');
      const sheet = await page.locator('.handover').innerText();
      assert.ok(!sheet.includes(visit.name), 'the internal label of the household is not printed');
      assert.match(sheet, /Nog aan te vragen/);
      assert.match(sheet, /Zo vraag je het aan[\s\S]*Ga naar Sociaal Huis Kortrijk: Budastraat 27/);
      assert.match(sheet, /Waar moet je naartoe\?\s*Sociaal Huis Kortrijk, Budastraat 27, 8500 Kortrijk/);
      assert.equal(await page.locator('.handover-right').count(), 1, 'the sheet has the right to follow up, alone');
      const pdf = await printA4(page, `caseload-visit-${views.length + 1}-sheet`);
      assert.ok(pdf.length > 1000, `a PDF of ${pdf.length} bytes`);

      // Back to the household: the visit of today is kept
      await page.getByRole('link', { name: `Terug naar ${visit.name}` }).click();
      await page.getByRole('button', { name: 'Noteer het bezoek van vandaag' }).click();
      await page.waitForSelector(`.household[data-last-visit="${EXAMPLE_DATE}"]`);
      await saved(page);
      const view = await householdView(page);
      assert.deepEqual(view.followUp, [[visit.follow, 'todo', visit.note, null]]);
      views.push(view);
    }

    // Still offline: the page again, locked; the passphrase opens all three as they were
    await page.goto(`${h.url}#/hulpverlener`);
    await page.reload();
    await page.waitForSelector('#vault-pass');
    await unlock(page, PASS);
    await page.waitForSelector('.household-list');
    assert.equal(await page.evaluate(() => navigator.onLine), false, 'still offline');
    const list = await page.locator('.household-item').evaluateAll((items) =>
      items.map((li) => [li.querySelector('.household-name')?.textContent, li.querySelector('.meta')?.textContent]),
    );
    assert.deepEqual(
      list.sort(),
      visits.map((v) => [v.name, 'Laatste bezoek: 1 maart 2025. · 1 recht op te volgen']),
    );
    await screenshot(page, 'caseload-8-three-visits-offline');
    for (const [i, visit] of visits.entries()) {
      await openHousehold(page, visit.name);
      assert.deepEqual(await householdView(page), views[i], `${visit.name} intact after the reload`);
    }
    await context.close();
  });
  it('hands over what matters: granted rights as "you have this", notes for the resident, the worker to call, at most two A4 pages', async () => {
    const context = await h.browser.newContext({ viewport: DESKTOP, locale: 'nl-BE' });
    await context.clock.setFixedTime(new Date(`${EXAMPLE_DATE}T10:00:00`));
    const page = await context.newPage();
    await page.goto(`${h.url}#/hulpverlener`);
    await page.waitForSelector('#vault-new');
    await setUpVault(page, PASS);

    // The worker's name and phone, set once on the device
    await page.getByLabel('Jouw naam').fill('Sofie Claes');
    await page.getByLabel('Jouw telefoonnummer').fill('0470 12 34 56');
    await page.getByRole('button', { name: 'Bewaar mijn gegevens' }).click();
    await page.getByText('Je gegevens zijn bewaard.').waitFor();

    // Worked example 1 without follow-ups: what they get and what to ask, on two pages at most
    await createHousehold(page, 'Mevr. D. – Overleie');
    await fillFacts(page, singleMother);
    assert.match(await page.locator('.live-summary').innerText(), /Recht: 7\. Aanvragen: 4\./, 'the summary follows the facts');
    // The summary of the results stays in view while the facts are typed, at every width
    const toast = page.locator('.toast button', { hasText: 'Sluiten' });
    if (await toast.isVisible()) await toast.click();
    for (const [width, height] of [[390, 844], [820, 1180], [1280, 800]] as const) {
      await page.setViewportSize({ width, height });
      await field(page, 'statuses').scrollIntoViewIfNeeded();
      const box = await page.locator('.live-summary').boundingBox();
      assert.ok(box && box.y >= 0 && box.y + box.height <= height + 1, `the summary is in view at ${width} px`);
      if (width === 390) await page.screenshot({ path: `${SCREENSHOTS}caseload-live-summary-phone.png` });
    }
    await page.setViewportSize(DESKTOP);
    await page.getByRole('link', { name: 'Overdrachtsblad' }).click();
    await page.waitForSelector('.handover');
    const sheet = await page.locator('.handover').innerText();
    assert.ok(!sheet.includes('Mevr. D.'), 'no internal household label');
    assert.match(sheet, /Je contactpersoon: Sofie Claes, 0470 12 34 56/);
    assert.match(sheet, /Dit kan je aanvragen[\s\S]*Vraag dit na/);
    assert.deepEqual(
      await page.locator('.handover-right').evaluateAll((li) => li.map((l) => l.getAttribute('data-group'))),
      [...Array(7).fill('apply'), ...Array(4).fill('ask')],
      'the 7 rights she gets, then the 4 to ask about; nothing she does not get',
    );
    assert.doesNotMatch(sheet, /als je die hebt|pleegkind/, 'no proof of a status she does not have');
    assert.match(
      await page.locator('.handover-right[data-right="kortrijk.deelfabriek"]').innerText(),
      /Vraag waar je moet zijn bij Sociaal Huis Kortrijk, Budastraat 27/,
      'a place without an address says where to ask',
    );
    assert.ok((await page.locator('.handover-hours tr').count()) >= 5, 'opening hours as a table, a row per day');
    await assertAccessible(page, 'the hand-over sheet of example 1');
    const pdf = await printA4(page, 'caseload-sheet-example-1');
    assert.ok(a4Pages(pdf) <= 2, `example 1 fits on two A4 pages (${a4Pages(pdf)})`);
    await printPictures(page, 'caseload-sheet-example-1-print', a4Pages(pdf));

    // The pensioner: taxibonnen granted, with a note for her on the sheet; a worker's note that stays off it
    await createHousehold(page, 'Mevr. D. – Heule');
    await fillFacts(page, pensioner);
    for (const right of ['kortrijk.taxibon', 'kortrijk.sociaal-tarief']) await page.locator(`.live-result[data-right="${right}"] .live-follow`).click();
    const taxi = page.locator('.follow-item[data-right="kortrijk.taxibon"]');
    await taxi.getByLabel('Stand').selectOption('granted');
    await taxi.getByLabel('Korte notitie').fill('Loonfiches meebrengen');
    await taxi.getByLabel('Zet deze notitie op het overdrachtsblad').check();
    await page.locator('.follow-item[data-right="kortrijk.sociaal-tarief"]').getByLabel('Korte notitie').fill('Zoon niet bellen');
    await saved(page);
    await page.getByRole('link', { name: 'Overdrachtsblad' }).click();
    await page.waitForSelector('.handover');
    const pensionerSheet = await page.locator('.handover').innerText();
    assert.match(pensionerSheet, /Dit heb je al[\s\S]*Taxibonnen[\s\S]*Toegekend[\s\S]*Notitie: Loonfiches meebrengen/);
    assert.match(pensionerSheet, /Dit kan je aanvragen[\s\S]*Sociaal tarief/);
    assert.doesNotMatch(pensionerSheet, /Zoon niet bellen/, "the worker's own note stays off the sheet");
    assert.ok(!pensionerSheet.includes('Heule'), 'no internal household label');
    const pensionerPdf = await printA4(page, 'caseload-sheet-pensioner');
    await printPictures(page, 'caseload-sheet-pensioner-print', a4Pages(pensionerPdf));
    await context.close();
  });
});

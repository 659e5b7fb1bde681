/**
 * Kiosk mode in real Chromium: answers live in memory only, an idle kiosk warns and wipes everything,
 * and the resident takes the result along in a QR link that opens the same result on their own phone,
 * offline too. axe on every new screen; screenshots at phone and desktop size.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { answerAll, answerCurrent, type Profile, shownStatuses } from './flow';
import {
  assertAccessible,
  DESKTOP,
  type Harness,
  PHONE,
  phoneContext,
  SCREENSHOTS,
  screenshotSizes,
  startHarness,
  waitForOfflineReady, waitForScreen
} from './harness';

/** An income nobody else types: found anywhere, it is a leak. */
const INCOME = 1873.45;
const profile: Profile = {
  adults: 1,
  children: [{ age: 1 }],
  age: 31,
  netMonthlyIncome: INCOME,
  statuses: ['student'],
  disability: false,
  housing: 'private-rent',
  childcare: 'free-price',
  debts: true,
  heatingFuel: 'other',
  medicalWaste: false,
  heavyCareNeed: false,
};
/**
 * What must never be found on the device: the income (as stored and as shown). The options of the
 * other answers are words of the app itself (its code is cached), so the income is the tell-tale;
 * IndexedDB and localStorage must hold nothing at all.
 */
const SECRETS = ['1873', '1.873'];

/** ?idle=12: the warning shows after 6 s without a touch and counts down 6 s. */
const IDLE = 12;

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

/** A key press the page sees as activity, so the kiosk does not wipe while the test looks. */
const stillHere = (page: Page) => page.keyboard.press('Shift');

/** Full-page screenshots at phone and desktop size, still here for each. */
const shoot = (page: Page, name: string) => screenshotSizes(page, name, stillHere);

/** Everything the page can reach in IndexedDB, local and session storage and the Cache API, as text. */
async function deviceContents(
  page: Page,
): Promise<{ databases: string[]; idb: string; local: string; session: Record<string, string>; caches: string; otherCaches: string }> {
  return page.evaluate(async () => {
    const databases = (await indexedDB.databases()).map((d) => d.name ?? '');
    let idb = '';
    for (const name of databases) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      for (const store of [...db.objectStoreNames]) {
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const req = db.transaction(store).objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        idb += JSON.stringify(all);
      }
      db.close();
    }
    const session: Record<string, string> = {};
    for (let i = 0; i < sessionStorage.length; i++) {
      const key = sessionStorage.key(i) as string;
      session[key] = sessionStorage.getItem(key) ?? '';
    }
    let cached = '';
    // everything but the published rules release, whose figures and hashes may hold any digits
    let other = '';
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        const entry = `${request.url}\n${response ? await response.text() : ''}\n`;
        cached += entry;
        if (!request.url.endsWith('/rules/kept-release.json')) other += entry;
      }
    }
    return { databases, idb, local: JSON.stringify({ ...localStorage }), session, caches: cached, otherCaches: other };
  });
}

function assertNothingKept(found: Awaited<ReturnType<typeof deviceContents>>, when: string) {
  assert.deepEqual(found.databases, [], `${when}: no IndexedDB database at all`);
  assert.equal(found.local, '{}', `${when}: localStorage is empty`);
  assert.deepEqual(found.session, { 'rechtenverkenner.mode': 'kiosk' }, `${when}: sessionStorage holds the mode flag only`);
  for (const secret of SECRETS) {
    assert.ok(!found.idb.includes(secret), `${when}: ${secret} in IndexedDB`);
    assert.ok(!found.otherCaches.includes(secret), `${when}: ${secret} in the caches`);
    assert.ok(!found.local.includes(secret), `${when}: ${secret} in localStorage`);
  }
}

async function kioskPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${h.url}?mode=kiosk&idle=${IDLE}`);
  await page.waitForSelector('.kiosk-bar');
  await page.waitForSelector('main h1');
  return page;
}

let sharedLink = '';
let sharedCode = '';
let kioskStatuses: Record<string, string> = {};

describe('a kiosk in the library', () => {
  it('keeps answers in memory only, warns when idle, then wipes everything and returns to the start', async () => {
    const context = await h.browser.newContext({ viewport: DESKTOP, locale: 'nl-BE', serviceWorkers: 'allow' });
    const page = await kioskPage(context);
    await waitForOfflineReady(page);
    await assertAccessible(page, 'the kiosk start screen');
    await shoot(page, 'kiosk-1-home');

    await page.getByText('Begin met de vragen', { exact: true }).click();
    await page.waitForSelector('form[data-question]');
    await answerAll(page, profile);
    await waitForScreen(page, 'results');
    kioskStatuses = await shownStatuses(page);
    assert.ok(Object.keys(kioskStatuses).length > 10, 'the kiosk shows the results');
    assertNothingKept(await deviceContents(page), 'with answers on screen');
    assert.ok(await page.locator('.share-cta a[href="#/delen"]').isVisible(), 'the results offer to take them along');
    await stillHere(page);
    await assertAccessible(page, 'the kiosk results');
    await shoot(page, 'kiosk-2-results');

    // Take the result along: a QR code holding a link without the kiosk's own settings
    await page.locator('.share-cta a').click();
    await page.waitForSelector('.qr svg');
    sharedLink = (await page.locator('[data-share-link]').getAttribute('data-share-link')) ?? '';
    assert.match(sharedLink, /^http:\/\/127\.0\.0\.1:\d+\/#s=2[A-Za-z0-9_-]+$/);
    assert.ok(!sharedLink.includes('kiosk'), 'the link does not start a kiosk on the phone');
    // The code that opens it stands beside the QR code, and is not in the link.
    sharedCode = await page.locator('.share-code-value').innerText();
    assert.match(sharedCode, /^\d{5} \d{5} \d{5}$/);
    assert.ok(!sharedLink.includes(sharedCode.replace(/ /g, '')), 'the code is not in the link');
    assert.equal(await page.locator('.qr svg').getAttribute('role'), 'img');
    await stillHere(page);
    await assertAccessible(page, 'the kiosk QR screen');
    await shoot(page, 'kiosk-3-take-along');

    // ... or print it
    await page.getByText('Naar het blad om af te drukken').click();
    await page.waitForSelector('.handover');
    await stillHere(page);
    await assertAccessible(page, 'the kiosk hand-over sheet');
    await shoot(page, 'kiosk-4-sheet');
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.screenshot({ path: `${SCREENSHOTS}kiosk-5-sheet-print.png`, fullPage: true });
    assert.equal(await page.locator('.kiosk-bar').isVisible(), false, 'no kiosk bar on paper');
    assert.equal(await page.locator('.site-header').isVisible(), false, 'no header on paper');
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize(DESKTOP);
    assertNothingKept(await deviceContents(page), 'after the share screens');

    // Now walk away: the warning comes, counts down, and everything is wiped
    const dialog = page.locator('[role="alertdialog"]');
    await dialog.waitFor({ timeout: 15_000 });
    assert.match(await dialog.innerText(), /Ben je er nog\?[\s\S]*Nog \d+ seconden?\./);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Ik ben er nog', 'the focus is on "still here"');
    await page.screenshot({ path: `${SCREENSHOTS}kiosk-6-idle-warning-desktop.png` });
    await assertAccessible(page, 'the idle warning');
    // "still here" keeps everything
    await page.getByRole('button', { name: 'Ik ben er nog' }).click();
    await dialog.waitFor({ state: 'detached' });
    assert.match(page.url(), /#\/blad$/);
    // the second time nobody answers
    await dialog.waitFor({ timeout: 15_000 });
    await dialog.waitFor({ state: 'detached', timeout: 15_000 });
    await page.waitForFunction(() => location.hash === '#/');
    assert.equal(await page.locator('main h1').innerText(), 'Waar heb je recht op?');
    assert.equal(await page.getByText('Begin met de vragen', { exact: true }).count(), 1, 'back at the start, nothing begun');
    assertNothingKept(await deviceContents(page), 'after the wipe');
    await page.goto(`${h.url}?mode=kiosk&idle=${IDLE}#/resultaten`);
    await waitForScreen(page, 'results');
    assert.match(await page.locator('main').innerText(), /Je hebt nog geen vragen beantwoord/, 'no answer survives');

    // The rules are published and about nobody: the kiosk keeps the checked release in the Cache API
    // (never in a database), so a kiosk reloaded without network still asks and answers.
    await context.setOffline(true);
    await page.reload();
    await waitForScreen(page, 'results');
    assert.ok(await page.locator('.kiosk-bar').isVisible(), 'still a kiosk');
    await page.goto(`${h.url}?mode=kiosk&idle=${IDLE}#/vragen`);
    await page.waitForSelector('form[data-question="adults"]');
    await answerCurrent(page, profile);
    await page.waitForSelector('form[data-question="children"]');
    const offline = await deviceContents(page);
    assertNothingKept(offline, 'after an offline reload');
    assert.match(offline.caches, /\/rules\/kept-release\.json\n\{"version":"\d{4}\.\d{2}\.\d+"/, 'the rules release is in the cache');
    await page.getByRole('button', { name: 'Opnieuw beginnen (alles wissen)' }).click();
    await waitForScreen(page, 'home');
    await context.setOffline(false);
    await context.close();
  });

  it('wipes at once with "start again" on any screen, and stays a kiosk after a reload', async () => {
    const context = await phoneContext(h);
    const page = await kioskPage(context);
    await page.getByText('Begin met de vragen', { exact: true }).click();
    await page.waitForSelector('form[data-question]');
    await answerCurrent(page, profile);
    await page.waitForFunction(() => document.querySelector('form[data-question]')?.getAttribute('data-question') === 'children');
    // A reload without the query: the tab stays a kiosk, and the answers in memory are gone
    await page.goto(`${h.url}#/vragen`);
    await page.waitForSelector('.kiosk-bar');
    await page.waitForSelector('form[data-question]');
    assert.equal(await page.locator('form[data-question]').getAttribute('data-question'), 'adults');
    await answerCurrent(page, profile);
    await page.waitForFunction(() => document.querySelector('form[data-question]')?.getAttribute('data-question') === 'children');
    const restart = page.getByRole('button', { name: 'Opnieuw beginnen (alles wissen)' });
    const box = await restart.boundingBox();
    assert.ok(box && box.height >= 48, 'a large touch target');
    await restart.click();
    await page.waitForFunction(() => location.hash === '#/');
    assert.equal(await page.getByText('Begin met de vragen', { exact: true }).count(), 1);
    assertNothingKept(await deviceContents(page), 'after "start again"');
    await context.close();
  });
});

describe('the result on the resident\'s own phone', () => {
  it('opens the QR link offline with the same results, and keeps it on the phone when asked', async () => {
    assert.ok(sharedLink, 'the kiosk test made a link');
    const context = await phoneContext(h);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.url });
    const page = await context.newPage();
    await page.goto(h.url);
    await waitForOfflineReady(page);
    await context.setOffline(true);
    await page.goto(sharedLink);
    // Locked until the code from the kiosk screen is typed
    await page.waitForSelector('#share-code');
    assert.equal(await page.evaluate(() => location.hash), '#/', 'the link left the address bar');
    await assertAccessible(page, 'a sealed link asking for its code');
    await page.screenshot({ path: `${SCREENSHOTS}share-0-code-phone.png` });
    await page.locator('#share-code').fill('12345 12345 12345');
    await page.getByRole('button', { name: 'Open het resultaat' }).click();
    await page.waitForSelector('text=Deze code past niet bij de link');
    assert.equal(await page.locator('#share-code').inputValue(), '12345 12345 12345', 'a wrong code stays as typed');
    await page.locator('#share-code').fill(sharedCode);
    await page.getByRole('button', { name: 'Open het resultaat' }).click();
    await page.waitForSelector('.shared-banner');
    await page.waitForSelector('li.result[data-right]');
    assert.equal(await page.evaluate(() => location.hash), '#/resultaten', 'the answers left the address bar');
    assert.deepEqual(await shownStatuses(page), kioskStatuses, 'the same results as on the kiosk');
    const stored = await page.evaluate(async () => {
      const names = (await indexedDB.databases()).map((d) => d.name);
      return names;
    });
    assert.ok(!stored.includes('rechtenverkenner-caseload'));
    await assertAccessible(page, 'a shared result');
    await page.screenshot({ path: `${SCREENSHOTS}share-1-opened-phone.png` });
    await page.setViewportSize(DESKTOP);
    await page.screenshot({ path: `${SCREENSHOTS}share-1-opened-desktop.png` });
    await page.setViewportSize(PHONE);

    // Not kept until asked: closing it leaves an empty app
    await page.getByRole('button', { name: 'Bewaar op dit toestel' }).click();
    await page.waitForFunction(() => !document.querySelector('.shared-banner') && document.querySelector('li.result[data-right]'));
    assert.deepEqual(await shownStatuses(page), kioskStatuses, 'kept: the same results from this phone\'s own store');
    const kept = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const req = indexedDB.open('rechtenverkenner');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const get = req.result.transaction('households').objectStore('households').get('default');
            get.onsuccess = () => resolve(JSON.stringify(get.result));
          };
        }),
    );
    assert.match(kept, /1873\.45/, 'the answers are on the phone now');

    // Sharing it again from the phone: a new link with its own code
    await page.goto(`${h.url}#/delen`);
    await page.waitForSelector('.share-screen[data-share-link][data-share-code]');
    const again = (await page.locator('[data-share-link]').getAttribute('data-share-link')) ?? '';
    assert.match(again, /#s=2[A-Za-z0-9_-]+$/);
    assert.notEqual(again, sharedLink, 'every share gets its own key');
    await page.getByRole('button', { name: 'Kopieer de link' }).click();
    await page.waitForSelector('text=De link is gekopieerd.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), again);
    assert.match(await page.locator('.share-warning').innerText(), /wie deze link én de code heeft, ziet al je antwoorden/);
    await page.locator('.share-qr summary').click();
    await page.waitForSelector('.share-qr svg');
    await assertAccessible(page, 'share my result');
    await shoot(page, 'share-2-resident');
    await page.goto(`${h.url}#/blad`);
    await page.waitForSelector('.handover');
    await assertAccessible(page, 'the resident\'s hand-over sheet');
    await shoot(page, 'share-3-sheet');
    await context.close();
  });

  it('says plainly that a damaged link cannot be opened, and keeps the app usable', async () => {
    const context = await phoneContext(h);
    const page = await context.newPage();
    const damaged = sharedLink.replace(/.{6}$/, 'AAAAAA');
    await page.goto(damaged);
    await page.waitForSelector('.shared-banner[role="alert"]');
    assert.match(await page.locator('.shared-banner').innerText(), /beschadigd of onvolledig/);
    await assertAccessible(page, 'a damaged share link');
    await page.screenshot({ path: `${SCREENSHOTS}share-4-damaged-phone.png` });
    await page.locator('.shared-banner button').click();
    assert.equal(await page.locator('.shared-banner').count(), 0);
    assert.equal(await page.getByText('Begin met de vragen', { exact: true }).count(), 1);
    await context.close();
  });
});

/**
 * A shared link leaves nothing readable behind. A sealed link is opened in Chromium with its own
 * profile folder, the code typed, the answers looked at on several screens; then the browser is
 * closed and EVERY file of the profile (history, sessions, caches, IndexedDB, preferences…) is
 * searched for the answers and for the code. The link's ciphertext itself must be found there (the
 * browser's history keeps links): that proves the search reads where a link would leak.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { decodeShareFragment } from '../../src/share/link';
import { sealShareLink } from '../../src/share/sealed-link';
import { singleMother } from '../fixtures/households';
import { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../src/pwa/headers';
import { withCodes } from '../fixtures/questions';
import {
  assertAccessible,
  type Harness,
  launchProfile,
  phoneContext,
  SCREENSHOTS,
  startHarness,
  takeCspViolations,
  waitForOfflineReady,
  waitForScreen,
} from './harness';

/** An income nobody else types, and how it can be written or shown. */
const INCOME = 2468.13;
const INCOME_FORMS = ['2468.13', '2468,13', '2.468,13', '2 468,13', '246813'];

let h: Harness;
let profileDir = '';
before(async () => {
  h = await startHarness();
  profileDir = mkdtempSync(join(tmpdir(), 'rv-profile-'));
});
after(async () => {
  await h?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

function allFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...allFiles(path));
    else if (st.isFile()) out.push(path);
  }
  return out;
}

/** The files holding `text`, as UTF-8/Latin-1 bytes or as UTF-16 (how some stores keep strings). */
function filesHolding(files: string[], text: string): string[] {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  return files.filter((f) => {
    const bytes = readFileSync(f);
    return needles.some((n) => bytes.includes(n));
  });
}

describe('a shared link on a phone', () => {
  it('opens with its code, and leaves neither the answers nor the code in any file of the browser profile', async () => {
    const answers = { ...singleMother, netMonthlyIncome: INCOME };
    const { link, code } = await sealShareLink(h.url, { answers, rulesVersion: '2026.11.1' }, withCodes);
    const token = link.slice(link.indexOf('#s=') + 3);

    const context = await launchProfile(h, profileDir);
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(h.url);
    await waitForOfflineReady(page);
    await page.goto(link);
    await page.waitForSelector('#share-code');
    await page.locator('#share-code').fill(code.replace(/(\d{5})(?=\d)/g, '$1 '));
    await page.getByRole('button', { name: 'Open het resultaat' }).click();
    await page.waitForSelector('.shared-banner');
    await waitForScreen(page, 'results');
    // The answers are on screen: the summary shows the income.
    await page.goto(`${h.url}#/overzicht`);
    await waitForScreen(page, 'summary');
    const summary = await page.locator('main').innerText();
    assert.match(summary, /2\.468,13/, 'the shared income is on screen');
    await page.screenshot({ path: `${SCREENSHOTS}privacy-1-shared-summary-phone.png` });
    await page.goto(`${h.url}#/resultaten`);
    await waitForScreen(page, 'results');
    await context.close();

    const files = allFiles(profileDir);
    assert.ok(files.length > 20, `the profile has files (${files.length})`);
    // The control: the browser did keep the link (history, sessions) — only its ciphertext.
    assert.ok(filesHolding(files, token).length > 0, 'the link itself is in the profile (its history)');
    const leaks: string[] = [];
    for (const secret of [...INCOME_FORMS, code, code.replace(/(\d{5})(?=\d)/g, '$1 ')]) {
      for (const f of filesHolding(files, secret)) leaks.push(`${secret} in ${f.slice(profileDir.length)}`);
    }
    // A readable link (the old `#r=1…` format: deflated, not encrypted) anywhere in the profile would
    // hand the answers to whoever reads it: none may be there.
    for (const f of files) {
      for (const m of readFileSync(f).toString('latin1').matchAll(/[#&]r=1[zj][A-Za-z0-9_-]{8,}/g)) {
        const opened = await decodeShareFragment(m[0].slice(1), withCodes).then(
          (r) => JSON.stringify(r.answers),
          () => null,
        );
        if (opened) leaks.push(`a readable link in ${f.slice(profileDir.length)}: ${opened}`);
      }
    }
    assert.deepEqual(leaks, [], 'nothing of the answers or the code in the profile');
    console.info(`searched ${files.length} files of the browser profile: no answer, no code`);
  });
});

describe('the privacy page', () => {
  it('is reached from the footer, reads plainly in Dutch and in Arabic (right to left), and passes axe', async () => {
    const context = await phoneContext(h);
    const page = await context.newPage();
    await page.goto(h.url);
    await waitForScreen(page, 'home');
    await page.locator('.site-footer').getByRole('link', { name: 'Privacy' }).click();
    await waitForScreen(page, 'privacy');
    assert.equal(await page.locator('main h1').innerText(), 'Je privacy');
    assert.match(await page.locator('main').innerText(), /Wat sturen we door\?\s+Niets\./);
    await assertAccessible(page, 'the privacy page');
    await page.screenshot({ path: `${SCREENSHOTS}privacy-2-page-nl-phone.png`, fullPage: true });
    await page.locator('.site-header select').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl' && document.querySelector('main h1')?.textContent === 'خصوصيتك');
    await assertAccessible(page, 'the privacy page in Arabic');
    await page.screenshot({ path: `${SCREENSHOTS}privacy-3-page-ar-phone.png`, fullPage: true });
    await context.close();
  });
});

describe('the security policy', () => {
  it('is sent as headers by vite preview, for the page and the service worker, and written into the page', async () => {
    for (const path of ['', 'sw.js', 'index.html']) {
      const response = await fetch(`${h.url}${path}`);
      assert.equal(response.status, 200, path);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) assert.equal(response.headers.get(name), value, `${name} on /${path}`);
    }
    assert.match(CONTENT_SECURITY_POLICY, /script-src 'self';/);
    assert.match(CONTENT_SECURITY_POLICY, /frame-ancestors 'none'/);
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|\*/);
    const html = await (await fetch(h.url)).text();
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`));
    assert.ok(html.includes('<meta name="referrer" content="no-referrer" />'));
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script in the page');
    assert.doesNotMatch(html, /\sstyle=/, 'no style attribute in the page');
  });

  it('is enforced: an inline script, eval and a style attribute are refused, and the harness sees each', async () => {
    const context = await phoneContext(h);
    const page = await context.newPage();
    await page.goto(h.url);
    await waitForScreen(page, 'home');
    assert.deepEqual(takeCspViolations(), [], 'the app itself breaks nothing');
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as { inlineRan?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.inlineRan = true';
      document.head.append(script);
      // A timer given code as text is eval (DevTools' own evaluation is exempt, so no plain eval here).
      (setTimeout as (code: string, ms: number) => number)('window.evalRan = true', 0);
      const p = document.createElement('p');
      p.innerHTML = '<span style="color: red">x</span>';
      document.body.append(p);
      await new Promise((r) => setTimeout(r, 100));
      return { inline: w.inlineRan === true, eval: (w as { evalRan?: boolean }).evalRan === true, color: getComputedStyle(p.firstElementChild as Element).color };
    });
    assert.deepEqual(outcome, { inline: false, eval: false, color: outcome.color }, `the inline script and eval did not run: ${JSON.stringify(outcome)}`);
    assert.notEqual(outcome.color, 'rgb(255, 0, 0)', 'the style attribute was not applied');
    await page.waitForFunction(() => true);
    const seen = takeCspViolations().map((v) => v.directive);
    for (const d of ['script-src-elem', 'script-src', 'style-src-attr']) assert.ok(seen.includes(d), `${d} reported: ${seen.join(', ')}`);
    await context.close();
  });
});

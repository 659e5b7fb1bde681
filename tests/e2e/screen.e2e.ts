/**
 * The screening summary in real Chromium: a small synthetic city screened by the `rights screen` command,
 * summary.html opened from disk. It makes no request of its own, hides counts under 5, passes axe, and is
 * looked at as screenshots (desktop, phone, Arabic) and printed to A4.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
import { writeCity } from '../bench/city';
import { assertAccessible, DESKTOP, PHONE, SCREENSHOTS } from './harness';

const ROOT = new URL('../..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'screen-e2e-'));

function screenCity(lang: string): string {
  const out = join(tmp, `out-${lang}`);
  const r = spawnSync(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['src/cli/rights.ts', 'screen', '--date', '2025-03-01', '--lang', lang, '--out', out, join(tmp, 'city.csv')],
    { cwd: ROOT, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, r.stderr);
  return join(out, 'summary.html');
}

describe('summary.html', () => {
  let browser: Browser;
  before(async () => {
    await writeCity(join(tmp, 'city.csv'), 400, { seed: 5 });
    // one household in a neighbourhood of its own: its count must not show
    const csv = readFileSync(join(tmp, 'city.csv'), 'utf8');
    const header = csv.slice(1, csv.indexOf('\r\n')).split(';');
    const row = header.map((c) => ({ id: 'lonely1', area: 'Kooigem', adults: '1', children: 'none', netMonthlyIncome: '900', statuses: 'leefloon' })[c] ?? '');
    writeFileSync(join(tmp, 'city.csv'), `${csv}${row.join(';')}\r\n`);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  });
  after(async () => {
    await browser?.close();
  });

  it('shows every right with its bars, a table per area with "< 5", and asks nothing from outside', async () => {
    const file = screenCity('nl');
    const summary = JSON.parse(readFileSync(join(file, '../summary.json'), 'utf8'));
    // the page's own CSP forbids every script: axe is let in by bypassing it
    const page = await browser.newPage({ viewport: DESKTOP, bypassCSP: true });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.deepEqual(requests, [pathToFileURL(file).href], 'the page loads nothing but itself');
    assert.equal(await page.locator('section.right').count(), Object.keys(summary.rights).length);
    const text = await page.locator('body').innerText();
    assert.match(text, /Versie van de regels: \d{4}\.\d{2}\.\d+/);
    assert.match(text, /Bedragen laatst bijgewerkt op: 1 februari 2025/);
    assert.match(text, /Huishoudens bekeken: 401/);
    // Kooigem's one household is "< 5", never "1"
    const kooigem = page.locator('table', { has: page.locator('caption', { hasText: 'Kooigem' }) });
    assert.ok((await kooigem.locator('td').count()) > 0);
    for (const cell of await kooigem.locator('td').allInnerTexts()) assert.equal(cell, '< 5');
    await assertAccessible(page, 'summary.html');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}screen-summary-desktop.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SCREENSHOTS}screen-summary-phone.png`, fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.ok(pdf.length > 10_000, 'the page prints');
    writeFileSync(`${SCREENSHOTS}screen-summary.pdf`, pdf);
    await page.close();
  });

  it('is written right to left in Arabic', async () => {
    const file = screenCity('ar');
    const page = await browser.newPage({ viewport: PHONE, bypassCSP: true });
    await page.goto(pathToFileURL(file).href);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.match(await page.locator('h1').innerText(), /الكشف الاستباقي/);
    await assertAccessible(page, 'summary.html (ar)');
    await page.screenshot({ path: `${SCREENSHOTS}screen-summary-ar-phone.png`, fullPage: true });
    await page.close();
  });
});

/**
 * `npm run bench:rules`: the rules release, measured (never asserted by a test).
 *  - its size: every file, raw and gzip; and what the app downloads (the cases skipped);
 *  - the time from the device coming back online to the new release in use, in Chromium on the
 *    production build: from the page's `online` event to the new version on screen (fetch the
 *    manifest, download, check every hash and schema, compile, swap, render).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type BuiltRelease, buildRelease, writeRelease } from '../../src/cli/release';
import { isCases } from '../../src/rules/release';
import { phoneContext, startHarness } from '../e2e/harness';
import { buildNextRelease } from '../fixtures/next-release';

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function sizes(release: BuiltRelease) {
  const manifest = Buffer.from(JSON.stringify(release.manifest, null, 2));
  let raw = manifest.length;
  let gzip = gzipSync(manifest).length;
  let appRaw = raw;
  let appGzip = gzip;
  for (const [path, body] of release.files) {
    const g = gzipSync(body).length;
    raw += body.length;
    gzip += g;
    if (!isCases(path)) {
      appRaw += body.length;
      appGzip += g;
    }
  }
  return { files: release.files.size + 1, raw, gzip, appRaw, appGzip };
}

const current = buildRelease();
const s = sizes(current);
console.log(`rules release ${current.manifest.version}: ${s.files} files, ${kb(s.raw)} raw, ${kb(s.gzip)} gzip (each file gzipped)`);
console.log(`  downloaded by the app (cases skipped): ${kb(s.appRaw)} raw, ${kb(s.appGzip)} gzip`);

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
if (!existsSync(join(DIST, 'index.html'))) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
const dist = mkdtempSync(join(tmpdir(), 'rules-bench-'));
cpSync(DIST, dist, { recursive: true });
const h = await startHarness({ distDir: dist });
const times: number[] = [];
try {
  const context = await phoneContext(h);
  const page = await context.newPage();
  await page.goto(h.url);
  await page.waitForFunction((v) => document.querySelector('.version')?.textContent?.includes(v), current.manifest.version);
  let release = current;
  for (let run = 1; run <= 5; run++) {
    // release N+run, with a new leefloon amount; the device is offline while it is published
    const next = buildNextRelease(`2025-0${Math.min(run + 2, 9)}-01`, 1 + run / 100);
    next.manifest.version = release.manifest.version.replace(/\d+$/, (n) => String(Number(n) + 1));
    release = next;
    await context.setOffline(true);
    writeRelease(release, join(dist, 'rules'));
    // A string, not a function: the bench runs under tsx, whose helpers do not exist in the page.
    await page.evaluate(`void (window.rulesBench = new Promise((resolve) => {
      window.addEventListener('online', () => {
        const t0 = performance.now();
        // polled every few milliseconds: the swap and its render are seen within a frame
        const poll = () => document.querySelector('.version')?.textContent?.includes(${JSON.stringify(release.manifest.version)})
          ? resolve(performance.now() - t0)
          : setTimeout(poll, 2);
        poll();
      }, { once: true });
    }))`);
    await context.setOffline(false);
    times.push(await page.evaluate(() => (window as unknown as { rulesBench: Promise<number> }).rulesBench));
    console.log(`  release ${release.manifest.version}: ${times.at(-1)?.toFixed(0)} ms`);
  }
  await context.close();
} finally {
  await h.close();
  rmSync(dist, { recursive: true, force: true });
}
times.sort((a, b) => a - b);
console.log(
  `online → new rules in use (Chromium, production build, local server): median ${times[2]?.toFixed(0)} ms, ` +
    `min ${times[0]?.toFixed(0)} ms, max ${times[4]?.toFixed(0)} ms over ${times.length} releases`,
);

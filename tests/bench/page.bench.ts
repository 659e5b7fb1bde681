/**
 * `npm run bench:page`: page budgets, measured on the production build (never asserted by a test).
 *  - first-page JavaScript (the entry script and what it preloads), gzip;
 *  - everything precached for offline use;
 *  - Lighthouse 12, mobile: performance, accessibility, best practices, PWA-relevant audits.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { startHarness } from '../e2e/harness';

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
if (!existsSync(join(DIST, 'index.html')) || process.argv.includes('--build')) {
  execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
}

const gz = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const html = readFileSync(join(DIST, 'index.html'), 'utf8');
// The entry script, what the HTML preloads, and every chunk these import statically (not import()):
// all of it runs before the app's first render.
const firstPage = new Set(
  [
    ...html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+\.js)"/g),
  ].map((m) => m[1] as string),
);
for (const f of firstPage) {
  const code = readFileSync(join(DIST, f), 'utf8');
  for (const m of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{},\s]+?from\s*)?["']\.\/([^"']+\.js)["']/g)) {
    firstPage.add(join(dirname(f), m[1] as string));
  }
}
let firstTotal = 0;
for (const f of firstPage) {
  const size = gz(f);
  firstTotal += size;
  console.log(`  first page: ${f} ${kb(size)} gzip`);
}
const css = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\.?\/?([^"]+\.css)"/g)].map((m) => m[1] as string);
console.log(`first-page JavaScript: ${kb(firstTotal)} gzip (budget 40 KB); CSS ${kb(css.reduce((s, f) => s + gz(f), 0))} gzip`);
// The start screen is in the HTML (src/main.prerender.tsx): it paints before the script runs.
console.log(`start screen in index.html: ${/<main id="main"[^>]*>[\s\S]*<h1/.test(html) ? 'yes' : 'NO'}; index.html ${kb(gzipSync(html).length)} gzip`);

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
const all = walk(DIST);
const jsAll = all.filter((f) => f.endsWith('.js') && !f.endsWith('sw.js') && !f.includes('workbox-'));
console.log(
  `all app JavaScript: ${kb(jsAll.reduce((s, f) => s + gzipSync(readFileSync(f)).length, 0))} gzip in ${jsAll.length} files; dist total ${kb(all.reduce((s, f) => s + statSync(f).size, 0))} raw`,
);

if (!process.argv.includes('--no-lighthouse')) {
  const { default: lighthouse } = await import('lighthouse');
  const h = await startHarness({ remoteDebuggingPort: 9333 });
  try {
    const result = await lighthouse(h.url, { port: 9333, output: 'json', logLevel: 'error' }, undefined);
    const cats = result?.lhr.categories ?? {};
    for (const [id, c] of Object.entries(cats)) console.log(`lighthouse ${id}: ${Math.round((c.score ?? 0) * 100)}`);
    const audits = result?.lhr.audits ?? {};
    for (const id of ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']) {
      console.log(`  ${id}: ${audits[id]?.displayValue ?? '?'}`);
    }
    const failing = Object.values(audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary');
    for (const a of failing) console.log(`  not passed: ${a.id}: ${a.title}`);
  } finally {
    await h.close();
  }
}

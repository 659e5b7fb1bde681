/**
 * End-to-end harness: the built app (dist/) served by `vite preview` on 127.0.0.1, driven by
 * Debian's Chromium through playwright-core. Everything stops when the test file ends.
 *
 * The app runs with its Content Security Policy enforced (the meta tag of the build and the headers
 * of `vite preview`, src/pwa/headers.ts). Every context the harness makes reports each
 * `securitypolicyviolation`; any test during which one happened fails, and each file writes its
 * count for the reliability report (tests/reliability/result.ts). Test tools go around the policy:
 * axe is evaluated through the DevTools protocol, never as a script tag of the page.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach } from 'node:test';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { writeResult } from '../reliability/result';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface CspViolation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  sample: string;
  page: string;
}

/** Violations since the last test ended (or since `takeCspViolations`). */
let violations: CspViolation[] = [];
/** Every violation of this file: its count goes into the reliability report. */
let violationsInFile = 0;
let contextsWatched = 0;

/** Returns and forgets the violations seen so far (a test that causes one on purpose takes it). */
export function takeCspViolations(): CspViolation[] {
  const taken = violations;
  violations = [];
  // Provoked on purpose by a test, not caused by the app: not counted in the report.
  violationsInFile -= taken.length;
  return taken;
}

/** Makes every page of the context report its Content Security Policy violations to the harness. */
export async function watchCsp(context: BrowserContext): Promise<BrowserContext> {
  contextsWatched++;
  await context.exposeBinding('__reportCspViolation', ({ page }, v: Omit<CspViolation, 'page'>) => {
    violations.push({ ...v, page: page.url() });
    violationsInFile++;
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation?: (v: unknown) => void }).__reportCspViolation;
      report?.({ directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
    });
  });
  return context;
}

/** Inside Node's test runner (not the page bench, which also uses this harness). */
const UNDER_TEST = !!process.env.NODE_TEST_CONTEXT;

// Any test during which the app broke its own policy fails.
if (UNDER_TEST) {
  afterEach(() => {
    const seen = takeCspViolations();
    const lines = seen.map((v) => `${v.directive} blocked ${v.blocked || '(inline)'} at ${v.source}:${v.line} on ${v.page}`);
    assert.deepEqual(seen, [], `Content Security Policy violations:\n${lines.join('\n')}`);
  });
}

export interface Harness {
  url: string;
  browser: Browser;
  server: PreviewServer;
  close(): Promise<void>;
}

/** Serves dist/ (run `vite build` first: `npm run test:e2e` does) and starts Chromium. */
export async function startHarness(options: { remoteDebuggingPort?: number; distDir?: string } = {}): Promise<Harness> {
  const port = await freePort();
  const server = await preview({
    root: ROOT,
    logLevel: 'silent',
    // distDir: serve a copy of the build (a test that releases a "new version" edits its copy)
    ...(options.distDir ? { build: { outDir: options.distDir } } : {}),
    preview: { host: '127.0.0.1', port, strictPort: true, open: false },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: options.remoteDebuggingPort
      ? [...CHROMIUM_FLAGS, `--remote-debugging-port=${options.remoteDebuggingPort}`]
      : CHROMIUM_FLAGS,
  });
  // Every context a test makes watches for policy violations.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>) => watchCsp(await newContext(...args));
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    server,
    async close() {
      await browser.close();
      await server.close();
      if (!UNDER_TEST) return;
      const file = basename(process.argv[1] ?? 'e2e').replace(/\.e2e\.ts$/, '').replace(/[^a-z0-9-]/gi, '-').toLowerCase();
      writeResult({
        suite: `csp-e2e-${file}`,
        title: `Content Security Policy violations caused by the app in tests/e2e/${file}.e2e.ts (${contextsWatched} browser contexts watched)`,
        cspViolations: violationsInFile,
      });
    },
  };
}

/**
 * Chromium with its own profile folder on disk (`userDataDir`), like a phone's browser: what the
 * browser keeps (history, sessions, caches, storage) is in files a test can search after closing.
 */
export async function launchProfile(h: Harness, userDataDir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_FLAGS,
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'nl-BE',
    serviceWorkers: 'allow',
    baseURL: h.url,
  });
  return watchCsp(context);
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** A fresh profile with a phone-sized screen, touch, Dutch (Belgium) as the browser's language. */
export async function phoneContext(h: Harness, options: { locale?: string } = {}): Promise<BrowserContext> {
  return h.browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: options.locale ?? 'nl-BE',
    serviceWorkers: 'allow',
  });
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA) on the page as it is; returns the violations. axe is
 * evaluated through the DevTools protocol, which the page's policy does not govern: a script tag
 * would be (rightly) refused as an inline script.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/** A readable failure message for violations. */
export function describeViolations(v: AxeViolation[]): string {
  return v.map((x) => `${x.id} (${x.impact}): ${x.help}\n  ${x.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
}

/** Fails with axe's findings when the page as it is has any. */
export async function assertAccessible(page: Page, screen: string): Promise<void> {
  const v = await axeViolations(page);
  assert.equal(v.length, 0, `axe on ${screen}:\n${describeViolations(v)}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

/**
 * Full-page screenshots at phone and desktop size, `<name>-phone.png` and `<name>-desktop.png` (the
 * page is resized and put back); `beforeEach` runs after each resize, before the picture.
 */
export async function screenshotSizes(page: Page, name: string, beforeEach?: (page: Page) => Promise<unknown>): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  for (const [label, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await beforeEach?.(page);
    await page.screenshot({ path: `${SCREENSHOTS}${name}-${label}.png`, fullPage: true });
  }
  if (size) await page.setViewportSize(size);
}

/** Waits until the service worker controls the page (the app is then available offline). */
export async function waitForOfflineReady(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 20000 });
}

/**
 * Waits until the screen `name` (a route name: results, right, catalogue…) is on screen with its
 * content, not its loading text. Tests wait for this (or the element they read), never for a URL:
 * the address changes before the screen does.
 */
export async function waitForScreen(page: Page, name: string, id?: string): Promise<void> {
  const idPart = id === undefined ? '' : `[data-id="${id}"]`;
  await page.waitForSelector(`main#main[data-screen="${name}"]${idPart}:not(:has(.loading))`);
}

/**
 * A copy of the build in a temporary folder, for a test that serves it and then changes it (releases a
 * new app version or rules release). Remove it with `rmSync(dir, { recursive: true, force: true })`.
 */
export function copyOfBuild(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `rechtenverkenner-${name}-`));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  return dir;
}

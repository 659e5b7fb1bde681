import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { VitePWA } from 'vite-plugin-pwa';
import { createServer, type Plugin } from 'vite';
import { buildRelease } from './src/cli/release';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { headersFile, metaTags, SECURITY_HEADERS } from './src/pwa/headers';

// the folder of this file, as a path (a test imports this file: vite would turn a `new URL` into an asset)
const ROOT = dirname(fileURLToPath(import.meta.url));

/** The words of the page around the app, from the locale files (Dutch, the source, in index.html). */
export const appTexts = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, 'locales', lang, 'app.json'), 'utf8')).app as Record<string, string>;
export const LANGUAGES = readdirSync(join(ROOT, 'locales'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const nl = appTexts('nl');
const escapeHtml = (s: string | undefined = '') => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export const manifestOf = (lang: string) => {
  const t = appTexts(lang);
  return { name: t.name, short_name: t.shortName, description: t.description, lang };
};

/**
 * index.html's title, description and loading text from locales/nl/app.json, and one web app manifest
 * per language (manifest-<lang>.webmanifest): the app points to the one of the language chosen, so
 * an installed icon is named in that language.
 */
export const localisedIndexHtml = (html: string) =>
  html
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(nl.name)}</title>`)
    .replace(/(<meta name="description" content=")[^"]*/, `$1${escapeHtml(nl.description)}`)
    .replace(/(<meta name="apple-mobile-web-app-title" content=")[^"]*/, `$1${escapeHtml(nl.shortName)}`)
    .replace(/(<span class="site-name">)[^<]*/, `$1${escapeHtml(nl.name)}`)
    .replace(/(<p class="loading">)[^<]*/, `$1${escapeHtml(nl.loading)}`);

function localeTexts(): Plugin {
  return {
    name: 'locale-texts',
    transformIndexHtml: localisedIndexHtml,
    generateBundle() {
      for (const lang of LANGUAGES) {
        const base = { ...BASE_MANIFEST, icons: ICONS, ...manifestOf(lang) };
        this.emitFile({ type: 'asset', fileName: `manifest-${lang}.webmanifest`, source: JSON.stringify(base) });
      }
    },
  };
}

const ICONS = [
  { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
  { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
  { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
];
const BASE_MANIFEST = {
  start_url: './',
  scope: './',
  display: 'standalone',
  background_color: '#ffffff',
  theme_color: '#0b5a8a',
} as const;

/**
 * The rules travel as data, not code: the build writes the current rules release to `rules/` beside
 * the app (plain JSON, read at run time), and the dev server serves the same release.
 */
function rulesRelease(): Plugin {
  return {
    name: 'rules-release',
    generateBundle() {
      const release = buildRelease();
      for (const [path, body] of release.files) this.emitFile({ type: 'asset', fileName: `rules/${path}`, source: body });
      this.emitFile({ type: 'asset', fileName: 'rules/manifest.json', source: `${JSON.stringify(release.manifest, null, 2)}\n` });
    },
    configureServer(server) {
      server.middlewares.use('/rules/', (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] as string).replace(/^\//, '');
        const release = buildRelease();
        const body = path === 'manifest.json' ? JSON.stringify(release.manifest) : release.files.get(path);
        if (body === undefined) return next();
        res.setHeader('Content-Type', path.endsWith('.json') ? 'application/json' : 'text/markdown; charset=utf-8');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(body);
      });
    },
  };
}

/**
 * The security policy (src/pwa/headers.ts) in the built index.html as a meta tag, and as `_headers`
 * for static hosts. Not in `vite dev`: its hot reload needs what the policy forbids.
 */
function securityPolicy(): Plugin {
  return {
    name: 'security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${metaTags()}`),
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile() });
    },
  };
}

/**
 * The start screen in the built index.html (src/main.prerender.tsx renders it with the app's own
 * components), so it paints before the script has loaded; the app renders over it when it starts.
 */
function startScreen(): Plugin {
  return {
    name: 'start-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        const server = await createServer({
          configFile: false,
          root: ROOT,
          plugins: [preact()],
          logLevel: 'error',
          appType: 'custom',
          server: { middlewareMode: true, hmr: false, ws: false },
          optimizeDeps: { noDiscovery: true, include: [] },
        });
        try {
          const { renderStartScreen } = (await server.ssrLoadModule('/src/main.prerender.tsx').catch((e: Error) => {
            // a copy of node_modules from before the prerender came in
            if (/preact-render-to-string/.test(e.message)) throw new Error('preact-render-to-string is missing: run `npm install` (the build prerenders the start screen with it)');
            throw e;
          })) as typeof import('./src/main.prerender');
          const { app, noscript } = await renderStartScreen();
          const marked = /<div id="app"><!--start-screen-->[\s\S]*<!--\/start-screen--><\/div>/;
          if (!marked.test(html)) throw new Error('index.html: no <div id="app"><!--start-screen-->…<!--/start-screen--></div> to fill');
          return html.replace(marked, () => `${noscript}\n    <div id="app">${app}</div>`);
        } finally {
          await server.close();
        }
      },
    },
  };
}

export default defineConfig({
  plugins: [
    preact(),
    securityPolicy(),
    startScreen(),
    rulesRelease(),
    localeTexts(),
    VitePWA({
      // An update waits for the person to accept it: it never reloads while someone is answering.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['favicon.svg', 'robots.txt', 'icons/*.png'],
      manifest: { ...BASE_MANIFEST, ...manifestOf('nl'), icons: ICONS },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json}'],
        // Never precached: an old release would be served forever. The app fetches the release
        // network-first and keeps its own verified copy (src/state/rules-update.ts).
        globIgnores: ['rules/**'],
        clientsClaim: true,
        skipWaiting: false,
        navigateFallback: 'index.html',
      },
    }),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    // index.html preloads the chunks the first page imports. A lazy screen's own imports are not
    // preloaded by a helper in the first page: the app loads the screens right after its first render
    // (src/ui/screens/lazy.ts), and the service worker serves them from its cache after the first visit.
    // No polyfill: without <link rel="modulepreload"> (Safari before 17) the chunks load one after the other.
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
  },
  // `vite preview` (npm start, the e2e tests) sends the same policy as headers.
  preview: { headers: { ...SECURITY_HEADERS } },
  test: {
    environment: 'happy-dom',
    // npm run test:reliability sets RELIABILITY: the fuzz suites (tests/reliability/*.fuzz.ts) take a while
    include: process.env.RELIABILITY ? ['tests/reliability/**/*.fuzz.ts'] : ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**'],
  },
});

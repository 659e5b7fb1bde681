/**
 * Rules updates without an app update. On start the device's last good release is put in use at once
 * (so the app works offline), then the release beside the app is fetched network-first: a newer one
 * is downloaded, every hash, schema and the engine version checked, compiled, kept on the device,
 * and only then swapped in, in one assignment. A release that fails any check is refused: the one
 * in use stays, and the reason is kept for the "about these rules" page. Checks run on start, when
 * the device comes back online, and every few hours.
 *
 * Whether a checked release goes in use at once is the state's choice (`offerRules`): a person in the
 * middle of the questionnaire keeps the rules they started with until the results.
 */
import { type ReadonlySignal, signal } from '@preact/signals';
import type { RefusalKind } from '../rules/release';
import type { LoadedRules, RulesProblem } from './rules';
import type { RulesStore } from '../storage/rules-store';

export interface RulesUpdater {
  /** why the last check did not bring a newer release in (refused, or the server could not be reached) */
  readonly problem: ReadonlySignal<RulesProblem | null>;
  /** ISO timestamp of the last check that reached the server */
  readonly lastChecked: ReadonlySignal<string | null>;
  /** puts the kept release in use, then checks the network (awaited only when nothing is kept) */
  start(): Promise<void>;
  /** fetches the manifest and takes a newer release; never throws */
  check(): Promise<void>;
  dispose(): void;
}

export interface RulesUpdaterOptions {
  /** the address of the release folder, ending in "/" (beside the app: `rules/`) */
  base: string;
  store: RulesStore;
  fetcher?: typeof fetch;
  /** the newest version the app holds (in use or waiting), to skip what it has */
  known: () => string | null;
  /** a checked release: the state puts it in use, or keeps it waiting */
  offer: (rules: LoadedRules) => void;
  /** where `online` is listened to; none in tests */
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  /** milliseconds between checks while the app stays open (default 3 hours) */
  every?: number;
  now?: () => string;
}

export const CHECK_EVERY = 3 * 60 * 60 * 1000;

export function createRulesUpdater(options: RulesUpdaterOptions): RulesUpdater {
  const { base, store, known, offer } = options;
  const fetcher = options.fetcher ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => new Date().toISOString());
  const problem = signal<RulesProblem | null>(null);
  const lastChecked = signal<string | null>(null);
  const browser = () => import('../rules/browser');

  const refuse = (e: unknown, version: string | null) => {
    const kind = (e as { kind?: RefusalKind }).kind ?? 'invalid';
    problem.value = { kind, version, message: (e as Error).message ?? String(e), at: now() };
  };

  let inFlight: Promise<void> | null = null;
  const checkOnce = async () => {
    const { fetchManifest, downloadRelease, toLoadedRules, isNewer } = await browser();
    let manifest: unknown;
    try {
      manifest = await fetchManifest(base, fetcher);
    } catch (e) {
      refuse(e, null);
      return;
    }
    lastChecked.value = now();
    const version = (manifest as { version?: unknown } | null)?.version;
    if (typeof version === 'string' && !isNewer(version, known())) {
      problem.value = null;
      return;
    }
    let loaded: LoadedRules;
    let texts: Record<string, string>;
    try {
      const release = await downloadRelease(manifest, base, fetcher);
      loaded = toLoadedRules(release);
      texts = release.texts;
    } catch (e) {
      refuse(e, typeof version === 'string' ? version : null);
      return;
    }
    problem.value = null;
    await store.put({ version: loaded.release.version, texts, takenAt: now() }).catch(() => undefined);
    offer(loaded);
  };
  const check = () => {
    inFlight ??= checkOnce().finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  const onOnline = () => void check();
  options.target?.addEventListener('online', onOnline);
  const timer = setInterval(onOnline, options.every ?? CHECK_EVERY);

  return {
    problem,
    lastChecked,
    async start() {
      const kept = await store.get().catch(() => undefined);
      if (kept) {
        try {
          const { reopenRelease, toLoadedRules } = await browser();
          offer(toLoadedRules(await reopenRelease(kept.texts)));
        } catch (e) {
          refuse(e, kept.version);
        }
      }
      if (known()) void check();
      else await check();
    },
    check,
    dispose() {
      clearInterval(timer);
      options.target?.removeEventListener('online', onOnline);
    },
  };
}

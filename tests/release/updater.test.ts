/**
 * A device taking rules releases: the first start, a newer release, and every way a release can be
 * bad or out of reach. The device keeps its last good rules, says why, and loses no answer.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildRelease, type BuiltRelease } from '../../src/cli/release';
import { ENGINE_VERSION } from '../../src/engine';
import { createRulesUpdater } from '../../src/state/rules-update';
import { createAppState } from '../../src/state/app-state';
import { createMemoryStorage } from '../../src/storage';
import { createMemoryRulesStore, type RulesStore } from '../../src/storage/rules-store';
import { buildNextRelease } from '../fixtures/next-release';

const BASE = 'https://app.test/rules/';
const current = buildRelease();
const next = buildNextRelease('2025-02-15');
const DATE = '2025-03-01';

interface Server {
  release: BuiltRelease | null;
  /** replace a file's body as served (the manifest is not changed) */
  serve: Record<string, string | null>;
  down: boolean;
  requests: string[];
}

function server(release: BuiltRelease): Server {
  return { release, serve: {}, down: false, requests: [] };
}

function fetcherFor(s: Server): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = String(input);
    s.requests.push(url);
    if (s.down || !s.release) throw new TypeError('Failed to fetch');
    const path = url.slice(BASE.length);
    if (path === 'manifest.json') return new Response(JSON.stringify(s.release.manifest));
    if (path in s.serve) {
      const body = s.serve[path];
      return body === null ? new Response('not found', { status: 404 }) : new Response(body);
    }
    const body = s.release.files.get(path);
    return body ? new Response(new Uint8Array(body)) : new Response('not found', { status: 404 });
  }) as typeof fetch;
}

async function device(s: Server, store: RulesStore = createMemoryRulesStore()) {
  const state = createAppState({ storage: createMemoryStorage(), date: DATE });
  await state.actions.restore();
  const updater = createRulesUpdater({
    base: BASE,
    store,
    fetcher: fetcherFor(s),
    known: () => (state.pendingRules.peek() ?? state.rules.peek())?.release.version ?? null,
    offer: (r) => state.actions.offerRules(r),
    now: () => '2025-03-01T10:00:00.000Z',
  });
  await updater.start();
  return { state, updater, store };
}

const version = (d: Awaited<ReturnType<typeof device>>) => d.state.rules.value?.release.version;
const alleenstaand = (d: Awaited<ReturnType<typeof device>>) => {
  const r = d.state.rules.value;
  return r ? r.paramAt(r.ruleset, 'leefloon.alleenstaand', DATE) : null;
};
/** A device that took release N, then has answers typed mid-questionnaire. */
async function deviceWithN(s: Server) {
  const d = await device(s);
  expect(version(d)).toBe(current.manifest.version);
  d.state.actions.answer('adults', 1);
  d.state.actions.setDraft('netMonthlyIncome', '12');
  s.release = next;
  return d;
}

describe('the first start', () => {
  it('fetches the release beside the app, checks it, puts it in use and keeps it on the device', async () => {
    const s = server(current);
    const d = await device(s);
    expect(version(d)).toBe(current.manifest.version);
    expect(d.state.rules.value?.release.amountsUpdated).toBe(current.manifest.amountsUpdated);
    expect(d.state.rules.value?.release.locales.nl).toBeTruthy();
    expect((await d.store.get())?.version).toBe(current.manifest.version);
    expect(s.requests.some((u) => u.endsWith('/cases.json'))).toBe(false);
    d.updater.dispose();
  });

  it('works offline afterwards from the kept copy', async () => {
    const s = server(current);
    const first = await device(s);
    first.updater.dispose();
    s.down = true;
    const again = await device(s, first.store);
    expect(version(again)).toBe(current.manifest.version);
    await again.updater.check();
    expect(again.updater.problem.value?.kind).toBe('unreachable');
    again.updater.dispose();
  });

  it('with no kept copy and no server, says why instead of inventing rules', async () => {
    const s = server(current);
    s.down = true;
    const d = await device(s);
    expect(d.state.rules.value).toBeNull();
    expect(d.updater.problem.value?.kind).toBe('unreachable');
  });
});

describe('a newer release', () => {
  it('goes in use at once when nobody is answering, with the new leefloon', async () => {
    const s = server(current);
    const d = await device(s);
    const before = alleenstaand(d);
    s.release = next;
    await d.updater.check();
    expect(version(d)).toBe(next.manifest.version);
    expect(alleenstaand(d)).toBeGreaterThan(before as number);
    expect((await d.store.get())?.version).toBe(next.manifest.version);
    d.updater.dispose();
  });

  it('waits while someone is mid-questionnaire, and goes in use when they choose to update', async () => {
    const s = server(current);
    const d = await deviceWithN(s);
    await d.updater.check();
    expect(version(d)).toBe(current.manifest.version);
    expect(d.state.pendingRules.value?.release.version).toBe(next.manifest.version);
    // kept on the device already: an offline reload gets it
    expect((await d.store.get())?.version).toBe(next.manifest.version);
    d.state.actions.applyPendingRules();
    expect(version(d)).toBe(next.manifest.version);
    expect(d.state.answers.value).toEqual({ adults: 1 });
    expect(d.state.drafts.value).toEqual({ netMonthlyIncome: '12' });
    d.updater.dispose();
  });

  it('waits until the questionnaire is done, then goes in use by itself', async () => {
    const s = server(current);
    const d = await deviceWithN(s);
    await d.updater.check();
    expect(d.state.pendingRules.value).not.toBeNull();
    // answer everything still asked, as the person would
    for (let i = 0; i < 30 && !d.state.done.value; i++) {
      const key = d.state.currentKey.value as string;
      d.state.actions.skip(key);
    }
    expect(version(d)).toBe(next.manifest.version);
    expect(d.state.pendingRules.value).toBeNull();
    d.updater.dispose();
  });
});

describe('a bad release is refused: the last good rules stay, the reason is kept, no answer is lost', () => {
  const rulePath = 'rights/kortrijk.sociaal-tarief/rule.json';
  const ruleText = (next.files.get(rulePath) as Buffer).toString('utf8');
  const sha = (t: string) => createHash('sha256').update(t).digest('hex');
  const withManifest = (change: (m: BuiltRelease['manifest']) => void, files: Record<string, string> = {}): BuiltRelease => {
    const manifest = structuredClone(next.manifest);
    change(manifest);
    const out = new Map(next.files);
    for (const [p, t] of Object.entries(files)) out.set(p, Buffer.from(t));
    return { manifest, files: out };
  };
  const invalidRule = JSON.stringify({ ...JSON.parse(ruleText), outcomes: 'none' });

  const cases: [string, (s: Server) => void, string][] = [
    ['a tampered file (hash mismatch)', (s) => (s.serve[rulePath] = ruleText.replace('"eligible"', '"ask"     ')), 'tampered'],
    ['a truncated download', (s) => (s.serve[rulePath] = ruleText.slice(0, ruleText.length - 40)), 'truncated'],
    ['a manifest naming a missing file', (s) => (s.serve['parameters/leefloon.json'] = null), 'missing'],
    [
      'a schema-invalid rule with a correct hash',
      (s) => {
        s.release = withManifest((m) => (m.files[rulePath] = { sha256: sha(invalidRule), bytes: Buffer.byteLength(invalidRule) }), {
          [rulePath]: invalidRule,
        });
      },
      'invalid',
    ],
    ['a release needing a newer engine', (s) => (s.release = withManifest((m) => (m.engine = ENGINE_VERSION + 1))), 'engine'],
    ['a server that is down', (s) => (s.down = true), 'unreachable'],
  ];

  for (const [name, breakIt, kind] of cases) {
    it(name, async () => {
      const s = server(current);
      const d = await deviceWithN(s);
      breakIt(s);
      await d.updater.check();
      expect(version(d)).toBe(current.manifest.version);
      expect(d.state.pendingRules.value).toBeNull();
      expect(d.updater.problem.value?.kind).toBe(kind);
      expect(d.updater.problem.value?.message.length).toBeGreaterThan(10);
      expect((await d.store.get())?.version).toBe(current.manifest.version);
      expect(d.state.answers.value).toEqual({ adults: 1 });
      expect(d.state.drafts.value).toEqual({ netMonthlyIncome: '12' });
      // once the server has a good release again, the device takes it
      s.release = next;
      s.serve = {};
      s.down = false;
      await d.updater.check();
      expect(d.updater.problem.value).toBeNull();
      expect(d.state.pendingRules.value?.release.version).toBe(next.manifest.version);
      d.updater.dispose();
    });
  }

  it('a kept copy that was damaged on the device is not used', async () => {
    const s = server(current);
    const first = await device(s);
    first.updater.dispose();
    const kept = await first.store.get();
    if (!kept) throw new Error('nothing kept');
    await first.store.put({ ...kept, texts: { ...kept.texts, [rulePath]: '{}' } });
    s.down = true;
    const d = await device(s, first.store);
    expect(d.state.rules.value).toBeNull();
    expect(d.updater.problem.value?.kind).toBe('unreachable');
  });
});

// @vitest-environment node
/** A rules release: built from rules/, then refused for every fault a download or a hand can bring. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES_DIR } from '../../src/cli/load-rules';
import { buildRelease, openRulesDir, writeRelease } from '../../src/cli/release';
import { builtInSchemaFiles, ENGINE_VERSION } from '../../src/engine';
import { openRelease, ReleaseError, type ReleaseManifest } from '../../src/rules/release';

const built = buildRelease();
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A copy of the built release with some files replaced (hash and size in the manifest updated unless `keepManifest`). */
function variant(change: Record<string, string | null>, manifestChange: Partial<ReleaseManifest> = {}, keepManifest = false) {
  const files = new Map(built.files);
  const manifest: ReleaseManifest = structuredClone(built.manifest);
  for (const [path, text] of Object.entries(change)) {
    if (text === null) files.delete(path);
    else {
      const body = Buffer.from(text);
      files.set(path, body);
      if (!keepManifest) manifest.files[path] = { sha256: sha(body), bytes: body.byteLength };
    }
  }
  Object.assign(manifest, manifestChange);
  return { manifest, read: async (p: string) => (files.has(p) ? new Uint8Array(files.get(p) as Buffer) : null) };
}

async function refusal(v: ReturnType<typeof variant>): Promise<ReleaseError> {
  try {
    await openRelease(v.manifest, v.read);
  } catch (e) {
    if (e instanceof ReleaseError) return e;
    throw e;
  }
  throw new Error('the release was accepted');
}

const rulePath = 'rights/kortrijk.sociaal-tarief/rule.json';
const ruleText = () => (built.files.get(rulePath) as Buffer).toString('utf8');

describe('rules:release', () => {
  it('lists every rule file, the cases, every language\'s rule texts and the changelog, with hash and size', () => {
    const paths = Object.keys(built.manifest.files);
    expect(paths).toContain(rulePath);
    expect(paths).toContain('rights/kortrijk.sociaal-tarief/cases.json');
    expect(paths).toContain('parameters/leefloon.json');
    expect(paths).toContain('CHANGELOG.md');
    for (const lang of ['nl', 'fr', 'en', 'ar', 'tr', 'uk']) expect(paths).toContain(`locales/${lang}/rules.json`);
    expect(paths.some((p) => p.startsWith('schema/'))).toBe(false);
    const body = built.files.get(rulePath) as Buffer;
    expect(built.manifest.files[rulePath]).toEqual({ sha256: sha(body), bytes: body.byteLength });
    expect(built.manifest.engine).toBe(ENGINE_VERSION);
    expect(built.manifest.municipalities).toEqual(['harelbeke', 'kortrijk']);
  });

  it('dates the amounts by the newest money value, not by a factor or a flag', () => {
    const money: string[] = [];
    for (const f of readdirSync(join(RULES_DIR, 'parameters'))) {
      const { parameters } = JSON.parse(readFileSync(join(RULES_DIR, 'parameters', f), 'utf8'));
      for (const p of Object.values(parameters) as { unit: string; values: { from: string }[] }[]) {
        if (p.unit.startsWith('EUR')) money.push(...p.values.map((v) => v.from));
      }
    }
    expect(built.manifest.amountsUpdated).toBe(money.sort().at(-1));
  });

  it('builds in the same schemas as rules/schema holds', () => {
    const onDisk = readdirSync(join(RULES_DIR, 'schema')).sort();
    expect(builtInSchemaFiles().map((f) => f.path.slice('schema/'.length)).sort()).toEqual(onDisk);
    for (const f of builtInSchemaFiles()) {
      expect(f.data).toEqual(JSON.parse(readFileSync(join(RULES_DIR, f.path), 'utf8')));
    }
  });
});

describe('opening a release', () => {
  it('accepts the release as built, with the rule texts and the changelog', async () => {
    const v = variant({});
    const release = await openRelease(v.manifest, v.read, { cases: true });
    expect(release.ruleset.manifest.version).toBe(built.manifest.version);
    expect(release.ruleset.cases.size).toBeGreaterThan(0);
    expect(Object.keys(release.locales).sort()).toEqual(['ar', 'en', 'fr', 'nl', 'tr', 'uk']);
    expect(release.changelog).toContain('# Rules changelog');
  });

  it('skips the cases when asked to (the app), and then needs no cases.json at all', async () => {
    const v = variant({ 'rights/kortrijk.sociaal-tarief/cases.json': null });
    const release = await openRelease(v.manifest, v.read);
    expect(release.ruleset.cases.size).toBe(0);
  });

  it('refuses a tampered file: the hash does not match', async () => {
    const tampered = ruleText().replace('"eligible"', '"ask"     ');
    expect(tampered.length).toBe(ruleText().length);
    const e = await refusal(variant({ [rulePath]: tampered }, {}, true));
    expect(e.kind).toBe('tampered');
    expect(e.file).toBe(rulePath);
  });

  it('refuses a truncated download', async () => {
    const e = await refusal(variant({ [rulePath]: ruleText().slice(0, 100) }, {}, true));
    expect(e.kind).toBe('truncated');
  });

  it('refuses a manifest naming a file that is not there', async () => {
    const e = await refusal(variant({ 'parameters/leefloon.json': null }));
    expect(e.kind).toBe('missing');
    expect(e.message).toContain('parameters/leefloon.json');
  });

  it('refuses a release that needs a newer engine, before downloading anything', async () => {
    let reads = 0;
    const v = variant({}, { engine: ENGINE_VERSION + 1 });
    await expect(openRelease(v.manifest, (p) => {
      reads++;
      return v.read(p);
    })).rejects.toMatchObject({ kind: 'engine' });
    expect(reads).toBe(0);
  });

  it('refuses a schema-invalid rule, with correct hashes, naming the file and field', async () => {
    const rule = JSON.parse(ruleText());
    rule.category = 42;
    const e = await refusal(variant({ [rulePath]: JSON.stringify(rule) }));
    expect(e.kind).toBe('invalid');
    expect(e.message).toContain(`${rulePath} /category`);
  });

  it('validates with the built-in schemas, never with a schema the release ships', async () => {
    const rule = JSON.parse(ruleText());
    rule.category = 42;
    const loose = JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'rule.schema.json' });
    const v = variant({ [rulePath]: JSON.stringify(rule), 'schema/rule.schema.json': loose });
    expect((await refusal(v)).kind).toBe('invalid');
  });

  it('refuses a file that is not JSON and a manifest without files', async () => {
    expect((await refusal(variant({ [rulePath]: '{ "id": ' }))).kind).toBe('invalid');
    await expect(openRelease({ version: '2026.11.2', engine: 1 }, async () => null)).rejects.toMatchObject({ kind: 'manifest' });
  });
});

describe('the rights command on a release folder', { timeout: 60_000 }, () => {
  const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
  const rights = (args: string[]) => spawnSync(TSX, ['src/cli/rights.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });

  it('writes a release that check and evaluate read, with amountsUpdated beside rulesVersion', async () => {
    const out = mkdtempSync(join(tmpdir(), 'release-'));
    try {
      const made = rights(['release', '--out', out]);
      expect(made.status).toBe(0);
      expect((await openRulesDir(out)).manifest.version).toBe(built.manifest.version);
      expect(rights(['check', '--rules', out]).stdout).toContain('0 failing');
      const household = join(out, '..', `${out.split('/').at(-1)}-household.json`);
      writeFileSync(household, JSON.stringify({ adults: 1, netMonthlyIncome: 1500, statuses: [] }));
      const evaluated = rights(['evaluate', '--rules', out, '--date', '2026-11-29', '--no-trace', household]);
      const parsed = JSON.parse(evaluated.stdout);
      expect(parsed.rulesVersion).toBe(built.manifest.version);
      expect(parsed.amountsUpdated).toBe(built.manifest.amountsUpdated);
      const early = JSON.parse(rights(['evaluate', '--rules', out, '--date', '2022-06-01', '--no-trace', household]).stdout);
      expect(early.amountsUpdated).toBe('2022-05-01');
      rmSync(household);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses a tampered release folder with a message naming the file', () => {
    const out = mkdtempSync(join(tmpdir(), 'release-'));
    try {
      writeRelease(built, out);
      writeFileSync(join(out, rulePath), ruleText().replace('"eligible"', '"ask"     '));
      const r = rights(['check', '--rules', out]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${rulePath} does not match its SHA-256`);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

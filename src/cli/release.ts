/**
 * Rules releases on disk (Node only): `buildRelease` makes one from a source folder like `rules/`
 * (with the rule texts of `locales/` beside it), `writeRelease` writes it to a folder, and
 * `openRulesDir` reads either kind of folder through the same checks the app makes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { amountsUpdated, ENGINE_VERSION, loadWithBuiltInSchemas, type Manifest, missingTexts, RulesetError } from '../engine';
import { openRelease, type Release, type ReleaseManifest } from '../rules/release';
import { RULES_DIR, readRuleFiles } from './load-rules';

export interface BuiltRelease {
  manifest: ReleaseManifest;
  /** every file but the manifest, by its path in the release */
  files: Map<string, Buffer>;
}

/** Rule ids are `<place>.<name>`; these places are not municipalities. */
const NOT_MUNICIPALITIES = new Set(['federaal', 'vlaanderen', 'belgie', 'wallonie', 'brussel']);

const titleCase = (s: string) => s.replace(/(^|[-\s])(\p{L})/gu, (_, sepChar: string, c: string) => sepChar + c.toUpperCase());

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    return e.isDirectory() ? listFiles(full) : [full];
  });
}

/** The municipalities a ruleset names: the manifest's list, else the rules' territories, else their id prefixes. */
function municipalitiesOf(manifest: Manifest & { municipalities?: string[] }, rules: { id: string; territory?: unknown }[]): string[] {
  if (Array.isArray(manifest.municipalities)) return manifest.municipalities;
  const names = new Set<string>();
  for (const r of rules) {
    const t = r.territory;
    if (typeof t === 'string' && t !== 'everywhere') names.add(t);
    else if (t && typeof t === 'object' && typeof (t as { municipality?: unknown }).municipality === 'string') {
      names.add((t as { municipality: string }).municipality);
    } else {
      const place = r.id.split('.')[0] as string;
      if (!NOT_MUNICIPALITIES.has(place)) names.add(titleCase(place));
    }
  }
  return [...names].sort();
}

/**
 * Builds a release from a source folder. Refuses (RulesetError) rules that do not load, so a
 * release is never written from broken rules.
 */
export function buildRelease(rulesDir = RULES_DIR, localesDir = join(dirname(rulesDir), 'locales')): BuiltRelease {
  const ruleFiles = readRuleFiles(rulesDir);
  const ruleset = loadWithBuiltInSchemas(ruleFiles);
  const files = new Map<string, Buffer>();
  for (const full of listFiles(rulesDir).sort()) {
    const path = relative(rulesDir, full).split(sep).join('/');
    if (path === 'manifest.json' || path.startsWith('schema/') || !path.endsWith('.json')) continue;
    files.set(path, readFileSync(full));
  }
  const changelog = join(rulesDir, 'CHANGELOG.md');
  if (existsSync(changelog)) files.set('CHANGELOG.md', readFileSync(changelog));
  const locales: Record<string, unknown> = {};
  if (existsSync(localesDir)) {
    for (const lang of readdirSync(localesDir).sort()) {
      const texts = join(localesDir, lang, 'rules.json');
      if (!existsSync(texts)) continue;
      files.set(`locales/${lang}/rules.json`, readFileSync(texts));
      try {
        locales[lang] = JSON.parse(readFileSync(texts, 'utf8'));
      } catch (e) {
        throw new RulesetError([{ file: `locales/${lang}/rules.json`, field: '', expected: `valid JSON (${(e as Error).message})` }]);
      }
    }
  }
  // every text the rules name, in every language on its own (not only the keys Dutch has)
  const missing = missingTexts(ruleset, locales);
  if (missing.length) {
    throw new RulesetError(
      missing.map((m) => {
        const [lang, key] = m.split(': ') as [string, string];
        return { file: `locales/${lang}/rules.json`, field: `/${key.split('.').join('/')}`, expected: `a text: the rules name "${key}"` };
      }),
    );
  }
  const source = ruleset.manifest;
  const manifest: ReleaseManifest = {
    $schema: './schema/manifest.schema.json',
    version: source.version,
    published: source.published,
    evaluationFrom: source.evaluationFrom,
    // every money value the release holds, also one dated after its publication
    amountsUpdated: amountsUpdated(ruleset, '9999-12-31'),
    municipalities: municipalitiesOf(source, ruleset.rules as { id: string; territory?: unknown }[]),
    engine: ENGINE_VERSION,
    files: Object.fromEntries(
      [...files].map(([path, body]) => [path, { sha256: createHash('sha256').update(body).digest('hex'), bytes: body.byteLength }]),
    ),
  } as ReleaseManifest;
  return { manifest, files };
}

export function writeRelease(release: BuiltRelease, out: string): void {
  for (const [path, body] of release.files) {
    const target = join(out, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, body);
  }
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(release.manifest, null, 2)}\n`);
}

/** A release folder has a manifest that lists its files; a source folder like `rules/` does not. */
export function isReleaseDir(dir: string): boolean {
  try {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files?: unknown };
    return m !== null && typeof m === 'object' && m.files !== undefined;
  } catch {
    return false;
  }
}

/**
 * Reads a release folder (every hash, size, the built-in schemas and the engine version checked) or
 * a source folder (built into a release in memory first, then read the same way). Cases included.
 * Throws a ReleaseError, or a RulesetError for a source folder whose rules do not load.
 */
export async function openRulesDir(dir = RULES_DIR): Promise<Release> {
  if (isReleaseDir(dir)) {
    const manifest: unknown = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    return openRelease(
      manifest,
      async (path) => {
        const full = join(dir, ...path.split('/'));
        return existsSync(full) ? new Uint8Array(readFileSync(full)) : null;
      },
      { cases: true },
    );
  }
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new RulesetError([{ file: join(dir, 'manifest.json'), field: '', expected: 'a rules folder or a release folder' }]);
  }
  const built = buildRelease(dir);
  return openRelease(built.manifest, async (path) => {
    const body = built.files.get(path);
    return body ? new Uint8Array(body) : null;
  }, { cases: true });
}

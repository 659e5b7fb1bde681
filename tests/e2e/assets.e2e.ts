/**
 * The rules are data beside the app, not code in it: the built JavaScript holds no rule, no
 * parameter value and no rule text, the release is in dist/rules/, and the service worker does not
 * precache it (an old release would be served forever).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = join(ROOT, 'dist');
const RULES = join(ROOT, 'rules');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const js = files(DIST)
  .filter((f) => f.endsWith('.js') || f.endsWith('.mjs'))
  .map((f) => ({ f: f.slice(DIST.length + 1), text: readFileSync(f, 'utf8') }));

/** Strings that can only come from the rules: sources, parameter values as written, rule texts. */
function ruleMarkers(): string[] {
  const out = new Set<string>();
  for (const f of readdirSync(join(RULES, 'parameters'))) {
    const { parameters } = JSON.parse(readFileSync(join(RULES, 'parameters', f), 'utf8'));
    for (const p of Object.values(parameters) as { description: string; values: { value: number; source: { title: string } }[] }[]) {
      out.add(p.description);
      for (const v of p.values) {
        out.add(v.source.title);
        // a euro amount with cents, as written in the file ("1314.2", "2486.5")
        if (!Number.isInteger(v.value) && v.value >= 100) out.add(String(v.value));
      }
    }
  }
  for (const id of readdirSync(join(RULES, 'rights'))) {
    const rule = JSON.parse(readFileSync(join(RULES, 'rights', id, 'rule.json'), 'utf8'));
    for (const s of rule.sources as { title: string }[]) out.add(s.title);
  }
  const nl = JSON.parse(readFileSync(join(ROOT, 'locales/nl/rules.json'), 'utf8'));
  for (const r of Object.values(nl.rights) as { summary?: string }[]) if (r.summary) out.add(r.summary);
  return [...out].filter((m) => m.length >= 5);
}

describe('the built app', () => {
  it('has no rule, parameter or rule text in any JavaScript asset', () => {
    const markers = ruleMarkers();
    assert.ok(markers.length > 50, `enough markers to mean something (${markers.length})`);
    assert.ok(js.length > 3, 'the build has JavaScript assets');
    const found = js.flatMap(({ f, text }) => markers.filter((m) => text.includes(m)).map((m) => `${f}: ${m}`));
    assert.deepEqual(found, []);
  });

  it('has the current release in dist/rules, and the service worker does not precache it', () => {
    const manifest = JSON.parse(readFileSync(join(DIST, 'rules/manifest.json'), 'utf8'));
    const source = JSON.parse(readFileSync(join(RULES, 'manifest.json'), 'utf8'));
    assert.equal(manifest.version, source.version);
    for (const path of Object.keys(manifest.files)) assert.ok(readdirSync(join(DIST, 'rules', path, '..')).length > 0, path);
    assert.ok(manifest.files['parameters/leefloon.json']);
    const sw = readFileSync(join(DIST, 'sw.js'), 'utf8');
    assert.ok(sw.includes('index.html'), 'the service worker has its precache list');
    assert.equal(sw.includes('rules/'), false, 'no rules file in the precache list');
  });
});

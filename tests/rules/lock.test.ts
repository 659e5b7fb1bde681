/**
 * Version discipline: a rule file that differs from rules/rules.lock needs a new version and a
 * changelog entry, and the test says exactly what to do. Tried on a scratch copy of rules/.
 */
// @vitest-environment node
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES_DIR, readRuleFiles } from '../../src/cli/load-rules';
import { changelogEntries, currentLock, entryProblems, LOCK_FILE, lockProblems, nextVersion, writeLock } from '../../src/cli/lock';

function sink(): NodeJS.WritableStream & { text: string } {
  const out = {
    text: '',
    write(s: string) {
      out.text += s;
      return true;
    },
  };
  return out as unknown as NodeJS.WritableStream & { text: string };
}

/** A scratch copy of rules/, locked as it is (so these tests hold whatever rules/ is in the middle of). */
function scratch(): { dir: string; version: string; next: string } {
  const dir = mkdtempSync(join(tmpdir(), 'rules-'));
  cpSync(RULES_DIR, dir, { recursive: true });
  const lock = currentLock(dir);
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify(lock));
  return { dir, version: lock.version, next: lock.version.replace(/\d+$/, (n) => String(Number(n) + 1)) };
}

const edit = (file: string, change: (text: string) => string) => writeFileSync(file, change(readFileSync(file, 'utf8')));

describe('the rules lock', () => {
  it('matches the rule files for the version in rules/manifest.json, with a complete changelog entry', () => {
    // When this fails, the message says what to do: a new version, its changelog entry, npm run rules:lock.
    expect(lockProblems().join('\n\n')).toBe('');
  });

  it('fails on a changed figure without a new version, and says what to do; then passes once it is done', () => {
    const { dir, version, next } = scratch();
    expect(lockProblems(dir)).toEqual([]);
    edit(join(dir, 'parameters/leefloon.json'), (t) => t.replace('"from": "2025-02-01"', '"from": "2025-02-02"'));
    const problems = lockProblems(dir).join('\n');
    expect(problems).toContain('parameters/leefloon.json');
    expect(problems).toContain(`Raise "version" in rules/manifest.json above ${version}`);
    expect(problems).toContain('npm run rules:lock');

    const out = sink();
    expect(writeLock(dir, out)).toBe(1);
    expect(out.text).toContain(`the version is still ${version}`);

    edit(join(dir, 'manifest.json'), (t) => t.replace(version, next));
    expect(lockProblems(dir).join('\n')).toContain(`no entry "## ${next}`);
    expect(writeLock(dir, sink())).toBe(1);

    const entry = `## ${next} — published 2026-11-29\n\nKind: correction\nDates: leefloon from 2025-02-02\n`;
    edit(join(dir, 'CHANGELOG.md'), (t) => t.replace(`## ${version}`, `${entry}\n## ${version}`));
    const refused = sink();
    expect(writeLock(dir, refused)).toBe(1);
    expect(refused.text).toContain('Sources: …');

    edit(join(dir, 'CHANGELOG.md'), (t) => t.replace('Dates: leefloon from 2025-02-02\n', 'Dates: leefloon from 2025-02-02\nSources: test\n'));
    expect(writeLock(dir, sink())).toBe(0);
    expect(lockProblems(dir)).toEqual([]);
  });

  it('does not lock the cases: a new case changes no result', () => {
    const { dir } = scratch();
    edit(join(dir, 'rights/kortrijk.pamperbank/cases.json'), (t) => t.replace('"cases": [', '"cases": [ '));
    expect(lockProblems(dir)).toEqual([]);
  });

  it('says where a forgotten comma is: the line and the column', () => {
    const { dir } = scratch();
    edit(join(dir, 'parameters/leefloon.json'), (t) => t.replace(/("value": [\d.]+),/, '$1'));
    expect(() => readRuleFiles(dir)).toThrow(/parameters\/leefloon\.json .*valid JSON .* at line \d+, column \d+/);
  });

  it('reads a changelog entry: a breaking change needs its migration', () => {
    const [breaking] = changelogEntries('## 2027.01.1 — published 2027-01-05\n\nKind: breaking\nDates: from 2027-01-01\nSources: x\n');
    expect(entryProblems(breaking as never)).toEqual([
      '2027.01.1: a breaking change needs a line "Migration: …" saying how saved answers are carried over',
    ]);
    const [bad] = changelogEntries('## 2027.1 published\n\nKind: update\n');
    expect(entryProblems(bad as never)).toHaveLength(4);
  });

  it('counts versions up within a month and starts again at 1 in a new month', () => {
    expect(nextVersion('2026.11.1', '2026.11')).toBe('2026.11.2');
    expect(nextVersion('2026.11.3', '2027.01')).toBe('2027.01.1');
  });
});

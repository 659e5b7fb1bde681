/** rules:diff: which results change between two rule folders, for the cases and for given households. */
// @vitest-environment node
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseHouseholds, diffResults, diffTable } from '../../src/cli/diff';
import { evaluate } from '../../src/engine';
import { loadRulesFromDisk, RULES_DIR } from '../../src/cli/load-rules';

/** A scratch copy of rules/ with a new leefloon value for a single adult from 2030-01-01 (€ 1 400: limit € 1 960). */
function withNewLeefloon(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rules-new-'));
  cpSync(RULES_DIR, dir, { recursive: true });
  const file = join(dir, 'parameters/leefloon.json');
  const data = JSON.parse(readFileSync(file, 'utf8'));
  data.parameters['leefloon.alleenstaand'].values.push({ from: '2030-01-01', value: 1400, source: { title: 'test', read: '2026-11-29' } });
  writeFileSync(file, JSON.stringify(data));
  return dir;
}

const oldRules = loadRulesFromDisk();
const newDir = withNewLeefloon();
const newRules = loadRulesFromDisk(newDir);
const single = (income: number) => ({ adults: 1, children: [], netMonthlyIncome: income, statuses: [] });

describe('rules:diff', () => {
  it('finds the households whose result changes with a new leefloon value, and only from its date', () => {
    const changes = diffResults(oldRules, newRules, [
      { id: 'just below the new limit', date: '2030-03-01', answers: single(1950) },
      { id: 'the day before', date: '2029-12-31', answers: single(1950) },
      { id: 'far above', date: '2030-03-01', answers: single(5000) },
    ]);
    const before = evaluate(oldRules, single(1950), '2030-03-01').find((r) => r.id === 'kortrijk.sociaal-tarief');
    const st = changes.filter((c) => c.right === 'kortrijk.sociaal-tarief');
    expect(st).toEqual([
      {
        id: 'just below the new limit',
        date: '2030-03-01',
        right: 'kortrijk.sociaal-tarief',
        old: { status: before?.status, threshold: before?.threshold },
        new: { status: 'eligible', threshold: 1960 },
      },
      {
        id: 'far above',
        date: '2030-03-01',
        right: 'kortrijk.sociaal-tarief',
        old: { status: 'not-eligible', threshold: before?.threshold },
        new: { status: 'not-eligible', threshold: 1960 },
      },
    ]);
    expect(before?.status).toBe('not-eligible');
    expect(changes.some((c) => c.id === 'the day before')).toBe(false);
  });

  it('finds nothing between a folder and itself, over every case', () => {
    const households = caseHouseholds(oldRules);
    expect(households.length).toBe([...oldRules.cases.values()].flat().length);
    expect(diffResults(oldRules, oldRules, households)).toEqual([]);
    expect(diffTable([], households.length, ['a', 'a'])).toBe(`No result changes in the ${households.length} households compared.\n`);
  });

  it('runs as a command: a table or one JSON document, exit 0 with changes, 2 for unreadable input', () => {
    const households = join(newDir, '..', `${newDir.split('/').at(-1)}.jsonl`);
    writeFileSync(households, `${JSON.stringify({ id: 'h1', date: '2030-03-01', answers: single(1950) })}\n`);
    const run = (args: string[]) => spawnSync('npm', ['run', '--silent', 'rules:diff', '--', ...args], { encoding: 'utf8' });
    const json = run([RULES_DIR, newDir, '--households', households, '--json']);
    expect(json.status).toBe(0);
    const doc = JSON.parse(json.stdout) as { changes: { id: string; right: string; new: { status: string } }[] };
    expect(doc.changes.find((c) => c.id === 'h1' && c.right === 'kortrijk.sociaal-tarief')?.new.status).toBe('eligible');
    const table = run([RULES_DIR, newDir, '--households', households]);
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^h1 +2030-03-01 +kortrijk\.sociaal-tarief +not-eligible, threshold [\d.]+ +eligible, threshold 1960$/m);
    expect(table.stdout).toContain(`change, in 1 of ${caseHouseholds(oldRules, newRules).length + 1} households compared.`);
    writeFileSync(households, '{ not json\n');
    const bad = run([RULES_DIR, newDir, '--households', households]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('line 1 is not JSON');
    expect(run([RULES_DIR, join(newDir, 'nothing-here')]).status).toBe(2);
  }, 120_000);
});

// @vitest-environment node
/**
 * Inputs found by trying to break the engine and the `rights` command: each gets a clear message
 * naming what is wrong, never a stack trace, a RangeError, or a right that silently vanishes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulesFromDisk, RULES_DIR } from '../../src/cli/load-rules';
import { loadRuleset, RulesetError, validateAnswers } from '../../src/engine';
import { MAX_DEPTH } from '../../src/engine/logic';
import { fixtureFiles, rule } from './fixture';

const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const rights = (args: string[]) => spawnSync(TSX, ['src/cli/rights.ts', ...args], { encoding: 'utf8', cwd: process.cwd() });
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at |RangeError|EISDIR|TypeError/);

function problemsOf(load: () => unknown): string {
  try {
    load();
  } catch (e) {
    expect(e).toBeInstanceOf(RulesetError);
    return (e as Error).message;
  }
  throw new Error('expected the rules to be refused');
}

function nested(depth: number): unknown {
  let logic: unknown = { '<=': [{ var: 'netMonthlyIncome' }, 1000] };
  for (let i = 0; i < depth; i++) logic = { '!': [{ '!': [logic] }] };
  return logic;
}

describe('rights evaluate with a folder instead of a file', () => {
  it.each([[['evaluate', 'src']], [['evaluate', '--jsonl', 'src']]])('%j says it is a folder, exit 2', (args) => {
    const r = rights(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('src is a folder, not a file');
    noStack(r.stderr);
  });
});

describe('a condition nested very deep', () => {
  it('5 000 levels are refused with the field and the limit, not a RangeError', () => {
    const message = problemsOf(() =>
      loadRuleset(fixtureFiles([rule('test.tariff', { outcomes: [{ status: 'eligible', reason: 'deep', when: nested(2500) }] })])),
    );
    expect(message).toContain('rights/test.tariff/rule.json /outcomes/0/when');
    expect(message).toContain(`nested at most ${MAX_DEPTH} levels deep`);
    noStack(message);
  });

  it('a condition just within the limit still works', () => {
    const rules = loadRuleset(
      fixtureFiles([rule('test.tariff', { outcomes: [{ status: 'eligible', reason: 'deep', when: nested((MAX_DEPTH - 4) / 2) }] })]),
    );
    expect(rules.rulesById.has('test.tariff')).toBe(true);
  });
});

describe('symbolic links in the rules folder', () => {
  const copy = () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rules-')), 'rules');
    cpSync(RULES_DIR, dir, { recursive: true });
    return dir;
  };

  it('a link named like a JSON file but pointing to a folder is refused by name', () => {
    const dir = copy();
    symlinkSync(join(dir, 'rights'), join(dir, 'parameters', 'extra.json'));
    const message = problemsOf(() => loadRulesFromDisk(dir));
    expect(message).toContain('parameters/extra.json');
    expect(message).toContain('found a symbolic link');
    noStack(message);
  });

  it('a linked folder is refused by name, so the right it holds cannot silently vanish', () => {
    const dir = copy();
    const outside = mkdtempSync(join(tmpdir(), 'right-'));
    cpSync(join(dir, 'rights', 'kortrijk.pamperbank'), join(outside, 'kortrijk.pamperbank'), { recursive: true });
    cpSync(join(dir, 'rights', 'kortrijk.pamperbank'), join(outside, 'copy'), { recursive: true });
    mkdirSync(join(dir, 'rights-extra'));
    symlinkSync(join(outside, 'copy'), join(dir, 'rights', 'kortrijk.linked'));
    const message = problemsOf(() => loadRulesFromDisk(dir));
    expect(message).toContain('rights/kortrijk.linked');
    expect(message).toContain('found a symbolic link');
  });
});

describe('schema messages read plainly', () => {
  const rules = loadRulesFromDisk();
  const plain = (m: string) => {
    expect(m).not.toMatch(/the value does|of type undefined|Instance|schema\.|\[object|undefined/);
  };

  it.each([
    [{ children: [{}] }, 'answers/children/0/age: expected a value ("age" is required), found nothing'],
    [{ children: [{ age: 'x' }] }, 'answers/children/0/age: expected a whole number, found "x"'],
    [{ adults: 0 }, 'answers/adults: expected a number of at least 1, found 0'],
    [{ housing: 'tent' }, 'answers/housing: expected one of "private-rent", "social-rent", "owner", "homeless", "other", found "tent"'],
    [{ statuses: ['student', 'student'] }, 'answers/statuses: expected a list without repeated items, found ["student","student"]'],
  ])('answers %j', (answers, message) => {
    const m = validateAnswers(rules, answers) as string;
    expect(m).toBe(message);
    plain(m);
  });

  it('a rule file with a missing field, a bad date and a wrong type', () => {
    const broken = rule('test.tariff', { validFrom: 'soon', validUntil: 3, steps: [1], extra: true });
    delete (broken.data as Record<string, unknown>).provider;
    const message = problemsOf(() => loadRuleset(fixtureFiles([broken])));
    expect(message).toContain('/provider: expected a value ("provider" is required), found nothing');
    expect(message).toContain('/validFrom: expected a date written YYYY-MM-DD, found "soon"');
    expect(message).toContain('/validUntil: expected text, or null (empty), found 3');
    expect(message).toContain('/steps/0: expected text');
    expect(message).toContain('/extra: expected no field "extra" here');
    for (const line of message.split('\n').slice(1)) plain(line);
  });
});

describe('dotted variable names', () => {
  it('a var with a dot is refused: other JsonLogic readers take it as a path', () => {
    const message = problemsOf(() =>
      loadRuleset(fixtureFiles([rule('test.tariff', { outcomes: [{ status: 'eligible', reason: 'x', when: { '<=': [{ var: 'limit.monthly' }, 1] } }] })])),
    );
    expect(message).toContain('rights/test.tariff/rule.json /outcomes/0/when/<=/0/var: expected a name without a dot');
    expect(message).toContain('write "limit_monthly"');
  });

  it('a derived variable named with a dot is refused by the schema, in words', () => {
    const files = fixtureFiles();
    const file = files.find((f) => f.path === 'variables.json') as { data: { variables: Record<string, unknown> } };
    const variables = file.data.variables;
    variables['limit.monthly'] = { description: 'a dotted name', logic: 1 };
    const message = problemsOf(() => loadRuleset(files));
    expect(message).toContain('variables.json');
    expect(message).toContain('variables.json /variables/limit.monthly: expected a name of letters, digits and _ (no dot');
    expect(message).toContain('found "limit.monthly"');
    expect(message).not.toMatch(/Instance|undefined|does not match schema/);
  });
});

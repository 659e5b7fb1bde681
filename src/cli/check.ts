/**
 * `rules:check`: validates every rule file and runs every right's cases, with a readable report.
 * Returns the exit code: 0 when all is well, 1 when a file is malformed or a case fails.
 */
import { DateError, evaluate, EngineError, type Result, type RuleCase, type Ruleset, validateAnswers } from '../engine';

export interface CaseFailure {
  right: string;
  name: string;
  problems: string[];
}

const fmt = (v: unknown) => (v === undefined ? 'absent' : JSON.stringify(v));

/** Compares one case with the engine's result; returns what differs (empty when it passes). */
export function checkCase(rules: Ruleset, right: string, c: RuleCase): string[] {
  const answersProblem = validateAnswers(rules, c.answers);
  if (answersProblem) return [`its answers are invalid: ${answersProblem}`];
  let results: Result[];
  try {
    results = evaluate(rules, c.answers, c.date, { trace: false });
  } catch (e) {
    if (e instanceof DateError && c.expect.status === 'refused') return [];
    if (e instanceof EngineError) return [`the engine refused: ${e.message}`];
    throw e;
  }
  if (c.expect.status === 'refused') return [`expected the date ${c.date} to be refused, but it was evaluated`];
  const r = results.find((x) => x.id === right);
  const problems: string[] = [];
  if (c.expect.status === 'not-in-force') {
    if (r) problems.push(`expected the right not to be in force on ${c.date}, got status ${r.status}`);
    return problems;
  }
  if (!r) return [`expected status ${c.expect.status}, but the right is not in force on ${c.date}`];
  if (r.status !== c.expect.status) problems.push(`status: expected ${c.expect.status}, got ${r.status}`);
  for (const field of ['threshold', 'over', 'amount', 'unit'] as const) {
    if (!(field in c.expect)) continue;
    const want = c.expect[field] ?? undefined;
    const got = r[field];
    const same = typeof want === 'number' && typeof got === 'number' ? Math.abs(want - got) < 0.005 : want === got;
    if (!same) problems.push(`${field}: expected ${fmt(want)}, got ${fmt(got)}`);
  }
  if (c.expect.missing) {
    const got = r.missing ?? [];
    if (JSON.stringify(got) !== JSON.stringify(c.expect.missing)) {
      problems.push(`missing: expected ${fmt(c.expect.missing)}, got ${fmt(got)}`);
    }
  }
  return problems;
}

export function runAllCases(rules: Ruleset): { total: number; failures: CaseFailure[]; rightsWithoutCases: string[] } {
  const failures: CaseFailure[] = [];
  let total = 0;
  for (const [right, cases] of rules.cases) {
    if (!rules.rulesById.has(right)) {
      failures.push({ right, name: '(cases.json)', problems: ['there is no rule.json for these cases'] });
      continue;
    }
    for (const c of cases) {
      total++;
      const problems = checkCase(rules, right, c);
      if (problems.length) failures.push({ right, name: c.name, problems });
    }
  }
  const rightsWithoutCases = rules.rules.filter((r) => !rules.cases.has(r.id)).map((r) => r.id);
  return { total, failures, rightsWithoutCases };
}

/** Runs every right's cases of a loaded ruleset, writing a readable report; returns the exit code. */
export function runCases(out: NodeJS.WritableStream, rules: Ruleset): number {
  const { total, failures, rightsWithoutCases } = runAllCases(rules);
  for (const f of failures) {
    out.write(`✗ ${f.right}: ${f.name}\n${f.problems.map((p) => `    ${p}\n`).join('')}`);
  }
  for (const id of rightsWithoutCases) out.write(`✗ ${id}: has no cases.json\n`);
  const ok = failures.length === 0 && rightsWithoutCases.length === 0;
  out.write(
    `rules ${rules.manifest.version}: ${rules.rules.length} rights, ${total} cases, ${failures.length} failing${ok ? ' — all good' : ''}\n`,
  );
  return ok ? 0 : 1;
}

/**
 * `rules:diff OLD NEW [--households FILE.jsonl] [--json] [--date YYYY-MM-DD]`: which results change
 * between two rule folders (a release or a source folder each): status, amount and threshold of every
 * right, for the household of every case of both folders and for every household of the file.
 * Exit 0 whether or not results change; 2 when an input cannot be read.
 */
import { readFileSync } from 'node:fs';
import { type Answers, EngineError, evaluate, type Result, type Ruleset, validateAnswers } from '../engine';
import { openRulesDir } from './release';

export class DiffInputError extends Error {}

/** What is compared of one right's result; null when the right is not in force at the date. */
export interface Outcome {
  status: Result['status'] | 'error';
  amount?: number;
  unit?: string;
  threshold?: number;
  error?: string;
}

export interface Change {
  /** the household: `<right id>: <case name>` for a case, the line's id for a household of the file */
  id: string;
  date: string;
  right: string;
  old: Outcome | null;
  new: Outcome | null;
}

export interface Household {
  id: string;
  date: string;
  answers: Answers;
}

function outcomes(ruleset: Ruleset, h: Household): Map<string, Outcome> | string {
  try {
    const out = new Map<string, Outcome>();
    for (const r of evaluate(ruleset, h.answers, h.date)) {
      const o: Outcome = { status: r.status };
      if (r.amount !== undefined) {
        o.amount = r.amount;
        o.unit = r.unit;
      }
      if (r.threshold !== undefined) o.threshold = r.threshold;
      out.set(r.id, o);
    }
    return out;
  } catch (e) {
    if (e instanceof EngineError) return e.message;
    throw e;
  }
}

const same = (a: Outcome | null, b: Outcome | null) => JSON.stringify(a) === JSON.stringify(b);

/** Every right whose result differs between the two rulesets, for each household. */
export function diffResults(oldRules: Ruleset, newRules: Ruleset, households: Household[]): Change[] {
  const changes: Change[] = [];
  for (const h of households) {
    const before = outcomes(oldRules, h);
    const after = outcomes(newRules, h);
    const asMap = (x: Map<string, Outcome> | string, ids: Iterable<string>) =>
      typeof x === 'string' ? new Map([...ids].map((id) => [id, { status: 'error', error: x } as Outcome])) : x;
    const ids = new Set([...oldRules.rulesById.keys(), ...newRules.rulesById.keys()]);
    const b = asMap(before, ids);
    const a = asMap(after, ids);
    for (const right of [...ids].sort()) {
      const o = b.get(right) ?? null;
      const n = a.get(right) ?? null;
      if (!same(o, n)) changes.push({ id: h.id, date: h.date, right, old: o, new: n });
    }
  }
  return changes;
}

/** The household of every case of both rulesets (once each), named by its right and its sentence. */
export function caseHouseholds(...rulesets: Ruleset[]): Household[] {
  const seen = new Map<string, Household>();
  for (const rs of rulesets) {
    for (const [right, cases] of rs.cases) {
      for (const c of cases) {
        const id = `${right}: ${c.name}`;
        if (!seen.has(`${id}|${c.date}`)) seen.set(`${id}|${c.date}`, { id, date: c.date, answers: c.answers });
      }
    }
  }
  return [...seen.values()];
}

/** The households of a JSON-lines file (`{ "id", "date"?, "answers" }` per line, as for evaluate --jsonl). */
export function readHouseholds(file: string, ruleset: Ruleset, defaultDate: string): Household[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new DiffInputError(`cannot read the households file ${file}`);
  }
  const out: Household[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let data: { id?: unknown; date?: unknown; answers?: unknown };
    try {
      data = JSON.parse(line);
    } catch (e) {
      throw new DiffInputError(`${file} line ${i + 1} is not JSON: ${(e as Error).message}`);
    }
    const problem = validateAnswers(ruleset, data?.answers);
    if (problem) throw new DiffInputError(`${file} line ${i + 1}: ${problem}`);
    if (data.date !== undefined && (typeof data.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(data.date))) {
      throw new DiffInputError(`${file} line ${i + 1}: "date" must be YYYY-MM-DD`);
    }
    out.push({ id: data.id === undefined ? `line ${i + 1}` : String(data.id), date: (data.date as string) ?? defaultDate, answers: data.answers as Answers });
  });
  return out;
}

function outcomeText(o: Outcome | null): string {
  if (!o) return 'not in force';
  if (o.status === 'error') return `error: ${o.error}`;
  const parts: string[] = [o.status];
  if (o.amount !== undefined) parts.push(`amount ${o.amount}${o.unit ? ` ${o.unit}` : ''}`);
  if (o.threshold !== undefined) parts.push(`threshold ${o.threshold}`);
  return parts.join(', ');
}

/** The changes as a plain table (one line each), then a summary. */
export function diffTable(changes: Change[], compared: number, versions: [string, string]): string {
  const rows = changes.map((c) => [c.id, c.date, c.right, outcomeText(c.old), outcomeText(c.new)]);
  const head = ['household', 'date', 'right', `old (${versions[0]})`, `new (${versions[1]})`];
  const widths = head.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] as string).length))));
  const cut = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (r: string[]) => r.map((s, i) => cut(s, widths[i] as number)).join('  ').trimEnd();
  const households = new Set(changes.map((c) => `${c.id}|${c.date}`)).size;
  const summary = changes.length
    ? `${changes.length} result${changes.length === 1 ? '' : 's'} change, in ${households} of ${compared} households compared.`
    : `No result changes in the ${compared} households compared.`;
  return `${changes.length ? `${[line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n\n` : ''}${summary}\n`;
}

export interface DiffOptions {
  oldDir: string;
  newDir: string;
  households?: string;
  json: boolean;
  date: string;
}

export function parseDiffArgs(args: string[], today: string): DiffOptions {
  const dirs: string[] = [];
  const o: DiffOptions = { oldDir: '', newDir: '', json: false, date: today };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--json') o.json = true;
    else if (a === '--households' || a === '--date') {
      const v = args[++i];
      if (!v) throw new DiffInputError(`${a} needs a value`);
      if (a === '--date') o.date = v;
      else o.households = v;
    } else if (a.startsWith('--')) throw new DiffInputError(`unknown option ${a}`);
    else dirs.push(a);
  }
  if (dirs.length !== 2) throw new DiffInputError('name two rule folders: OLD NEW (a release folder or a source folder like rules/)');
  [o.oldDir, o.newDir] = dirs as [string, string];
  return o;
}

/** The whole command; returns the exit code. */
export async function runDiff(args: string[], today: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  try {
    const o = parseDiffArgs(args, today);
    const open = async (dir: string) => {
      try {
        return (await openRulesDir(dir)).ruleset;
      } catch (e) {
        throw new DiffInputError(`cannot read the rules in ${dir}: ${(e as Error).message}`);
      }
    };
    const [oldRules, newRules] = [await open(o.oldDir), await open(o.newDir)];
    const households = [...caseHouseholds(oldRules, newRules), ...(o.households ? readHouseholds(o.households, newRules, o.date) : [])];
    const changes = diffResults(oldRules, newRules, households);
    const versions: [string, string] = [oldRules.manifest.version, newRules.manifest.version];
    if (o.json) {
      out.write(`${JSON.stringify({ old: versions[0], new: versions[1], compared: households.length, changes }, null, 2)}\n`);
    } else out.write(diffTable(changes, households.length, versions));
    return 0;
  } catch (e) {
    if (e instanceof DiffInputError) {
      err.write(`rules:diff: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

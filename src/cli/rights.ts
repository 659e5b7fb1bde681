/**
 * The `rights` command: the same engine and rules as the app, from the command line.
 *
 *   rights evaluate [--date YYYY-MM-DD] [--no-trace] FILE|-      one household → one JSON object
 *   rights evaluate --jsonl [--date YYYY-MM-DD] [--trace] FILE|-  { id, date, answers } per line → one line each
 *   rights check                                                  validate every rule file and run every case
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { type Answers, EngineError, evaluate, RulesetError, type Ruleset, validateAnswers } from '../engine';
import { runCases } from './check';
import { loadRulesFromDisk } from './load-rules';
import { evaluateLine } from './batch';
import { toOutput } from './output';

const USAGE = `Usage:
  rights evaluate [--date YYYY-MM-DD] [--no-trace] FILE    evaluate one household (FILE - reads standard input)
  rights evaluate --jsonl [--date YYYY-MM-DD] [--trace] FILE   one { "id", "date", "answers" } per line
  rights check                                              validate the rules and run every rule's cases`;

class UsageError extends Error {}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

interface Options {
  date?: string;
  jsonl: boolean;
  trace?: boolean;
  file?: string;
}

function parseArgs(args: string[]): Options {
  const o: Options = { jsonl: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--date') {
      const d = args[++i];
      if (!d) throw new UsageError('--date needs a date, YYYY-MM-DD');
      o.date = d;
    } else if (a.startsWith('--date=')) o.date = a.slice(7);
    else if (a === '--jsonl') o.jsonl = true;
    else if (a === '--trace') o.trace = true;
    else if (a === '--no-trace') o.trace = false;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else if (o.file === undefined) o.file = a;
    else throw new UsageError(`one file only, found also ${a}`);
  }
  if (o.file === undefined) throw new UsageError('name the answers file (or - for standard input)');
  return o;
}

function evaluateOne(rules: Ruleset, o: Options): void {
  const text = o.file === '-' ? readFileSync(0, 'utf8') : readFileSync(o.file as string, 'utf8');
  let answers: unknown;
  try {
    answers = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${o.file} is not valid JSON: ${(e as Error).message}`);
  }
  const problem = validateAnswers(rules, answers);
  if (problem) throw new UsageError(`${o.file}: ${problem}`);
  const date = o.date ?? today();
  const results = evaluate(rules, answers as Answers, date, { trace: o.trace ?? true });
  process.stdout.write(
    `${JSON.stringify({ date, rulesVersion: rules.manifest.version, results: results.map(toOutput) }, null, 2)}\n`,
  );
}

async function evaluateLines(rules: Ruleset, o: Options): Promise<number> {
  const input = o.file === '-' ? process.stdin : createReadStream(o.file as string);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const trace = o.trace ?? false;
  const defaultDate = o.date ?? today();
  let buffer = '';
  let bad = 0;
  let lineNo = 0;
  const flush = async () => {
    if (!process.stdout.write(buffer)) await new Promise((r) => process.stdout.once('drain', r));
    buffer = '';
  };
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    const out = evaluateLine(rules, line, lineNo, defaultDate, trace);
    if (!out.ok) bad++;
    buffer += `${out.text}\n`;
    if (buffer.length > 65536) await flush();
  }
  await flush();
  if (bad) process.stderr.write(`${bad} line${bad === 1 ? '' : 's'} could not be evaluated (see the "error" lines)\n`);
  return bad ? 1 : 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return runCases(process.stdout);
    if (command !== 'evaluate') throw new UsageError(command ? `unknown command "${command}"` : 'name a command');
    const o = parseArgs(rest);
    const rules = loadRulesFromDisk();
    if (o.jsonl) return await evaluateLines(rules, o);
    evaluateOne(rules, o);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`rights: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof RulesetError || e instanceof EngineError) {
      process.stderr.write(`rights: ${e.message}\n`);
      return 1;
    }
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      process.stderr.write(`rights: no such file: ${(e as NodeJS.ErrnoException).path}\n`);
      return 2;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

/**
 * The `rights` command: the same engine and rules as the app, from the command line.
 *
 *   rights evaluate [--date YYYY-MM-DD] [--no-trace] FILE|-      one household → one JSON object
 *   rights evaluate --jsonl [--date YYYY-MM-DD] [--trace] FILE|-  { id, date, answers } per line → one line each
 *   rights check                                                  validate every rule file and run every case
 *   rights release --out DIR                                      write a rules release
 *   rights screen [--date D] [--lang L] --out DIR FILE            proactive detection (see screen/screen.ts)
 * Every command takes `--rules DIR`: a release folder or a source folder like rules/ (the default).
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { isoDate } from '../engine/values';
import { createInterface } from 'node:readline';
import { isMainThread, workerData } from 'node:worker_threads';
import { type Answers, amountsUpdated, assertInWindow, DateError, EngineError, evaluate, RulesetError, type Ruleset, validateAnswers } from '../engine';
import { ReleaseError } from '../rules/release';
import { runCases } from './check';
import { RULES_DIR } from './load-rules';
import { buildRelease, openRulesDir, writeRelease } from './release';
import { evaluateLine } from './batch';
import { toOutput } from './output';
import { runDiff } from './diff';
import { writeLock } from './lock';
import { report, ReviewUsageError } from './review-commands';
import type { WorkerSetup } from './screen/worker';

const USAGE = `Usage:
  rights evaluate [--date YYYY-MM-DD] [--no-trace] FILE    evaluate one household (FILE - reads standard input)
  rights evaluate --jsonl [--date YYYY-MM-DD] [--trace] FILE   one { "id", "date", "answers" } per line
  rights check                                              validate the rules and run every rule's cases
  rights release --out DIR                                  write a rules release (manifest, rule files, texts)
  rights report --out DIR [--date YYYY-MM-DD]               write DIR/index.html, the rules for review
  rights diff OLD NEW [--households FILE.jsonl] [--json]     which results change between two rule folders
  rights lock                                               lock the hashes of rules/ for its version (after a new version and changelog entry)
  rights screen [--date YYYY-MM-DD] [--lang nl] --out DIR FILE
                                   screen a file of households (.csv or .jsonl): whom to contact about what
Every command takes --rules DIR: a release folder or a source folder like rules/ (the default).`;

class UsageError extends Error {}

const today = (): string => isoDate(new Date());

interface Options {
  rules: string;
  out?: string;
  date?: string;
  jsonl: boolean;
  trace?: boolean;
  file?: string;
}

function parseArgs(args: string[]): Options {
  const o: Options = { jsonl: false, rules: RULES_DIR };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--date') {
      const d = args[++i];
      if (!d) throw new UsageError('--date needs a date, YYYY-MM-DD');
      o.date = d;
    } else if (a.startsWith('--date=')) o.date = a.slice(7);
    else if (a === '--rules' || a === '--out') {
      const d = args[++i];
      if (!d) throw new UsageError(`${a} needs a folder`);
      o[a === '--rules' ? 'rules' : 'out'] = d;
    } else if (a.startsWith('--rules=')) o.rules = a.slice(8);
    else if (a.startsWith('--out=')) o.out = a.slice(6);
    else if (a === '--jsonl') o.jsonl = true;
    else if (a === '--trace') o.trace = true;
    else if (a === '--no-trace') o.trace = false;
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else if (o.file === undefined) o.file = a;
    else throw new UsageError(`one file only, found also ${a}`);
  }
  return o;
}

/** The answers file must be a file: a folder or a missing path is a usage error, not a stack trace. */
function checkInput(file: string): void {
  if (file === '-') return;
  let isFile: boolean;
  try {
    isFile = statSync(file).isFile();
  } catch {
    throw new UsageError(`no such file: ${file}`);
  }
  if (!isFile) throw new UsageError(`${file} is a folder, not a file: name the JSON file of answers`);
}

function evaluateOne(rules: Ruleset, o: Options): void {
  if (o.file === undefined) throw new UsageError('name the answers file (or - for standard input)');
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
    `${JSON.stringify({ date, rulesVersion: rules.manifest.version, amountsUpdated: amountsUpdated(rules, date), results: results.map(toOutput) }, null, 2)}\n`,
  );
}

async function evaluateLines(rules: Ruleset, o: Options): Promise<number> {
  if (o.file === undefined) throw new UsageError('name the answers file (or - for standard input)');
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
    if (command === 'report') return await report(rest, process.stdout);
    if (command === 'lock') return writeLock(RULES_DIR, process.stdout);
    if (command === 'diff') return await runDiff(rest, today(), process.stdout, process.stderr);
    // loaded only for this command: the others start as fast as before
    if (command === 'screen') return await (await import('./screen/command')).screenCommand(rest, new URL(import.meta.url), USAGE);
    if (command !== 'evaluate' && command !== 'check' && command !== 'release') {
      throw new UsageError(command ? `unknown command "${command}"` : 'name a command');
    }
    const o = parseArgs(rest);
    if (command === 'release') {
      if (!o.out) throw new UsageError('release needs --out DIR, the folder to write the release to');
      const built = buildRelease(o.rules);
      writeRelease(built, o.out);
      const bytes = [...built.files.values()].reduce((n, b) => n + b.byteLength, 0);
      process.stdout.write(
        `rules ${built.manifest.version} released to ${o.out}: ${built.files.size} files, ${bytes} bytes, amounts updated ${built.manifest.amountsUpdated}, engine ${built.manifest.engine}\n`,
      );
      return 0;
    }
    if (command === 'evaluate' && o.file !== undefined) checkInput(o.file);
    const { ruleset: rules } = await openRulesDir(o.rules);
    // an impossible date or one before the rules' window is refused as a whole, before any household
    if (o.date !== undefined && command === 'evaluate') assertInWindow(rules, o.date);
    if (command === 'check') return runCases(process.stdout, rules);
    if (o.jsonl) return await evaluateLines(rules, o);
    evaluateOne(rules, o);
    return 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof ReviewUsageError) {
      process.stderr.write(`rights: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof DateError) {
      process.stderr.write(`rights: --date: ${e.message}\n`);
      return 2;
    }
    if (e instanceof RulesetError || e instanceof EngineError || e instanceof ReleaseError) {
      process.stderr.write(`rights: ${e.message}\n`);
      return 1;
    }
    const code = (e as NodeJS.ErrnoException).code;
    const path = (e as NodeJS.ErrnoException).path ?? '';
    const reason: Record<string, string> = {
      ENOENT: `no such file: ${path}`,
      EISDIR: `${path} is a folder, not a file`,
      EACCES: `not allowed to read ${path}`,
      EPERM: `not allowed to read ${path}`,
    };
    if (code && reason[code]) {
      process.stderr.write(`rights: ${reason[code]}\n`);
      return 2;
    }
    if (e instanceof RangeError) {
      process.stderr.write(`rights: the input is nested too deeply to read (${e.message})\n`);
      return 2;
    }
    throw e;
  }
}

// The screen command starts this same module as its workers.
if (!isMainThread && (workerData as WorkerSetup | undefined)?.kind === 'screen-worker') {
  import('./screen/worker').then((w) => w.runScreenWorker(workerData as WorkerSetup));
}
else {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

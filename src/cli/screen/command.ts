/**
 * `rights screen FILE [--date YYYY-MM-DD] [--rules DIR] [--lang nl] --out DIR`: the arguments, the
 * messages and the exit codes (0 the file was screened, even with rejected rows; 2 it could not be).
 */
import { resolve } from 'node:path';
import { isoDate, RulesetError } from '../../engine';
import { ReleaseError } from '../../rules/release';
import { RULES_DIR } from '../load-rules';
import { openRulesDir } from '../release';
import { FileError } from './columns';
import { screen } from './screen';
import { SOURCE_LANGUAGE } from './words';

interface Args {
  file?: string;
  date?: string;
  rules?: string;
  lang: string;
  out?: string;
  workers?: number;
  floorRatio?: number;
}

function parse(argv: string[]): Args {
  const a: Args = { lang: SOURCE_LANGUAGE };
  const value = (i: number, name: string) => {
    const v = argv[i];
    if (v === undefined || v.startsWith('--')) throw new FileError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const next = () => inline ?? value(++i, name);
    if (name === '--date') a.date = next();
    else if (name === '--rules') a.rules = next();
    else if (name === '--lang') a.lang = next();
    else if (name === '--out') a.out = next();
    else if (name === '--workers') a.workers = Number(next());
    // the benchmark's floor: the same reading and writing, no evaluation (tests/bench/screen.bench.ts)
    else if (name === '--bench-floor') a.floorRatio = Number(next());
    else if (name.startsWith('--')) throw new FileError(`unknown option ${name}`);
    else if (a.file === undefined) a.file = arg;
    else throw new FileError(`one file only, found also ${arg}`);
  }
  if (a.file === undefined) throw new FileError('name the file of households (.csv or .jsonl)');
  if (a.out === undefined) throw new FileError('--out DIR: the folder to write contact.csv, summary.json, summary.html and rejected.csv to');
  if (a.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(a.date)) throw new FileError(`--date ${a.date}: write the date as YYYY-MM-DD`);
  if (a.workers !== undefined && !(Number.isInteger(a.workers) && a.workers > 0)) throw new FileError('--workers needs a whole number above 0');
  return a;
}

export async function screenCommand(argv: string[], workerEntry: URL, usage: string): Promise<number> {
  let a: Args;
  try {
    a = parse(argv);
  } catch (e) {
    if (!(e instanceof FileError)) throw e;
    process.stderr.write(`rights screen: ${e.message}\n\n${usage}\n`);
    return 2;
  }
  try {
    const rulesDir = resolve(a.rules ?? RULES_DIR);
    const release = await openRulesDir(rulesDir);
    const report = await screen(
      {
        file: a.file as string,
        date: a.date ?? isoDate(new Date()),
        rulesDir,
        lang: a.lang,
        out: a.out as string,
        workerEntry,
        workers: a.workers,
        floorRatio: a.floorRatio,
      },
      release,
    );
    const peak = Math.round(process.resourceUsage().maxRSS / 1024);
    const rate = Math.round(report.households / Math.max(report.seconds, 1e-9));
    process.stdout.write(
      `Screened ${report.households} households in ${report.seconds.toFixed(1)} s (${rate} a second, peak memory ${peak} MB): ` +
        `${report.contactRows} rows to contact in ${a.out}/contact.csv.\n`,
    );
    if (report.rejected) process.stdout.write(`${report.rejected} row${report.rejected === 1 ? ' was' : 's were'} rejected: see ${a.out}/rejected.csv.\n`);
    return 0;
  } catch (e) {
    if (e instanceof FileError || e instanceof RulesetError || e instanceof ReleaseError) {
      process.stderr.write(`rights screen: ${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT' || err.code === 'EACCES' || err.code === 'EISDIR') {
      process.stderr.write(`rights screen: cannot read ${err.path ?? a.file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}\n`);
      return 2;
    }
    throw e;
  }
}

/** The review commands of `rights`: `report` (rules:report) and `diff` (rules:diff). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isoDate } from '../engine';
import { RULES_DIR } from './load-rules';
import { openRulesDir } from './release';
import { reportHtml } from './report';
import { wordsFor } from './words';

export class ReviewUsageError extends Error {}

/** The checkout this command runs from: its locales hold the interface texts the report uses. */
const ROOT = dirname(RULES_DIR);


function take(args: string[], i: number, name: string): string {
  const v = args[i + 1];
  if (!v || v.startsWith('--')) throw new ReviewUsageError(`${name} needs a value`);
  return v;
}

/** rights report --out DIR [--rules DIR] [--date YYYY-MM-DD]: writes DIR/index.html. */
export async function report(args: string[], out: NodeJS.WritableStream): Promise<number> {
  let dir: string | undefined;
  let rulesDir = RULES_DIR;
  let date = isoDate(new Date());
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--out') dir = take(args, i++, a);
    else if (a === '--rules') rulesDir = resolve(take(args, i++, a));
    else if (a === '--date') date = take(args, i++, a);
    else throw new ReviewUsageError(`unknown argument ${a}`);
  }
  if (!dir) throw new ReviewUsageError('name the folder to write the report in: --out DIR');
  // a release folder or a source folder, verified as the app verifies it; the rule texts travel with it
  const { ruleset, locales } = await openRulesDir(rulesDir);
  const ruleTexts = locales.nl ?? {};
  const words = wordsFor('nl', ROOT, ruleTexts, { ruleset, date });
  const html = reportHtml({ ruleset, words, ruleTexts, date });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'index.html');
  writeFileSync(file, html);
  out.write(`Wrote ${file}: ${ruleset.rules.length} rights, rules ${ruleset.manifest.version}, figures on ${date}\n`);
  return 0;
}

/** Reading the rules folder from disk for the command line and the tests (Node only). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRuleset, type RuleFile, type Ruleset, RulesetError } from '../engine';

/** The rules folder of this checkout, found upwards from this module (run from src/ or bundled in dist-cli/). */
function findRulesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'rules', 'manifest.json'))) return join(dir, 'rules');
    const up = dirname(dir);
    if (up === dir) return join(process.cwd(), 'rules');
    dir = up;
  }
}

export const RULES_DIR = findRulesDir();

type Problem = { file: string; field: string; expected: string };

/**
 * Every JSON file below `dir`. A symbolic link is refused, not followed or skipped: a linked folder
 * used to be skipped without a word (and the right it held vanished), a link to a folder named like a
 * file crashed the loader, and the app's bundle and this loader could read different rules.
 */
function listJson(root: string, dir: string, problems: Problem[]): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    const path = relative(root, full).split(sep).join('/');
    if (e.isSymbolicLink()) {
      problems.push({ file: path, field: '', expected: 'a real file or folder, found a symbolic link (copy what it points to instead)' });
      return [];
    }
    if (e.isDirectory()) return listJson(root, full, problems);
    if (!e.name.endsWith('.json')) return [];
    if (!e.isFile()) {
      problems.push({ file: path, field: '', expected: 'a regular file' });
      return [];
    }
    return [full];
  });
}

/** "… at position 1918" → "… at line 52, column 9": people find a line, not a character count. */
function withLine(message: string, text: string): string {
  const m = /at position (\d+)/.exec(message);
  if (!m) return message;
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return message.replace(/at position \d+(?: \(line \d+ column \d+\))?/, `at line ${line}, column ${column}`);
}

/** Every JSON file below `dir`, parsed; a file that is not JSON is a problem naming that file. */
export function readRuleFiles(dir = RULES_DIR): RuleFile[] {
  const problems: Problem[] = [];
  const files: RuleFile[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new RulesetError([{ file: dir, field: '', expected: 'a folder of rules (with manifest.json)' }]);
  }
  for (const full of listJson(dir, dir, problems).sort()) {
    const path = relative(dir, full).split(sep).join('/');
    const text = readFileSync(full, 'utf8');
    try {
      files.push({ path, data: JSON.parse(text) });
    } catch (e) {
      problems.push({ file: path, field: '', expected: `valid JSON (${withLine((e as Error).message, text)})` });
    }
  }
  if (problems.length) throw new RulesetError(problems);
  return files;
}

export function loadRulesFromDisk(dir = RULES_DIR): Ruleset {
  return loadRuleset(readRuleFiles(dir));
}

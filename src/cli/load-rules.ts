/** Reading the rules folder from disk for the command line and the tests (Node only). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

function listJson(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return listJson(full);
    return e.name.endsWith('.json') ? [full] : [];
  });
}

/** Every JSON file below `dir`, parsed; a file that is not JSON is a problem naming that file. */
export function readRuleFiles(dir = RULES_DIR): RuleFile[] {
  const problems: { file: string; field: string; expected: string }[] = [];
  const files: RuleFile[] = [];
  for (const full of listJson(dir).sort()) {
    const path = relative(dir, full).split(sep).join('/');
    const text = readFileSync(full, 'utf8');
    try {
      files.push({ path, data: JSON.parse(text) });
    } catch (e) {
      problems.push({ file: path, field: '', expected: `valid JSON (${(e as Error).message})` });
    }
  }
  if (problems.length) throw new RulesetError(problems);
  return files;
}

export function loadRulesFromDisk(dir = RULES_DIR): Ruleset {
  return loadRuleset(readRuleFiles(dir));
}

/**
 * What a rules release may ask of the engine, and the schemas the engine checks every release with.
 * The schemas are built into the app and the command line: a release is never validated against
 * schemas it ships itself, so a release cannot loosen its own checks.
 */
import cases from '../../rules/schema/cases.schema.json';
import categories from '../../rules/schema/categories.schema.json';
import manifest from '../../rules/schema/manifest.schema.json';
import municipalities from '../../rules/schema/municipalities.schema.json';
import parameter from '../../rules/schema/parameter.schema.json';
import providers from '../../rules/schema/providers.schema.json';
import questions from '../../rules/schema/questions.schema.json';
import rule from '../../rules/schema/rule.schema.json';
import variables from '../../rules/schema/variables.schema.json';
import { loadRuleset, type RuleFile, type Ruleset } from './ruleset';

/**
 * The version of the rules grammar this engine reads. A release names the version it needs
 * (`engine` in its manifest); an engine older than that refuses the release. Raise it when the
 * engine learns something a rule file can use (an operator, a field) that an older engine lacks.
 */
// 2: territory, municipalities.json, categories.json, outcome dates, reduce, the evaluation window
export const ENGINE_VERSION = 2;

// A new schema file under rules/schema/ is added here too (a test checks the two lists agree).
const BUILT_IN: Record<string, unknown> = { cases, categories, manifest, municipalities, parameter, providers, questions, rule, variables };

/** The built-in schemas as rule files (`schema/<kind>.schema.json`). */
export function builtInSchemaFiles(): RuleFile[] {
  return Object.entries(BUILT_IN).map(([kind, data]) => ({ path: `schema/${kind}.schema.json`, data }));
}

/**
 * Loads rule files (paths relative to the rules folder or the release) with the built-in schemas;
 * any schema among the files is ignored. Throws a RulesetError naming file and field.
 */
export function loadWithBuiltInSchemas(files: RuleFile[]): Ruleset {
  return loadRuleset([...files.filter((f) => !f.path.startsWith('schema/')), ...builtInSchemaFiles()]);
}

const versionParts = (v: string) => v.split('.').map((n) => Number.parseInt(n, 10));

/** Orders two rules versions `YYYY.MM.N` (negative when `a` is older). */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

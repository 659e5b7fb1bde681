/**
 * The rules in the browser: every rule file is bundled (and so precached for offline use) in a lazy
 * chunk, then validated and compiled by the same loader the command line uses.
 */
import { loadRuleset, type RuleFile, type Ruleset } from '../engine';

// cases.json are the rules' tests: the command line runs them, the app does not need them.
const modules = import.meta.glob<unknown>(['../../rules/**/*.json', '!../../rules/rights/*/cases.json'], {
  eager: true,
  import: 'default',
});

export function bundledRuleFiles(): RuleFile[] {
  return Object.entries(modules).map(([path, data]) => ({ path: path.replace('../../rules/', ''), data }));
}

// The changelog travels with the rules: the "about these rules" page shows it.
const changelog = import.meta.glob<string>('../../rules/CHANGELOG.md', { eager: true, query: '?raw', import: 'default' });

export const bundledChangelog = (): string | null => Object.values(changelog)[0] ?? null;

let cached: Ruleset | undefined;

/** The bundled ruleset, validated and compiled once. Throws a RulesetError naming file and field. */
export function bundledRuleset(): Ruleset {
  cached ??= loadRuleset(bundledRuleFiles());
  return cached;
}

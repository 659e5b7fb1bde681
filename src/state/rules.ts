/** The rules the state evaluates with: a checked release and the engine (defined beside the release reader). */
export type { LoadedRules, ReleaseInfo, RulesProblem } from '../rules/loaded';

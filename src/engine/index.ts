/** The engine's public surface: load a ruleset, evaluate a household at a date, find what is missing. */
export { amountsUpdated, amountsUpdatedOn, assertDate, EngineError, evaluate, inForce, isAsked, missingAnswers, paramAt } from './evaluate';
export type { EvaluateOptions } from './evaluate';
export { roundHalfUp } from './logic';
export { loadRuleset, type Problem, type RuleFile, type Ruleset, RulesetError, validateAnswers } from './ruleset';
export type * from './types';
export { builtInSchemaFiles, compareVersions, ENGINE_VERSION, loadWithBuiltInSchemas } from './release';

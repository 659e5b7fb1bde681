/** The engine's public surface: load a ruleset, evaluate a household at a date, find what is missing. */
export { answersSchemaFrom, migrateAnswers, renameAnswers, renamedKeys, unknownAnswerKeys } from './answers';
export { isRealDate } from './dates';
export { missingTexts, textKeysOf } from './text-keys';
export {
  amountAt,
  amountsUpdated,
  amountsUpdatedOn,
  assertDate,
  assertInWindow,
  DateError,
  EngineError,
  evaluate,
  inForce,
  inTerritory,
  isAsked,
  localRightsKnown,
  missingAnswers,
  municipalityOf,
  paramAt,
  providerFor,
  variableAt,
} from './evaluate';
export type { EvaluateOptions } from './evaluate';
export { roundHalfUp } from './logic';
export { loadRuleset, type Problem, type RuleFile, type Ruleset, RulesetError, validateAnswers } from './ruleset';
export type * from './types';
export { builtInSchemaFiles, compareVersions, ENGINE_VERSION, loadWithBuiltInSchemas } from './release';
export { type Clause, type CompareOp, describeRight, EXAMPLE_HOUSEHOLDS, type Figure, type Limit, type RightDescription, type Route, type Term } from './describe';
export { isMoneyUnit, isObject, isoDate } from './values';

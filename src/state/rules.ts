/**
 * The engine and the bundled rules, loaded behind one lazy boundary so they stay out of the first
 * page's JavaScript. The state only ever calls the engine through this object.
 */
import type { Answers, EvaluateOptions, IsoDate, Result, RightDescription, Rule, Ruleset } from '../engine';

export interface LoadedRules {
  ruleset: Ruleset;
  evaluate(ruleset: Ruleset, answers: Answers, date: IsoDate, options?: EvaluateOptions): Result[];
  missingAnswers(ruleset: Ruleset, answers: Answers, date: IsoDate, results?: Result[]): string[];
  isAsked(ruleset: Ruleset, key: string, answers: Answers, date: IsoDate): boolean;
  amountsUpdatedOn(ruleset: Ruleset, date: IsoDate): IsoDate | null;
  inForce(rule: Pick<Rule, 'validFrom' | 'validUntil'>, date: IsoDate): boolean;
  /** a parameter's value at a date (cents for money); throws when it has none */
  paramAt(ruleset: Ruleset, id: string, date: IsoDate): number;
  /** who gets a right at a date, generated from its rule (shown on the right's page without answers) */
  describeRight(ruleset: Ruleset, id: string, date: IsoDate): RightDescription;
  /** the rules' changelog (CHANGELOG.md), shown on the "about these rules" page; null when absent */
  changelog: string | null;
}

/** Loads the engine and the bundled rules (validated and compiled). Rejects with the engine's error. */
export async function loadRules(): Promise<LoadedRules> {
  const [engine, bundled] = await Promise.all([import('../engine'), import('../rules/load')]);
  return {
    ruleset: bundled.bundledRuleset(),
    evaluate: engine.evaluate,
    missingAnswers: engine.missingAnswers,
    isAsked: engine.isAsked,
    amountsUpdatedOn: engine.amountsUpdatedOn,
    inForce: engine.inForce,
    paramAt: engine.paramAt,
    describeRight: engine.describeRight,
    changelog: bundled.bundledChangelog(),
  };
}

/**
 * The engine and a rules release, loaded behind one lazy boundary so they stay out of the first
 * page's JavaScript. The state only ever calls the engine through this object.
 */
import type { Answers, EvaluateOptions, IsoDate, Result, RightDescription, Rule, Ruleset } from '../engine';
import type { RefusalKind } from './release';

/** What the person may see of the release in use ("about these rules"). */
export interface ReleaseInfo {
  version: string;
  published: IsoDate;
  /** the newest date of any money value in the release */
  amountsUpdated: IsoDate | null;
  municipalities: readonly string[];
  changelog: string | null;
  /** rule texts per language, `locales/<lang>/rules.json` of the release */
  locales: Readonly<Record<string, Record<string, unknown>>>;
}

export interface LoadedRules {
  ruleset: Ruleset;
  release: ReleaseInfo;
  evaluate(ruleset: Ruleset, answers: Answers, date: IsoDate, options?: EvaluateOptions): Result[];
  missingAnswers(ruleset: Ruleset, answers: Answers, date: IsoDate, results?: Result[]): string[];
  isAsked(ruleset: Ruleset, key: string, answers: Answers, date: IsoDate): boolean;
  /** the newest money `from` on or before the date (see the engine's `amountsUpdated`) */
  amountsUpdatedOn(ruleset: Ruleset, date: IsoDate): IsoDate | null;
  inForce(rule: Pick<Rule, 'validFrom' | 'validUntil'>, date: IsoDate): boolean;
  /** does a right hold in this municipality (everywhere, or its own) */
  inTerritory(rule: Pick<Rule, 'territory'>, municipality: string): boolean;
  /** the household's municipality, Kortrijk when not answered */
  municipalityOf(ruleset: Ruleset, answers: Answers): string;
  /** are the local rights of this municipality in the rules */
  localRightsKnown(ruleset: Ruleset, municipality: string): boolean;
  /** who grants a right in this municipality (the OCMW there, …) */
  providerFor(ruleset: Ruleset, rule: Pick<Rule, 'provider'>, municipality: string): string;
  /** a parameter's value at a date (cents for money); throws when it has none */
  paramAt(ruleset: Ruleset, id: string, date: IsoDate): number;
  /** who gets a right at a date, generated from its rule (shown on the right's page without answers) */
  describeRight(ruleset: Ruleset, id: string, date: IsoDate): RightDescription;
  /** the rules' changelog (CHANGELOG.md), shown on the "about these rules" page; null when absent */
  changelog: string | null;
}

/** Why the last check did not bring a newer release in: refused (and why), or the server was not reached. */
export interface RulesProblem {
  kind: RefusalKind;
  /** the version that was refused; null when the manifest could not be read */
  version: string | null;
  /** the technical reason, in English (shown under the person's-language sentence) */
  message: string;
  /** ISO timestamp */
  at: string;
}

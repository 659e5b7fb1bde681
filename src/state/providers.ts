/**
 * Who grants a right for this household: a generic provider becomes the one of the household's
 * municipality where municipalities.json names one (Kortrijk: the Sociaal Huis; Harelbeke: the Huis
 * van Welzijn); elsewhere it stays the generic one, whose words say "of your municipality".
 */
import type { Answers, Rule } from '../engine';
import type { LoadedRules } from './rules';

/**
 * The generic provider of providers.json, "het OCMW / Sociaal Huis van je gemeente" in every language
 * (no address): where to ask when a place has no address of its own.
 */
export const LOCAL_OFFICE = 'ocmw';

export function providerOf(rules: LoadedRules, rule: Pick<Rule, 'provider'>, answers: Answers): string {
  return rules.providerFor(rules.ruleset, rule, rules.municipalityOf(rules.ruleset, answers));
}

/** The household's own OCMW or Sociaal Huis, or the plain words where the rules have no address. */
export const localOfficeOf = (rules: LoadedRules, answers: Answers): string => providerOf(rules, { provider: LOCAL_OFFICE }, answers);

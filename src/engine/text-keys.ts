/**
 * The rule texts the rules name (locales/<lang>/rules.json): every right's title, summary, reasons,
 * amount, steps and documents, its category and provider (and each municipality's own provider), every
 * question's label and options, every screen's title. Each language must have every one of them on
 * its own, not only as many keys as Dutch: a release whose rule names a text missing in any language
 * is refused with the language and the key.
 */
import type { Ruleset } from './ruleset';

/** Every key, sorted. */
export function textKeysOf(rules: Pick<Ruleset, 'rules' | 'questions' | 'municipalities'>): string[] {
  const keys = new Set<string>();
  for (const r of rules.rules) {
    keys.add(`rights.${r.id}.title`);
    keys.add(`rights.${r.id}.summary`);
    keys.add(`categories.${r.category}`);
    keys.add(`providers.${r.provider}.name`);
    for (const o of r.outcomes) keys.add(`reasons.${r.id}.${o.reason}`);
    if (r.otherwise) keys.add(`reasons.${r.id}.${r.otherwise.reason}`);
    if (r.amount || r.outcomes.some((o) => o.amount)) keys.add(`rights.${r.id}.amount`);
    for (const s of r.steps) keys.add(`steps.${s}`);
    for (const d of r.documents) keys.add(`documents.${d}`);
  }
  for (const m of Object.values(rules.municipalities)) for (const local of Object.values(m.providers ?? {})) keys.add(`providers.${local}.name`);
  for (const q of rules.questions) {
    if (q.askIf !== false) keys.add(`questions.${q.key}.label`);
    for (const o of q.options ?? []) keys.add(`questions.${q.key}.options.${o}`);
    if (q.screen) keys.add(`screens.${q.screen}.title`);
  }
  return [...keys].sort();
}

/** The text at a key: the files nest on every dot (ids contain dots too), so walk them the same way. */
function textAt(tree: unknown, key: string): unknown {
  let o = tree;
  for (const part of key.split('.')) o = o && typeof o === 'object' ? (o as Record<string, unknown>)[part] : undefined;
  return o;
}

/** Each key the rules name that a language lacks (or has empty), as `<lang>: <key>`; empty when all is there. */
export function missingTexts(rules: Pick<Ruleset, 'rules' | 'questions' | 'municipalities'>, locales: Readonly<Record<string, unknown>>): string[] {
  const keys = textKeysOf(rules);
  const out: string[] = [];
  for (const [lang, tree] of Object.entries(locales).sort(([a], [b]) => a.localeCompare(b))) {
    for (const key of keys) {
      const text = textAt(tree, key);
      if (typeof text !== 'string' || text.trim() === '') out.push(`${lang}: ${key}`);
    }
  }
  return out;
}

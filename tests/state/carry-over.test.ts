// @vitest-environment node
/**
 * A release renames a question (`formerKeys` in questions.json): answers saved on the device under the
 * old key come back under the new one, in the resident's saved answers and in the caseload's records
 * and files, never refused and never dropped.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Question } from '../../src/engine';
import { migrateAnswers } from '../../src/engine';
import { createAppState, DEFAULT_HOUSEHOLD } from '../../src/state/app-state';
import { signal } from '@preact/signals';
import { carryOver } from '../../src/state/carry-over';
import { questionnaireHooks } from '../../src/state/caseload';
import type { LoadedRules } from '../../src/state/rules';
import { createMemoryStorage } from '../../src/storage';
import { createMemoryVaultAdapter, createVault } from '../../src/storage/vault';
import { loadRules } from '../fixtures/release';

const current = await loadRules();

/** The rules in use, but a release that renamed `debts` to `hasDebts` and `housing` to `home`. */
function renamed(rules: LoadedRules): LoadedRules {
  const rename: Record<string, string> = { debts: 'hasDebts', housing: 'home' };
  const questions = rules.ruleset.questions.map((q): Question & object =>
    rename[q.key] ? { ...q, key: rename[q.key]!, formerKeys: [q.key] } : q,
  );
  return { ...rules, ruleset: { ...rules.ruleset, questions } };
}
const next = renamed(current);
const saved = { adults: 1, debts: true, housing: 'social-rent', netMonthlyIncome: 1400 };

describe('a renamed question, on the resident\'s device', () => {
  it('answers saved under the old keys come back under the new ones, with their skips and place, and are written back so', async () => {
    const storage = createMemoryStorage();
    await storage.putHousehold({
      v: 1,
      id: DEFAULT_HOUSEHOLD,
      answers: saved,
      skipped: ['age'],
      history: ['adults', 'netMonthlyIncome', 'housing', 'debts', 'age'],
      drafts: {},
      updatedAt: new Date().toISOString(),
    });
    const state = createAppState({ storage, date: '2026-11-30', rules: next });
    await state.actions.restore();
    expect(state.answers.value).toEqual({ adults: 1, hasDebts: true, home: 'social-rent', netMonthlyIncome: 1400 });
    expect(state.skipped.value).toEqual(['age']);
    expect(state.notice.value).toBeNull();
    // what the device keeps is under the new keys too (written on the next save)
    await state.actions.flush();
    const record = await storage.getHousehold(DEFAULT_HOUSEHOLD);
    expect(record?.answers).toEqual({ adults: 1, hasDebts: true, home: 'social-rent', netMonthlyIncome: 1400 });
    expect(record?.history).toEqual(['adults', 'netMonthlyIncome', 'home', 'hasDebts', 'age']);
  });

  it('a release taken into use during a session carries the answers over too', async () => {
    const state = createAppState({ storage: createMemoryStorage(), date: '2026-11-30', rules: current });
    await state.actions.restore();
    state.actions.answer('debts', false);
    state.actions.answer('housing', 'owner');
    state.actions.setRules(next);
    // the carrying over loads with the first release that has something to carry (not in the first page)
    await vi.waitFor(() => expect(state.answers.value).toMatchObject({ hasDebts: false, home: 'owner' }));
    expect(state.answers.value).not.toHaveProperty('debts');
  });

  it('a typed draft and a value no longer accepted go back to the question under its new name, kept as typed', () => {
    const out = carryOver(next.ruleset.questions, {
      answers: { housing: 'caravan', adults: 2 },
      drafts: { debts: 'ja' },
      skipped: ['debts'],
      history: ['housing', 'debts'],
    });
    expect(out).toMatchObject({ answers: { adults: 2 }, drafts: { home: 'caravan', hasDebts: 'ja' }, skipped: ['hasDebts'], repaired: true });
    // and the engine's migration gives the same keys
    expect(Object.keys(migrateAnswers(next.ruleset.questions, saved)).sort()).toEqual(['adults', 'hasDebts', 'home', 'netMonthlyIncome']);
    expect(carryOver(current.ruleset.questions, { answers: saved, drafts: {}, skipped: [], history: [] })).toBeNull();
  });
});

describe('a renamed question, in the caseload', () => {
  // the hooks the app's caseload gives its vault, with the renaming release in use
  const { carryOver: carry, checkAnswers: check } = questionnaireHooks(signal<LoadedRules | null>(next)) as Required<
    ReturnType<typeof questionnaireHooks>
  >;

  it('a household kept on the device and one in an export file come back under the new keys, never refused', async () => {
    const adapter = createMemoryVaultAdapter();
    const before = createVault({ adapter, iterations: 1000, idleMs: 60_000 });
    await before.setUp('koffie-en-taart-42');
    const h = await before.create('Familie Peeters', saved);
    const file = await before.exportOne(h.id, 'naar de nieuwe tablet');
    before.close();
    // the file, as the old release wrote it, would be refused by the new questionnaire without the carry-over
    expect(check(saved)).toBe('debts: unknown question');

    const after = createVault({ adapter, iterations: 1000, idleMs: 60_000, carryOver: carry, checkAnswers: check });
    await after.unlock('koffie-en-taart-42');
    expect((await after.get(h.id)).answers).toEqual({ adults: 1, hasDebts: true, home: 'social-rent', netMonthlyIncome: 1400 });

    const other = createVault({ adapter: createMemoryVaultAdapter(), iterations: 1000, idleMs: 60_000, carryOver: carry, checkAnswers: check });
    await other.setUp('een-andere-tablet-7');
    const report = await other.importFile(file, 'naar de nieuwe tablet');
    expect(report).toBeTruthy();
    const [summary] = await other.list();
    expect((await other.get(summary!.id)).answers).toMatchObject({ hasDebts: true, home: 'social-rent' });
  });
});

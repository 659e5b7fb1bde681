/**
 * Two tabs, one household: a write goes through only over the revision a tab last saw; otherwise the
 * tab takes what is stored, puts its own changes on top, says so, and writes the union. Nothing is
 * overwritten silently, nothing typed is lost.
 */
import { describe, expect, it } from 'vitest';
import { createAppState } from '../../src/state/app-state';
import { mergeHousehold } from '../../src/state/saving';
import { createMemoryStorage, emptyHousehold, type Storage } from '../../src/storage';
import { DATE, sharedRules } from '../ui/helpers';

async function tab(storage: Storage) {
  const state = createAppState({ storage, date: DATE, rules: await sharedRules() });
  await state.actions.restore();
  return state;
}

describe('two tabs on one household', () => {
  it('merge what each changed, and each learns that the other wrote', async () => {
    const storage = createMemoryStorage();
    const a = await tab(storage);
    const b = await tab(storage);
    a.actions.answer('adults', 2);
    b.actions.answer('netMonthlyIncome', 1500);
    await Promise.all([a.actions.flush(), b.actions.flush()]);
    // B wrote over revision 0 while A had written revision 1: refused, merged, written again.
    expect(b.notice.value).toBe('other-tab');
    expect(b.answers.value).toEqual({ adults: 2, netMonthlyIncome: 1500 });
    expect((await storage.getHousehold('default'))?.answers).toEqual({ adults: 2, netMonthlyIncome: 1500 });
    // A learns on its next write, and keeps its own change too.
    expect(a.notice.value).toBeNull();
    a.actions.answer('age', 40);
    await a.actions.flush();
    expect(a.notice.value).toBe('other-tab');
    expect(a.answers.value).toEqual({ adults: 2, netMonthlyIncome: 1500, age: 40 });
    const stored = await storage.getHousehold('default');
    expect(stored?.answers).toEqual({ adults: 2, netMonthlyIncome: 1500, age: 40 });
    expect(stored?.rev).toBe(3);
    a.dispose();
    b.dispose();
  });

  it('keeps a change of this tab over the other tab\'s value of the same answer, and erasing in one tab erases the other\'s unchanged answers only', () => {
    const base = { ...emptyHousehold('default'), answers: { adults: 1, age: 30 }, history: ['adults', 'age'] };
    const ours = { ...base, answers: { adults: 3, age: 30 }, drafts: { netMonthlyIncome: '12a' } };
    const theirs = { ...base, answers: { adults: 2, age: 31 }, skipped: ['statuses'], history: ['adults', 'age', 'statuses'] };
    expect(mergeHousehold(base, ours, theirs)).toEqual({
      answers: { adults: 3, age: 31 },
      drafts: { netMonthlyIncome: '12a' },
      skipped: ['statuses'],
      history: ['adults', 'age', 'statuses'],
    });
    const erased = emptyHousehold('default');
    expect(mergeHousehold(base, ours, erased).answers).toEqual({ adults: 3 });
  });

  it('writes again after a failed write, without another change', async () => {
    const storage = createMemoryStorage();
    let full = true;
    const save = storage.saveHousehold;
    storage.saveHousehold = async (r, rev, empty) => {
      if (full) throw Object.assign(new Error('full'), { name: 'StorageError', problem: 'full' });
      return save(r, rev, empty);
    };
    const a = await tab(storage);
    a.actions.answer('adults', 2);
    await a.actions.flush();
    expect(a.storageProblem.value).toBe('failed');
    full = false;
    await expect.poll(async () => (await storage.getHousehold('default'))?.answers, { timeout: 8000, interval: 200 }).toEqual({ adults: 2 });
    expect(a.storageProblem.value).toBeNull();
    a.dispose();
  });
});

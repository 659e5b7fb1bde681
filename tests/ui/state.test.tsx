/** The app state and its storage: saving on every change, restoring, failing softly, several households. */
import { screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createAppState } from '../../src/state/app-state';
import { localDate } from '../../src/state/date';
import { createMemoryStorage, migrateHousehold, openStorage, type Storage, StorageError } from '../../src/storage';
import { singleMother } from '../fixtures/households';
import { DATE, renderApp, sharedRules } from './helpers';

async function fresh(storage: Storage = createMemoryStorage()) {
  const state = createAppState({ storage, date: DATE, rules: await sharedRules() });
  await state.actions.restore();
  return { state, storage };
}

describe('app state', () => {
  it('saves every answer to the storage and restores it in a new state', async () => {
    const { state, storage } = await fresh();
    state.actions.answer('adults', 1);
    state.actions.skip('children');
    await state.actions.flush();
    const saved = await storage.getHousehold('default');
    expect(saved).toMatchObject({ answers: { adults: 1 }, skipped: ['children'], history: ['adults', 'children'] });
    state.dispose();

    const again = await fresh(storage);
    expect(again.state.answers.value).toEqual({ adults: 1 });
    expect(again.state.skipped.value).toEqual(['children']);
  });

  it('keeps a skipped answer missing for the engine, and does not ask it again', async () => {
    const { state } = await fresh();
    for (const [k, v] of Object.entries(singleMother)) if (k !== 'debts') state.actions.answer(k, v);
    state.actions.skip('debts');
    expect(state.missing.value).toContain('debts');
    expect(state.pending.value).not.toContain('debts');
    expect(state.currentKey.value).toBeNull();
    expect(state.results.value.find((r) => r.id === 'kortrijk.schuldhulp')).toMatchObject({ status: 'unknown', missing: ['debts'] });
  });

  it('goes back through earlier answers and forward again', async () => {
    const { state } = await fresh();
    state.actions.answer('adults', 1);
    state.actions.answer('children', [{ age: 0 }]);
    const third = state.currentKey.value;
    expect(state.actions.back()).toBe(true);
    expect(state.currentKey.value).toBe('children');
    expect(state.actions.back()).toBe(true);
    expect(state.currentKey.value).toBe('adults');
    expect(state.actions.back()).toBe(false);
    state.actions.answer('adults', 1);
    expect(state.currentKey.value).toBe('children');
    state.actions.answer('children', [{ age: 0 }]);
    expect(state.currentKey.value).toBe(third);
  });

  it('returns to where an edit started', async () => {
    const { state } = await fresh();
    state.actions.answer('adults', 1);
    state.actions.edit('adults', '#/overzicht');
    expect(state.currentKey.value).toBe('adults');
    expect(state.actions.answer('adults', 2)).toBe('#/overzicht');
    expect(state.reviewing.value).toBeNull();
  });

  it('keeps working in memory and says so when the device is full', async () => {
    const storage = createMemoryStorage();
    let full = true;
    const save = storage.saveHousehold;
    storage.saveHousehold = async (r, rev, empty) => {
      if (full) throw new StorageError('full', new DOMException('quota', 'QuotaExceededError'));
      return save(r, rev, empty);
    };
    const { state } = await fresh(storage);
    state.actions.answer('adults', 3);
    await state.actions.flush();
    expect(state.storageProblem.value).toBe('full');
    expect(state.answers.value).toEqual({ adults: 3 });
    full = false;
    state.actions.answer('adults', 2);
    await state.actions.flush();
    expect(state.storageProblem.value).toBeNull();
    expect((await storage.getHousehold('default'))?.answers).toEqual({ adults: 2 });
  });

  it('shows a plain message when answers cannot be kept on the device', async () => {
    await renderApp({ storage: createMemoryStorage('unavailable') });
    expect(screen.getByText(/Je antwoorden worden niet bewaard op dit toestel/)).toBeTruthy();
    expect([document.documentElement.lang, document.documentElement.dir]).toEqual(['nl', 'ltr']);
  });

  it('records the rules version the results were computed with, and a newer release in use rewrites it', async () => {
    const { state, storage } = await fresh();
    const rules = await sharedRules();
    state.actions.answer('adults', 1);
    await state.actions.flush();
    expect((await storage.getHousehold('default'))?.rulesVersion).toBe(rules.ruleset.manifest.version);
    const next = { ...rules, ruleset: { ...rules.ruleset, manifest: { ...rules.ruleset.manifest, version: '2099.01.1' } } };
    state.actions.setRules(next);
    await state.actions.flush();
    expect((await storage.getHousehold('default'))?.rulesVersion).toBe('2099.01.1');
    state.dispose();
    const again = await fresh(storage);
    expect(again.state.savedRulesVersion.value).toBe('2099.01.1');
  });

  it('says on the results that saved results were computed with other rules', async () => {
    const storage = createMemoryStorage();
    const version = (await sharedRules()).ruleset.manifest.version;
    await storage.putHousehold({ ...migrateHousehold({ answers: singleMother }, 'default'), rulesVersion: '2024.01.1' });
    const { state } = await renderApp({ route: '#/resultaten', storage });
    expect(state.savedRulesVersion.value).toBe('2024.01.1');
    expect(
      await screen.findByText(
        `Je bewaarde resultaten waren berekend met versie 2024.01.1 van de regels; hier zijn ze opnieuw berekend met versie ${version}.`,
      ),
    ).toBeTruthy();
    await state.actions.flush();
    expect((await storage.getHousehold('default'))?.rulesVersion).toBe(version);
  });

  it('says nothing more when the saved results were computed with the rules in use', async () => {
    const storage = createMemoryStorage();
    const version = (await sharedRules()).ruleset.manifest.version;
    await storage.putHousehold({ ...migrateHousehold({ answers: singleMother }, 'default'), rulesVersion: version });
    await renderApp({ route: '#/resultaten', storage });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByText(/Je bewaarde resultaten/)).toBeNull();
  });

  it('erases the household everywhere', async () => {
    const { state, storage } = await fresh();
    state.actions.answer('adults', 1);
    state.actions.setDraft('children', { ages: ['4'] });
    await state.actions.erase();
    expect(state.answers.value).toEqual({});
    expect(state.drafts.value).toEqual({});
    expect(await storage.getHousehold('default')).toBeUndefined();
  });
});

describe('storage', () => {
  it('opens a memory store on request (kiosk mode) and when IndexedDB is missing', async () => {
    const kiosk = await openStorage({ memoryOnly: true });
    expect([kiosk.kind, kiosk.problem]).toEqual(['memory', null]);
    const saved = globalThis.indexedDB;
    // @ts-expect-error simulate a browser without IndexedDB
    delete globalThis.indexedDB;
    try {
      const none = await openStorage();
      expect([none.kind, none.problem]).toEqual(['memory', 'unavailable']);
    } finally {
      if (saved) globalThis.indexedDB = saved;
    }
  });

  it('reads damaged or older records without failing', () => {
    expect(migrateHousehold(null, 'x')).toMatchObject({ id: 'x', answers: {}, skipped: [] });
    expect(migrateHousehold({ answers: { adults: 2 }, skipped: 'nope', history: ['adults', 3] }, 'x')).toMatchObject({
      answers: { adults: 2 },
      skipped: [],
      history: ['adults'],
    });
    expect(migrateHousehold({ rulesVersion: '2025.02.1' }, 'x').rulesVersion).toBe('2025.02.1');
    expect(migrateHousehold({ rulesVersion: 7 }, 'x')).not.toHaveProperty('rulesVersion');
  });

  it('uses the local date for the evaluation', () => {
    expect(localDate(new Date(2025, 2, 1, 23, 59))).toBe('2025-03-01');
  });
});

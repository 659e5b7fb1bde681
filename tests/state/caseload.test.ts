/**
 * The caseload's state (src/state/caseload): a fresh one per test on a vault in memory. The door,
 * the actions that are the only writers, every change written through the vault (a new state on the
 * same device reads it back), and a damaged record refused with its field named.
 */
import { signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { deriveKey, sealJson, utf8 } from '../../src/share/crypto';
import { type CaseloadState, createCaseloadState, isVaultError } from '../../src/state/caseload';
import { createMemoryStorage } from '../../src/storage';
import { createMemoryVaultAdapter, createVault, type VaultAdapter } from '../../src/storage/vault';
import { DATE, sharedRules } from '../ui/helpers';

const PASS = 'koffie met taart 42';

async function caseload(adapter: VaultAdapter = createMemoryVaultAdapter(), extra: { crypto?: boolean } = {}) {
  const rules = await sharedRules();
  const vault = createVault({ adapter, iterations: 1000 });
  const state = createCaseloadState({
    date: signal(DATE),
    rules: signal(rules),
    vault,
    settings: createMemoryStorage(),
    cryptoAvailable: () => extra.crypto ?? true,
  });
  return { state, vault, adapter, rules };
}

async function opened(state: CaseloadState, name = 'Familie Janssens') {
  const id = await state.actions.create(name);
  await state.actions.open(id);
  return id;
}

const question = (state: CaseloadState, key: string) => {
  const q = state.questions.value.find((x) => x.key === key);
  if (!q) throw new Error(`no question ${key} on screen`);
  return q;
};

describe('the caseload state', () => {
  it('is fresh for each test: nothing open, the door still to check', async () => {
    const { state } = await caseload();
    expect(state.door.value).toBe('checking');
    expect(state.locked.value).toBe(true);
    expect(state.list.value).toBeNull();
    expect(state.household.value).toBeNull();
    expect(state.results.value).toEqual([]);
  });

  it('opens the door: no WebCrypto, first use, then the passphrase', async () => {
    expect(await (async () => {
      const { state } = await caseload(undefined, { crypto: false });
      await state.actions.checkDoor();
      return state.door.value;
    })()).toBe('no-crypto');
    const adapter = createMemoryVaultAdapter();
    const { state } = await caseload(adapter);
    await state.actions.checkDoor();
    expect(state.door.value).toBe('setup');
    await state.actions.setUp(PASS);
    expect(state.locked.value).toBe(false);
    const again = (await caseload(adapter)).state;
    await again.actions.checkDoor();
    expect(again.door.value).toBe('locked');
    const wrong = await again.actions.unlock('niet de juiste zin').catch((e: unknown) => e);
    expect(isVaultError(wrong, 'wrong-passphrase')).toBe(true);
    expect(again.locked.value).toBe(true);
    await again.actions.unlock(PASS);
    expect(again.locked.value).toBe(false);
  });

  it('turns what the worker types into answers and drafts, evaluates them, and writes every change to the vault', async () => {
    const adapter = createMemoryVaultAdapter();
    const { state } = await caseload(adapter);
    await state.actions.setUp(PASS);
    const id = await opened(state);
    expect(state.household.value?.name).toBe('Familie Janssens');
    state.actions.type(question(state, 'adults'), '1', 'nl');
    // a single adult has no partner: the question leaves the quick entry
    expect(state.questions.value.map((q) => q.key)).not.toContain('partner');
    state.actions.type(question(state, 'netMonthlyIncome'), '1950', 'nl');
    state.actions.type(question(state, 'children'), { ages: ['0'] }, 'nl');
    state.actions.type(question(state, 'statuses'), { selected: [], none: true }, 'nl');
    expect(state.household.value?.answers).toEqual({ adults: 1, netMonthlyIncome: 1950, children: [{ age: 0 }], statuses: [] });
    expect(state.saveStatus.value).toBe('saving');
    expect(state.results.value.find((r) => r.id === 'kortrijk.pamperbank')?.status).toBe('eligible');
    // typed wrong: the answer goes, the draft stays as typed
    state.actions.type(question(state, 'netMonthlyIncome'), 'veel', 'nl');
    expect(state.household.value?.answers).not.toHaveProperty('netMonthlyIncome');
    expect(state.household.value?.drafts).toEqual({ netMonthlyIncome: 'veel' });
    state.actions.follow({ rightId: 'kortrijk.pamperbank', state: 'todo', note: '' });
    state.actions.recordVisit();
    expect(state.visitRecorded.value).toBe(true);
    await state.actions.flush();
    expect(state.saveStatus.value).toBe('saved');

    // Another state on the same device reads it all back from the vault.
    const next = (await caseload(adapter)).state;
    await next.actions.unlock(PASS);
    await next.actions.open(id);
    const h = next.household.value;
    expect(h?.answers).toEqual({ adults: 1, children: [{ age: 0 }], statuses: [] });
    expect(h?.drafts).toEqual({ netMonthlyIncome: 'veel' });
    expect(h?.followUp).toEqual([{ rightId: 'kortrijk.pamperbank', state: 'todo', note: '' }]);
    expect(h?.lastVisit).toBe(DATE);
    await next.actions.loadList();
    expect(next.list.value?.map((s) => [s.name, s.open])).toEqual([['Familie Janssens', 1]]);
  });

  it('locks after what is being written, and forgets what it decrypted', async () => {
    const { state, vault } = await caseload();
    await state.actions.setUp(PASS);
    const id = await opened(state);
    state.actions.type(question(state, 'adults'), '2', 'nl');
    await state.actions.lock();
    expect(state.locked.value).toBe(true);
    expect(state.lockReason.value).toBe('manual');
    expect(state.household.value).toBeNull();
    expect(state.list.value).toBeNull();
    await vault.unlock(PASS);
    expect((await vault.get(id)).answers).toEqual({ adults: 2 });
  });

  it('renames and removes through the vault, refusing a national register number', async () => {
    const { state } = await caseload();
    await state.actions.setUp(PASS);
    await opened(state);
    const refused = await state.actions.rename('85.07.30-033.28').catch((e: unknown) => e);
    expect(isVaultError(refused, 'invalid-name') && refused.detail).toBe('national-number');
    await state.actions.rename('Gezin J.');
    expect(state.household.value?.name).toBe('Gezin J.');
    await state.actions.remove();
    expect(state.household.value).toBeNull();
    await state.actions.loadList();
    expect(state.list.value).toEqual([]);
  });

  it('refuses a damaged record and names the field at fault', async () => {
    const adapter = createMemoryVaultAdapter();
    const { state } = await caseload(adapter);
    await state.actions.setUp(PASS);
    const id = await opened(state);
    const good = state.household.value;
    await state.actions.lock();
    // What a damaged device would hold: a record sealed with the right key, one field wrong.
    const meta = (await adapter.get('meta', 'vault')) as { salt: Uint8Array<ArrayBuffer>; iterations: number };
    const key = await deriveKey(PASS, meta.salt, meta.iterations);
    const damaged = { ...good, followUp: [{ rightId: 'kortrijk.kmi', state: 'misschien', note: '' }] };
    const sealed = await sealJson(key, damaged, utf8(`kortrijk-rechtenverkenner/vault|household|${id}`));
    await adapter.write([{ op: 'put', store: 'households', key: id, value: { id, ...sealed } }]);

    await state.actions.unlock(PASS);
    await state.actions.open(id);
    expect(state.household.value).toBeNull();
    const error = state.householdError.value;
    expect(isVaultError(error, 'damaged')).toBe(true);
    expect((error as { field?: string }).field).toBe('/followUp/0/state');
    expect(String((error as Error).message)).toMatch(/expected one of "todo", "applied", "granted", "refused", found "misschien"/);
    await state.actions.loadList();
    expect(state.list.value).toEqual([]);
    expect(state.damaged.value).toBe(1);
  });

  it('keeps the worker contact as a setting and a message for the next screen once', async () => {
    const { state } = await caseload();
    await state.actions.saveContact({ name: ' Sofie ', phone: '056 27 00 00' });
    expect(state.contact.value).toEqual({ name: 'Sofie', phone: '056 27 00 00' });
    state.actions.notify({ key: 'caseload.eraseAll.done' });
    expect(state.actions.takeNotice()).toEqual({ key: 'caseload.eraseAll.done' });
    expect(state.actions.takeNotice()).toBeNull();
  });
});

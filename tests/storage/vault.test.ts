// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { deriveKey, sealJson, utf8 } from '../../src/share/crypto';
import { CASE_RECORD_VERSION, recordVisit, setFollowUp } from '../../src/storage/caseload';
import {
  type CaseHousehold,
  createMemoryVaultAdapter,
  createVault,
  describeExportFile,
  EXPORT_FORMAT,
  type VaultAdapter,
  VaultError,
  type VaultErrorCode,
  type VaultOptions,
} from '../../src/storage/vault';
import { fakeClock } from './fake-clock';

const PASS = 'koffie-en-taart-42';
const FILE_PASS = 'verhuis naar nieuwe tablet';
const IDLE = 5 * 60_000;

function setup(extra: Partial<VaultOptions> = {}) {
  const adapter = extra.adapter ?? createMemoryVaultAdapter();
  const clock = fakeClock();
  const vault = createVault({ adapter, iterations: 1000, idleMs: IDLE, now: clock.now, timers: clock.timers, ...extra });
  return { vault, adapter, clock };
}

/** Everything the adapter holds, as stored. */
async function dump(adapter: VaultAdapter) {
  return { meta: await adapter.getAll('meta'), households: await adapter.getAll('households') };
}

async function rejectsWith(promise: Promise<unknown>, code: VaultErrorCode) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected VaultError ${code}`).toBeInstanceOf(VaultError);
  expect((error as VaultError).code).toBe(code);
  return error as VaultError;
}

/** Two households as a worker would keep them after a visit. */
async function twoHouseholds(vault: ReturnType<typeof createVault>) {
  let janssens = await vault.create('Familie Janssens', {
    adults: 2,
    partner: true,
    children: [{ age: 4 }, { age: 9 }],
    netMonthlyIncome: 2650,
    statuses: ['jobseeker'],
    housing: 'private-rent',
    debts: false,
  });
  janssens = setFollowUp(janssens, { rightId: 'kortrijk.uitpas-kansentarief', state: 'applied', appliedOn: '2026-11-20', note: 'Brief Sociaal Huis afwachten' });
  janssens = setFollowUp(janssens, { rightId: 'kortrijk.huurgarantie', state: 'todo', note: '' });
  janssens = recordVisit(janssens, {
    date: '2026-11-23',
    rulesVersion: '2026.11.1',
    results: [
      { id: 'kortrijk.sociaal-tarief', status: 'not-eligible' },
      { id: 'kortrijk.uitpas-kansentarief', status: 'ask' },
    ],
  });
  janssens = await vault.put(janssens);
  const mevrouw = await vault.create('Mevr. Peeters (Budastraat)', { adults: 1, age: 78, netMonthlyIncome: 1450, statuses: ['verhoogde-tegemoetkoming'] });
  return { janssens, mevrouw };
}

describe('setting up and unlocking', () => {
  it('sets up, keeps two households, locks, refuses a wrong passphrase without touching data, unlocks to the same data', async () => {
    const { vault, adapter } = setup();
    expect(await vault.isSetUp()).toBe(false);
    expect(vault.isLocked.value).toBe(true);
    await vault.setUp(PASS);
    expect(await vault.isSetUp()).toBe(true);
    expect(vault.isLocked.value).toBe(false);

    const { janssens, mevrouw } = await twoHouseholds(vault);
    const listed = await vault.list();
    expect(listed.map((h) => h.name)).toEqual(['Familie Janssens', 'Mevr. Peeters (Budastraat)']);
    expect(listed[0]).toMatchObject({ lastVisit: '2026-11-23', open: 2, rulesVersion: '2026.11.1' });

    vault.lock();
    expect(vault.isLocked.value).toBe(true);
    await rejectsWith(vault.list(), 'locked');
    await rejectsWith(vault.get(janssens.id), 'locked');

    const before = await dump(adapter);
    await rejectsWith(vault.unlock('koffie-en-taart-43'), 'wrong-passphrase');
    await rejectsWith(vault.unlock(''), 'wrong-passphrase');
    expect(vault.isLocked.value).toBe(true);
    expect(await dump(adapter)).toEqual(before);

    await vault.unlock(PASS);
    expect(vault.isLocked.value).toBe(false);
    expect(await vault.get(janssens.id)).toEqual(janssens);
    expect(await vault.get(mevrouw.id)).toEqual(mevrouw);
  });

  it('refuses a second set-up, a short passphrase and unlocking before set-up', async () => {
    const { vault } = setup();
    await rejectsWith(vault.unlock(PASS), 'not-set-up');
    await rejectsWith(vault.setUp('kort'), 'weak-passphrase');
    await vault.setUp(PASS);
    await rejectsWith(vault.setUp('een-ander-wachtwoord'), 'already-set-up');
  });

  it('opens a vault on the same storage in a new session (app restart) with the passphrase only', async () => {
    const { vault, adapter } = setup();
    await vault.setUp(PASS);
    const { janssens } = await twoHouseholds(vault);
    vault.close();
    const again = setup({ adapter }).vault;
    expect(again.isLocked.value).toBe(true);
    await again.unlock(PASS);
    expect(await again.get(janssens.id)).toEqual(janssens);
  });

  it('accepts the passphrase typed with a composed or a decomposed é (another keyboard)', async () => {
    const { vault } = setup();
    await vault.setUp('caf\u00e9 om tien uur');
    vault.lock();
    await vault.unlock('cafe\u0301 om tien uur');
    expect(vault.isLocked.value).toBe(false);
  });
});

describe('encryption at rest', () => {
  it('stores only {id, iv, ciphertext} per household and no name, answer or note in clear', async () => {
    const { vault, adapter } = setup();
    await vault.setUp(PASS);
    const { janssens } = await twoHouseholds(vault);
    const { meta, households } = await dump(adapter);
    expect(households).toHaveLength(2);
    for (const r of households as Record<string, unknown>[]) {
      expect(Object.keys(r).sort()).toEqual(['ciphertext', 'id', 'iv']);
      expect((r.iv as Uint8Array).length).toBe(12);
    }
    // Every byte stored, read as text in two encodings, and the JSON of everything.
    const bytes = [...meta, ...households].flatMap((r) =>
      Object.values(r as Record<string, unknown>).flatMap((v) =>
        v instanceof Uint8Array ? [v] : v && typeof v === 'object' ? Object.values(v).filter((x) => x instanceof Uint8Array) : [],
      ),
    ) as Uint8Array[];
    const asText = bytes.flatMap((b) => [new TextDecoder('latin1').decode(b), new TextDecoder('utf-8').decode(b)]).join('\n');
    const json = JSON.stringify({ meta, households }, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
    for (const secret of ['Janssens', 'Peeters', 'Budastraat', '2650', '1450', 'netMonthlyIncome', 'Sociaal Huis', 'uitpas', '2026-11-23', PASS]) {
      expect(asText.includes(secret), secret).toBe(false);
      expect(json.includes(secret), secret).toBe(false);
    }
    // Only the random ids are in clear.
    expect(households.map((r) => (r as { id: string }).id).sort()).toContain(janssens.id);
  });

  it('encrypts the same household twice with different IVs and ciphertexts', async () => {
    const { vault, adapter } = setup();
    await vault.setUp(PASS);
    const h = await vault.create('Familie Janssens');
    const first = (await adapter.get('households', h.id)) as { iv: Uint8Array; ciphertext: Uint8Array };
    await vault.put(h);
    const second = (await adapter.get('households', h.id)) as { iv: Uint8Array; ciphertext: Uint8Array };
    expect(second.iv).not.toEqual(first.iv);
    expect(second.ciphertext).not.toEqual(first.ciphertext);
  });

  it('refuses a record moved to another id (the id is bound to the ciphertext)', async () => {
    const { vault, adapter } = setup();
    await vault.setUp(PASS);
    const { janssens, mevrouw } = await twoHouseholds(vault);
    const stolen = (await adapter.get('households', janssens.id)) as Record<string, unknown>;
    await adapter.write([{ op: 'put', store: 'households', key: mevrouw.id, value: { ...stolen, id: mevrouw.id } }]);
    await rejectsWith(vault.get(mevrouw.id), 'damaged');
    expect((await vault.list()).map((h) => h.id)).toEqual([janssens.id]);
    expect(vault.damaged()).toEqual([mevrouw.id]);
  });
});

describe('locking after inactivity', () => {
  it('locks after idleMs without activity, and activity postpones it', async () => {
    const { vault, clock } = setup();
    const reasons: string[] = [];
    vault.onLock((r) => reasons.push(r));
    await vault.setUp(PASS);
    const h = await vault.create('Familie Janssens');

    clock.advance(IDLE - 1000);
    expect(vault.isLocked.value).toBe(false);
    vault.touch();
    clock.advance(IDLE - 1000);
    expect(vault.isLocked.value).toBe(false);
    await vault.get(h.id); // an operation is activity too
    clock.advance(IDLE - 1);
    expect(vault.isLocked.value).toBe(false);
    clock.advance(1);
    expect(vault.isLocked.value).toBe(true);
    expect(reasons).toEqual(['idle']);
    await rejectsWith(vault.get(h.id), 'locked');

    await vault.unlock(PASS);
    vault.lock();
    expect(reasons).toEqual(['idle', 'manual']);
    expect(clock.pendingCount()).toBe(0);
  });

  it('is locked when the device wakes up after its timers ran late', async () => {
    const { vault, clock } = setup();
    await vault.setUp(PASS);
    const h = await vault.create('Familie Janssens');
    clock.jump(IDLE + 60_000); // the timer did not fire while asleep
    expect(vault.isLocked.value).toBe(false);
    await rejectsWith(vault.get(h.id), 'locked');
    expect(vault.isLocked.value).toBe(true);
    await vault.unlock(PASS);
    clock.jump(IDLE);
    vault.touch(); // a tap after the sleep must not extend an expired session
    expect(vault.isLocked.value).toBe(true);
  });

  it('a lock during unlocking wins', async () => {
    const { vault } = setup();
    await vault.setUp(PASS);
    vault.lock();
    const unlocking = vault.unlock(PASS);
    vault.lock();
    await rejectsWith(unlocking, 'locked');
    expect(vault.isLocked.value).toBe(true);
  });
});

describe('households', () => {
  it('renames, removes, and refuses names that are empty or a national register number', async () => {
    const { vault } = setup();
    await vault.setUp(PASS);
    const { janssens, mevrouw } = await twoHouseholds(vault);
    const renamed = await vault.rename(janssens.id, '  Gezin J. (Overleie)  ');
    expect(renamed.name).toBe('Gezin J. (Overleie)');
    expect(renamed.followUp).toEqual(janssens.followUp);
    expect((await vault.get(janssens.id)).name).toBe('Gezin J. (Overleie)');

    expect((await rejectsWith(vault.rename(janssens.id, '85.07.30-033.28'), 'invalid-name')).detail).toBe('national-number');
    expect((await rejectsWith(vault.create('85073003328'), 'invalid-name')).detail).toBe('national-number');
    expect((await rejectsWith(vault.create('   '), 'invalid-name')).detail).toBe('empty');
    expect((await rejectsWith(vault.create('x'.repeat(81)), 'invalid-name')).detail).toBe('too-long');

    await vault.remove(mevrouw.id);
    await rejectsWith(vault.get(mevrouw.id), 'not-found');
    await rejectsWith(vault.remove(mevrouw.id), 'not-found');
    expect((await vault.list()).map((h) => h.id)).toEqual([janssens.id]);
  });

  it('refuses a malformed household without writing it', async () => {
    const { vault, adapter } = setup();
    await vault.setUp(PASS);
    const { janssens } = await twoHouseholds(vault);
    const before = await dump(adapter);
    const bad = { ...janssens, followUp: [{ rightId: 'kortrijk.taxibon', state: 'applied', note: '' }] } as CaseHousehold;
    expect((await rejectsWith(vault.put(bad), 'invalid-household')).detail).toContain('/followUp/0/appliedOn');
    await rejectsWith(vault.put({ ...janssens, lastVisit: '23/11/2026' }), 'invalid-household');
    await rejectsWith(vault.put({ ...janssens, extra: 1 } as CaseHousehold), 'invalid-household');
    expect(await dump(adapter)).toEqual(before);
  });

  it('sets updatedAt from the clock on every save', async () => {
    const { vault, clock } = setup();
    await vault.setUp(PASS);
    const h = await vault.create('Familie Janssens');
    expect(h.createdAt).toBe('2026-11-23T09:00:00.000Z');
    clock.advance(60_000);
    const saved = await vault.put({ ...h, answers: { adults: 1 } });
    expect(saved.updatedAt).toBe('2026-11-23T09:01:00.000Z');
    expect(saved.createdAt).toBe(h.createdAt);
  });

  it('keeps a record of a newer app version untouched and says so', async () => {
    const { vault, adapter } = setup();
    await vault.setUp(PASS);
    const { janssens } = await twoHouseholds(vault);
    // What a future app version would write: the same key, the next record format.
    const meta = (await adapter.get('meta', 'vault')) as { salt: Uint8Array<ArrayBuffer>; iterations: number };
    const key = await deriveKey(PASS, meta.salt, meta.iterations);
    const sealed = await sealJson(key, { ...janssens, v: CASE_RECORD_VERSION + 1, newField: 1 }, utf8(`kortrijk-rechtenverkenner/vault|household|${janssens.id}`));
    await adapter.write([{ op: 'put', store: 'households', key: janssens.id, value: { id: janssens.id, ...sealed } }]);
    const before = await dump(adapter);

    await rejectsWith(vault.get(janssens.id), 'newer-format');
    expect((await vault.list()).map((h) => h.name)).toEqual(['Mevr. Peeters (Budastraat)']);
    expect(vault.damaged()).toEqual([janssens.id]);
    await rejectsWith(vault.exportAll(FILE_PASS), 'damaged');
    expect(await dump(adapter)).toEqual(before);
  });

  it('changes the passphrase: all records re-encrypted, the old one no longer opens', async () => {
    const { vault, adapter } = setup();
    await vault.setUp(PASS);
    const { janssens } = await twoHouseholds(vault);
    await rejectsWith(vault.changePassphrase('fout-wachtwoord', 'nieuw-wachtwoord-7'), 'wrong-passphrase');
    await vault.changePassphrase(PASS, 'nieuw-wachtwoord-7');
    vault.lock();
    await rejectsWith(vault.unlock(PASS), 'wrong-passphrase');
    await vault.unlock('nieuw-wachtwoord-7');
    expect(await vault.get(janssens.id)).toEqual(janssens);
    expect((await dump(adapter)).households).toHaveLength(2);
  });

  it('keeps a save made while the passphrase changes: it waits, then lands under the new key', async () => {
    // The change reads every record, then re-encrypts them: hold it right after that read and
    // save a household in between, as a worker typing a note at that moment would.
    const memory = createMemoryVaultAdapter();
    let release: () => void = () => {};
    let readStarted: () => void = () => {};
    const readDone = new Promise<void>((r) => (readStarted = r));
    let holdNextRead = false;
    const adapter: VaultAdapter = {
      ...memory,
      async getAll(store) {
        const all = await memory.getAll(store);
        if (store === 'households' && holdNextRead) {
          holdNextRead = false;
          readStarted();
          await new Promise<void>((r) => (release = r));
        }
        return all;
      },
    };
    const { vault } = setup({ adapter });
    await vault.setUp(PASS);
    const { janssens } = await twoHouseholds(vault);
    holdNextRead = true;
    const changing = vault.changePassphrase(PASS, 'nieuw-wachtwoord-7');
    await readDone;
    const note = { rightId: 'kortrijk.kmi', state: 'todo', note: 'tijdens de wijziging' } as const;
    const saving = vault.put({ ...janssens, followUp: [note] });
    await new Promise((r) => setTimeout(r, 20));
    release();
    await Promise.all([changing, saving]);
    vault.lock();
    await vault.unlock('nieuw-wachtwoord-7');
    await vault.list();
    expect(vault.damaged()).toEqual([]);
    expect((await vault.get(janssens.id)).followUp).toEqual([note]);
  });

  it('erases everything (forgotten passphrase) and can be set up again', async () => {
    const { vault, adapter } = setup();
    await vault.setUp(PASS);
    await twoHouseholds(vault);
    vault.lock();
    await vault.erase();
    expect(await dump(adapter)).toEqual({ meta: [], households: [] });
    expect(await vault.isSetUp()).toBe(false);
    await vault.setUp('een-nieuw-begin');
    expect(await vault.list()).toEqual([]);
  });
});

describe('export and import', () => {
  it('exports everything, survives a wipe, and imports it back equal', async () => {
    const { vault } = setup();
    await vault.setUp(PASS);
    const { janssens, mevrouw } = await twoHouseholds(vault);
    const file = await vault.exportAll(FILE_PASS);

    const envelope = JSON.parse(file) as Record<string, unknown>;
    expect(Object.keys(envelope).sort()).toEqual(['cipher', 'ciphertext', 'digest', 'format', 'iterations', 'iv', 'kdf', 'salt', 'version']);
    expect(envelope).toMatchObject({ format: EXPORT_FORMAT, version: 1, iterations: 1000, kdf: 'PBKDF2-SHA-256', cipher: 'AES-GCM-256' });
    for (const secret of ['Janssens', 'Peeters', '2650', 'netMonthlyIncome']) expect(file.includes(secret)).toBe(false);
    expect(describeExportFile(file)).toEqual({ format: EXPORT_FORMAT, version: 1, iterations: 1000 });

    await vault.erase();
    await vault.setUp('tweede-toestel-wachtwoord');
    const report = await vault.importFile(file, FILE_PASS);
    expect(report.added.sort()).toEqual([janssens.id, mevrouw.id].sort());
    expect(await vault.get(janssens.id)).toEqual(janssens);
    expect(await vault.get(mevrouw.id)).toEqual(mevrouw);
  });

  it('moves one household to another device', async () => {
    const a = setup();
    await a.vault.setUp(PASS);
    const { janssens } = await twoHouseholds(a.vault);
    const file = await a.vault.exportOne(janssens.id, FILE_PASS);

    const b = setup();
    await b.vault.setUp('ander-toestel-123');
    const preview = await b.vault.inspectFile(file, FILE_PASS);
    expect(preview).toMatchObject({ kind: 'household', conflicts: [] });
    expect(preview.households.map((h) => h.name)).toEqual(['Familie Janssens']);
    expect(await b.vault.list()).toEqual([]); // inspecting writes nothing
    await b.vault.importFile(file, FILE_PASS);
    expect(await b.vault.get(janssens.id)).toEqual(janssens);
  });

  it('refuses a corrupt file, a wrong passphrase and a foreign file, leaving the vault as it was', async () => {
    const { vault, adapter } = setup();
    await vault.setUp(PASS);
    await twoHouseholds(vault);
    const file = await vault.exportAll(FILE_PASS);
    const env = JSON.parse(file) as Record<string, string>;
    const before = await dump(adapter);

    const flip = (s: string) => (s[10] === 'A' ? `${s.slice(0, 10)}B${s.slice(11)}` : `${s.slice(0, 10)}A${s.slice(11)}`);
    const cases: [string, string, VaultErrorCode][] = [
      ['cut off', file.slice(0, file.length / 2), 'damaged-file'],
      ['one ciphertext character changed', JSON.stringify({ ...env, ciphertext: flip(env.ciphertext!) }), 'damaged-file'],
      ['iterations edited', JSON.stringify({ ...env, iterations: 999 }), 'damaged-file'],
      ['salt not base64url', JSON.stringify({ ...env, salt: '!!!' }), 'damaged-file'],
      ['salt edited', JSON.stringify({ ...env, salt: flip(env.salt!) }), 'damaged-file'],
      ['digest edited', JSON.stringify({ ...env, digest: flip(env.digest!) }), 'damaged-file'],
      ['ciphertext missing', JSON.stringify({ ...env, ciphertext: undefined }), 'damaged-file'],
      ['absurd iteration count', JSON.stringify({ ...env, iterations: 1e12 }), 'damaged-file'],
      ['newer version', JSON.stringify({ ...env, version: 2 }), 'newer-format'],
      ['foreign JSON', JSON.stringify({ hello: 'world', households: [] }), 'foreign-file'],
      ['another format', JSON.stringify({ ...env, format: 'someone-else/backup' }), 'foreign-file'],
      ['a JSON array', '[1,2,3]', 'foreign-file'],
      ['not JSON', 'PK\u0003\u0004 this is a zip', 'foreign-file'],
      ['empty', '', 'foreign-file'],
    ];
    for (const [what, text, code] of cases) {
      const e = await rejectsWith(vault.importFile(text, FILE_PASS), code);
      expect(e.code, what).toBe(code);
      await rejectsWith(vault.inspectFile(text, FILE_PASS), code);
    }
    await rejectsWith(vault.importFile(file, 'niet het juiste wachtwoord'), 'wrong-passphrase');
    expect(await dump(adapter)).toEqual(before);
  });

  it('imports households whose id exists as copies by default, or as asked', async () => {
    const { vault, adapter } = setup();
    await vault.setUp(PASS);
    const { janssens, mevrouw } = await twoHouseholds(vault);
    const file = await vault.exportAll(FILE_PASS);

    const preview = await vault.inspectFile(file, FILE_PASS);
    expect(preview.conflicts.sort()).toEqual([janssens.id, mevrouw.id].sort());

    // 'fail': nothing imported
    const before = await dump(adapter);
    expect((await rejectsWith(vault.importFile(file, FILE_PASS, { onConflict: 'fail' }), 'conflict')).detail).toContain(janssens.id);
    expect(await dump(adapter)).toEqual(before);

    // 'skip'
    expect(await vault.importFile(file, FILE_PASS, { onConflict: 'skip' })).toMatchObject({ added: [], replaced: [], copied: [] });
    expect(await dump(adapter)).toEqual(before);

    // 'keep-newer': the device's Janssens was changed after the export
    const changed = await vault.rename(janssens.id, 'Familie Janssens-De Smet');
    const kept = await vault.importFile(file, FILE_PASS, { onConflict: 'keep-newer' });
    expect(kept.skipped.sort()).toEqual([janssens.id, mevrouw.id].sort());
    expect((await vault.get(janssens.id)).name).toBe(changed.name);

    // ask per household
    const asked: string[] = [];
    const report = await vault.importFile(file, FILE_PASS, {
      onConflict: (incoming, existing) => {
        asked.push(`${incoming.name} / ${existing.name}`);
        return incoming.id === janssens.id ? 'replace' : 'skip';
      },
    });
    expect(asked).toContain('Familie Janssens / Familie Janssens-De Smet');
    expect(report).toMatchObject({ replaced: [janssens.id], skipped: [mevrouw.id] });
    expect(await vault.get(janssens.id)).toEqual(janssens);

    // default 'copy'
    const copies = await vault.importFile(file, FILE_PASS, { copyName: (n) => `${n} (kopie)` });
    expect(copies.copied).toHaveLength(2);
    const names = (await vault.list()).map((h) => h.name);
    expect(names).toEqual(['Familie Janssens', 'Familie Janssens (kopie)', 'Mevr. Peeters (Budastraat)', 'Mevr. Peeters (Budastraat) (kopie)']);
    const copy = await vault.get(copies.copied.find((c) => c.from === janssens.id)!.to);
    expect({ ...copy, id: janssens.id, name: janssens.name }).toEqual(janssens);
  });

  it('needs an unlocked vault and a long enough file passphrase', async () => {
    const { vault } = setup();
    await vault.setUp(PASS);
    const { janssens } = await twoHouseholds(vault);
    await rejectsWith(vault.exportOne(janssens.id, 'kort'), 'weak-passphrase');
    const file = await vault.exportOne(janssens.id, FILE_PASS);
    vault.lock();
    await rejectsWith(vault.exportAll(FILE_PASS), 'locked');
    await rejectsWith(vault.importFile(file, FILE_PASS), 'locked');
  });
});

// @vitest-environment node
/**
 * Every imported answer (share link, QR code, caseload file) passes the questionnaire's own checks:
 * the answers the issue found accepted (adults −3, children aged 500 and −1, an income of one billion,
 * rules version 2099) are refused on every way in, and "newer" is said only of a version that is.
 */
import { describe, expect, it } from 'vitest';
import { decodeShareFragment, encodeShareFragment, type SharedResult, ShareLinkError } from '../../src/share/link';
import { openSealedLink, readSealedLink, sealShareLink } from '../../src/share/sealed-link';
import { localDate } from '../../src/state/date';
import { compareRulesVersion, importedAnswersProblem, importedResultProblem, resultCheck } from '../../src/state/imported';
import { loadRules } from '../fixtures/release';
import { createMemoryVaultAdapter, createVault, VaultError } from '../../src/storage/vault';
import { couple, pensioner, singleMother } from '../fixtures/households';

const rules = await loadRules();
const { questions, manifest } = rules.ruleset;
const today = localDate();
const good: SharedResult = { rulesVersion: manifest.version, date: today, answers: { municipality: 'kortrijk', ...singleMother } };

/** The nonsense found in the issue, each on its own. */
const BAD: Record<string, SharedResult> = {
  'adults −3': { ...good, answers: { ...good.answers, adults: -3 } },
  'a child aged 500': { ...good, answers: { ...good.answers, children: [{ age: 500 }] } },
  'a child aged −1': { ...good, answers: { ...good.answers, children: [{ age: 4 }, { age: -1 }] } },
  'an income of one billion': { ...good, answers: { ...good.answers, netMonthlyIncome: 1_000_000_000 } },
  'rules version 2099': { ...good, rulesVersion: '2099' },
  'rules version 2099.1.1': { ...good, rulesVersion: '2099.1.1' },
  'a date in 2099': { ...good, date: '2099-01-01' },
  'an age of 3 for the person': { ...good, answers: { ...good.answers, age: 3 } },
  'a status that does not exist': { ...good, answers: { ...good.answers, statuses: ['king'] } },
  'a question that does not exist': { ...good, answers: { ...good.answers, favouriteColour: 'blue' } },
  'a child with more than an age': { ...good, answers: { ...good.answers, children: [{ age: 4, name: 'Lotte' }] } },
  'half a cent': { ...good, answers: { ...good.answers, netMonthlyIncome: 1950.005 } },
};

describe('one check for every imported answer', () => {
  it('accepts the worked examples as they are typed', () => {
    for (const answers of [singleMother, pensioner, couple]) expect(importedAnswersProblem(questions, answers)).toBeNull();
    expect(importedResultProblem(questions, good, { rulesVersion: manifest.version, today })).toBeNull();
  });

  it('refuses in a share link what the questionnaire would refuse', async () => {
    const validate = resultCheck(rules);
    for (const [name, bad] of Object.entries(BAD)) {
      expect(validate(bad), name).not.toBeNull();
      // the old readable link (still opened: links already given out)
      const fragment = await encodeShareFragment(bad, { questions }).catch((e: unknown) => e);
      if (typeof fragment === 'string') {
        await expect(decodeShareFragment(fragment, { questions, validate }), name).rejects.toMatchObject({ problem: 'invalid' });
      } else expect(fragment, name).toBeInstanceOf(ShareLinkError);
    }
    expect(await decodeShareFragment(await encodeShareFragment(good, { questions }), { questions, validate })).toEqual(good);
  });

  it('refuses it in a sealed link (QR code) too, after the right code', async () => {
    const validate = resultCheck(rules);
    for (const name of ['adults −3', 'a child aged 500', 'an income of one billion', 'rules version 2099']) {
      const { link, code } = await sealShareLink('https://x.be/', BAD[name]!, { questions });
      const error = await openSealedLink(readSealedLink(link), code, { questions, validate }).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(ShareLinkError);
      expect((error as ShareLinkError).problem, name).toBe('invalid');
    }
  }, 60_000);

  it('refuses a caseload file with one such household, importing nothing', async () => {
    const check = (answers: Record<string, unknown>) => importedAnswersProblem(questions, answers);
    const from = createVault({ adapter: createMemoryVaultAdapter(), iterations: 1000 });
    await from.setUp('wachtwoord-een-1');
    await from.create('Goed gezin', singleMother);
    await from.create('Fout gezin', { ...singleMother, adults: -3, children: [{ age: 500 }] });
    const file = await from.exportAll('verhuis-wachtwoord');
    const to = createVault({ adapter: createMemoryVaultAdapter(), iterations: 1000, checkAnswers: check });
    await to.setUp('wachtwoord-twee-2');
    const error = await to.importFile(file, 'verhuis-wachtwoord').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VaultError);
    expect((error as VaultError).code).toBe('damaged-file');
    expect((error as VaultError).message).toMatch(/adults: out of bounds/);
    expect(await to.list()).toEqual([]);
    // the same file without the bad household comes in
    const fine = createVault({ adapter: createMemoryVaultAdapter(), iterations: 1000 });
    await fine.setUp('wachtwoord-een-1');
    await fine.create('Goed gezin', singleMother);
    await to.importFile(await fine.exportAll('verhuis-wachtwoord'), 'verhuis-wachtwoord');
    expect((await to.list()).map((h) => h.name)).toEqual(['Goed gezin']);
    for (const v of [from, to, fine]) v.close();
  });

  it('calls a version newer only when it is newer, and impossible when it cannot exist yet', () => {
    expect(compareRulesVersion('2026.11.1', '2026.11.1', '2026-11-29')).toBe('same');
    expect(compareRulesVersion('2026.12.1', '2026.11.1', '2026-12-02')).toBe('newer');
    expect(compareRulesVersion('2026.11.2', '2026.11.1', '2026-11-29')).toBe('newer');
    expect(compareRulesVersion('2026.2.1', '2026.11.1', '2026-11-29')).toBe('older');
    expect(compareRulesVersion('2025.11.1', '2026.11.1', '2026-11-29')).toBe('older');
    expect(compareRulesVersion('2026.11', '2026.11.1', '2026-11-29')).toBe('older');
    expect(compareRulesVersion('2099', '2026.11.1', '2026-11-29')).toBe('impossible');
    expect(compareRulesVersion('2027.1.1', '2026.11.1', '2026-11-29')).toBe('impossible');
    expect(compareRulesVersion('v-next', '2026.11.1', '2026-11-29')).toBe('impossible');
  });
});

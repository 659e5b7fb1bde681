// @vitest-environment node
/**
 * The shared link's codes are data (rules/questions.json: `code`, `optionCodes`) and append-only:
 * links given out before the codes moved there still open, a release's new question travels under
 * its own code, and a published code that changes or is given to another question is refused.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RULES_DIR } from '../../src/cli/load-rules';
import { currentLock, lockProblems, readLock, writeLock } from '../../src/cli/lock';
import { shareCodeProblems, shareCodesOf } from '../../src/cli/share-codes';
import type { Question } from '../../src/engine';
import { decodeShareFragment, encodeShareFragment } from '../../src/share/link';
import { questions, withCodes } from '../fixtures/questions';

/** Made by the app before the codes moved into questions.json (then a table in src/share/link.ts). */
const BEFORE = {
  compressed:
    'r=1zUD5IcR3LQQrCMBBG4bu89d-QSROxc5WQhbaIIorgQkS8e2F2Hw9ep-RySGZpRuHJbJoz-vHAqzjhRbxwEyveq5Yhvnht4obb0nJq4o1303GIDc_iGsc97nP4Ev0TfuL5P3Y',
  plain:
    'r=1jl-cEKlsiMjAyNi4xMS4zIiwiMjAyNi0xMS0zMCIseyJtIjo0LCJhIjoyLCJwIjoxLCJjIjpbNCw5XSwieSI6NDUsImkiOjE5NTAuNSwicyI6WzEsOF0sImQiOjAsImgiOjEsImsiOjIsImIiOjEsImYiOjAsInciOjEsIm4iOjB9XQ',
  lastOptions: 'r=1jNbnh9VsiMjAyNi4xMS4zIixudWxsLHsibSI6MTMsInMiOls3LDBdLCJoIjo0LCJrIjowLCJmIjoxfV0',
};
const household = {
  municipality: 'harelbeke',
  adults: 2,
  partner: true,
  children: [{ age: 4 }, { age: 9 }],
  age: 45,
  netMonthlyIncome: 1950.5,
  statuses: ['verhoogde-tegemoetkoming', 'zorgbudget-ouderen'],
  disability: false,
  housing: 'social-rent',
  childcare: 'free-price',
  debts: true,
  heatingFuel: 'heating-oil',
  medicalWaste: true,
  heavyCareNeed: false,
};

describe('links made before the codes moved into the rules', () => {
  it('open with the same answers, compressed or not, the last option of every coded list too', async () => {
    const expected = { rulesVersion: '2026.11.3', date: '2026-11-30', answers: household };
    expect(await decodeShareFragment(BEFORE.compressed, withCodes)).toEqual(expected);
    expect(await decodeShareFragment(BEFORE.plain, withCodes)).toEqual(expected);
    expect(await decodeShareFragment(BEFORE.lastOptions, withCodes)).toEqual({
      rulesVersion: '2026.11.3',
      answers: { municipality: 'other-flemish', statuses: ['student', 'leefloon'], housing: 'other', childcare: 'none', heatingFuel: 'other' },
    });
    // and a link made now is the very same text
    expect(await encodeShareFragment({ rulesVersion: '2026.11.3', date: '2026-11-30', answers: household }, { ...withCodes, compress: false })).toBe(BEFORE.plain);
  });

  it('a question and an option a release adds travel under the codes the release gives them', async () => {
    const added: Question[] = [
      ...questions.map((q) => (q.key === 'municipality' ? { ...q, options: [...q.options!, 'nieuwdorp'], optionCodes: { ...q.optionCodes, nieuwdorp: 14 } } : q)),
      { key: 'ownsBicycle', type: 'boolean', code: 'v' },
    ];
    const result = { rulesVersion: '2027.01.1', answers: { municipality: 'nieuwdorp', ownsBicycle: true, adults: 1 } };
    const fragment = await encodeShareFragment(result, { questions: added, compress: false });
    const json = Buffer.from(fragment.slice(4), 'base64url').subarray(4).toString();
    expect(json).toBe('["2027.01.1",null,{"m":14,"v":1,"a":1}]');
    expect(await decodeShareFragment(fragment, { questions: added })).toEqual(result);
    // a device still on the older rules knows neither: refused with what it does not know, never misread
    await expect(decodeShareFragment(fragment, withCodes)).rejects.toMatchObject({ problem: 'invalid', detail: 'municipality' });
    const bicycle = await encodeShareFragment({ rulesVersion: '2027.01.1', answers: { ownsBicycle: true } }, { questions: added });
    await expect(decodeShareFragment(bicycle, withCodes)).rejects.toMatchObject({ problem: 'invalid', detail: 'v' });
  });
});

describe('published codes are append-only', () => {
  const made: string[] = [];
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });
  /** a copy of rules/ with its lock as committed */
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'codes-'));
    made.push(dir);
    cpSync(RULES_DIR, dir, { recursive: true });
    return dir;
  };
  const editQuestions = (dir: string, change: (qs: Question[]) => void) => {
    const file = join(dir, 'questions.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { questions: Question[] };
    change(data.questions);
    writeFileSync(file, JSON.stringify(data, null, 2));
  };
  const q = (qs: Question[], key: string) => qs.find((x) => x.key === key)!;

  it('rules.lock records every code of questions.json as it is', () => {
    const recorded = readLock()!.shareCodes!;
    expect(recorded).toEqual(expect.objectContaining(shareCodesOf(questions)));
    expect(Object.keys(recorded).length).toBeGreaterThanOrEqual(questions.length);
    expect(shareCodeProblems(recorded, questions)).toEqual([]);
  });

  it('refuses a changed code, a reused code, a changed option number and a reused one, naming each', () => {
    const recorded = readLock()!.shareCodes!;
    const cases: [string, (qs: Question[]) => void, RegExp][] = [
      ['a changed code', (qs) => void (q(qs, 'debts').code = 'z'), /"debts" was published with the code "b"/],
      ['a reused code', (qs) => {
        q(qs, 'debts').code = 'z';
        qs.push({ key: 'ownsBicycle', type: 'boolean', code: 'b' });
      }, /the code "b" was published for the question "debts"; "ownsBicycle" needs another code/],
      ['a changed number', (qs) => void (q(qs, 'housing').optionCodes!.owner = 7), /"owner" of "housing" was published with the number 2/],
      ['a reused number', (qs) => {
        const h = q(qs, 'housing');
        h.options = h.options!.filter((o) => o !== 'homeless');
        delete h.optionCodes!.homeless;
        h.options.push('caravan');
        h.optionCodes!.caravan = 3;
      }, /the number 3 of "housing" was published for "homeless"; "caravan" needs another number/],
    ];
    for (const [name, change, message] of cases) {
      const changed = structuredClone(questions);
      change(changed);
      expect(shareCodeProblems(recorded, changed).join('\n'), name).toMatch(message);
    }
    // a renamed question keeps its code under its new key; a new question takes a free code
    const renamed = structuredClone(questions);
    Object.assign(q(renamed, 'debts'), { key: 'hasDebts', formerKeys: ['debts'] });
    renamed.push({ key: 'ownsBicycle', type: 'boolean', code: 'v' });
    expect(shareCodeProblems(recorded, renamed)).toEqual([]);
  });

  it('the lock and `rights lock` refuse it in a rules folder, and the lock keeps the codes of a removed question', () => {
    const dir = copy();
    editQuestions(dir, (qs) => void (q(qs, 'heatingFuel').optionCodes = { 'heating-oil': 1, other: 0 }));
    expect(lockProblems(dir).join('\n')).toMatch(/"heating-oil" of "heatingFuel" was published with the number 0; put back 0/);
    const out = {
      text: '',
      write(s: string) {
        out.text += s;
        return true;
      },
    };
    expect(writeLock(dir, out as unknown as NodeJS.WritableStream)).toBe(1);
    expect(out.text).toContain('Shared links already given out would read other answers');

    const other = copy();
    editQuestions(other, (qs) => void qs.splice(qs.indexOf(q(qs, 'medicalWaste')), 1));
    // the lock written next still holds the removed question's code, and it stays taken
    expect(currentLock(other).shareCodes!.w).toEqual({ key: 'medicalWaste' });
    editQuestions(other, (qs) => qs.push({ key: 'ownsBicycle', type: 'boolean', code: 'w' }));
    expect(lockProblems(other).join('\n')).toMatch(/the code "w" was published for the question "medicalWaste"/);
  });
});

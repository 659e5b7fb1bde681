import { describe, expect, it } from 'vitest';
import {
  CASE_RECORD_VERSION,
  CaseFormatError,
  FOLLOW_UP_STATES,
  NOTE_MAX_LENGTH,
  changesSinceLastVisit,
  nameProblem,
  NewerFormatError,
  newCaseHousehold,
  parseCaseHousehold,
  recordVisit,
  removeFollowUp,
  setFollowUp,
  summarize,
  upgradeCaseRecord,
} from '../../src/storage/caseload';

const now = new Date('2026-11-23T09:00:00Z');
const fresh = () => newCaseHousehold({ id: 'h1', name: ' Familie Janssens ', now, answers: { adults: 2 } });

describe('household names', () => {
  it('accepts ordinary names and refuses empty, too long, or a national register number in any spelling', () => {
    expect(nameProblem('Familie Janssens')).toBeNull();
    expect(nameProblem('Gezin 2 – Overleie, bus 12')).toBeNull();
    expect(nameProblem('  ')).toBe('empty');
    expect(nameProblem('a'.repeat(81))).toBe('too-long');
    for (const n of ['85073003328', '85.07.30-033.28', 'Jan 85 07 30 033 28', '85/07/30-033-28']) {
      expect(nameProblem(n), n).toBe('national-number');
    }
  });
});

describe('follow-up list and visits', () => {
  it('adds, replaces in place and removes follow-up items', () => {
    let h = fresh();
    expect(h.name).toBe('Familie Janssens');
    h = setFollowUp(h, { rightId: 'kortrijk.kmi', state: 'todo', note: '' });
    h = setFollowUp(h, { rightId: 'kortrijk.taxibon', state: 'todo', note: '' });
    h = setFollowUp(h, { rightId: 'kortrijk.kmi', state: 'applied', appliedOn: '2026-11-24', note: 'loonbrieven mee' });
    expect(h.followUp.map((f) => `${f.rightId}:${f.state}`)).toEqual(['kortrijk.kmi:applied', 'kortrijk.taxibon:todo']);
    expect(summarize(h).open).toBe(2);
    h = setFollowUp(h, { rightId: 'kortrijk.kmi', state: 'granted', appliedOn: '2026-11-24', decidedOn: '2026-12-15', note: '' });
    expect(summarize(h).open).toBe(1);
    h = removeFollowUp(h, 'kortrijk.taxibon');
    expect(h.followUp).toHaveLength(1);
    expect(parseCaseHousehold(structuredClone(h))).toEqual(h);
  });

  it('tells what changed since the last visit and whether the rules changed', () => {
    const h = recordVisit(fresh(), {
      date: '2026-11-23',
      rulesVersion: '2026.11.1',
      results: [
        { id: 'kortrijk.sociaal-tarief', status: 'eligible' },
        { id: 'kortrijk.extra-sociaal-tarief', status: 'eligible' },
        { id: 'kortrijk.deelfabriek', status: 'eligible' },
      ],
    });
    expect(h.lastVisit).toBe('2026-11-23');
    expect(changesSinceLastVisit(h, '2026.11.1', [
      { id: 'kortrijk.sociaal-tarief', status: 'eligible' },
      { id: 'kortrijk.extra-sociaal-tarief', status: 'eligible' },
      { id: 'kortrijk.deelfabriek', status: 'eligible' },
    ])).toEqual({ rulesChanged: false, previousVersion: '2026.11.1', changes: [] });
    expect(changesSinceLastVisit(h, '2027.01.1', [
      { id: 'kortrijk.sociaal-tarief', status: 'not-eligible' },
      { id: 'kortrijk.deelfabriek', status: 'eligible' },
      { id: 'kortrijk.nieuw-recht', status: 'ask' },
    ])).toEqual({
      rulesChanged: true,
      previousVersion: '2026.11.1',
      changes: [
        { rightId: 'kortrijk.extra-sociaal-tarief', before: 'eligible', after: null },
        { rightId: 'kortrijk.nieuw-recht', before: null, after: 'ask' },
        { rightId: 'kortrijk.sociaal-tarief', before: 'eligible', after: 'not-eligible' },
      ],
    });
    expect(changesSinceLastVisit(fresh(), '2027.01.1', [])).toEqual({ rulesChanged: false, previousVersion: null, changes: [] });
  });
});

describe('record format', () => {
  it('reads a current record and refuses every malformed field with its path', () => {
    const h = setFollowUp(fresh(), { rightId: 'kortrijk.kmi', state: 'todo', note: '' });
    expect(parseCaseHousehold(JSON.parse(JSON.stringify(h)))).toEqual(h);
    const bad: [Record<string, unknown>, string][] = [
      [{ ...h, id: '../x' }, '/id'],
      [{ ...h, name: '' }, '/name'],
      [{ ...h, answers: [] }, '/answers'],
      [{ ...h, lastVisit: '2026-02-30' }, '/lastVisit'],
      [{ ...h, updatedAt: 'gisteren' }, '/updatedAt'],
      [{ ...h, followUp: [{ rightId: 'kortrijk.kmi', state: 'maybe', note: '' }] }, '/followUp/0/state'],
      [{ ...h, followUp: [{ rightId: 'kortrijk.kmi', state: 'todo', note: 'x'.repeat(501) }] }, '/followUp/0/note'],
      [{ ...h, followUp: [h.followUp[0], h.followUp[0]] }, '/followUp/1/rightId'],
      [{ ...h, lastResults: { rulesVersion: '1', date: '2026-11-23', statuses: { 'kortrijk.kmi': 'yes' } } }, '/lastResults/statuses/kortrijk.kmi'],
      [{ ...h, surprise: true }, '/surprise'],
      [{ ...h, v: 0 }, '/v'],
    ];
    for (const [raw, path] of bad) {
      let error: unknown;
      try {
        parseCaseHousehold(raw);
      } catch (e) {
        error = e;
      }
      expect(error, path).toBeInstanceOf(CaseFormatError);
      expect((error as CaseFormatError).path).toBe(path);
    }
  });

  it('runs the migration hook step by step and refuses records from a newer version', () => {
    const v = CASE_RECORD_VERSION;
    const current = { ...fresh() } as Record<string, unknown>;
    const steps = { [v]: (r: Record<string, unknown>) => ({ ...r, v: v + 1, household: 'x' }), [v + 1]: (r: Record<string, unknown>) => ({ ...r, v: v + 2 }) };
    expect(upgradeCaseRecord(current, steps, v + 2)).toMatchObject({ v: v + 2, household: 'x', name: 'Familie Janssens' });
    expect(current.v).toBe(v); // the input is not changed
    expect(() => upgradeCaseRecord(current, {}, v + 1)).toThrow(CaseFormatError);
    expect(() => upgradeCaseRecord({ ...current, v: v + 1 })).toThrow(NewerFormatError);
  });

  it('reads a record of version 1 (the facts under an optional progress) with the facts flat, as the resident record holds them', () => {
    const { skipped: _s, history: _h, drafts: _d, ...rest } = fresh();
    const v1 = { ...rest, v: 1, progress: { skipped: ['debts'], history: ['adults', 'debts'], drafts: { age: 'zestig' } } };
    expect(parseCaseHousehold(v1)).toEqual({ ...fresh(), skipped: ['debts'], history: ['adults', 'debts'], drafts: { age: 'zestig' } });
    const { progress: _p, ...without } = v1;
    expect(parseCaseHousehold(without)).toEqual(fresh());
    expect(() => parseCaseHousehold({ ...v1, progress: { ...v1.progress, skipped: 'debts' } })).toThrow(/\/skipped: expected a list/);
  });
});

describe('record schema', () => {
  it('says what the damaged field expected and what it holds', () => {
    const h = setFollowUp(fresh(), { rightId: 'kortrijk.kmi', state: 'todo', note: '' });
    expect(() => parseCaseHousehold({ ...h, followUp: [{ ...h.followUp[0], state: 'maybe' }] })).toThrow(
      'household record /followUp/0/state: expected one of "todo", "applied", "granted", "refused", found "maybe"',
    );
    expect(() => parseCaseHousehold({ ...h, followUp: [{ rightId: 'kortrijk.kmi', state: 'applied', note: '' }] })).toThrow(
      /\/followUp\/0\/appliedOn: expected a value \("appliedOn" is required\)/,
    );
    const { name: _, ...nameless } = h;
    expect(() => parseCaseHousehold(nameless)).toThrow(/\/name: expected a value \("name" is required\)/);
  });

  it('holds the same limits as the code that writes records', async () => {
    const schema = (await import('../../src/storage/schema/case-household.schema.json')).default;
    expect(schema.$defs.followUp.properties.state.enum).toEqual([...FOLLOW_UP_STATES]);
    expect(schema.$defs.followUp.properties.note.maxLength).toBe(NOTE_MAX_LENGTH);
    expect(schema.properties.v.const).toBe(CASE_RECORD_VERSION);
  });
});

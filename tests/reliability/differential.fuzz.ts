// @vitest-environment node
/**
 * Differential fuzz: the engine against json-logic-js (the reference implementation) on 100 000
 * random well-typed expressions, every operator of the documented subset, nested up to 6 deep.
 *
 * - With every answer present, the engine must give exactly json-logic-js's value.
 * - With answers missing, the engine may say unknown (the documented three-valued difference); when it
 *   gives a value anyway, that value must be what json-logic-js gives whatever the missing answers are
 *   (checked on three random fillings).
 * Anything else is a disagreement; an exception other than a refusal is a crash. Both must be 0.
 */
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { applyOurs, same } from '../engine/jsonlogic-harness';
import { ANSWERS, Generator, random } from './expressions';
import { writeResult } from './result';

const CASES = 100_000;
const SEED = 20261129;
const TYPES = ['bool', 'bool', 'bool', 'num', 'num', 'numList'] as const;

describe('the engine against json-logic-js', () => {
  it(`agrees on ${CASES} random well-typed expressions`, () => {
    const rnd = random(SEED);
    const gen = new Generator(rnd);
    let crashes = 0;
    let documented = 0;
    let complete = 0;
    let settledDespiteMissing = 0;
    let fillings = 0;
    let referenceThrew = 0;
    const disagreements: string[] = [];
    const show = (i: number, logic: unknown, data: unknown, what: string) =>
      `#${i} (seed ${SEED}) ${JSON.stringify(logic)} on ${JSON.stringify(data)}: ${what}`;
    const reference = (logic: unknown, data: unknown): { ok: true; value: unknown } | { ok: false } => {
      try {
        return { ok: true, value: jsonLogic.apply(logic as never, data) };
      } catch {
        referenceThrew++;
        return { ok: false };
      }
    };

    for (let i = 0; i < CASES; i++) {
      const type = TYPES[Math.floor(rnd() * TYPES.length)] as (typeof TYPES)[number];
      const depth = rnd() < 0.5 ? 6 : 1 + Math.floor(rnd() * 6);
      const logic = gen.expr(type, 'top', depth);
      const missing = rnd() < 0.4;
      const data = gen.data(missing ? 0.3 : 0);
      let ours: ReturnType<typeof applyOurs>;
      try {
        ours = applyOurs(logic, data);
      } catch (e) {
        crashes++;
        if (disagreements.length < 20) disagreements.push(show(i, logic, data, `crashed: ${(e as Error).stack}`));
        continue;
      }
      if (ours.kind === 'refused') {
        disagreements.push(show(i, logic, data, `refused: ${ours.message}`));
        continue;
      }
      const absent = Object.keys(ANSWERS).filter((k) => !(k in data));
      if (absent.length === 0) {
        complete++;
        const ref = reference(logic, data);
        if (!ref.ok) continue;
        if (ours.kind !== 'value' || !same(ours.value, ref.value)) {
          disagreements.push(show(i, logic, data, `json-logic-js ${JSON.stringify(ref.value)}, ours ${JSON.stringify(ours)}`));
        }
        continue;
      }
      if (ours.kind === 'unknown') {
        documented++;
        const stray = ours.missing.filter((k) => !absent.includes(k));
        if (stray.length) disagreements.push(show(i, logic, data, `unknown for answers that are there: ${stray}`));
        continue;
      }
      settledDespiteMissing++;
      for (let f = 0; f < 3; f++) {
        const filled = { ...data };
        for (const k of absent) filled[k] = gen.value(ANSWERS[k] as never);
        fillings++;
        const ref = reference(logic, filled);
        if (ref.ok && !same(ours.value, ref.value)) {
          disagreements.push(show(i, logic, filled, `settled as ${JSON.stringify(ours.value)} without ${absent}, but json-logic-js gives ${JSON.stringify(ref.value)} with them`));
          break;
        }
      }
    }

    const unused = [
      'var', 'and', 'or', '!', '!!', 'if', '==', '!=', '===', '!==', '<', '<=', '>', '>=',
      '+', '-', '*', '/', 'min', 'max', 'in', 'some', 'all', 'none', 'filter', 'map',
    ].filter((op) => !gen.operators.has(op));
    writeResult({
      suite: 'differential-fuzz',
      title: 'engine against json-logic-js, random well-typed expressions up to 6 deep',
      cases: CASES,
      crashes,
      disagreements: disagreements.length,
      documented,
      notes: [
        `${complete} with every answer, ${CASES - complete} with answers missing (${documented} unknown, ${settledDespiteMissing} settled, checked on ${fillings} fillings)`,
        ...(referenceThrew ? [`json-logic-js threw ${referenceThrew} times`] : []),
      ],
    });
    expect(unused, 'every documented operator is exercised').toEqual([]);
    expect(disagreements.slice(0, 10)).toEqual([]);
    expect(crashes).toBe(0);
    expect(referenceThrew).toBe(0);
    expect(complete).toBeGreaterThan(CASES / 2);
    expect(settledDespiteMissing).toBeGreaterThan(1000);
  }, 600_000);
});

/**
 * A synthetic city: households with plausible spreads of the facts of DOMAIN.md, a neighbourhood each,
 * and the rights they already receive (a take-up share of what they are entitled to). Deterministic for
 * a seed. Nobody in it exists.
 *
 *   npx tsx tests/bench/city.ts [--households 100000] [--seed 1] [--date 2025-03-01] [--format csv|jsonl] OUT
 *
 * CSV is written as a Belgian spreadsheet saves it: a byte-order mark, `;` between cells, a decimal comma.
 */
import { createWriteStream } from 'node:fs';
import { evaluate, type Ruleset } from '../../src/engine';
import { loadRulesFromDisk } from '../../src/cli/load-rules';
import type { Question } from '../../src/engine';
import { answerFor, QUESTIONS } from './households';

export const AREAS = ['Centrum', 'Overleie', 'Sint-Jan', 'Walle', 'Pottelberg', 'Heule', 'Bissegem', 'Marke', 'Aalbeke', 'Rollegem', 'Bellegem', 'Lauwe', 'Rekkem'];

export interface CityHousehold {
  id: string;
  area: string;
  receives: string[];
  answers: Record<string, unknown>;
}

function random(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    // xorshift32
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, normal, chance: (p: number) => next() < p, pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] as T };
}

/** Take-up: the share of entitled households that already get a right (automatic rights more often). */
const TAKE_UP: Record<string, number> = {
  'federaal.sociaal-tarief-energie': 0.9,
  'vlaanderen.sociaal-tarief-water': 0.9,
  'vlaanderen.groeipakket-sociale-toeslag': 0.85,
  'federaal.verhoogde-tegemoetkoming': 0.55,
  'kortrijk.sociaal-tarief': 0.45,
  'kortrijk.uitpas-kansentarief': 0.35,
  'kortrijk.pamperbank': 0.3,
  'kortrijk.deelfabriek': 0.05,
};

/**
 * One household; the share of cells left empty mimics a city file where not every fact is known. The
 * facts modelled below follow the city's spreads, within the bounds and options of questions.json;
 * every other question (a release's new one too) is answered from its own data (src: households.ts).
 */
export function cityHousehold(r: ReturnType<typeof random>, i: number, questions: readonly Question[] = QUESTIONS): Omit<CityHousehold, 'receives'> {
  const question = (key: string) => questions.find((q) => q.key === key);
  const kind = r.next();
  // single 38 %, couple 27 %, couple with children 20 %, single parent 8 %, other adults together 7 %
  const [adults, partner, kids] =
    kind < 0.38 ? [1, false, 0] : kind < 0.65 ? [2, true, 0] : kind < 0.85 ? [2, true, 1 + Math.floor(r.next() * 3)] : kind < 0.93 ? [1, false, 1 + Math.floor(r.next() * 2)] : [2 + Math.floor(r.next() * 2), false, Math.floor(r.next() * 2)];
  const age = kids ? 22 + Math.floor(r.next() * 30) : r.chance(0.35) ? 65 + Math.floor(r.next() * 30) : 19 + Math.floor(r.next() * 46);
  const childQ = question('children');
  const [minAge, maxAge] = [childQ?.min ?? 0, childQ?.max ?? 17];
  const children = Array.from({ length: kids }, () => ({ age: minAge + Math.floor(r.next() * (maxAge - minAge + 1)) }));
  // net income: a log-normal spread around a typical income for the household's size; a low tail
  const typical = 1850 * (adults === 1 ? 1 : 1.75 + 0.3 * (adults - 2)) * (age >= 65 ? 0.85 : 1);
  const poor = r.chance(0.14);
  const income = Math.max(0, Math.round((poor ? typical * 0.55 : typical) * Math.exp(0.35 * r.normal()) * 100) / 100);
  const statuses: string[] = [];
  if (poor && r.chance(0.2)) statuses.push('leefloon');
  if (r.chance(poor ? 0.45 : age >= 65 ? 0.18 : 0.07)) statuses.push('verhoogde-tegemoetkoming');
  if (age >= 65 && poor && r.chance(0.3)) statuses.push('igo');
  if (r.chance(0.025)) statuses.push('ivt');
  if (r.chance(poor ? 0.12 : 0.02)) statuses.push('debt-mediation');
  if (kids && r.chance(0.02)) statuses.push('foster-child');
  if (age < 65 && r.chance(0.07)) statuses.push('jobseeker');
  if (age < 26 && r.chance(0.4)) statuses.push('student');
  const housing = r.chance(poor ? 0.3 : 0.1) ? 'social-rent' : r.chance(0.003) ? 'homeless' : r.chance(poor ? 0.6 : 0.28) ? 'private-rent' : r.chance(0.95) ? 'owner' : 'other';
  const baby = children.some((c) => c.age <= 2);
  const known = (key: string, values: string[]) => values.filter((v) => question(key)?.options?.includes(v));
  const answers: Record<string, unknown> = {
    adults,
    children,
    age,
    netMonthlyIncome: income,
    statuses: known('statuses', statuses),
    housing,
    disability: r.chance(age >= 65 ? 0.12 : 0.04),
    debts: r.chance(poor ? 0.3 : 0.07),
  };
  if (adults >= 2) answers.partner = partner;
  if (baby) answers.childcare = r.pick(['none', 'none', 'income-related', 'free-price']);
  // the city's own municipality (the example of the question); every fact not modelled from its question
  const municipality = question('municipality')?.example;
  if (typeof municipality === 'string') answers.municipality = municipality;
  for (const q of questions) {
    if (!(q.key in answers) && (q.key !== 'partner' || adults >= 2) && (q.key !== 'childcare' || baby)) answers[q.key] = answerFor(q, r.next);
  }
  // what the model gave outside the bounds or options of questions.json is left out (as an unknown fact)
  for (const q of questions) {
    const v = answers[q.key];
    if (typeof v === 'number' && ((q.min !== undefined && v < q.min) || (q.max !== undefined && v > q.max))) delete answers[q.key];
    if (typeof v === 'string' && q.options && !q.options.includes(v)) delete answers[q.key];
  }
  // a city file does not know everything: about 3 % of the facts are missing
  for (const key of Object.keys(answers)) if (r.chance(0.03)) delete answers[key];
  return { id: `h${String(i).padStart(7, '0')}`, area: r.pick(AREAS), answers };
}

/** `n` households with what they already receive, at `date`. */
export function* syntheticCity(ruleset: Ruleset, n: number, seed = 1, date = '2025-03-01'): Generator<CityHousehold> {
  const r = random(seed);
  for (let i = 0; i < n; i++) {
    const h = cityHousehold(r, i);
    const receives = evaluate(ruleset, h.answers, date)
      .filter((res) => (res.status === 'eligible' || res.status === 'ask') && r.chance(TAKE_UP[res.id] ?? 0.2))
      .map((res) => res.id);
    yield { ...h, receives };
  }
}

const cellOf = (key: string, v: unknown): string => {
  if (v === undefined) return '';
  if (key === 'children') return (v as { age: number }[]).length ? (v as { age: number }[]).map((c) => c.age).join('|') : 'none';
  if (Array.isArray(v)) return v.length ? v.join('|') : 'none';
  if (typeof v === 'number') return String(v).replace('.', ',');
  return String(v);
};

/** The CSV header for the answer keys of the rules (a key the city does not know stays an empty column). */
export const cityColumns = (ruleset: Ruleset) => ['id', 'area', 'receives', ...ruleset.questions.map((q) => q.key)];

export function cityCsvRow(columns: string[], h: CityHousehold): string {
  return columns
    .map((c) => (c === 'id' ? h.id : c === 'area' ? h.area : c === 'receives' ? h.receives.join('|') : cellOf(c, h.answers[c])))
    .join(';');
}

async function main(argv: string[]) {
  let n = 100_000;
  let seed = 1;
  let date = '2025-03-01';
  let format = 'csv';
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--households') n = Number(argv[++i]);
    else if (a === '--seed') seed = Number(argv[++i]);
    else if (a === '--date') date = argv[++i] as string;
    else if (a === '--format') format = argv[++i] as string;
    else out = a;
  }
  if (!out) throw new Error('name the file to write');
  await writeCity(out, n, { seed, date, format: format === 'jsonl' ? 'jsonl' : 'csv' });
}

export async function writeCity(file: string, n: number, o: { seed?: number; date?: string; format?: 'csv' | 'jsonl' } = {}) {
  const ruleset = loadRulesFromDisk();
  const columns = cityColumns(ruleset);
  const stream = createWriteStream(file);
  let buffer = o.format === 'jsonl' ? '' : `\ufeff${columns.join(';')}\r\n`;
  for (const h of syntheticCity(ruleset, n, o.seed, o.date)) {
    buffer += o.format === 'jsonl' ? `${JSON.stringify(h)}\n` : `${cityCsvRow(columns, h)}\r\n`;
    if (buffer.length > 1 << 16) {
      if (!stream.write(buffer)) await new Promise((r) => stream.once('drain', () => r(null)));
      buffer = '';
    }
  }
  await new Promise<void>((resolve) => stream.end(buffer, () => resolve()));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').at(-1) as string)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}

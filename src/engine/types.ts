/** Shapes of the rule files (rules/) and of the engine's results. Pure types, no runtime. */

export type Status = 'eligible' | 'not-eligible' | 'unknown' | 'ask';
export type IsoDate = string; // YYYY-MM-DD
export type Logic = unknown; // a JsonLogic expression (validated when compiled)

export interface Source {
  title: string;
  url?: string;
  read: IsoDate;
}

export interface ParameterValue {
  from: IsoDate;
  value: number;
  source: Source;
  assumption?: string;
}

export interface Parameter {
  description: string;
  unit: string;
  values: ParameterValue[];
  assumption?: string;
}

export interface Variable {
  description: string;
  unit?: string;
  logic: Logic;
  assumption?: string;
}

export interface Outcome {
  status: Exclude<Status, 'unknown'>;
  reason: string;
  when: Logic;
  amount?: AmountSpec;
  /** an outcome can hold for part of the right's period only (a scheme that changes on a date) */
  validFrom?: IsoDate;
  validUntil?: IsoDate | null;
}

export interface AmountSpec {
  value: Logic;
  unit: string;
}

export interface Assumption {
  field: string;
  note: string;
}

export interface Rule {
  id: string;
  category: string;
  provider: string;
  /** where it holds: `everywhere` (federal, Flemish), or the municipality (an option of the `municipality` question) the right holds in */
  territory: string;
  validFrom: IsoDate;
  validUntil: IsoDate | null;
  outcomes: Outcome[];
  otherwise?: { status: Exclude<Status, 'unknown'>; reason: string };
  threshold?: Logic;
  over?: Logic;
  amount?: AmountSpec;
  steps: string[];
  documents: string[];
  sources: Source[];
  assumptions?: Assumption[];
}

export type QuestionType = 'integer' | 'money' | 'boolean' | 'choice' | 'multi' | 'children';

export interface Question {
  key: string;
  type: QuestionType;
  /** its code in a shared link (append-only: never changed or reused once published) */
  code: string;
  /** option → its number in a shared link (append-only) */
  optionCodes?: Record<string, number>;
  unit?: string;
  min?: number;
  max?: number;
  options?: string[];
  example?: unknown;
  default?: unknown;
  askIf?: Logic;
  maxItems?: number;
  /** asked on one screen with the other questions of the same screen (simple facts, each with its own answer) */
  screen?: string;
  /** earlier keys of this question: answers saved on a device under them are migrated, never refused */
  formerKeys?: string[];
}

export interface OpeningHours {
  days: string;
  open: [string, string][];
}

export interface Provider {
  name: string;
  address: string | null;
  phone: string | null;
  email?: string | null;
  url?: string | null;
  hours: OpeningHours[] | null;
  source?: Source;
}

export interface Manifest {
  version: string;
  published: IsoDate;
  /** a release's manifest (see src/rules/release.ts) also holds these */
  amountsUpdated?: IsoDate | null;
  municipalities?: string[];
  engine?: number;
  files?: Record<string, { sha256: string; bytes: number }>;
  /** the first evaluation date the rules cover: an earlier date is refused as a whole */
  evaluationFrom: IsoDate;
}

/** A life domain of the results: its place in the order of categories.json and its pictogram. */
export interface Category {
  id: string;
  /** an SVG path on a 24×24 grid */
  icon: string;
}

/** A municipality the rules know: who stands in for a generic provider there (the OCMW, …). */
export interface Municipality {
  providers?: Record<string, string>;
}

export interface RuleCase {
  name: string;
  date: IsoDate;
  answers: Answers;
  expect: {
    status: Status | 'not-in-force' | 'refused';
    threshold?: number | null;
    over?: number | null;
    amount?: number | null;
    unit?: string | null;
    missing?: string[];
  };
}

/** The household facts (DOMAIN.md "Household facts"). A missing key means "not answered yet". */
export type Answers = Record<string, unknown>;

/** One comparison or boolean fact the engine looked at, with the values compared (money in euros). */
export interface TraceOperand {
  /** answer key, variable name, parameter id or `result:<right id>`; absent for a literal */
  name?: string;
  value: unknown;
  unit?: string;
}

export interface TraceEntry {
  op: string;
  args: TraceOperand[];
  result: boolean | 'unknown';
  /**
   * For a derived variable read as a fact: the checks inside it, so an explanation can say which part
   * held ("you are 78", not "you are 75 or older, or you have a disability").
   */
  because?: TraceEntry[];
}

export interface OutcomeTrace {
  status: Exclude<Status, 'unknown'> | 'unknown';
  reason: string;
  checks: TraceEntry[];
  result: boolean | 'unknown';
}

export interface Result {
  id: string;
  status: Status;
  /** the outcome's reason key (`reasons.<id>.<reason>`); absent when unknown */
  reason?: string;
  amount?: number;
  unit?: string;
  threshold?: number;
  over?: number;
  /** answer keys still missing that could change this result (only when unknown) */
  missing?: string[];
  /** the outcomes tried, in order, with the checks inside each; only when traces are asked for */
  trace?: OutcomeTrace[];
}

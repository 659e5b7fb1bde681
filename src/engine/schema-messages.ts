/**
 * Plain messages for JSON Schema errors. The validator's own words ("Instance does not have required
 * property", "Expected \"integer\"") are written for schema authors; these say, for one field, what
 * was expected and what was found: `/children/0/age: expected a whole number, found "two"`.
 */
import type { OutputUnit, Validator } from '@cfworker/json-schema';

export interface SchemaProblem {
  /** a JSON pointer to the field, '' for the whole file */
  field: string;
  expected: string;
}

// Keywords that only say "something inside did not match": the inner error says what.
const WRAPPERS = new Set([
  'properties', 'items', 'prefixItems', 'additionalItems', '$ref', '$dynamicRef', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else',
  'patternProperties', 'unevaluatedProperties', 'unevaluatedItems', 'dependentSchemas', 'propertyNames', 'contains', 'false',
]);

const TYPE_WORDS: Record<string, string> = {
  integer: 'a whole number',
  number: 'a number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object with named fields',
  null: 'null (empty)',
};

// The patterns our schemas use, in words.
const PATTERN_WORDS: Record<string, string> = {
  '^\\d{4}-\\d{2}-\\d{2}$': 'a date written YYYY-MM-DD',
  '^\\d{2}:\\d{2}$': 'a time written HH:MM',
  '^\\d{4}\\.\\d{2}\\.\\d+$': 'a version written YYYY.MM.N',
  '^https?://': 'a web address starting with http:// or https://',
  '^[a-z0-9-]+$': 'lower-case letters, digits and hyphens',
  '^[A-Za-z][A-Za-z0-9_]*$': 'a name of letters, digits and _ (no dot: other JsonLogic readers take a dot as a path)',
};

const unescapePart = (part: string) => decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');

function pointer(root: unknown, path: string): unknown {
  let node = root;
  for (const part of path.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    node = (node as Record<string, unknown> | null | undefined)?.[unescapePart(part)];
  }
  return node;
}

/** The schema node a keyword location points at, following local `$ref`s ("#/$defs/date"). */
function schemaAt(schema: unknown, keywordLocation: string): unknown {
  let node = schema;
  for (const part of keywordLocation.replace(/^#\/?/, '').split('/').filter(Boolean)) {
    const here = node as Record<string, unknown> | null | undefined;
    if (part === '$ref' && typeof here?.$ref === 'string') {
      node = here.$ref.startsWith('#') ? pointer(schema, here.$ref) : undefined;
    } else node = here?.[unescapePart(part)];
  }
  return node;
}

export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  try {
    const text = JSON.stringify(v);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  } catch {
    return 'a value nested too deeply to show';
  }
}

const quoted = (e: OutputUnit) => [...e.error.matchAll(/"([^"]*)"/g)].map((m) => m[1] as string);
const numbers = (e: OutputUnit) => [...e.error.matchAll(/-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi)].map((m) => Number(m[0]));

/** What one error expected, in plain words ("a whole number", "one of \"owner\", \"other\""). */
function expectedOf(e: OutputUnit, schema: unknown): string {
  const node = schemaAt(schema, e.keywordLocation);
  switch (e.keyword) {
    case 'type': {
      const types = Array.isArray(node) ? node : typeof node === 'string' ? [node] : quoted(e).slice(1);
      return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ') || 'another kind of value';
    }
    case 'enum': {
      const options = Array.isArray(node) ? node : [];
      return options.length ? `one of ${options.map((o) => JSON.stringify(o)).join(', ')}` : 'one of the allowed values';
    }
    case 'const':
      return node === undefined ? 'the one allowed value' : `exactly ${JSON.stringify(node)}`;
    case 'pattern':
      if (typeof node !== 'string') return 'text of the required form';
      return PATTERN_WORDS[node] ?? `text matching the pattern ${node}`;
    case 'format':
      return `text in the format ${quoted(e)[0] ?? 'the schema names'}`;
    case 'minimum':
      return `a number of at least ${typeof node === 'number' ? node : numbers(e).at(-1)}`;
    case 'maximum':
      return `a number of at most ${typeof node === 'number' ? node : numbers(e).at(-1)}`;
    case 'exclusiveMinimum':
      return `a number above ${typeof node === 'number' ? node : numbers(e).at(-1)}`;
    case 'exclusiveMaximum':
      return `a number below ${typeof node === 'number' ? node : numbers(e).at(-1)}`;
    case 'multipleOf':
      return `a multiple of ${typeof node === 'number' ? node : numbers(e).at(-1)}`;
    case 'minLength':
      return `text of at least ${node} character${node === 1 ? '' : 's'}`;
    case 'maxLength':
      return `text of at most ${node} characters`;
    case 'minItems':
      return `a list of at least ${node} item${node === 1 ? '' : 's'}`;
    case 'maxItems':
      return `a list of at most ${node} items`;
    case 'uniqueItems':
      return 'a list without repeated items';
    case 'minProperties':
      return `at least ${node} fields`;
    case 'maxProperties':
      return `at most ${node} fields`;
    case 'dependentRequired':
      return `the field "${quoted(e)[1] ?? ''}" as well (it goes with "${quoted(e)[0] ?? ''}")`;
    default:
      return 'a value that fits the schema';
  }
}

/**
 * Plain problems for a failed validation of `instance` against `schema`: one per field, the
 * innermost reason, with what was found. At most `limit` of them.
 */
export function schemaProblems(errors: OutputUnit[], schema: unknown, instance: unknown, limit = 20): SchemaProblem[] {
  const byField = new Map<string, { expected: string[]; found?: string }>();
  const add = (field: string, expected: string, found?: string) => {
    const entry = byField.get(field) ?? { expected: [] };
    if (!entry.expected.includes(expected)) entry.expected.push(expected);
    if (found !== undefined) entry.found = found;
    byField.set(field, entry);
  };
  for (const e of errors) {
    const field = e.instanceLocation.replace(/^#/, '');
    if (e.keyword === 'required') {
      const key = quoted(e)[0] ?? '';
      add(`${field}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, `a value ("${key}" is required), found nothing`);
    } else if (e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties') {
      const key = quoted(e)[0] ?? '';
      add(`${field}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, `no field "${key}" here (it is not a known field)`);
    } else if (!WRAPPERS.has(e.keyword)) {
      // under propertyNames the name is what was checked, not the value it holds
      const found = e.keywordLocation.includes('/propertyNames/') ? unescapePart(field.split('/').at(-1) ?? '') : pointer(instance, field);
      add(field, expectedOf(e, schema), describeValue(found));
    }
  }
  if (byField.size === 0 && errors.length) {
    // only wrappers: say where, at least
    for (const e of errors) add(e.instanceLocation.replace(/^#/, ''), 'a value that fits the schema', describeValue(pointer(instance, e.instanceLocation)));
  }
  // "no field here" is the whole story for a field the schema does not know
  return [...byField]
    .map(([field, { expected, found }]) => {
      const unknownField = expected.find((x) => x.startsWith('no field'));
      if (unknownField) return { field, expected: unknownField };
      return { field, expected: found === undefined ? expected.join(', or ') : `${expected.join(', or ')}, found ${found}` };
    })
    .slice(0, limit);
}

/**
 * Validates and returns the plain problems (none when valid). A value JSON cannot hold (`undefined`,
 * a function) or data nested too deeply makes the validator throw: that is a problem too, not a crash.
 */
export function validateWith(validator: Validator, schema: unknown, instance: unknown): SchemaProblem[] {
  let r: ReturnType<Validator['validate']>;
  try {
    r = validator.validate(instance);
  } catch (e) {
    const deep = e instanceof RangeError;
    return [{ field: '', expected: deep ? 'data nested less deeply' : 'plain JSON data (text, numbers, true or false, null, lists and objects)' }];
  }
  return r.valid ? [] : schemaProblems(r.errors, schema, instance);
}

/**
 * A quick pre-check for the common case of valid answers in a batch of 100 000 households.
 *
 * It compiles the few JSON Schema keywords the answers schema uses into a closure that answers
 * "certainly valid" (true) or "maybe not" (false). Only "maybe not" goes to the full validator,
 * which stays the authority and writes the message. A schema with any other keyword compiles to
 * null: then every household goes to the full validator.
 */
type Check = (v: unknown) => boolean;

const IGNORED = new Set(['$schema', '$id', 'title', 'description', '$comment', 'examples', 'default']);

import { isObject } from './values';

function typeCheck(t: string): Check | null {
  switch (t) {
    case 'string':
      return (v) => typeof v === 'string';
    case 'number':
      return (v) => typeof v === 'number' && Number.isFinite(v);
    case 'integer':
      return (v) => Number.isInteger(v);
    case 'boolean':
      return (v) => typeof v === 'boolean';
    case 'null':
      return (v) => v === null;
    case 'array':
      return Array.isArray;
    case 'object':
      return isObject;
    default:
      return null;
  }
}

export function compileQuickCheck(schema: unknown): Check | null {
  if (schema === true) return () => true;
  if (!isObject(schema)) return null;
  const checks: Check[] = [];
  for (const [k, v] of Object.entries(schema)) {
    if (IGNORED.has(k)) continue;
    switch (k) {
      case 'type': {
        const types = (Array.isArray(v) ? v : [v]).map((t) => typeCheck(String(t)));
        if (types.some((t) => t === null)) return null;
        const ts = types as Check[];
        checks.push((x) => ts.some((t) => t(x)));
        break;
      }
      case 'enum': {
        if (!Array.isArray(v) || v.some((e) => e !== null && typeof e === 'object')) return null;
        const allowed = new Set(v);
        checks.push((x) => allowed.has(x));
        break;
      }
      case 'minimum':
        checks.push((x) => typeof x !== 'number' || x >= (v as number));
        break;
      case 'maximum':
        checks.push((x) => typeof x !== 'number' || x <= (v as number));
        break;
      case 'minLength':
        // counts code points, as JSON Schema does
        checks.push((x) => typeof x !== 'string' || [...x].length >= (v as number));
        break;
      case 'maxItems':
        checks.push((x) => !Array.isArray(x) || x.length <= (v as number));
        break;
      case 'uniqueItems':
        if (v === true) {
          checks.push((x) => {
            if (!Array.isArray(x)) return true;
            if (x.some((e) => e !== null && typeof e === 'object')) return false; // let the full validator judge
            return new Set(x).size === x.length;
          });
        }
        break;
      case 'items': {
        const item = compileQuickCheck(v);
        if (!item) return null;
        checks.push((x) => !Array.isArray(x) || x.every(item));
        break;
      }
      case 'required': {
        const keys = v as string[];
        checks.push((x) => !isObject(x) || keys.every((key) => key in x));
        break;
      }
      case 'properties': {
        const props: [string, Check][] = [];
        for (const [name, sub] of Object.entries(v as Record<string, unknown>)) {
          const c = compileQuickCheck(sub);
          if (!c) return null;
          props.push([name, c]);
        }
        checks.push((x) => {
          if (!isObject(x)) return true;
          for (const [name, c] of props) {
            const value = x[name];
            if (value !== undefined && !c(value)) return false;
          }
          return true;
        });
        break;
      }
      case 'additionalProperties': {
        if (v !== false) return null;
        const known = new Set(Object.keys((schema.properties as Record<string, unknown> | undefined) ?? {}));
        checks.push((x) => {
          if (!isObject(x)) return true;
          for (const key in x) if (!known.has(key)) return false;
          return true;
        });
        break;
      }
      default:
        return null;
    }
  }
  return (x) => {
    for (const c of checks) if (!c(x)) return false;
    return true;
  };
}

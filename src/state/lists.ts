/** Small immutable updates of the state's lists and records: a new value, or the same one when nothing changes. */
export const without = <T>(list: readonly T[], x: T) => list.filter((y) => y !== x);
export const withAdded = <T>(list: readonly T[], x: T) => (list.includes(x) ? list : [...list, x]);
export const omit = <T extends Record<string, unknown>>(o: T, key: string): T => {
  if (!(key in o)) return o;
  const copy = { ...o };
  delete copy[key];
  return copy;
};

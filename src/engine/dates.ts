/** Calendar dates as the rules write them: YYYY-MM-DD, and only days that exist. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2025-02-30" and "2020-13-45" have the right form but are no day of the calendar. */
export function isRealDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

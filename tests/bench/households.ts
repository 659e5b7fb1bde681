/** Deterministic, varied households for benchmarks (no randomness between runs). */
export function* households(n: number, seed = 42): Generator<Record<string, unknown>> {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const statuses = ['leefloon', 'verhoogde-tegemoetkoming', 'igo', 'ivt', 'debt-mediation', 'foster-child', 'jobseeker', 'student'];
  for (let i = 0; i < n; i++) {
    const adults = 1 + Math.floor(next() * 3);
    const kids = Math.floor(next() * 4);
    yield {
      adults,
      partner: adults > 1 && next() < 0.7,
      children: Array.from({ length: kids }, () => ({ age: Math.floor(next() * 18) })),
      age: 18 + Math.floor(next() * 75),
      netMonthlyIncome: Math.round(next() * 450000) / 100,
      statuses: statuses.filter(() => next() < 0.08),
      disability: next() < 0.1,
      housing: pick(['private-rent', 'social-rent', 'owner', 'homeless', 'other']),
      childcare: pick(['none', 'income-related', 'free-price']),
      debts: next() < 0.2,
    };
  }
}

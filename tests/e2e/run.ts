/** Runs every tests/e2e/*.e2e.ts with Node's test runner, one file at a time (the machine has 2 cores). */
import { readdirSync } from 'node:fs';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.e2e.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort()
  .map((f) => `${dir}${f}`);

let failed = false;
const stream = run({ files, concurrency: 1, timeout: 180_000 });
stream.on('test:fail', () => {
  failed = true;
});
stream.compose(spec).pipe(process.stdout);
stream.on('end', () => {
  process.exitCode = failed ? 1 : 0;
});

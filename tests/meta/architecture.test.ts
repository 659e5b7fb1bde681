// @vitest-environment node
/**
 * The layers of the app (.dependency-cruiser.cjs): every import points down, the engine stays pure,
 * the command line uses the engine alone, screens take only types from the engine and the storage. The rules are
 * first shown to catch each kind of wrong import in a small made-up tree, then run on src/ (a cruise
 * takes seconds on a busy machine: a minute is allowed). And no file under src/ is over 450 lines.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../../.dependency-cruiser.cjs') as IConfiguration;
const root = new URL('../../', import.meta.url).pathname;

async function violations(dir: string, options: { tsConfig?: boolean } = {}) {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const { output } = await cruise(['src'], {
      ruleSet: { forbidden: config.forbidden ?? [] },
      ...config.options,
      ...(options.tsConfig ? {} : { tsConfig: undefined }),
      validate: true,
    });
    const result = output as ICruiseResult;
    return result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
  } finally {
    process.chdir(cwd);
  }
}

describe('the architecture', () => {
  const made = mkdtempSync(join(tmpdir(), 'layers-'));
  afterAll(() => rmSync(made, { recursive: true, force: true }));
  const file = (path: string, text: string) => {
    mkdirSync(join(made, path, '..'), { recursive: true });
    writeFileSync(join(made, path), text);
  };

  it('catches an import that points up, an impure engine, a screen that evaluates, a CLI that uses the app', async () => {
    file('src/engine/index.ts', "import { today } from '../state/date';\nexport const e = today;\nexport type T = number;\n");
    file('src/engine/clock.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n");
    file('src/state/date.ts', "import { Screen } from '../ui/Screen';\nexport const today = () => String(Screen);\n");
    file('src/ui/Screen.tsx', "import { e } from '../engine/index';\nimport type { T } from '../engine/index';\nexport const Screen: T = e.length;\n");
    file('src/cli/rights.ts', "import { today } from '../state/date';\nexport const run = today;\n");
    file('src/storage/index.ts', "import type { T } from '../engine/index';\nexport const ok: T = 1;\n");
    file('src/ui/Vault.tsx', "import { ok } from '../storage/index';\nimport type { T } from '../engine/index';\nexport const v: T = ok;\n");
    const found = await violations(made);
    expect(found).toEqual(
      expect.arrayContaining([
        'engine-points-down: src/engine/index.ts → src/state/date.ts',
        'state-points-down: src/state/date.ts → src/ui/Screen.tsx',
        'engine-is-pure: src/engine/index.ts → src/state/date.ts',
        'engine-is-pure: src/engine/clock.ts → fs',
        'ui-takes-engine-types-only: src/ui/Screen.tsx → src/engine/index.ts',
        'cli-uses-the-engine: src/cli/rights.ts → src/state/date.ts',
        'ui-reaches-storage-through-state: src/ui/Vault.tsx → src/storage/index.ts',
      ]),
    );
    // a type-only import of the engine and an import down are allowed
    expect(found.filter((v) => v.startsWith('engine') && v.includes('src/storage/'))).toEqual([]);
    expect(found.filter((v) => v.includes('src/ui/Vault.tsx → src/engine'))).toEqual([]);
  }, 60_000);

  it('holds for the app', async () => {
    expect(await violations(root, { tsConfig: true })).toEqual([]);
  }, 60_000);

  it('keeps every file under src/ at 450 lines or fewer: a longer one is split by job', () => {
    const src = join(root, 'src');
    const long = (readdirSync(src, { recursive: true }) as string[])
      .filter((f) => /\.(ts|tsx|css)$/.test(f))
      .map((f) => [f, readFileSync(join(src, f), 'utf8').split('\n').length - 1] as const)
      .filter(([, lines]) => lines > 450);
    expect(long).toEqual([]);
  });
});

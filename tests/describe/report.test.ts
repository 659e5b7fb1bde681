/** rules:report: the review page for policy staff, built from the rule files. */
// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadRulesFromDisk } from '../../src/cli/load-rules';
import { reportHtml } from '../../src/cli/report';
import { wordsFor } from '../../src/cli/words';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ruleset = loadRulesFromDisk();
const date = '2025-06-01';
const html = reportHtml({
  ruleset,
  words: wordsFor('nl', ROOT, undefined, { ruleset, date }),
  ruleTexts: JSON.parse(readFileSync(join(ROOT, 'locales/nl/rules.json'), 'utf8')),
  date,
}).replace(/[\u00a0\u202f]/g, ' ');
const section = (id: string) => html.slice(html.indexOf(`<section class="right" id="${id}">`)).split('</section>')[0] as string;

describe('the rules report', () => {
  it('has a section per right, with who gets it in the generated words', () => {
    for (const r of ruleset.rules) expect(html).toContain(`id="${r.id}"`);
    expect(section('kortrijk.sociaal-tarief')).toContain('Een volwassene die alleen woont: tot € 1.839,88 per maand');
  });

  it('lists every dated value of every parameter a right uses, with its source, the one in force marked', () => {
    const st = section('kortrijk.sociaal-tarief');
    const leefloon = ruleset.parameters.get('leefloon.alleenstaand');
    for (const v of leefloon?.values ?? []) {
      expect(st).toContain(v.from);
      expect(st).toContain(v.source.title.replace(/"/g, '&quot;'));
    }
    expect(st).toMatch(/<tr class="current"><td class="nowrap">2025-02-01<\/td><td class="num">€ 1\.314,20 per maand/);
    // a parameter named only in the right's texts is listed too
    expect(section('kortrijk.taxibon')).toContain('taxibon.voucherValue');
  });

  it('shows the assumptions and every case as a row', () => {
    const st = section('kortrijk.sociaal-tarief');
    expect(st).toContain('near-miss band');
    const cases = ruleset.cases.get('kortrijk.sociaal-tarief') ?? [];
    expect(cases.length).toBeGreaterThan(5);
    expect(st.match(/<tr><td>/g)?.length).toBe(cases.length);
    expect(st).toContain(`Testgevallen (${cases.length})`);
  });

  it('lists the figures no source gave, and is one self-contained page', () => {
    const unsourced = section('zonder-bron');
    expect(unsourced).toContain('factor.nearMiss');
    expect(unsourced).not.toContain('leefloon.alleenstaand');
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html).toContain('@page { size: A4');
  });

  it('is written by the command, and a missing --out is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    execFileSync('npm', ['run', '--silent', 'rules:report', '--', '--out', dir, '--date', date], { cwd: ROOT });
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain(`Versie <strong>${ruleset.manifest.version}</strong>`);
    let status = 0;
    try {
      execFileSync('npm', ['run', '--silent', 'rules:report'], { cwd: ROOT, stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(2);
  }, 60_000);
});

// @vitest-environment node
/** The catalogue v1 of DOMAIN.md: ids, sources with dates, assumptions flagged, figures as parameters. */
import { describe, expect, it } from 'vitest';
import { loadRulesFromDisk } from '../../src/cli/load-rules';

const rules = loadRulesFromDisk();

const CATALOGUE = [
  'federaal.sociaal-tarief-energie',
  'federaal.verhoogde-tegemoetkoming',
  'kortrijk.deelfabriek',
  'kortrijk.extra-sociaal-tarief',
  'kortrijk.huurgarantie',
  'kortrijk.kinderopvang-tussenkomst',
  'kortrijk.kmi',
  'kortrijk.pamperbank',
  'kortrijk.schuldhulp',
  'kortrijk.sociaal-tarief',
  'kortrijk.taxibon',
  'kortrijk.uitpas-kansentarief',
  'kortrijk.vork-maaltijd',
  'vlaanderen.groeipakket-sociale-toeslag',
  'vlaanderen.sociaal-tarief-water',
];

/** Rules spec v2 "Catalogue v2: seven rights". */
const CATALOGUE_V2 = [
  'federaal.sociaal-internetaanbod',
  'federaal.nmbs-kortingkaart',
  'kortrijk.afvalpremie-medisch',
  'federaal.verwarmingstoelage',
  'vlaanderen.zorgbudget-zwaar-zorgbehoevenden',
  'kortrijk.sociaal-voordeel-schoolkosten',
  'harelbeke.mia-uitpas',
];

describe('the catalogue v1', () => {
  it('has exactly the rights of DOMAIN.md, v1 and v2', () => {
    expect(rules.rules.map((r) => r.id).sort()).toEqual([...CATALOGUE, ...CATALOGUE_V2].sort());
  });

  it('gives every right its territory: federal and Flemish everywhere, a local right in its own municipality', () => {
    for (const r of rules.rules) {
      const prefix = r.id.split('.')[0] as string;
      expect(r.territory, r.id).toBe(['federaal', 'vlaanderen'].includes(prefix) ? 'everywhere' : prefix);
    }
  });

  it('knows the 13 W13 municipalities and other-flemish, Kortrijk by default', () => {
    const q = rules.questions.find((x) => x.key === 'municipality');
    expect(q?.options).toEqual([
      'anzegem', 'avelgem', 'deerlijk', 'harelbeke', 'kortrijk', 'kuurne', 'lendelede', 'menen',
      'spiere-helkijn', 'waregem', 'wervik', 'wevelgem', 'zwevegem', 'other-flemish',
    ]);
    expect(q?.default).toBe('kortrijk');
  });

  it('has a case in every municipality, and cases refusing a date before 2022-01-01', () => {
    const all = [...rules.cases.values()].flat();
    const seen = new Set(all.map((c) => c.answers.municipality ?? 'kortrijk'));
    for (const m of rules.municipalities ? Object.keys(rules.municipalities) : []) expect(seen.has(m), m).toBe(true);
    expect(all.filter((c) => c.expect.status === 'refused').every((c) => c.date < '2022-01-01')).toBe(true);
    for (const id of CATALOGUE_V2) {
      expect(rules.cases.get(id)?.some((c) => c.expect.status === 'refused'), id).toBe(true);
    }
  });

  it('cites a source with the date it was read for every right and every parameter value', () => {
    for (const r of rules.rules) {
      expect(r.sources.length, r.id).toBeGreaterThan(0);
      for (const s of r.sources) expect(s.read, r.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    for (const [id, p] of rules.parameters) {
      for (const v of p.values) expect(v.source.read, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('flags the assumed end date of the extra sociaal tarief', () => {
    const r = rules.rulesById.get('kortrijk.extra-sociaal-tarief');
    expect(r?.validUntil).toBe('2025-12-31');
    expect(r?.assumptions?.map((a) => a.field)).toContain('validUntil');
  });

  it('holds the leefloon table of DOMAIN.md as dated parameters', () => {
    // the table ends on 2025-02-01: a newer value the city adds (rules/README.md) may follow it
    const row = (id: string) => rules.parameters.get(id)?.values.filter((v) => v.from <= '2025-02-01').map((v) => [v.from, v.value]);
    expect(row('leefloon.alleenstaand')).toEqual([
      ['2022-01-01', 1072.3],
      ['2022-05-01', 1115.67],
      ['2022-08-01', 1137.97],
      ['2022-11-01', 1160.7],
      ['2023-01-01', 1214.13],
      ['2024-05-01', 1288.46],
      ['2025-02-01', 1314.2],
    ]);
    expect(row('leefloon.gezinslast')?.at(-1)).toEqual(['2025-02-01', 1776.07]);
    expect(row('leefloon.samenwonend')?.at(-1)).toEqual(['2025-02-01', 876.13]);
  });

  it('names a provider that exists, and steps and documents for every right', () => {
    for (const r of rules.rules) {
      expect(rules.providers[r.provider], r.id).toBeDefined();
      expect(r.steps.length, r.id).toBeGreaterThan(0);
    }
  });
});

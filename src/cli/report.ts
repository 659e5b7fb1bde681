/**
 * `rules:report`: one self-contained HTML page for the city's policy staff, in Dutch, printable on A4.
 * Per right: who gets it (generated from the rule, the same words as the app), territory, dates in
 * force, every parameter with all its dated values and sources, the assumptions, and its cases.
 * Then every figure that no source gave (values marked as an assumption).
 */
import {
  amountsUpdated,
  describeRight,
  type Parameter,
  type RuleCase,
  type Ruleset,
  type Source,
} from '../engine';
import { figureText, type Line, renderRight, rightName, type Words } from '../i18n/describe';

const esc = (s: unknown) =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const STATUS_NL: Record<string, string> = {
  eligible: 'recht',
  'not-eligible': 'geen recht',
  ask: 'vraag aan (iemand beslist)',
  unknown: 'nog niet zeker',
  'not-in-force': 'niet van kracht',
};

function lines(items: Line[]): string {
  return `<ul>${items.map((l) => `<li>${esc(l.text)}${l.lines ? lines(l.lines) : ''}</li>`).join('')}</ul>`;
}

function source(s: Source): string {
  const title = s.url ? `<a href="${esc(s.url)}">${esc(s.title)}</a>` : esc(s.title);
  return `${title} <span class="muted">(gelezen op ${esc(s.read)})</span>`;
}

/** Parameters named in the right's texts as {{param.<id>}}: the texts show them, so the report lists them. */
function paramsInTexts(texts: unknown, id: string): string[] {
  let node: unknown = texts;
  for (const part of ['rights', ...id.split('.')]) node = (node as Record<string, unknown> | undefined)?.[part];
  const json = JSON.stringify(node ?? '');
  return [...json.matchAll(/\{\{\s*param\.([^}\s]+)\s*}}/g)].map((m) => m[1] as string);
}

function valueText(w: Words, value: number, unit: string): string {
  if (unit === 'boolean') return value ? 'ja (1)' : 'nee (0)';
  return figureText(w, value, unit);
}

function parameterTable(w: Words, id: string, p: Parameter, date: string): string {
  const current = [...p.values].reverse().find((v) => v.from <= date);
  const rows = p.values
    .map(
      (v) =>
        `<tr${v === current ? ' class="current"' : ''}><td class="nowrap">${esc(v.from)}</td><td class="num">${esc(valueText(w, v.value, p.unit))}</td><td>${source(v.source)}${
          v.assumption ? `<div class="assumption">Aanname: ${esc(v.assumption)}</div>` : ''
        }</td></tr>`,
    )
    .join('');
  return `<div class="param"><h4><code>${esc(id)}</code> ${esc(p.description)} <span class="muted">(${esc(p.unit)})</span></h4>${
    p.assumption ? `<p class="assumption">Aanname: ${esc(p.assumption)}</p>` : ''
  }<table><thead><tr><th>Vanaf</th><th>Waarde</th><th>Bron</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

function expected(w: Words, c: RuleCase): string {
  const e = c.expect;
  const parts = [STATUS_NL[e.status] ?? e.status];
  if (typeof e.threshold === 'number') parts.push(`grens ${w.money(e.threshold)}`);
  if (typeof e.over === 'number') parts.push(`te veel ${w.money(e.over)}`);
  if (typeof e.amount === 'number') parts.push(`bedrag ${w.amount(e.amount, e.unit ?? undefined)}`);
  if (e.missing?.length) parts.push(`ontbreekt: ${e.missing.join(', ')}`);
  return parts.join('; ');
}

export interface ReportInput {
  ruleset: Ruleset;
  /** Dutch words, with the rule texts of the rules reported on */
  words: Words;
  /** the rule texts (locales/nl/rules.json), to find the parameters they name */
  ruleTexts: unknown;
  date: string;
}

/** The report as one HTML document. */
export function reportHtml({ ruleset, words: w, ruleTexts, date }: ReportInput): string {
  const { version, published } = ruleset.manifest;
  const updated = amountsUpdated(ruleset, date);
  const territory = (t: string) =>
    t === 'everywhere'
      ? 'overal (een federaal of Vlaams recht)'
      : `alleen voor inwoners van ${w.has(`questions.municipality.options.${t}`) ? w.tr(`questions.municipality.options.${t}`) : t}`;
  const rights = ruleset.rules.map((rule) => {
    const d = describeRight(ruleset, rule.id, date);
    const rendered = renderRight(w, d);
    const params = [...d.parameters, ...paramsInTexts(ruleTexts, rule.id).filter((p) => !d.parameters.includes(p))];
    const who = [
      rendered.notInForce ? `<p>${esc(rendered.notInForce)}</p>` : '',
      ...rendered.groups.map((g) => `<p class="group">${esc(g.title)}</p>${lines(g.items)}`),
      rendered.amount ? `<p>${esc(rendered.amount)}</p>` : '',
    ].join('');
    const cases = ruleset.cases.get(rule.id) ?? [];
    return `<section class="right" id="${esc(rule.id)}">
<h2>${esc(rightName(w, rule.id))} <span class="muted"><code>${esc(rule.id)}</code></span></h2>
<dl class="facts">
<dt>Gebied</dt><dd>${esc(territory(d.territory))}</dd>
<dt>Van kracht</dt><dd>van ${esc(rule.validFrom)} ${rule.validUntil ? `tot en met ${esc(rule.validUntil)}` : '(geen einddatum)'}</dd>
<dt>Wie beslist</dt><dd>${esc(w.has(`providers.${rule.provider}.name`) ? w.tr(`providers.${rule.provider}.name`) : rule.provider)}</dd>
</dl>
<h3>Wie krijgt het, op ${esc(w.date(date))}</h3>
<div class="who">${who}</div>
<h3>Bronnen van de regel</h3>
<ul>${rule.sources.map((s) => `<li>${source(s)}</li>`).join('')}</ul>
${
  rule.assumptions?.length
    ? `<h3>Aannames (geen gepubliceerd feit)</h3><ul class="assumptions">${rule.assumptions
        .map((a) => `<li><code>${esc(a.field)}</code>: ${esc(a.note)}</li>`)
        .join('')}</ul>`
    : ''
}
<h3>Bedragen en grenzen die deze regel gebruikt</h3>
${params.length ? params.map((id) => parameterTable(w, id, ruleset.parameters.get(id) as Parameter, date)).join('') : '<p>Geen.</p>'}
<h3>Testgevallen (${cases.length})</h3>
<table class="cases"><thead><tr><th>Geval</th><th>Datum</th><th>Verwacht</th></tr></thead><tbody>
${cases.map((c) => `<tr><td>${esc(c.name)}</td><td class="nowrap">${esc(c.date)}</td><td>${esc(expected(w, c))}</td></tr>`).join('\n')}
</tbody></table>
</section>`;
  });

  const unsourced: string[] = [];
  for (const [id, p] of ruleset.parameters) {
    for (const v of p.values) {
      const note = v.assumption;
      if (note) unsourced.push(`<tr><td>${esc(p.description)}<br><code>${esc(id)}</code></td><td class="nowrap">${esc(v.from)}</td><td class="num">${esc(valueText(w, v.value, p.unit))}</td><td>${esc(note)}</td></tr>`);
    }
  }
  for (const [name, v] of ruleset.variables) {
    if (v.assumption) unsourced.push(`<tr><td>${esc(v.description)}<br><code>${esc(name)}</code></td><td></td><td>(berekening)</td><td>${esc(v.assumption)}</td></tr>`);
  }

  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Regels ${esc(version)}: overzicht voor nazicht</title>
<style>${CSS}</style></head>
<body>
<header>
<h1>Rechtenverkenner Kortrijk: de regels ter controle</h1>
<p>Versie <strong>${esc(version)}</strong>, gepubliceerd op ${esc(w.date(published))}. Bedragen laatst bijgewerkt op
<strong>${updated ? esc(w.date(updated)) : 'onbekend'}</strong>. De cijfers in "Wie krijgt het" gelden op ${esc(w.date(date))}.</p>
<p class="muted">Deze tekst is gemaakt uit de regelbestanden zelf: wat hier staat, rekent de app ook zo uit.
Een inkomensgrens die van het gezin afhangt, staat er voor enkele voorbeeldgezinnen.</p>
<nav><h2>Inhoud</h2><ol>${ruleset.rules.map((r) => `<li><a href="#${esc(r.id)}">${esc(rightName(w, r.id))}</a></li>`).join('')}<li><a href="#zonder-bron">Cijfers zonder bron</a></li></ol></nav>
</header>
<main>
${rights.join('\n')}
<section class="right" id="zonder-bron">
<h2>Cijfers zonder bron</h2>
<p>Deze cijfers en berekeningen staan in geen enkele gevonden bron. Ze zijn een interpretatie en staan als aanname in de regels. Wat helemaal niet gevonden werd, staat niet in de regels: die rechten sturen de persoon naar wie beslist.</p>
<table><thead><tr><th>Cijfer</th><th>Vanaf</th><th>Waarde</th><th>Waarom</th></tr></thead><tbody>
${unsourced.join('\n')}
</tbody></table>
</section>
</main>
</body></html>
`;
}

const CSS = `
@page { size: A4; margin: 16mm 14mm; }
body { font: 11pt/1.45 system-ui, "Segoe UI", Roboto, sans-serif; color: #111; max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 0 0 .4rem; border-bottom: 2px solid #0a5; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 .3rem; }
h4 { font-size: .95rem; margin: .6rem 0 .2rem; font-weight: 600; }
.muted { color: #555; font-weight: normal; font-size: .9em; }
code { font-size: .85em; background: #f2f2f2; padding: 0 .2em; border-radius: 2px; overflow-wrap: anywhere; }
section.right { margin: 1.5rem 0; page-break-before: always; break-before: page; }
nav ol { columns: 2; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .3rem 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.who { background: #f4faf6; border-left: 4px solid #0a5; padding: .3rem .8rem; }
.who ul { margin: .2rem 0; padding-left: 1.2rem; }
.group { font-weight: 600; margin: .4rem 0 0; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .6rem; font-size: .9em; }
th, td { border: 1px solid #bbb; padding: .2rem .4rem; text-align: left; vertical-align: top; }
th { background: #eee; }
tr.current td { background: #fff7d6; font-weight: 600; }
td.num { white-space: nowrap; text-align: right; }
.nowrap { white-space: nowrap; }
.assumption { color: #8a4b00; font-size: .9em; }
ul.assumptions li { color: #8a4b00; }
tr { break-inside: avoid; }
.param { break-inside: avoid; }
@media print { a { color: inherit; text-decoration: none; } nav { page-break-after: always; } }
`;

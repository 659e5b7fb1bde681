/**
 * summary.html: one self-contained, printable page for a policy meeting. Per right a bar of eligible, ask,
 * already receives and to contact; per area a table; the rules version and the date of the amounts.
 * A count under 5 is shown as "< 5", so no page can point at a person. No script, font or outside request.
 */
import type { Ruleset } from '../../engine';
import type { I18n } from '../../i18n';
import { rightTitle } from '../../i18n/texts';
import type { RightCounts, Summary } from './tally';

const SMALL = 5;

// the app's own list lives beside i18next's browser loader, which Node cannot import
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv']);
const directionOfLanguage = (lang: string) => (RTL.has(lang.split('-')[0] as string) ? 'rtl' : 'ltr');

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** A count as it may be shown: "< 5" under five. */
export const shownCount = (i18n: I18n, n: number) => (n < SMALL ? i18n.t('screening.fewerThan', { n: i18n.number(SMALL) }) : i18n.number(n));

const BARS = [
  ['eligible', 'screening.eligible'],
  ['ask', 'screening.ask'],
  ['alreadyReceives', 'screening.alreadyReceives'],
  ['toContact', 'screening.toContact'],
] as const;

function legendLabel(i18n: I18n, key: (typeof BARS)[number][1]): string {
  switch (key) {
    case 'screening.eligible':
      return i18n.t('screening.eligible');
    case 'screening.ask':
      return i18n.t('screening.ask');
    case 'screening.alreadyReceives':
      return i18n.t('screening.alreadyReceives');
    case 'screening.toContact':
      return i18n.t('screening.toContact');
  }
}

function rightBars(i18n: I18n, id: string, c: RightCounts, households: number): string {
  const rows = BARS.map(([field, key]) => {
    const n = c[field];
    // a suppressed count draws no bar: its length would tell the number
    const width = n < SMALL || households === 0 ? 0 : Math.max(0.5, (n / households) * 100);
    return `<div class="row ${field}"><span class="label">${escapeHtml(legendLabel(i18n, key))}</span><span class="track"><span class="bar" style="width:${width.toFixed(1)}%"></span></span><bdi class="n" dir="ltr">${escapeHtml(shownCount(i18n, n))}</bdi></div>`;
  }).join('');
  const near = c.nearMiss >= SMALL ? `<p class="near">${escapeHtml(i18n.t('screening.nearMiss', { n: shownCount(i18n, c.nearMiss) }))}</p>` : '';
  return `<section class="right"><h3>${escapeHtml(rightTitle(i18n, id))} <bdi dir="ltr"><code>${escapeHtml(id)}</code></bdi></h3>${rows}${near}</section>`;
}

function areaTable(i18n: I18n, area: string, byRight: Record<string, number>, order: string[]): string {
  const rows = order
    .filter((id) => (byRight[id] ?? 0) > 0)
    .map((id) => `<tr><th scope="row">${escapeHtml(rightTitle(i18n, id))}</th><td><bdi dir="ltr">${escapeHtml(shownCount(i18n, byRight[id] ?? 0))}</bdi></td></tr>`)
    .join('');
  return `<table><caption>${escapeHtml(area)}</caption><thead><tr><th scope="col">${escapeHtml(i18n.t('screening.right'))}</th><th scope="col">${escapeHtml(i18n.t('screening.toContact'))}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const STYLE = `
*{box-sizing:border-box}
body{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:60rem;padding:1.5rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin:2rem 0 .75rem;border-bottom:2px solid #1a1a1a}h3{font-size:1rem;margin:0 0 .4rem}
code{font-size:.8rem;color:#555;font-weight:normal}
.meta{display:flex;flex-wrap:wrap;gap:.25rem 2rem;margin:.5rem 0 1rem;padding:0;list-style:none}
.legend{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:0 0 1rem;padding:0;list-style:none}
.legend li::before{content:"";display:inline-block;width:1rem;height:1rem;margin-inline-end:.4rem;vertical-align:-.15rem;border:1px solid #1a1a1a}
.right{break-inside:avoid;margin:0 0 1.1rem}
.row{display:grid;grid-template-columns:11rem 1fr 4.5rem;align-items:center;gap:.5rem;font-size:.9rem}
.track{display:block;height:.9rem;background:#eee;border:1px solid #bbb}
.bar{display:block;height:100%;-webkit-print-color-adjust:exact;print-color-adjust:exact}
.n{display:block;text-align:end;font-variant-numeric:tabular-nums}
.eligible .bar,.legend .eligible::before{background:#1b5e20}
.ask .bar,.legend .ask::before{background:#0d47a1}
.alreadyReceives .bar,.legend .alreadyReceives::before{background:#9e9e9e}
.toContact .bar,.legend .toContact::before{background:#e65100}
.legend li::before{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.near{margin:.2rem 0 0;font-size:.85rem;color:#444}
.areas{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:1rem}
table{border-collapse:collapse;width:100%;break-inside:avoid;font-size:.9rem}
caption{text-align:start;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #999;padding:.2rem .4rem;text-align:start}td{text-align:end;font-variant-numeric:tabular-nums}
.note{font-size:.85rem;color:#444}
@media (max-width:40rem){body{padding:1rem}.row{grid-template-columns:1fr 4rem;gap:0 .5rem}.row .label{grid-column:1/-1}}
@media print{body{padding:0;max-width:none;font-size:11pt}h2{break-after:avoid}@page{size:A4;margin:15mm}}
`;

export function summaryHtml(s: Summary, i18n: I18n, ruleset: Ruleset): string {
  const order = ruleset.rules.map((r) => r.id);
  const lang = i18n.language.value;
  const rights = Object.entries(s.rights)
    .map(([id, c]) => rightBars(i18n, id, c, s.households))
    .join('');
  const areas = Object.entries(s.areas)
    .map(([area, byRight]) => areaTable(i18n, area, byRight, order))
    .join('');
  const meta = [
    i18n.t('screening.date', { date: i18n.date(s.date) }),
    i18n.t('screening.rulesVersion', { version: s.rulesVersion }),
    i18n.t('screening.amountsUpdated', { date: s.amountsUpdated ? i18n.date(s.amountsUpdated) : '–' }),
    i18n.t('screening.households', { n: shownCount(i18n, s.households) }),
    i18n.t('screening.rejected', { n: s.rejected === 0 ? i18n.number(0) : shownCount(i18n, s.rejected) }),
  ];
  return `<!doctype html>
<html lang="${escapeHtml(lang)}" dir="${directionOfLanguage(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(i18n.t('screening.title'))}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(i18n.t('screening.title'))}</h1>
<ul class="meta">${meta.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>
<p class="note">${escapeHtml(i18n.t('screening.intro'))}</p>
<h2>${escapeHtml(i18n.t('screening.perRight'))}</h2>
<ul class="legend">${BARS.map(([field, key]) => `<li class="${field}">${escapeHtml(legendLabel(i18n, key))}</li>`).join('')}</ul>
${rights}
<h2>${escapeHtml(i18n.t('screening.perArea'))}</h2>
${areas ? `<div class="areas">${areas}</div>` : `<p>${escapeHtml(i18n.t('screening.noAreas'))}</p>`}
<p class="note">${escapeHtml(i18n.t('screening.privacy', { n: i18n.number(SMALL) }))}</p>
</body>
</html>
`;
}

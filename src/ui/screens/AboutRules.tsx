/**
 * #/regels, "Over deze regels": which rules the app computes with (version, publication date, when
 * the amounts were last updated), what changed (the rules' changelog) and every source the rules
 * cite. Linked from the footer and from the results.
 */
import type { Ruleset, Source } from '../../engine';
import type { RulesProblem } from '../../state/rules';
import { Heading } from '../components/Heading';
import { useServices } from '../context';

/** Every source the rules cite (rights and dated values), once each, by title. */
function allSources(ruleset: Ruleset): Source[] {
  const seen = new Map<string, Source>();
  const add = (s: Source) => {
    const key = `${s.title}|${s.url ?? ''}`;
    if (!seen.has(key)) seen.set(key, s);
  };
  for (const r of ruleset.rules) r.sources.forEach(add);
  for (const p of ruleset.parameters.values()) for (const v of p.values) add(v.source);
  return [...seen.values()].sort((a, b) => a.title.localeCompare(b.title));
}

/** The changelog's entries: a heading ("2026.11.1 — published 2026-11-23") and its text. */
function entries(changelog: string): { heading: string; text: string }[] {
  return changelog
    .split(/^## /m)
    .slice(1)
    .map((part) => {
      const [heading = '', ...rest] = part.split('\n');
      return { heading: heading.trim(), text: rest.join('\n').replace(/\*\*|`/g, '').trim() };
    })
    .filter((e) => /^\d{4}\.\d{2}\.\d+\b/.test(e.heading)); // not the format example in its introduction
}

/** Why a newer release was not taken, in plain words, with the technical reason below it. */
function Refused({ problem, current }: { problem: RulesProblem; current: string }) {
  const { i18n } = useServices();
  const text =
    problem.kind === 'unreachable'
      ? i18n.t('about.refused.unreachable', { current })
      : problem.kind === 'engine'
        ? i18n.t('about.refused.engine', { version: problem.version ?? '?', current })
        : i18n.t('about.refused.invalid', { current });
  return (
    <section aria-labelledby="about-refused" class="notice">
      <h2 id="about-refused">{i18n.t('about.refused.title')}</h2>
      <p>{text}</p>
      <p class="source-date" lang="en" dir="ltr">
        {i18n.t('about.refused.technical', { date: i18n.date(problem.at.slice(0, 10)), message: problem.message })}
      </p>
    </section>
  );
}

export function AboutRules() {
  const { state, i18n } = useServices();
  const rules = state.rules.value;
  if (!rules) return null;
  const { manifest } = rules.ruleset;
  const updated = state.amountsUpdatedOn.value;
  const log = rules.changelog ? entries(rules.changelog) : [];
  return (
    <article class="about-rules">
      <Heading title={i18n.t('about.title')} />
      <p class="lead">{i18n.t('about.intro')}</p>
      {state.rulesProblem.value && <Refused problem={state.rulesProblem.value} current={manifest.version} />}
      <dl class="about-facts">
        <dt>{i18n.t('about.version')}</dt>
        <dd>
          <bdi>{manifest.version}</bdi>
        </dd>
        <dt>{i18n.t('about.published')}</dt>
        <dd>{i18n.date(manifest.published)}</dd>
        <dt>{i18n.t('about.amountsUpdated')}</dt>
        <dd>{updated ? i18n.date(updated) : '—'}</dd>
      </dl>
      <section aria-labelledby="about-changes">
        <h2 id="about-changes">{i18n.t('about.changes')}</h2>
        <p>{i18n.t('about.changesNote')}</p>
        {log.map((e) => (
          <section key={e.heading} class="changelog-entry" lang="en" dir="ltr">
            <h3>{e.heading}</h3>
            <pre class="changelog-text">{e.text}</pre>
          </section>
        ))}
      </section>
      <section aria-labelledby="about-sources" data-no-read>
        <h2 id="about-sources">{i18n.t('about.sources')}</h2>
        <ul class="sources">
          {allSources(rules.ruleset).map((s) => (
            <li key={`${s.title}|${s.url ?? ''}`}>
              {s.url ? <a href={s.url}>{s.title}</a> : s.title}{' '}
              <span class="source-date">({i18n.t('right.sourceRead', { date: i18n.date(s.read) })})</span>
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}

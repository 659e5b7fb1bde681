/**
 * The results: what you get first, then what someone decides ("ask"), then near misses, then what is
 * still unknown, then the rest, folded. Each section is grouped by life domain.
 */
import { useRef } from 'preact/hooks';
import type { Result } from '../../engine';
import { type CategoryGroup, isNearMissAsk, type Section } from '../../state/results';
import { providerOf } from '../../state/providers';
import { Heading } from '../components/Heading';
import { DomainIcon } from '../components/icons';
import { ReadAloud, readableText } from '../components/ReadAloud';
import { Loading } from '../components/Loading';
import { MissingAnswers } from '../components/MissingAnswers';
import { AmountsAgeNotice } from '../components/AmountsAge';
import { ShareLink } from '../components/ShareLink';
import { useServices } from '../context';
import { LocalRightsNotice } from '../components/Municipality';
import { paths } from '../router';
import { Rich, Words } from '../components/Rich';
import {
  amountParts,
  categoryName,
  documentName,
  reasonParts,
  rightSummaryParts,
  rightTitle,
  ruleProviderName,
  sectionIntro,
  sectionTitle,
} from '../../i18n/texts';

export function Results() {
  const { state, i18n } = useServices();
  const rules = state.rules.value;
  const sections = state.sections.value;
  if (!rules || !sections || state.rulesError.value || !state.restored.value) return <Loading />;
  const pending = state.pending.value.length;
  const updated = state.amountsUpdatedOn.value;
  const count = (groups: CategoryGroup[]) => groups.reduce((n, g) => n + g.results.length, 0);
  const restCount = count(sections.rest);

  return (
    <>
      <Heading title={i18n.t('results.title')} />
      <AmountsAgeNotice />
      <p class="meta">
        <Rich parts={i18n.tParts('results.computedFor', { date: i18n.date(state.date.value) })} />{' '}
        <Rich parts={i18n.tParts('results.rulesVersion', { version: rules.ruleset.manifest.version })} />{' '}
        {updated && <Rich parts={i18n.tParts('results.amountsUpdated', { date: i18n.date(updated) })} />}{' '}
        <a href={paths.rules}>{i18n.t('about.link')}</a>
      </p>
      <LocalRightsNotice />
      {state.savedRulesVersion.value && state.savedRulesVersion.value !== rules.ruleset.manifest.version && (
        <p class="meta">
          {i18n.t('results.savedVersion', { before: state.savedRulesVersion.value, now: rules.ruleset.manifest.version })}
        </p>
      )}
      {!state.hasAnswers.value && (
        <div class="notice">
          <p>{i18n.t('results.noAnswers')}</p>
          <a class="button primary" href={paths.questions}>
            {i18n.t('results.start')}
          </a>
        </div>
      )}
      {state.hasAnswers.value && pending > 0 && (
        <div class="notice">
          <p>{i18n.t('results.notFinished', { count: pending })}</p>
          <a class="button primary" href={paths.questions}>
            {i18n.t('results.continue')}
          </a>
        </div>
      )}
      <p>
        <a class="tap-link" href={paths.summary}>
          {i18n.t('results.editAnswers')}
        </a>
      </p>
      <ShareLink />
      {(['eligible', 'ask', 'nearMiss', 'unknown'] as const).map(
        (s) =>
          sections[s].length > 0 && (
            <section key={s} class={`results-section section-${s}`} aria-labelledby={`section-${s}`}>
              <h2 id={`section-${s}`}>
                {sectionTitle(i18n, s)} <span class="count">({i18n.t('results.count', { count: count(sections[s]) })})</span>
              </h2>
              <p class="section-intro">{sectionIntro(i18n, s)}</p>
              <Groups groups={sections[s]} section={s} />
              {s === 'nearMiss' && <StillAsk />}
            </section>
          ),
      )}
      {restCount > 0 && (
        <section class="results-section section-rest" aria-labelledby="section-rest">
          <h2 id="section-rest">
            {sectionTitle(i18n, 'rest')} <span class="count">({i18n.t('results.count', { count: restCount })})</span>
          </h2>
          <details>
            <summary>{i18n.t('results.showRest', { count: restCount })}</summary>
            <p class="section-intro">{sectionIntro(i18n, 'rest')}</p>
            <Groups groups={sections.rest} section="rest" />
          </details>
        </section>
      )}
    </>
  );
}

function Groups({ groups, section }: { groups: CategoryGroup[]; section: Section }) {
  const { i18n } = useServices();
  return (
    <>
      {groups.map((g) => (
        <div class="category" key={g.category}>
          <h3 class="domain">
            <DomainIcon domain={g.category} />
            {categoryName(i18n, g.category)}
          </h3>
          <ul class="result-list">
            {g.results.map((r) => (
              <ResultItem key={r.id} result={r} section={section} />
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}

function ResultItem({ result: r, section }: { result: Result; section: Section }) {
  const { state, i18n } = useServices();
  const ref = useRef<HTMLLIElement>(null);
  const rules = state.rules.value;
  if (!rules) return null;
  const rule = rules.ruleset.rulesById.get(r.id);
  const title = rightTitle(i18n, r.id);
  const amount = amountParts(i18n, r);
  const reason = section === 'rest' ? reasonParts(i18n, r, state.answers.value) : null;
  const provider = rule ? ruleProviderName(i18n, rules.ruleset, rule, providerOf(rules, rule, state.answers.value)) : null;
  const askable = (r.missing ?? []).filter((k) => state.missing.value.includes(k));

  return (
    <li class="result" data-right={r.id} data-status={r.status} ref={ref}>
      <div class="result-head">
        <a class="result-title" href={paths.right(r.id)}>
          <Words text={title} />
        </a>
        <ReadAloud label={i18n.t('readAloud.readItem', { title })} text={() => readableText(ref.current)} />
      </div>
      {section === 'nearMiss' && r.over !== undefined ? (
        <p class="result-over">
          <Rich parts={i18n.tParts('results.over', { over: i18n.money(r.over), right: title })} />
        </p>
      ) : reason ? (
        <p>
          <Rich parts={reason} />
        </p>
      ) : (
        <p>
          <Rich parts={rightSummaryParts(i18n, r.id)} />
        </p>
      )}
      {amount && (section === 'eligible' || section === 'ask') && (
        <p class="result-amount">
          <Rich parts={amount} />
        </p>
      )}
      {section === 'ask' && rule && (
        <>
          {provider && (
            <p>
              <Rich parts={i18n.tParts('results.goTo', { provider })} />
            </p>
          )}
          {rule.documents.length > 0 && (
            <>
              <p>{i18n.t('results.bring')}</p>
              <ul class="bring">
                {rule.documents.map((d) => (
                  <li key={d}>
                    <Words text={documentName(i18n, d)} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {section === 'unknown' && askable.length > 0 && (
        <>
          <p>{i18n.t('results.needAnswer')}</p>
          <MissingAnswers questions={askable} returnTo={paths.results} />
        </>
      )}
    </li>
  );
}

/** "The Sociaal Huis can still look at your situation for the UiTPAS": asks reached by a near miss. */
function StillAsk() {
  const { state, i18n } = useServices();
  const rules = state.rules.value;
  if (!rules) return null;
  const asks = state.results.value.filter((r) => isNearMissAsk(r));
  if (!asks.length) return null;
  return (
    <ul class="still-ask">
      {asks.map((r) => {
        const rule = rules.ruleset.rulesById.get(r.id);
        const provider = rule ? ruleProviderName(i18n, rules.ruleset, rule, providerOf(rules, rule, state.answers.value)) : '';
        return (
          <li key={r.id}>
            <a class="tap-link" href={paths.right(r.id)}>
              <Rich parts={i18n.tParts('results.stillAsk', { provider, right: rightTitle(i18n, r.id) })} />
            </a>
          </li>
        );
      })}
    </ul>
  );
}

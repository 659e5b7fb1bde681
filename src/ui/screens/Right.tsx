/** One right: what you get, why (from the engine's trace), how to apply, what to bring, where to go, sources. */
import { useRef } from 'preact/hooks';
import type { Provider, Result } from '../../engine';
import { type AppKey, plain } from '../../i18n';
import { providerOf } from '../../state/providers';
import { explainingChecks } from '../../state/explaining';
import { sectionOf } from '../../state/results';
import { AmountsAgeNotice } from '../components/AmountsAge';
import { Heading } from '../components/Heading';
import { BackIcon, DomainIcon } from '../components/icons';
import { ReadAloud, readableText } from '../components/ReadAloud';
import { Loading } from '../components/Loading';
import { MissingAnswers } from '../components/MissingAnswers';
import { WhoGets } from '../components/WhoGets';
import { useServices } from '../context';
import { aboutHousehold, checkSentences, explainContext } from '../../i18n/explain';
import { paths } from '../router';
import { Rich, Words } from '../components/Rich';
import {
  amountParts,
  categoryName,
  dayName,
  documentName,
  mapLink,
  providerName,
  reasonParts,
  rightSummaryParts,
  rightTitle,
  stepParts,
  telLink,
} from '../../i18n/texts';

const STATUS_KEYS = {
  eligible: 'status.eligible',
  ask: 'status.ask',
  nearMiss: 'status.nearMiss',
  unknown: 'status.unknown',
  rest: 'status.not-eligible',
} as const satisfies Record<string, AppKey>;

export function Right({ id }: { id: string }) {
  const { state, i18n, router } = useServices();
  const articleRef = useRef<HTMLElement>(null);
  const rules = state.rules.value;
  if (!rules || state.rulesError.value || !state.restored.value) return <Loading />;
  const rule = rules.ruleset.rulesById.get(id);
  const previous = router.previous.value?.name;
  const backToCatalogue = previous === 'catalogue' || (previous !== 'results' && !state.hasAnswers.value);
  const back = (
    <p class="back-link" data-no-read>
      <a class="tap-link" href={backToCatalogue ? paths.catalogue : paths.results}>
        <BackIcon />
        {backToCatalogue ? i18n.t('right.backToCatalogue') : i18n.t('right.backToResults')}
      </a>
    </p>
  );
  if (!rule) {
    return (
      <>
        {back}
        <Heading title={i18n.t('right.notFound')} />
      </>
    );
  }
  const title = rightTitle(i18n, id);
  const result = state.results.value.find((r) => r.id === id);
  const providerId = providerOf(rules, rule, state.answers.value);
  const provider = rules.ruleset.providers[providerId];

  return (
    <article class="right-page" ref={articleRef}>
      <p class="domain-tag">
        <DomainIcon domain={rule.category} />
        {categoryName(i18n, rule.category)}
      </p>
      <div class="heading-row">
        <Heading title={title} />
        <ReadAloud text={() => readableText(articleRef.current)} />
      </div>
      {/* right after the title, which takes the focus: the way back is one or two Tab presses away */}
      {back}
      <p class="lead">
        <Rich parts={rightSummaryParts(i18n, id)} />
      </p>
      {(backToCatalogue || !state.hasAnswers.value) && <WhoGets id={id} />}
      {(rule.threshold !== undefined || result?.threshold !== undefined) && <AmountsAgeNotice />}
      {result ? (
        <Situation result={result} />
      ) : (
        <p class="notice">
          <Rich parts={i18n.tParts('right.notInForce', { date: i18n.date(state.date.value) })} />
        </p>
      )}
      {/* a right not in force at the date cannot be asked for: no steps, nothing to bring */}
      {result && rule.steps.length > 0 && (
        <section aria-labelledby="steps">
          <h2 id="steps">{i18n.t('right.steps')}</h2>
          <ol class="steps">
            {rule.steps.map((s) => (
              <li key={s}>
                <Rich parts={stepParts(i18n, s, rules.ruleset, rule, providerId)} />
              </li>
            ))}
          </ol>
        </section>
      )}
      {result && rule.documents.length > 0 && (
        <section aria-labelledby="documents">
          <h2 id="documents">{i18n.t('right.documents')}</h2>
          <ul class="documents">
            {rule.documents.map((d) => (
              <li key={d}>
                <Words text={documentName(i18n, d)} />
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="where">
        <h2 id="where">{i18n.t('right.where')}</h2>
        <ProviderInfo id={providerId} provider={provider} />
      </section>
      <section aria-labelledby="sources" data-no-read>
        <h2 id="sources">{i18n.t('right.sources')}</h2>
        <ul class="sources">
          {rule.sources.map((s) => (
            <li key={s.title}>
              {/* a source is a Dutch document: named in Dutch, laid out left to right in any language */}
              <bdi dir="ltr" lang="nl">
                {s.url ? <a href={s.url}>{s.title}</a> : s.title}
              </bdi>{' '}
              <span class="source-date">
                (<Rich parts={i18n.tParts('right.sourceRead', { date: i18n.date(s.read) })} />)
              </span>
            </li>
          ))}
        </ul>
        {(rule.assumptions?.length ?? 0) > 0 && <p class="assumption">{i18n.t('right.assumption')}</p>}
      </section>
    </article>
  );
}

function Situation({ result: r }: { result: Result }) {
  const { state, i18n } = useServices();
  const section = sectionOf(r);
  const amount = amountParts(i18n, r);
  const reason = reasonParts(i18n, r, state.answers.value);
  const rules = state.rules.value;
  const ctx = rules ? explainContext(rules.ruleset, r) : null;
  const checks = ctx ? checkSentences(i18n, explainingChecks(r).filter((c) => aboutHousehold(c, ctx)), ctx) : [];
  const askable = (r.missing ?? []).filter((k) => state.missing.value.includes(k));

  if (!state.hasAnswers.value && r.status === 'unknown') {
    return (
      <section aria-labelledby="situation" class="situation">
        <h2 id="situation">{i18n.t('right.yourStatus')}</h2>
        <p>{i18n.t('right.noAnswers')}</p>
        <a class="button primary" href={paths.questions}>
          {i18n.t('right.start')}
        </a>
      </section>
    );
  }
  return (
    <>
      {amount && (
        <section aria-labelledby="what">
          <h2 id="what">{i18n.t('right.whatYouGet')}</h2>
          <p class="amount">
            <Rich parts={amount} />
          </p>
        </section>
      )}
      <section aria-labelledby="situation" class="situation">
        <p class={`status status-${section}`}>{i18n.t(STATUS_KEYS[section])}</p>
        <h2 id="situation">{i18n.t('right.why')}</h2>
        {r.status === 'unknown' ? (
          <>
            <p>{i18n.t('right.unknown')}</p>
            <MissingAnswers questions={askable} returnTo={paths.right(r.id)} />
          </>
        ) : (
          <>
            {reason && (
              <p>
                <Rich parts={reason} />
              </p>
            )}
            {!reason && r.over !== undefined && (
              <p>
                <Rich parts={i18n.tParts('right.over', { over: i18n.money(r.over), right: rightTitle(i18n, r.id) })} />
              </p>
            )}
            {checks.length === 0 && r.threshold !== undefined && (
              <p>
                <Rich parts={i18n.tParts('right.threshold', { threshold: i18n.money(r.threshold) })} />
              </p>
            )}
            {checks.length > 0 && (
              <>
                <p class="checks-title">{i18n.t('right.checked')}</p>
                <ul class="checks">
                  {checks.map((c) => (
                    <li key={plain(c)}>
                      <Rich parts={c} />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </section>
    </>
  );
}

function ProviderInfo({ id, provider }: { id: string; provider: Provider | undefined }) {
  const { i18n } = useServices();
  const name = providerName(i18n, id, provider);
  const description = i18n.has(`providers.${id}.description`) ? i18n.tr(`providers.${id}.description`) : null;
  // Each range stays on one line; the line may break between ranges.
  const formatRanges = (open: [string, string][]) =>
    open.length
      ? open.flatMap(([from, to], i) => [
          i > 0 ? ' ' : null,
          <span class="nowrap" key={from}>
            {i > 0 && i18n.and().trimStart()}
            <Rich parts={i18n.tParts('hours.range', { from, to })} />
          </span>,
        ])
      : i18n.t('hours.closed');
  return (
    <div class="provider">
      <p class="provider-name">
        <Words text={name} />
      </p>
      {description && (
        <p>
          <Words text={description} />
        </p>
      )}
      {provider?.address && (
        <p>
          <span class="label">{i18n.t('right.address')}:</span> <bdi>{provider.address}</bdi>
          <br />
          <a href={mapLink(provider.address)} target="_blank" rel="noopener noreferrer" data-no-read>
            <Rich parts={i18n.tParts('right.map', { address: provider.address })} />
          </a>
        </p>
      )}
      {provider?.hours && provider.hours.length > 0 && (
        <>
          <p class="label">{i18n.t('right.hours')}</p>
          <dl class="hours">
            {provider.hours.map((h) => (
              <div key={h.days}>
                <dt>{dayName(i18n, h.days)}</dt>
                <dd>{formatRanges(h.open)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {provider?.phone && (
        <p>
          <a class="button secondary" href={telLink(provider.phone)}>
            {/* one flex item, so the space before the number stays */}
            <span>
              <Rich parts={i18n.tParts('right.call', { phone: provider.phone })} />
            </span>
          </a>
        </p>
      )}
      {provider?.email && (
        <p>
          <span class="label">{i18n.t('right.email')}:</span>{' '}
          <a href={`mailto:${provider.email}`}>
            <bdi>{provider.email}</bdi>
          </a>
        </p>
      )}
    </div>
  );
}

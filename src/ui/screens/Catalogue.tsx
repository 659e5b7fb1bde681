/** Every right in force, without answering anything: by life domain or from A to Z. */
import { useState } from 'preact/hooks';
import { byCategory, categoryOrder } from '../../state/results';
import { Heading } from '../components/Heading';
import { Rich, Words } from '../components/Rich';
import { DomainIcon } from '../components/icons';
import { Loading } from '../components/Loading';
import { useServices } from '../context';
import { paths } from '../router';
import { categoryName, rightSummaryParts, rightTitle } from '../../i18n/texts';

export function Catalogue() {
  const { state, i18n } = useServices();
  const [order, setOrder] = useState<'domain' | 'az'>('domain');
  if (!state.rules.value || state.rulesError.value) return <Loading />;
  const collator = new Intl.Collator(i18n.language.value);
  const rights = state.catalogue.value
    .map((rule) => ({ id: rule.id, category: rule.category, title: rightTitle(i18n, rule.id) }))
    .sort((a, b) => collator.compare(a.title, b.title));

  // from A to Z, each right shows its domain's pictogram; by domain, the heading does
  const item = (r: { id: string; title: string; category: string }) => (
    <li key={r.id} class="result">
      <a class="result-title" href={paths.right(r.id)}>
        {order === 'az' && <DomainIcon domain={r.category} class="icon-inline" />}
        <Words text={r.title} />
      </a>
      <p>
        <Rich parts={rightSummaryParts(i18n, r.id)} />
      </p>
    </li>
  );

  return (
    <>
      <Heading title={i18n.t('catalogue.title')} />
      <p>{i18n.t('catalogue.intro')}</p>
      <fieldset class="toggle">
        <legend class="toggle-legend">{i18n.t('catalogue.sort')}</legend>
        <button type="button" class="button toggle-button" aria-pressed={order === 'domain'} onClick={() => setOrder('domain')}>
          {i18n.t('catalogue.byDomain')}
        </button>
        <button type="button" class="button toggle-button" aria-pressed={order === 'az'} onClick={() => setOrder('az')}>
          {i18n.t('catalogue.az')}
        </button>
      </fieldset>
      {order === 'az' ? (
        <ul class="result-list">{rights.map(item)}</ul>
      ) : (
        byCategory(rights, categoryOrder(state.rules.value.ruleset)).map((g) => (
          <section key={g.category} aria-labelledby={`cat-${g.category}`} class="category">
            <h2 id={`cat-${g.category}`} class="domain">
              <DomainIcon domain={g.category} />
              {categoryName(i18n, g.category)}
            </h2>
            <ul class="result-list">{g.items.map(item)}</ul>
          </section>
        ))
      )}
    </>
  );
}

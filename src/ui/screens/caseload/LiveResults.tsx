/** The household's results beside (or under) the quick entry, and their one-line summary kept in view. */
import type { Result } from '../../../engine';
import type { Section } from '../../../state/results';
import { amountText, rightTitle, sectionTitle } from '../../../i18n/texts';
import { Words } from '../../components/Rich';
import { useServices } from '../../context';
import { useCaseload } from './context';

/**
 * The results in one line, kept in view at the bottom of the form at every width (the list itself is
 * beside the form on a wide screen, below it on a tablet or phone), with the way to the list.
 */
export function LiveSummary() {
  const { i18n } = useServices();
  const sections = useCaseload().sections.value;
  const count = (s: Section) => (sections ? sections[s].reduce((n, g) => n + g.results.length, 0) : 0);
  return (
    <div class="live-summary no-print">
      <p>
        <strong>{i18n.t('caseload.summary.label')}</strong>{' '}
        {i18n.t('caseload.results.count', { eligible: count('eligible'), ask: count('ask'), unknown: count('unknown') })}
      </p>
      <button
        type="button"
        class="button link jump-results"
        onClick={() => {
          const heading = document.getElementById('live-title');
          heading?.scrollIntoView();
          heading?.focus();
        }}
      >
        {i18n.t('caseload.results.jump')}
      </button>
    </div>
  );
}

export function LiveResults({ followed, onFollow }: { followed: ReadonlySet<string>; onFollow(rightId: string): void }) {
  const { i18n } = useServices();
  const sections = useCaseload().sections.value;
  const flat = (s: Section) => (sections ? sections[s].flatMap((g) => g.results) : []);
  const count = (s: Section) => flat(s).length;
  const item = (r: Result, canFollow: boolean) => {
    const title = rightTitle(i18n, r.id);
    const amount = amountText(i18n, r);
    return (
      <li key={r.id} class="live-result" data-right={r.id} data-status={r.status}>
        <span class="live-title">
          <Words text={title} />
        </span>
        {amount && <span class="live-amount"> · {amount}</span>}
        {r.over !== undefined && <span class="live-amount"> · {i18n.t('caseload.results.over', { over: i18n.money(r.over) })}</span>}
        {canFollow &&
          (followed.has(r.id) ? (
            <span class="live-followed">{i18n.t('caseload.results.followed')}</span>
          ) : (
            <button
              type="button"
              class="button link live-follow"
              aria-label={i18n.t('caseload.results.followLabel', { title })}
              onClick={() => onFollow(r.id)}
            >
              {i18n.t('caseload.results.follow')}
            </button>
          ))}
      </li>
    );
  };
  return (
    <>
      <p class="live-count" role="status">
        {i18n.t('caseload.results.count', { eligible: count('eligible'), ask: count('ask'), unknown: count('unknown') })}
      </p>
      {(['eligible', 'ask', 'nearMiss', 'unknown'] as const).map(
        (s) =>
          count(s) > 0 && (
            <div key={s} class={`live-section section-${s}`}>
              <h3>{sectionTitle(i18n, s)}</h3>
              <ul class="live-list">{flat(s).map((r) => item(r, s !== 'unknown'))}</ul>
            </div>
          ),
      )}
      {count('rest') > 0 && (
        <details class="live-section section-rest">
          <summary>
            {sectionTitle(i18n, 'rest')} ({count('rest')})
          </summary>
          <ul class="live-list">{flat('rest').map((r) => item(r, false))}</ul>
        </details>
      )}
    </>
  );
}

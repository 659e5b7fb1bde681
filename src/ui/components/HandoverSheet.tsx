/**
 * The hand-over sheet: one page (or a few) to print or save as PDF and take home. For each right to
 * take up: what it is, how to apply, what to bring and where to go. Black on white in print
 * (src/ui/print.css); everything around it (header, buttons, footer) is left out of the print.
 */
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Provider, Result, Ruleset } from '../../engine';
import type { AppKey } from '../../i18n';
import { useMode } from '../modes/context';
import { groupResults } from '../../state/results';
import type { FollowUpItem } from '../../storage/caseload';
import { useServices } from '../context';
import { amountParts, dayName, documentName, providerName, rightSummary, rightTitle, statusText, stepParts } from '../../i18n/texts';
import { Rich } from './Rich';

const FOLLOW_KEYS = {
  todo: 'caseload.follow.sheet.todo',
  applied: 'caseload.follow.sheet.applied',
  granted: 'caseload.follow.sheet.granted',
  refused: 'caseload.follow.sheet.refused',
} as const satisfies Record<FollowUpItem['state'], AppKey>;

export interface SheetItem {
  id: string;
  /** the right's result now, when it is in force */
  result?: Result;
  /** the household's follow-up of this right (caseload) */
  follow?: FollowUpItem;
}

/** The rights a resident takes up: what they get, then what they ask, by life domain as on the results. */
export function sheetItemsOf(results: Result[], ruleset: Ruleset): SheetItem[] {
  const sections = groupResults(results, ruleset);
  return [...sections.eligible, ...sections.ask].flatMap((g) => g.results).map((r) => ({ id: r.id, result: r }));
}

interface Props {
  ruleset: Ruleset;
  items: SheetItem[];
  /** the evaluation date */
  date: string;
  /** a name for the household (caseload), printed under the title */
  name?: string;
}

export function HandoverSheet({ ruleset, items, date, name }: Props) {
  const { i18n } = useServices();
  // Each place once at the end, with its hours; each right names it in one line.
  const providers = [...new Set(items.map((item) => ruleset.rulesById.get(item.id)?.provider).filter((p) => p !== undefined))];
  const withDetails = providers.filter((id) => {
    const p = ruleset.providers[id];
    return p && (p.address || p.phone || p.hours?.length);
  });
  return (
    <article class="handover" aria-labelledby="handover-title">
      <header class="handover-head">
        <h1 id="handover-title" tabIndex={-1}>
          {i18n.t('share.sheet.title')}
        </h1>
        {name && (
          <p class="handover-name">
            <Rich parts={i18n.tParts('share.sheet.for', { name })} />
          </p>
        )}
        <p class="handover-meta">
          <Rich parts={i18n.tParts('share.sheet.made', { date: i18n.date(date), version: ruleset.manifest.version })} />
        </p>
      </header>
      {items.length === 0 ? (
        <p>{i18n.t('share.sheet.empty')}</p>
      ) : (
        <ol class="handover-rights">
          {items.map((item) => (
            <SheetRight key={item.id} item={item} ruleset={ruleset} />
          ))}
        </ol>
      )}
      {withDetails.length > 0 && (
        <section class="handover-places" aria-labelledby="handover-places">
          <h2 id="handover-places">{i18n.t('share.sheet.places')}</h2>
          {withDetails.map((id) => (
            <Place key={id} id={id} provider={ruleset.providers[id]} />
          ))}
        </section>
      )}
      <p class="handover-foot">{i18n.t('share.sheet.foot')}</p>
    </article>
  );
}

/** The page title of a screen with a sheet; with `screen`, the sheet's heading in it takes the focus. */
export function useSheetTitle(screen?: RefObject<HTMLElement>) {
  const { i18n } = useServices();
  useEffect(() => {
    document.title = `${i18n.t('share.sheet.title')} – ${i18n.t('app.name')}`;
    screen?.current?.querySelector<HTMLElement>('h1')?.focus();
  }, []);
}

/** Above a sheet and left out of its print: the way back, and the print button. */
export function SheetTools({ back, backLabel }: { back: string; backLabel: string }) {
  const { i18n } = useServices();
  // A PDF saved on a kiosk would stay on the public machine after the wipe: no such hint there.
  const kiosk = useMode().kind === 'kiosk';
  return (
    <div class="no-print sheet-tools">
      <p class="back-link">
        <a class="tap-link" href={back}>
          {backLabel}
        </a>
      </p>
      {!kiosk && <p>{i18n.t('share.sheet.printHint')}</p>}
      <button type="button" class="button primary" onClick={() => window.print()}>
        {i18n.t('share.sheet.print')}
      </button>
    </div>
  );
}

function SheetRight({ item, ruleset }: { item: SheetItem; ruleset: Ruleset }) {
  const { i18n } = useServices();
  const rule = ruleset.rulesById.get(item.id);
  const r = item.result;
  const amount = r ? amountParts(i18n, r) : null;
  const follow = item.follow;
  const provider = rule ? ruleset.providers[rule.provider] : undefined;
  const headingId = `sheet-${item.id.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <li class="handover-right">
      <h2 id={headingId}>{rightTitle(i18n, item.id)}</h2>
      <p class="handover-status">
        {r && <strong>{statusText(i18n, r.status)}</strong>}
        {amount && (
          <>
            {' · '}
            <Rich parts={amount} />
          </>
        )}
        {follow && (
          <>
            {r && ' · '}
            <Rich
              parts={i18n.tParts(FOLLOW_KEYS[follow.state], {
                applied: follow.appliedOn ? i18n.date(follow.appliedOn) : '',
                decided: follow.decidedOn ? i18n.date(follow.decidedOn) : '',
              })}
            />
          </>
        )}
      </p>
      {rightSummary(i18n, item.id) && <p>{rightSummary(i18n, item.id)}</p>}
      {rule && rule.steps.length > 0 && (
        <>
          <h3>{i18n.t('right.steps')}</h3>
          <ol class="steps">
            {rule.steps.map((s) => (
              <li key={s}>
                <Rich parts={stepParts(i18n, s, ruleset, rule)} />
              </li>
            ))}
          </ol>
        </>
      )}
      {rule && rule.documents.length > 0 && (
        <>
          <h3>{i18n.t('right.documents')}</h3>
          <ul class="documents">
            {rule.documents.map((d) => (
              <li key={d}>{documentName(i18n, d)}</li>
            ))}
          </ul>
        </>
      )}
      {rule && (
        <>
          <h3>{i18n.t('right.where')}</h3>
          <p class="handover-where">
            {providerName(i18n, rule.provider, provider)}
            {provider?.address && `, ${provider.address}`}
          </p>
        </>
      )}
    </li>
  );
}

function Place({ id, provider }: { id: string; provider: Provider | undefined }) {
  const { i18n } = useServices();
  const hours = provider?.hours
    ? i18n.list(
        provider.hours.map((h) => {
          const day = dayName(i18n, h.days);
          const ranges = h.open.length ? i18n.list(h.open.map(([from, to]) => i18n.t('hours.range', { from, to }))) : i18n.t('hours.closed');
          return `${day} ${ranges}`;
        }),
        'unit',
      )
    : undefined;
  return (
    <p class="handover-place">
      <strong>{providerName(i18n, id, provider)}</strong>
      {provider?.address && (
        <>
          <br />
          <bdi>{provider.address}</bdi>
        </>
      )}
      {provider?.phone && (
        <>
          <br />
          <Rich parts={i18n.tParts('share.sheet.phone', { phone: provider.phone })} />
        </>
      )}
      {hours && (
        <>
          <br />
          <Rich parts={i18n.tParts('share.sheet.hours', { hours })} />
        </>
      )}
    </p>
  );
}

/**
 * The hand-over sheet: at most two pages for a usual household, to print or save as PDF and take
 * home. What matters, in three groups (src/state/sheet.ts): what the resident has, what to apply for
 * (how, what to bring, where) and what to ask about; notes the worker marked for the resident; the
 * worker to call. Black on white in print (src/ui/print.css); everything around it (header,
 * buttons, footer) is left out of the print.
 */
import { AmountsAgeNotice } from './AmountsAge';
import type { RefObject } from 'preact';
import { useEffect } from 'preact/hooks';
import type { Answers, Provider, Rule, Ruleset } from '../../engine';
import type { AppKey } from '../../i18n';
import { useMode } from '../modes/context';
import { SHEET_GROUPS, type SheetGroup, type SheetItem } from '../../state/sheet';

export type { SheetItem } from '../../state/sheet';
import type { FollowUpItem } from '../../storage/caseload';
import { useServices } from '../context';
import { amountParts, dayName, documentName, providerName, rightSummary, rightTitle, stepParts } from '../../i18n/texts';
import { Rich, Words } from './Rich';

const FOLLOW_KEYS = {
  todo: 'caseload.follow.sheet.todo',
  applied: 'caseload.follow.sheet.applied',
  granted: 'caseload.follow.sheet.granted',
  refused: 'caseload.follow.sheet.refused',
} as const satisfies Record<FollowUpItem['state'], AppKey>;

const GROUP_TITLES = {
  have: 'share.sheet.groups.have',
  apply: 'share.sheet.groups.apply',
  ask: 'share.sheet.groups.ask',
} as const satisfies Record<SheetGroup, AppKey>;

/** The worker's contact on the sheet (caseload), set once on the device. */
export interface SheetContact {
  name: string;
  phone: string;
}

interface Props {
  ruleset: Ruleset;
  /** who grants a right for this household (its municipality's provider: src/state/providers.ts) */
  providerOf(rule: Pick<Rule, 'provider'>): string;
  /** where this household asks when a place has no address: its OCMW / Sociaal Huis, or the plain words */
  askAt: string;
  /** the household's answers */
  answers: Answers;
  items: SheetItem[];
  /** the evaluation date */
  date: string;
  /** the worker to call (caseload): never the household's own label, which is internal */
  contact?: SheetContact | null;
}

export function HandoverSheet({ ruleset, providerOf, askAt, answers, items, date, contact }: Props) {
  const { i18n } = useServices();
  // Each place once at the end, with its hours; each right names it in one line.
  const providers = [
    ...new Set(
      items
        .filter((i) => i.group !== 'have')
        .map((item) => ruleset.rulesById.get(item.id))
        .map((rule) => rule && providerOf(rule)),
    ),
  ];
  const withDetails = providers.filter((id): id is string => {
    const p = id === undefined ? undefined : ruleset.providers[id];
    return !!p && !!(p.address || p.phone || p.hours?.length);
  });
  const contactText = contact && (contact.name || contact.phone) ? i18n.separate([contact.name, contact.phone].filter((x): x is string => !!x)) : null;
  return (
    <article class="handover" aria-labelledby="handover-title">
      <header class="handover-head">
        <h1 id="handover-title" tabIndex={-1}>
          {i18n.t('share.sheet.title')}
        </h1>
        <p class="handover-meta">
          {i18n.t('share.sheet.made', { date: i18n.date(date), version: ruleset.manifest.version })}
        </p>
        {contactText && (
          <p class="handover-contact">
            <Rich parts={i18n.tParts('share.sheet.contact', { contact: contactText })} />
          </p>
        )}
      </header>
      <AmountsAgeNotice date={date} answers={answers} />
      {items.length === 0 && <p>{i18n.t('share.sheet.empty')}</p>}
      {SHEET_GROUPS.map((group) => {
        const inGroup = items.filter((i) => i.group === group);
        if (!inGroup.length) return null;
        return (
          <section key={group} class={`handover-group group-${group}`} aria-labelledby={`handover-${group}`}>
            <h2 id={`handover-${group}`}>{i18n.t(GROUP_TITLES[group])}</h2>
            <ol class="handover-rights">
              {inGroup.map((item) => (
                <SheetRight key={item.id} item={item} ruleset={ruleset} providerOf={providerOf} askAt={askAt} />
              ))}
            </ol>
          </section>
        );
      })}
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

function SheetRight({ item, ruleset, providerOf, askAt: askAtId }: { item: SheetItem; ruleset: Ruleset } & Pick<Props, 'providerOf' | 'askAt'>) {
  const { i18n } = useServices();
  const rule = ruleset.rulesById.get(item.id);
  const amount = item.result ? amountParts(i18n, item.result) : null;
  const follow = item.follow;
  const providerId = rule ? providerOf(rule) : '';
  const provider = rule ? ruleset.providers[providerId] : undefined;
  const headingId = `sheet-${item.id.replace(/[^a-z0-9-]/gi, '-')}`;
  const note = follow?.noteOnSheet && follow.note.trim() ? follow.note.trim() : null;
  const summary = rightSummary(i18n, item.id);
  const askAt = ruleset.providers[askAtId];
  const status = follow
    ? i18n.tParts(FOLLOW_KEYS[follow.state], {
        applied: follow.appliedOn ? i18n.date(follow.appliedOn) : '',
        decided: follow.decidedOn ? i18n.date(follow.decidedOn) : '',
      })
    : null;
  return (
    <li class="handover-right" data-right={item.id} data-group={item.group}>
      <h3 id={headingId}>
        <Words text={rightTitle(i18n, item.id)} />
      </h3>
      {(status || amount) && (
        <p class="handover-status">
          {status && (
            <strong>
              <Rich parts={status} />
            </strong>
          )}
          {status && amount && ' · '}
          {amount && <Rich parts={amount} />}
        </p>
      )}
      {note && (
        <p class="handover-note">
          <Rich parts={i18n.tParts('share.sheet.note', { note })} />
        </p>
      )}
      {item.group !== 'have' && summary && (
        <p>
          <Words text={summary} />
        </p>
      )}
      {item.group === 'apply' && rule && rule.steps.length > 0 && (
        <>
          <h4>{i18n.t('right.steps')}</h4>
          <ol class="steps">
            {rule.steps.map((s) => (
              <li key={s}>
                <Rich parts={stepParts(i18n, s, ruleset, rule, providerId)} />
              </li>
            ))}
          </ol>
        </>
      )}
      {item.documents.length > 0 && (
        <p class="handover-documents">
          <strong>{i18n.t('right.documents')}</strong>{' '}
          <Words text={i18n.list(item.documents.map((d) => documentName(i18n, d)), 'unit')} />
        </p>
      )}
      {rule && item.group !== 'have' && (
        <p class="handover-where">
          <strong>{i18n.t('right.where')}</strong> <Words text={providerName(i18n, providerId, provider)} />
          {provider?.address && (
            <>
              {i18n.comma()}
              <bdi>{provider.address}</bdi>
            </>
          )}
          {!provider?.address && askAt && providerId !== askAtId && (
            <>
              {'. '}
              <Rich
                parts={i18n.tParts('share.sheet.noAddress', {
                  place: i18n.separate([providerName(i18n, askAtId, askAt), askAt.address, askAt.phone].filter((x): x is string => !!x)),
                })}
              />
            </>
          )}
        </p>
      )}
    </li>
  );
}

function Place({ id, provider }: { id: string; provider: Provider | undefined }) {
  const { i18n } = useServices();
  return (
    <div class="handover-place">
      <p>
        <strong>
          <Words text={providerName(i18n, id, provider)} />
        </strong>
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
      </p>
      {provider?.hours && provider.hours.length > 0 && (
        <table class="handover-hours" aria-label={i18n.t('share.sheet.open')}>
          <thead>
            <tr>
              <th scope="col" colSpan={2}>
                {i18n.t('share.sheet.open')}
              </th>
            </tr>
          </thead>
          <tbody>
            {provider.hours.map((h) => (
              <tr key={h.days}>
                <th scope="row">{dayName(i18n, h.days)}</th>
                <td>
                  <bdi>{h.open.length ? i18n.list(h.open.map(([from, to]) => i18n.t('hours.range', { from, to }))) : i18n.t('hours.closed')}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

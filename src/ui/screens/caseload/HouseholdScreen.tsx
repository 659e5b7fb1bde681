/**
 * One household of the caseload: the facts on one screen with the results beside them (two columns
 * on a wide screen, stacked on a phone), updating as the worker types; "the rules changed since the
 * last visit" with what changed; the follow-up list; the visit; rename, export and delete. Everything
 * shown is the caseload state's (src/state/caseload): the household, its results, what is being saved.
 */
import { useEffect } from 'preact/hooks';
import type { Result } from '../../../engine';
import { isVaultError } from '../../../state/caseload';
import { HandoverSheet, SheetTools, useSheetTitle } from '../../components/HandoverSheet';
import { Heading } from '../../components/Heading';
import { Loading } from '../../components/Loading';
import { useServices } from '../../context';
import { paths } from '../../router';
import { rightTitle, statusText } from '../../../i18n/texts';
import { useCaseload } from './context';
import { FollowUpList } from './FollowUp';
import { LiveResults, LiveSummary } from './LiveResults';
import { Manage } from './Manage';
import { vaultErrorText } from './messages';
import { QuickEntry } from './QuickEntry';
import { useWorkerContact } from './WorkerContact';
import { localOfficeOf, providerOf } from '../../../state/providers';

/** Opens household `id` in the caseload state; the household, once it is the one on screen. */
function useOpenHousehold(id: string) {
  const caseload = useCaseload();
  useEffect(() => {
    void caseload.actions.open(id);
  }, [id]);
  const h = caseload.household.value;
  return { caseload, household: h?.id === id ? h : null, error: caseload.householdError.value };
}

export function HouseholdScreen({ id }: { id: string }) {
  const { state, i18n } = useServices();
  const { caseload, household: h, error } = useOpenHousehold(id);
  const rules = state.rules.value;
  const date = state.date.value;
  const { actions } = caseload;

  if (error) return <NotOpened error={error} />;
  if (!rules || !h) return <Loading />;
  const version = rules.ruleset.manifest.version;
  const save = caseload.saveStatus.value;

  return (
    <div class="wide-screen household" data-household={h.id} data-last-visit={h.lastVisit ?? ''}>
      {/* The name stays out of the page title: browsers keep titles in their history, unencrypted. */}
      <Heading title={i18n.t('caseload.household.title')}>{h.name}</Heading>
      <p class="meta">
        {h.lastVisit ? i18n.t('caseload.lastVisit', { date: i18n.date(h.lastVisit) }) : i18n.t('caseload.noVisit')}{' '}
        <span class="save-status" data-save={typeof save === 'string' ? save : 'error'}>
          {save === 'saving' ? i18n.t('caseload.save.saving') : save === 'saved' ? i18n.t('caseload.save.saved') : ''}
        </span>
      </p>
      {typeof save === 'object' && (
        <p class="notice notice-error" role="alert">
          {i18n.t('caseload.save.failed', { reason: vaultErrorText(i18n, save.error) })}
        </p>
      )}
      <div class="actions no-print">
        <button type="button" class="button primary" onClick={actions.recordVisit}>
          {i18n.t('caseload.visit.record')}
        </button>
        <a class="button secondary" href={paths.householdSheet(h.id)}>
          {i18n.t('caseload.sheet.open')}
        </a>
      </div>
      <p role="status" class="transfer-status">
        {caseload.visitRecorded.value ? i18n.t('caseload.visit.recorded') : ''}
      </p>
      <RulesChanged version={version} onRecompute={actions.recompute} />
      <div class="caseload-grid">
        <section class="facts" aria-labelledby="facts-title">
          <h2 id="facts-title">{i18n.t('caseload.facts.title')}</h2>
          <p class="hint">{i18n.t('caseload.facts.hint')}</p>
          <QuickEntry />
          <LiveSummary />
        </section>
        <section class="live-results" aria-labelledby="live-title">
          <h2 id="live-title" tabIndex={-1}>
            {i18n.t('caseload.results.title')}
          </h2>
          <LiveResults
            followed={new Set(h.followUp.map((f) => f.rightId))}
            onFollow={(rightId) => actions.follow({ rightId, state: 'todo', note: '' })}
          />
        </section>
      </div>
      <FollowUpList items={h.followUp} ruleset={rules.ruleset} today={date} onChange={actions.follow} onRemove={actions.unfollow} />
      <Manage household={h} />
    </div>
  );
}

function NotOpened({ error }: { error: unknown }) {
  const { i18n } = useServices();
  const notFound = isVaultError(error, 'not-found');
  return (
    <>
      <Heading title={i18n.t(notFound ? 'caseload.household.notFound' : 'caseload.household.notOpened')} />
      <p class="notice notice-error" role="alert">
        {notFound ? i18n.t('caseload.household.notFoundText') : vaultErrorText(i18n, error)}
      </p>
      <p>
        <a class="tap-link" href={paths.caseload}>
          {i18n.t('caseload.bar.list')}
        </a>
      </p>
    </>
  );
}

function RulesChanged({ version, onRecompute }: { version: string; onRecompute(): void }) {
  const { i18n } = useServices();
  const changes = useCaseload().changes.value;
  if (!changes?.rulesChanged) return null;
  const status = (s: Result['status'] | null) => (s === null ? i18n.t('caseload.changes.absent') : statusText(i18n, s));
  return (
    <section class="notice notice-warning rules-changed" aria-labelledby="rules-changed-title">
      <h2 id="rules-changed-title" class="h3">
        {i18n.t('caseload.changes.title')}
      </h2>
      <p>{i18n.t('caseload.changes.text', { before: changes.previousVersion ?? '', now: version })}</p>
      {changes.changes.length === 0 ? (
        <p>{i18n.t('caseload.changes.none')}</p>
      ) : (
        <ul class="changes">
          {changes.changes.map((c) => (
            <li key={c.rightId}>
              {i18n.t('caseload.changes.item', {
                right: rightTitle(i18n, c.rightId),
                before: status(c.before),
                after: status(c.after),
              })}
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="button primary" onClick={onRecompute}>
        {i18n.t('caseload.changes.recompute')}
      </button>
    </section>
  );
}

/** #/hulpverlener/gezin/<id>/blad: the household's hand-over sheet, to print or save as PDF. */
export function HouseholdSheet({ id }: { id: string }) {
  const { state, i18n } = useServices();
  const { caseload, household: h, error } = useOpenHousehold(id);
  const contact = useWorkerContact();
  const rules = state.rules.value;
  useSheetTitle();
  if (error) return <NotOpened error={error} />;
  if (!rules || !h) return <Loading />;
  return (
    <div class="sheet-screen">
      <SheetTools back={paths.household(h.id)} backLabel={i18n.t('caseload.sheet.back', { name: h.name })} />
      <HandoverSheet
        ruleset={rules.ruleset}
        providerOf={(rule) => providerOf(rules, rule, h.answers)}
        askAt={localOfficeOf(rules, h.answers)}
        answers={h.answers}
        items={caseload.sheet.value}
        date={state.date.value}
        contact={contact}
      />
    </div>
  );
}

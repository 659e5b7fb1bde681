/**
 * One household of the caseload: the facts on one screen with the results beside them (two columns
 * on a wide screen, stacked on a phone), updating as the worker types; "the rules changed since the
 * last visit" with what changed; the follow-up list; the visit; rename, export and delete.
 * Every change is saved to the vault at once (encrypted).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Answers, Result, Ruleset } from '../../../engine';
import type { LoadedRules } from '../../../state/rules';
import { groupResults, type Section } from '../../../state/results';
import { snapshotResults } from '../../../storage/caseload';
import {
  type CaseHousehold,
  changesSinceLastVisit,
  type FollowUpItem,
  isVaultError,
  recordVisit,
  removeFollowUp,
  setFollowUp,
  type Vault,
} from '../../../storage/vault';
import { ConfirmAction } from '../../components/ConfirmAction';
import { sheetItems } from '../../../state/sheet';
import { HandoverSheet, SheetTools, useSheetTitle } from '../../components/HandoverSheet';
import { Heading } from '../../components/Heading';
import { Loading } from '../../components/Loading';
import { useServices } from '../../context';
import { paths } from '../../router';
import { amountText, rightTitle, sectionTitle, statusText } from '../../../i18n/texts';
import { flash } from './flash';
import { FollowUpList } from './FollowUp';
import { vaultErrorText } from './messages';
import { type Facts, QuickEntry } from './QuickEntry';
import { createSaver, type Saver } from './saving';
import { ExportForm } from './Transfer';
import { useWorkerContact } from './WorkerContact';

/** Loads a household and keeps it: `update` shows a change at once and saves it in the background. */
export function useHousehold(vault: Vault, id: string) {
  const [household, setHousehold] = useState<CaseHousehold | null>(null);
  const [error, setError] = useState<unknown>(null);
  const current = useRef<CaseHousehold | null>(null);
  const saver = useMemo<Saver>(() => createSaver(vault), [vault]);
  useEffect(() => {
    let live = true;
    vault.get(id).then(
      (h) => {
        if (!live) return;
        current.current = h;
        setHousehold(h);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [id]);
  const update = (change: (h: CaseHousehold) => CaseHousehold) => {
    if (!current.current) return;
    const next = change(current.current);
    current.current = next;
    setHousehold(next);
    saver.save(next);
  };
  return { household, error, update, saver };
}

export function HouseholdScreen({ vault, id }: { vault: Vault; id: string }) {
  const { state, i18n } = useServices();
  const rules = state.rules.value;
  const { household: h, error, update, saver } = useHousehold(vault, id);
  const [visitSaved, setVisitSaved] = useState(false);
  const date = state.date.value;
  const results = useMemo(
    () => (rules && h ? rules.evaluate(rules.ruleset, h.answers, date) : []),
    [rules, h?.answers, date],
  );

  if (error) return <NotOpened error={error} />;
  if (!rules || !h) return <Loading />;
  const version = rules.ruleset.manifest.version;
  const save = saver.status.value;
  const facts: Facts = { answers: h.answers, drafts: h.progress?.drafts ?? {} };
  const onFacts = (f: Facts) =>
    update((x) => ({
      ...x,
      answers: f.answers,
      progress: { skipped: x.progress?.skipped ?? [], history: x.progress?.history ?? [], drafts: f.drafts },
    }));
  const onFollow = (item: FollowUpItem) => update((x) => setFollowUp(x, item));

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
        <button
          type="button"
          class="button primary"
          onClick={() => {
            update((x) => recordVisit(x, { date, rulesVersion: version, results }));
            setVisitSaved(true);
          }}
        >
          {i18n.t('caseload.visit.record')}
        </button>
        <a class="button secondary" href={paths.householdSheet(h.id)}>
          {i18n.t('caseload.sheet.open')}
        </a>
      </div>
      <p role="status" class="transfer-status">
        {visitSaved ? i18n.t('caseload.visit.recorded') : ''}
      </p>
      <RulesChanged household={h} version={version} results={results} onRecompute={() => update((x) => ({ ...x, lastResults: snapshotResults(version, date, results) }))} />
      <div class="caseload-grid">
        <section class="facts" aria-labelledby="facts-title">
          <h2 id="facts-title">{i18n.t('caseload.facts.title')}</h2>
          <p class="hint">{i18n.t('caseload.facts.hint')}</p>
          <QuickEntry
            questions={rules.ruleset.questions}
            answers={facts.answers}
            drafts={facts.drafts}
            applies={(key: string, answers: Answers) => rules.isAsked(rules.ruleset, key, answers, date)}
            onChange={onFacts}
          />
          <LiveSummary results={results} ruleset={rules.ruleset} />
        </section>
        <section class="live-results" aria-labelledby="live-title">
          <h2 id="live-title" tabIndex={-1}>
            {i18n.t('caseload.results.title')}
          </h2>
          <LiveResults
            results={results}
            ruleset={rules.ruleset}
            followed={new Set(h.followUp.map((f) => f.rightId))}
            onFollow={(rightId) => onFollow({ rightId, state: 'todo', note: '' })}
          />
        </section>
      </div>
      <FollowUpList
        items={h.followUp}
        ruleset={rules.ruleset}
        today={date}
        onChange={onFollow}
        onRemove={(rightId) => update((x) => removeFollowUp(x, rightId))}
      />
      <Manage vault={vault} household={h} saver={saver} onRenamed={(name) => update((x) => ({ ...x, name }))} />
    </div>
  );
}

function NotOpened({ error }: { error: unknown }) {
  const { i18n } = useServices();
  return (
    <>
      <Heading title={i18n.t('caseload.household.notFound')} />
      <p class="notice notice-error" role="alert">
        {isVaultError(error, 'not-found') ? i18n.t('caseload.household.notFoundText') : vaultErrorText(i18n, error)}
      </p>
      <p>
        <a class="tap-link" href={paths.caseload}>
          {i18n.t('caseload.bar.list')}
        </a>
      </p>
    </>
  );
}

function RulesChanged({
  household,
  version,
  results,
  onRecompute,
}: {
  household: CaseHousehold;
  version: string;
  results: Result[];
  onRecompute(): void;
}) {
  const { i18n } = useServices();
  const changes = changesSinceLastVisit(household, version, results);
  if (!changes.rulesChanged) return null;
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

/**
 * The results in one line, kept in view at the bottom of the form at every width (the list itself is
 * beside the form on a wide screen, below it on a tablet or phone), with the way to the list.
 */
function LiveSummary({ results, ruleset }: { results: Result[]; ruleset: Ruleset }) {
  const { i18n } = useServices();
  const sections = groupResults(results, ruleset);
  const count = (s: Section) => sections[s].reduce((n, g) => n + g.results.length, 0);
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

function LiveResults({
  results,
  ruleset,
  followed,
  onFollow,
}: {
  results: Result[];
  ruleset: Ruleset;
  followed: ReadonlySet<string>;
  onFollow(rightId: string): void;
}) {
  const { i18n } = useServices();
  const sections = groupResults(results, ruleset);
  const flat = (s: Section) => sections[s].flatMap((g) => g.results);
  const count = (s: Section) => flat(s).length;
  const item = (r: Result, canFollow: boolean) => {
    const title = rightTitle(i18n, r.id);
    const amount = amountText(i18n, r);
    return (
      <li key={r.id} class="live-result" data-right={r.id} data-status={r.status}>
        <span class="live-title">{title}</span>
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

function Manage({
  vault,
  household,
  saver,
  onRenamed,
}: {
  vault: Vault;
  household: CaseHousehold;
  saver: Saver;
  onRenamed(name: string): void;
}) {
  const { i18n, router } = useServices();
  const [name, setName] = useState(household.name);
  const [renameError, setRenameError] = useState<string | null>(null);
  const [renamed, setRenamed] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);

  const rename = async (e: Event) => {
    e.preventDefault();
    setRenamed(false);
    try {
      await saver.flush();
      const saved = await vault.rename(household.id, name);
      setRenameError(null);
      setRenamed(true);
      onRenamed(saved.name);
    } catch (err) {
      setRenameError(vaultErrorText(i18n, err));
    }
  };
  const remove = async () => {
    try {
      await saver.flush();
      await vault.remove(household.id);
      flash(i18n.t('caseload.household.deleted', { name: household.name }));
      router.navigate(paths.caseload);
    } catch (err) {
      setDeleteError(vaultErrorText(i18n, err));
    }
  };

  return (
    <section class="manage no-print" aria-labelledby="manage-title">
      <h2 id="manage-title">{i18n.t('caseload.household.manage')}</h2>
      <h3>{i18n.t('caseload.household.renameTitle')}</h3>
      <form class="inline-form" onSubmit={rename} noValidate>
        <div class="field">
          <label for="rename">{i18n.t('caseload.create.name')}</label>
          <p class="hint" id="rename-hint">
            {i18n.t('caseload.name.hint')}
          </p>
          {renameError && (
            <p class="error-message" id="rename-error">
              {renameError}
            </p>
          )}
          <input
            id="rename"
            class="input input-wide"
            type="text"
            autoComplete="off"
            maxLength={80}
            value={name}
            aria-invalid={!!renameError || undefined}
            aria-describedby={renameError ? 'rename-hint rename-error' : 'rename-hint'}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </div>
        <div class="actions">
          <button type="submit" class="button secondary">
            {i18n.t('caseload.household.rename')}
          </button>
        </div>
        <p role="status" class="transfer-status">
          {renamed ? i18n.t('caseload.household.renamed') : ''}
        </p>
      </form>
      <h3>{i18n.t('caseload.export.oneTitle')}</h3>
      <ExportForm vault={vault} id={household.id} />
      <h3>{i18n.t('caseload.household.deleteTitle')}</h3>
      {deleteError && (
        <p class="error-message" role="alert">
          {deleteError}
        </p>
      )}
      <ConfirmAction
        label={i18n.t('caseload.household.delete')}
        question={i18n.t('caseload.household.confirmDelete', { name: household.name })}
        yes={i18n.t('caseload.household.deleteYes')}
        no={i18n.t('caseload.household.deleteNo')}
        onConfirm={remove}
      />
    </section>
  );
}

/** #/hulpverlener/gezin/<id>/blad: the household's hand-over sheet, to print or save as PDF. */
export function HouseholdSheet({ vault, id, rules }: { vault: Vault; id: string; rules: LoadedRules }) {
  const { state, i18n } = useServices();
  const { household: h, error } = useHousehold(vault, id);
  const contact = useWorkerContact();
  const date = state.date.value;
  useSheetTitle();
  if (error) return <NotOpened error={error} />;
  if (!h) return <Loading />;
  const results = rules.evaluate(rules.ruleset, h.answers, date);
  const items = sheetItems(results, rules.ruleset, h.answers, h.followUp);
  return (
    <div class="sheet-screen">
      <SheetTools back={paths.household(h.id)} backLabel={i18n.t('caseload.sheet.back', { name: h.name })} />
      <HandoverSheet ruleset={rules.ruleset} items={items} date={date} contact={contact} />
    </div>
  );
}

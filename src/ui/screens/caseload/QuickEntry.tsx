/**
 * The professionals' quick entry: every household fact on one screen, each field rendered from its
 * question's type in rules/questions.json (the same fields as the questionnaire). A valid value
 * becomes an answer at once, so the results beside it follow the typing; an invalid one stays as
 * typed (a draft) and is said after leaving the field (the answers-and-drafts logic the questionnaire
 * uses, src/state/facts.ts, through the caseload state). Questions that do not apply (a partner for
 * a single adult) are left out, as in the questionnaire.
 */
import { useState } from 'preact/hooks';
import { type ChildrenDraft, childrenBounds, draftFromAnswer, normaliseDraft, validateDraft } from '../../../state/validate';
import { FieldErrorMessage, isFieldGroup, QuestionField } from '../../components/fields';
import type { AppKey } from '../../../i18n';
import { useServices } from '../../context';
import { optionLabel, questionLabel } from '../../../i18n/texts';
import type { Question } from '../../../engine';
import { useCaseload } from './context';

/** The facts worded for the worker: about "the applicant" and "the household", not "you". */
const FACT_LABELS: Readonly<Record<string, AppKey>> = {
  municipality: 'caseload.fact.municipality',
  adults: 'caseload.fact.adults',
  partner: 'caseload.fact.partner',
  children: 'caseload.fact.children',
  age: 'caseload.fact.age',
  netMonthlyIncome: 'caseload.fact.netMonthlyIncome',
  statuses: 'caseload.fact.statuses',
  disability: 'caseload.fact.disability',
  housing: 'caseload.fact.housing',
  childcare: 'caseload.fact.childcare',
  debts: 'caseload.fact.debts',
};

export function QuickEntry() {
  const { i18n } = useServices();
  const caseload = useCaseload();
  const { actions } = caseload;
  const lang = i18n.language.value;
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const h = caseload.household.value;
  const answers = h?.answers ?? {};
  const drafts = h?.drafts ?? {};
  const shown = caseload.questions.value;

  return (
    <div class="quick-entry">
      {shown.map((q) => {
        const key = q.key;
        const draft = normaliseDraft(q, drafts[key] ?? draftFromAnswer(q, answers[key], lang));
        const validation = key in drafts && left.has(key) ? validateDraft(q, draft, lang) : null;
        const error = validation && !validation.ok ? validation : null;
        const inputId = `case-${key}`;
        const errorId = `${inputId}-error`;
        const factKey = FACT_LABELS[key];
        // "children under 18": the age after the children question's maximum (questions.json)
        const age = q.type === 'children' ? childrenBounds(q).maxAge + 1 : '';
        const label = factKey ? i18n.t(factKey, { age }) : questionLabel(i18n, key);
        if (q.askIf === false) {
          return <ChosenFact key={key} question={q} label={label} inputId={inputId} value={answers[key]} onChoose={(v) => actions.type(q, v, lang)} />;
        }
        const isGroup = isFieldGroup(q);
        const props = { question: q, inputId, describedBy: error ? errorId : '', invalid: !!error };
        const onDraft = (d: unknown) => actions.type(q, d, lang);
        const none = Array.isArray(answers[key]) && (answers[key] as unknown[]).length === 0;
        const noneId = `${inputId}-none`;
        const field = (
          <>
            <QuestionField {...props} draft={draft} onDraft={onDraft} items={error?.items} />
            {q.type === 'children' && (draft as ChildrenDraft).ages.length === 0 && (
              <div class="option quick-none">
                <input
                  type="checkbox"
                  id={noneId}
                  checked={none}
                  onChange={(e) => actions.setNone(key, e.currentTarget.checked)}
                />
                <label for={noneId}>{i18n.t('caseload.facts.noChildren', { age })}</label>
              </div>
            )}
          </>
        );
        const message = error && <FieldErrorMessage id={errorId} error={error.error} />;
        const status = key in answers ? 'answered' : 'open';
        return (
          <div
            key={key}
            class={error ? 'quick-field has-error' : 'quick-field'}
            data-key={key}
            data-type={q.type}
            data-state={status}
            onFocusOut={() => setLeft((s) => (s.has(key) ? s : new Set([...s, key])))}
          >
            {isGroup ? (
              <fieldset aria-describedby={error ? errorId : undefined}>
                <legend class="quick-label">{label}</legend>
                {message}
                {field}
              </fieldset>
            ) : (
              <>
                <label class="quick-label" for={inputId}>
                  {label}
                </label>
                {message}
                {field}
              </>
            )}
          </div>
        );
      })}
    </div>
  );
}

/** A choice made outside the questionnaire (the municipality): a list, its default shown until chosen. */
function ChosenFact({ question: q, label, inputId, value, onChoose }: { question: Question; label: string; inputId: string; value: unknown; onChoose(v: string): void }) {
  const { i18n } = useServices();
  const current = typeof value === 'string' ? value : typeof q.default === 'string' ? q.default : '';
  return (
    <div class="quick-field municipality-choice" data-key={q.key} data-type={q.type} data-state={typeof value === 'string' ? 'answered' : 'default'}>
      <label class="quick-label" for={inputId}>
        {label}
      </label>
      <select id={inputId} name={q.key} value={current} onChange={(e) => onChoose((e.currentTarget as HTMLSelectElement).value)}>
        {(q.options ?? []).map((o) => (
          <option key={o} value={o}>
            {optionLabel(i18n, q.key, o)}
          </option>
        ))}
      </select>
    </div>
  );
}

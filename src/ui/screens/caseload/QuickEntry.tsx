/**
 * The professionals' quick entry: every household fact on one screen, each field rendered from its
 * question's type in rules/questions.json (the same fields as the questionnaire). A valid value
 * becomes an answer at once, so the results beside it follow the typing; an invalid one stays as
 * typed (a draft) and is said after leaving the field (the answers-and-drafts logic the questionnaire
 * uses, src/state/facts.ts, through the caseload state). Questions that do not apply (a partner for
 * a single adult) are left out, as in the questionnaire.
 */
import { useState } from 'preact/hooks';
import { type ChildrenDraft, draftFromAnswer, normaliseDraft, validateDraft } from '../../../state/validate';
import { FieldErrorMessage, isFieldGroup, QuestionField } from '../../components/fields';
import type { AppKey } from '../../../i18n';
import { useServices } from '../../context';
import { questionLabel } from '../../../i18n/texts';
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
  const drafts = h?.progress?.drafts ?? {};
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
        const label = factKey ? i18n.t(factKey) : questionLabel(i18n, key);
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
                <label for={noneId}>{i18n.t('caseload.facts.noChildren')}</label>
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

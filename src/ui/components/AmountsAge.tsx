/**
 * Honest about age: when the newest amount the rules know (on or before the evaluation date) is more
 * than six months older than that date, say so plainly, before the figures: the date of the
 * amounts, that limits usually rise every year, and where a person close to a limit should still ask.
 */
import type { Answers } from '../../engine';
import { useServices } from '../context';
import { providerName } from '../../i18n/texts';
import { localOfficeOf } from '../../state/providers';

/** Is `updated` more than six calendar months before `date`? (both YYYY-MM-DD) */
export function amountsAreOld(updated: string | null, date: string): boolean {
  if (!updated) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const months = y * 12 + (m - 1) - 6;
  const sixMonthsBefore = `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return updated < sixMonthsBefore;
}

/** `answers`: the household the page is about (the resident's own by default): its OCMW / Sociaal Huis is where to ask. */
export function AmountsAgeNotice({ date, answers }: { date?: string; answers?: Answers }) {
  const { state, i18n } = useServices();
  const rules = state.rules.value;
  if (!rules) return null;
  const on = date ?? state.date.value;
  const updated = rules.amountsUpdatedOn(rules.ruleset, on);
  if (!updated || !amountsAreOld(updated, on)) return null;
  const askAt = localOfficeOf(rules, answers ?? state.answers.value);
  const provider = rules.ruleset.providers[askAt];
  return (
    <div class="notice notice-warning amounts-age" role="note" data-amounts-updated={updated}>
      <p>
        <strong>{i18n.t('amountsAge.title', { date: i18n.date(updated) })}</strong>
      </p>
      <p>{i18n.t('amountsAge.rise')}</p>
      {provider && (
        <p>
          {provider.address && provider.phone
            ? i18n.t('amountsAge.ask', { provider: providerName(i18n, askAt, provider), address: provider.address, phone: provider.phone })
            : i18n.t('amountsAge.askPlain', { provider: providerName(i18n, askAt, provider) })}
        </p>
      )}
    </div>
  );
}

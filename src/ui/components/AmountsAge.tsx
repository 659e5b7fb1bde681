/**
 * Honest about age: when the newest amount the rules know (on or before the evaluation date) is more
 * than six months older than that date, say so plainly, before the figures: the date of the
 * amounts, that limits usually rise every year, and where a person close to a limit should still ask.
 */
import { useServices } from '../context';
import { providerName } from '../../i18n/texts';

/** Whoever decides on the city's income-linked rights: where a person close to a limit can ask. */
const ASK_AT = 'sociaal-huis';

/** Is `updated` more than six calendar months before `date`? (both YYYY-MM-DD) */
export function amountsAreOld(updated: string | null, date: string): boolean {
  if (!updated) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const months = y * 12 + (m - 1) - 6;
  const sixMonthsBefore = `${Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return updated < sixMonthsBefore;
}

export function AmountsAgeNotice({ date }: { date?: string }) {
  const { state, i18n } = useServices();
  const rules = state.rules.value;
  if (!rules) return null;
  const on = date ?? state.date.value;
  const updated = rules.amountsUpdatedOn(rules.ruleset, on);
  if (!updated || !amountsAreOld(updated, on)) return null;
  const provider = rules.ruleset.providers[ASK_AT];
  return (
    <div class="notice notice-warning amounts-age" role="note" data-amounts-updated={updated}>
      <p>
        <strong>{i18n.t('amountsAge.title', { date: i18n.date(updated) })}</strong>
      </p>
      <p>{i18n.t('amountsAge.rise')}</p>
      {provider && (
        <p>
          {i18n.t('amountsAge.ask', {
            provider: providerName(i18n, ASK_AT, provider),
            address: provider.address ?? '',
            phone: provider.phone ?? '',
          })}
        </p>
      )}
    </div>
  );
}

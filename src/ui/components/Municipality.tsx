/**
 * The household's municipality: Kortrijk unless chosen otherwise, shown and changeable on the start screen
 * and in the summary (not a question on the way), and the plain notice where its local rights are missing.
 */
import { useServices } from '../context';
import { optionLabel } from '../../i18n/labels';

/** the municipality the answers give (Kortrijk when none) */
function useMunicipality(): string | null {
  const { state } = useServices();
  const r = state.rules.value;
  return r ? r.municipalityOf(r.ruleset, state.answers.value) : null;
}

export function MunicipalityChoice() {
  const { state, i18n } = useServices();
  const r = state.rules.value;
  const current = useMunicipality();
  const options = r?.ruleset.questions.find((q) => q.key === 'municipality')?.options ?? [];
  // Until the rules are there (and in the start screen built into the page) the choice keeps its place,
  // not yet usable: appearing a moment later, it moved the start button down as someone went to tap it.
  if (r && (current === null || options.length === 0)) return null;
  return (
    <div class="municipality-choice">
      <label for="municipality-choice">{i18n.t('municipality.label')}</label>
      <select
        id="municipality-choice"
        disabled={!r}
        value={current ?? undefined}
        onChange={(e) => state.actions.chooseMunicipality((e.currentTarget as HTMLSelectElement).value)}
      >
        {!r && <option value="">…</option>}
        {options.map((id) => (
          <option key={id} value={id}>
            {optionLabel(i18n, 'municipality', id)}
          </option>
        ))}
      </select>
      <p class="hint">{i18n.t('municipality.hint')}</p>
    </div>
  );
}

/** Where the rules hold none of this municipality's own rights: say so, and where to ask. */
export function LocalRightsNotice() {
  const { state, i18n } = useServices();
  const r = state.rules.value;
  const current = useMunicipality();
  if (!r || current === null || r.localRightsKnown(r.ruleset, current)) return null;
  const text =
    current === 'other-flemish'
      ? i18n.t('municipality.missingOther')
      : i18n.t('municipality.missing', { place: optionLabel(i18n, 'municipality', current) });
  return (
    <div class="notice local-rights" role="note">
      <p>{text}</p>
    </div>
  );
}

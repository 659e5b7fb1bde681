/**
 * "Who gets this right", generated from the rule with the figures at the evaluation date: the same
 * words as the review report, in the person's language. Shown when browsing without answers.
 */
import type { Line } from '../../i18n/describe';
import { renderRight } from '../../i18n/describe';
import { useServices } from '../context';

function Lines({ items }: { items: Line[] }) {
  return (
    <ul class="who-lines">
      {items.map((l) => (
        <li key={l.text}>
          {l.text}
          {l.lines && <Lines items={l.lines} />}
        </li>
      ))}
    </ul>
  );
}

export function WhoGets({ id }: { id: string }) {
  const { state, i18n } = useServices();
  const rules = state.rules.value;
  if (!rules) return null;
  let rendered: ReturnType<typeof renderRight>;
  try {
    rendered = renderRight(i18n, rules.describeRight(rules.ruleset, id, state.date.value));
  } catch {
    return null; // a parameter without a value at this date: the page says the rest without it
  }
  return (
    <section aria-labelledby="who-gets" class="who-gets">
      <h2 id="who-gets">{i18n.t('right.whoGets')}</h2>
      {rendered.notInForce && <p>{rendered.notInForce}</p>}
      {rendered.territory && <p>{rendered.territory}</p>}
      {rendered.groups.map((g) => (
        <div key={g.status} class={`who-group who-${g.status}`}>
          <p class="who-title">{g.title}</p>
          <Lines items={g.items} />
        </div>
      ))}
      {rendered.amount && <p class="amount">{rendered.amount}</p>}
      <p class="who-date">{i18n.t('right.whoGetsDate', { date: i18n.date(state.date.value) })}</p>
    </section>
  );
}

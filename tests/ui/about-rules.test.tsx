/** Browsing without answering: who gets a right and what it is worth; the "Over deze regels" page. */
import { screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderApp } from './helpers';

const text = (el: Element) => (el.textContent ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('a right browsed from the catalogue, without answers', () => {
  it('shows who gets the sociaal tarief, with the limit of one adult living alone at the date', async () => {
    await renderApp({ route: '#/recht/kortrijk.sociaal-tarief', date: '2025-06-01' });
    const who = await screen.findByRole('region', { name: 'Wie krijgt dit?' });
    expect(text(who)).toContain('Een volwassene die alleen woont: tot € 1.839,88 per maand');
    expect(text(who)).toContain('Je hebt recht als een van deze dingen klopt:');
    expect(text(who)).toContain('Met de bedragen en grenzen van 1 juni 2025.');
    // still an invitation to answer, for the person's own result
    expect(screen.getByText('Beantwoord de vragen om te zien of je dit krijgt.')).toBeTruthy();
  });

  it('shows what a right is worth with the figures at the date', async () => {
    await renderApp({ route: '#/recht/kortrijk.uitpas-kansentarief', date: '2025-06-01' });
    const who = await screen.findByRole('region', { name: 'Wie krijgt dit?' });
    expect(text(who)).toContain('Wat je krijgt: 80% korting');
  });

  it('follows the leefloon of the date: in 2022 the limit was lower', async () => {
    await renderApp({ route: '#/recht/kortrijk.sociaal-tarief', date: '2022-03-01' });
    const who = await screen.findByRole('region', { name: 'Wie krijgt dit?' });
    // leefloon alleenstaand from 2022-01-01: € 1.072,30; × 140% = € 1.501,22
    expect(text(who)).toContain('Een volwassene die alleen woont: tot € 1.501,22 per maand');
  });
});

describe('Over deze regels', () => {
  it('shows the version, the dates, the changelog and the sources, and is linked from the footer', async () => {
    const { state } = await renderApp({ route: '#/regels', date: '2025-06-01' });
    await screen.findByRole('heading', { level: 1, name: 'Over deze regels' });
    const version = state.rules.value?.ruleset.manifest.version as string;
    expect(screen.getByText(version)).toBeTruthy();
    expect(screen.getByText('1 februari 2025')).toBeTruthy();
    const changes = screen.getByRole('region', { name: 'Wat is er veranderd?' });
    const entries = within(changes).getAllByRole('heading', { level: 3 });
    expect(entries[0]?.textContent).toMatch(new RegExp(`^${version.replace(/\./g, '\\.')} — published`));
    // every entry is a release, not the format example of the changelog's introduction
    for (const e of entries) expect(e.textContent).toMatch(/^\d{4}\.\d{2}\.\d+ — published \d{4}-\d{2}-\d{2}$/);
    const sources = screen.getByRole('region', { name: 'Bronnen' });
    expect(text(sources)).toContain('cpassivryrance.be');
    const footer = screen.getByRole('contentinfo');
    expect(within(footer).getByRole('link', { name: 'Over deze regels' }).getAttribute('href')).toBe('#/regels');
  });

  it('says why a newer release was refused, and that the app keeps its version', async () => {
    const { state } = await renderApp({ route: '#/regels', date: '2025-06-01' });
    await screen.findByRole('heading', { level: 1, name: 'Over deze regels' });
    expect(screen.queryByRole('region', { name: 'Nieuwere regels niet overgenomen' })).toBeNull();
    const version = state.rules.value?.ruleset.manifest.version as string;
    state.actions.setRulesProblem({ kind: 'tampered', version: '2099.01.1', message: 'rights/x/rule.json: hash mismatch', at: '2025-06-01T08:00:00Z' });
    const refused = await screen.findByRole('region', { name: 'Nieuwere regels niet overgenomen' });
    expect(text(refused)).toContain(`werden geweigerd. De app rekent verder met versie ${version}.`);
    expect(text(refused)).toContain('rights/x/rule.json: hash mismatch');
  });
});

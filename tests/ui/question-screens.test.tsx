/**
 * Simple facts on one screen (questions.json `screen`): each with its own answers, its own "Ik weet het
 * niet" and its own error; back, edit and the summary move by screen; the grouping is read from the data.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createAppState } from '../../src/state/app-state';
import { createMemoryStorage } from '../../src/storage';
import { pensioner } from '../fixtures/households';
import { DATE, renderApp, sharedRules } from './helpers';

const heading = () => screen.getByRole('heading', { level: 1 });
const fact = (name: RegExp) => within(screen.getByRole('group', { name }));
const next = () => fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));

/** Example 1 up to the care facts: what comes before them is answered. */
const beforeCare = {
  adults: 1,
  children: [{ age: 0 }],
  netMonthlyIncome: 1950,
  statuses: [],
  housing: 'private-rent',
  heatingFuel: 'other',
  childcare: 'free-price',
};

describe('a screen of several facts', () => {
  it('asks each fact in its own fieldset, says per fact what is missing, and keeps what was chosen', async () => {
    const { state } = await renderApp({ route: '#/vragen', answers: beforeCare });
    await waitFor(() => expect(heading().textContent).toBe('Over geld, gezondheid en zorg'));
    expect(state.currentScreen.value.map((q) => q.key)).toEqual(['debts', 'medicalWaste', 'heavyCareNeed']);
    const legends = [...document.querySelectorAll('form[data-question] fieldset > legend')].map((l) => l.textContent);
    expect(legends).toEqual([
      'Heb je schulden, of rekeningen die je niet op tijd kunt betalen?',
      'Heeft iemand in je gezin extra afval door een ziekte of aandoening?',
      'Heeft iemand in je gezin al lang elke dag veel zorg nodig?',
    ]);
    for (const name of [/schulden/, /extra afval/, /veel zorg/]) {
      expect(fact(name).getAllByRole('radio').map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual(['Ja', 'Nee', 'Ik weet het niet']);
    }
    expect(screen.queryByRole('button', { name: 'Ik weet het niet' })).toBeNull();

    fireEvent.click(fact(/extra afval/).getByLabelText('Ik weet het niet'));
    next();
    await waitFor(() => expect(screen.getAllByText('Kies een antwoord.')).toHaveLength(2));
    expect(fact(/schulden/).getByText('Kies een antwoord.')).toBeTruthy();
    expect(fact(/veel zorg/).getByText('Kies een antwoord.')).toBeTruthy();
    expect(fact(/extra afval/).queryByText('Kies een antwoord.')).toBeNull();
    expect(document.activeElement).toBe(fact(/schulden/).getByLabelText('Ja'));
    expect(fact(/schulden/).getByLabelText('Ja').getAttribute('aria-invalid')).toBe('true');
    expect((fact(/extra afval/).getByLabelText('Ik weet het niet') as HTMLInputElement).checked).toBe(true);
    expect(state.answers.value).not.toHaveProperty('debts');

    fireEvent.click(fact(/schulden/).getByLabelText('Ja'));
    fireEvent.click(fact(/veel zorg/).getByLabelText('Nee'));
    next();
    await waitFor(() => expect(state.currentKey.value).not.toBe('debts'));
    expect(state.answers.value).toMatchObject({ debts: true, heavyCareNeed: false });
    expect(state.answers.value).not.toHaveProperty('medicalWaste');
    expect(state.skipped.value).toContain('medicalWaste');
    expect(state.history.value.slice(-3)).toEqual(['debts', 'medicalWaste', 'heavyCareNeed']);
  });

  it('goes back by screen: from the next screen to the whole group, from the group to the screen before it', async () => {
    const { age: _, ...pensionerNoAge } = pensioner;
    const { state } = await renderApp({ route: '#/vragen', answers: pensionerNoAge });
    // worked example 2 asks the age last (the taxibon), on a screen of its own
    await waitFor(() => expect(state.currentKey.value).toBe('age'));
    fireEvent.click(screen.getByRole('button', { name: 'Terug' }));
    await waitFor(() => expect(heading().textContent).toBe('Over geld, gezondheid en zorg'));
    expect(state.currentScreen.value.map((q) => q.key)).toEqual(['debts', 'medicalWaste', 'heavyCareNeed', 'disability']);
    expect((fact(/erkende fysieke handicap/).getByLabelText('Nee') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Terug' }));
    await waitFor(() => expect(heading().textContent).toBe('Over je woning'));
    expect((fact(/Hoe woon je/).getByLabelText('Ik ben eigenaar van mijn woning') as HTMLInputElement).checked).toBe(true);

    // forward again: the group, then on to where the questionnaire was
    next();
    await waitFor(() => expect(heading().textContent).toBe('Over geld, gezondheid en zorg'));
    next();
    await waitFor(() => expect(state.currentKey.value).toBe('age'));
    expect(state.reviewing.value).toBeNull();
  });

  it('"Wijzig" in the summary opens the fact on its screen and comes back to the summary', async () => {
    const { state, router } = await renderApp({ route: '#/overzicht', answers: { ...beforeCare, debts: false, medicalWaste: false, heavyCareNeed: false } });
    fireEvent.click(screen.getByRole('button', { name: /Wijzig.*extra afval/ }));
    await waitFor(() => expect(router.route.value.name).toBe('questions'));
    expect(heading().textContent).toBe('Over geld, gezondheid en zorg');
    expect(screen.getByText('Je past een vorig antwoord aan.')).toBeTruthy();
    fireEvent.click(fact(/extra afval/).getByLabelText('Ja'));
    fireEvent.click(screen.getByRole('button', { name: 'Bewaar' }));
    await waitFor(() => expect(router.route.value.name).toBe('summary'));
    expect(state.answers.value).toMatchObject({ debts: false, medicalWaste: true, heavyCareNeed: false });
  });

  it('groups what the rules data groups: a release that puts another question on a screen needs no new app', async () => {
    const loaded = await sharedRules();
    const questions = loaded.ruleset.questions.map((q) => (q.key === 'childcare' ? { ...q, screen: 'home' } : q));
    const rules = { ...loaded, ruleset: { ...loaded.ruleset, questions } };
    const state = createAppState({ storage: createMemoryStorage(), date: DATE, rules });
    await state.actions.restore();
    for (const [k, v] of Object.entries({ adults: 1, children: [{ age: 0 }], netMonthlyIncome: 1950, statuses: [] })) state.actions.answer(k, v);
    expect(state.currentScreen.value.map((q) => q.key)).toEqual(['housing', 'childcare', 'heatingFuel']);
    state.dispose();
  });
});

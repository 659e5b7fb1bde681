/** The questionnaire, one question type at a time, in a real app with the real rules. */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { renderApp } from './helpers';

const heading = () => screen.getByRole('heading', { level: 1 });
const next = () => fireEvent.click(screen.getByRole('button', { name: 'Volgende' }));
const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });

describe('number questions (integer)', () => {
  it('shows the question with its example and why, keeps invalid input and says what is wrong beside it', async () => {
    const { state } = await renderApp({ route: '#/vragen' });
    expect(heading().textContent).toBe('Hoeveel volwassenen wonen er bij jou? Tel jezelf mee.');
    expect(screen.getByText(/Bijvoorbeeld: 2/)).toBeTruthy();
    expect(screen.getByText('Waarom vragen we dit?')).toBeTruthy();
    expect(screen.getByText(/Nog hoogstens \d+ vragen/)).toBeTruthy();

    const input = screen.getByLabelText(/volwassenen/) as HTMLInputElement;
    type(input, 'twee');
    next();
    const error = await screen.findByText(/Vul een getal in, alleen met cijfers/);
    expect(input.value).toBe('twee');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(error.closest('p')?.id);
    expect(state.answers.value.adults).toBeUndefined();

    type(input, '0');
    next();
    await screen.findByText('Het getal moet 1 of meer zijn.');
    type(input, '1,5');
    next();
    await screen.findByText('Vul een heel getal in, zonder komma.');

    type(input, '1');
    next();
    await waitFor(() => expect(heading().textContent).toBe('Welke kinderen jonger dan 18 jaar wonen bij jou?'));
    expect(state.answers.value.adults).toBe(1);
  });

  it('never asks about a partner when one adult lives in the household', async () => {
    const { state } = await renderApp({ route: '#/vragen', answers: { adults: 1 } });
    expect(state.pending.value).not.toContain('partner');
    expect(heading().textContent).not.toMatch(/partner/);
  });
});

describe('money questions', () => {
  it('reads Belgian amounts, shows the unit, and refuses more than two decimals', async () => {
    const { state } = await renderApp({ route: '#/vragen', answers: { adults: 1, children: [], age: 30 } });
    expect(heading().textContent).toBe('Hoeveel geld komt er elke maand binnen in je gezin?');
    expect(screen.getByText('per maand')).toBeTruthy();
    const input = screen.getByLabelText(/geld/) as HTMLInputElement;
    expect(input.getAttribute('inputmode')).toBe('decimal');
    type(input, '1950,505');
    next();
    await screen.findByText('Vul een bedrag in met hoogstens 2 cijfers na de komma.');
    expect(input.value).toBe('1950,505');
    type(input, '1.950,50');
    next();
    await waitFor(() => expect(state.answers.value.netMonthlyIncome).toBe(1950.5));
  });
});

describe('yes/no questions', () => {
  it('asks to choose, then stores true or false', async () => {
    const { state } = await renderApp({ route: '#/vragen', answers: { adults: 2, children: [{ age: 4 }] } });
    await waitFor(() => expect(heading().textContent).toBe('Woon je samen met een partner?'));
    const group = screen.getByRole('group', { name: 'Woon je samen met een partner?' });
    next();
    await screen.findByText('Kies een antwoord.');
    fireEvent.click(within(group).getByLabelText('Ja'));
    next();
    await waitFor(() => expect(state.answers.value.partner).toBe(true));
  });
});

describe('choice questions', () => {
  it('shows every option in words and stores the chosen one', async () => {
    const { state } = await renderApp({ route: '#/vragen', answers: { adults: 1 } });
    state.actions.edit('housing');
    // housing shares its screen with the heating (questions.json `screen`), each with "Ik weet het niet"
    const group = await screen.findByRole('group', { name: 'Hoe woon je?' });
    expect(within(group).getAllByRole('radio').map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual([
      'Ik huur bij een private verhuurder',
      'Ik huur een sociale woning',
      'Ik ben eigenaar van mijn woning',
      'Ik heb geen vaste woning',
      'Anders',
      'Ik weet het niet',
    ]);
    fireEvent.click(within(group).getByLabelText('Ik huur een sociale woning'));
    fireEvent.click(within(screen.getByRole('group', { name: 'Hoe verwarm je je huis?' })).getByLabelText('Ik weet het niet'));
    next();
    await waitFor(() => expect(state.answers.value.housing).toBe('social-rent'));
    expect(state.skipped.value).toContain('heatingFuel');
  });
});

describe('several-choices questions', () => {
  it('stores the ticked options in order, and nothing ticked as none', async () => {
    const { state } = await renderApp({ route: '#/vragen', answers: { adults: 1 } });
    state.actions.edit('statuses');
    const group = await screen.findByRole('group', { name: /Heeft iemand in je gezin een van deze/ });
    fireEvent.click(within(group).getByLabelText(/Iemand is student/));
    fireEvent.click(within(group).getByLabelText(/Een leefloon/));
    next();
    await waitFor(() => expect(state.answers.value.statuses).toEqual(['leefloon', 'student']));

    state.actions.edit('statuses');
    const again = await screen.findByRole('group', { name: /Heeft iemand in je gezin een van deze/ });
    expect((within(again).getByLabelText(/Een leefloon/) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(again).getByLabelText('Geen van deze'));
    expect((within(again).getByLabelText(/Een leefloon/) as HTMLInputElement).checked).toBe(false);
    next();
    await waitFor(() => expect(state.answers.value.statuses).toEqual([]));
  });
});

describe('the list of children', () => {
  it('adds children with their ages, checks each age beside it, and removes one', async () => {
    const { state } = await renderApp({ route: '#/vragen', answers: { adults: 1 } });
    expect(heading().textContent).toBe('Welke kinderen jonger dan 18 jaar wonen bij jou?');
    fireEvent.click(screen.getByRole('button', { name: 'Een kind toevoegen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Een kind toevoegen' }));
    const first = (await screen.findByLabelText('Leeftijd van kind 1')) as HTMLInputElement;
    const second = screen.getByLabelText('Leeftijd van kind 2') as HTMLInputElement;
    type(first, '0');
    type(second, '18');
    next();
    const error = await screen.findByText('Vul voor kind 2 een leeftijd in van 0 tot 17 jaar.');
    expect(second.getAttribute('aria-describedby')).toContain(error.closest('p')?.id);
    expect(second.value).toBe('18');
    fireEvent.click(screen.getByRole('button', { name: 'Kind 2 verwijderen' }));
    next();
    await waitFor(() => expect(state.answers.value.children).toEqual([{ age: 0 }]));
  });

  it('takes no children as an empty list', async () => {
    const { state } = await renderApp({ route: '#/vragen', answers: { adults: 1 } });
    next();
    await waitFor(() => expect(state.answers.value.children).toEqual([]));
  });
});

describe('moving through the questionnaire', () => {
  it('"I don\'t know" skips a question without answering it; back shows the previous answer', async () => {
    const { state } = await renderApp({ route: '#/vragen' });
    type(screen.getByLabelText(/volwassenen/), '1');
    next();
    await waitFor(() => expect(heading().textContent).toMatch(/kinderen/));
    fireEvent.click(screen.getByRole('button', { name: 'Ik weet het niet' }));
    await waitFor(() => expect(heading().textContent).not.toMatch(/kinderen/));
    expect(state.skipped.value).toEqual(['children']);
    expect('children' in state.answers.value).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Terug' }));
    await waitFor(() => expect(heading().textContent).toMatch(/kinderen/));
    fireEvent.click(screen.getByRole('button', { name: 'Terug' }));
    await waitFor(() => expect(heading().textContent).toMatch(/volwassenen/));
    expect((screen.getByLabelText(/volwassenen/) as HTMLInputElement).value).toBe('1');
  });

  it('moves focus to the question heading on each new question', async () => {
    await renderApp({ route: '#/vragen' });
    type(screen.getByLabelText(/volwassenen/), '1');
    next();
    await waitFor(() => expect(document.activeElement).toBe(heading()));
    expect(heading().textContent).toMatch(/kinderen/);
  });

  it('asks only what can still change a result, simple facts together, and shows the results when all are settled', async () => {
    const { state, router } = await renderApp({ route: '#/vragen' });
    const screens: string[][] = [];
    // on a screen of several facts each has its own fieldset: look inside the fact's own
    const on = (key: string) => within((document.querySelector(`fieldset[data-key="${key}"]`) as HTMLElement | null) ?? document.body);
    const answer: Record<string, () => void> = {
      adults: () => type(screen.getByLabelText(/volwassenen/), '1'),
      children: () => {
        fireEvent.click(screen.getByRole('button', { name: 'Een kind toevoegen' }));
      },
      age: () => type(screen.getByLabelText(/oud/), '27'),
      netMonthlyIncome: () => type(screen.getByLabelText(/geld/), '1950'),
      statuses: () => fireEvent.click(screen.getByLabelText('Geen van deze')),
      disability: () => fireEvent.click(on('disability').getByLabelText('Nee')),
      housing: () => fireEvent.click(on('housing').getByLabelText('Ik huur bij een private verhuurder')),
      childcare: () => fireEvent.click(screen.getByLabelText(/vrije prijs/)),
      debts: () => fireEvent.click(on('debts').getByLabelText('Nee')),
      heatingFuel: () => fireEvent.click(on('heatingFuel').getByLabelText(/gas, elektriciteit/)),
      medicalWaste: () => fireEvent.click(on('medicalWaste').getByLabelText('Nee')),
      heavyCareNeed: () => fireEvent.click(on('heavyCareNeed').getByLabelText('Nee')),
    };
    for (let i = 0; i < 16 && state.currentKey.value; i++) {
      const keys = state.currentScreen.value.map((q) => q.key);
      screens.push(keys);
      for (const key of keys) answer[key]?.();
      if (keys.includes('children')) type(await screen.findByLabelText('Leeftijd van kind 1'), '0');
      next();
      await waitFor(() => expect(state.currentKey.value).not.toBe(keys[0]));
    }
    const asked = screens.flat();
    expect(asked).not.toContain('partner');
    expect(asked).not.toContain('municipality');
    expect(asked.slice(0, 2)).toEqual(['adults', 'children']);
    // worked example 1: the home and the care facts each on one screen, seven screens in all
    expect(screens).toContainEqual(['housing', 'heatingFuel']);
    expect(screens).toContainEqual(['debts', 'medicalWaste', 'heavyCareNeed']);
    expect(screens).toHaveLength(7);
    await waitFor(() => expect(router.route.value.name).toBe('results'));
    expect(state.pending.value).toEqual([]);
  });

  it('saves every change, also what is typed but not accepted, and restores it', async () => {
    const first = await renderApp({ route: '#/vragen' });
    type(screen.getByLabelText(/volwassenen/), 'drie');
    await first.state.actions.flush();
    const saved = await first.storage.getHousehold('default');
    expect(saved?.drafts).toEqual({ adults: 'drie' });
    first.state.dispose();

    await renderApp({ route: '#/vragen', storage: first.storage });
    const inputs = screen.getAllByLabelText(/volwassenen/) as HTMLInputElement[];
    expect(inputs.at(-1)?.value).toBe('drie');
  });
});

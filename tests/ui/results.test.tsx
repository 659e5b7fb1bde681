/** The results page, a right's page, the summary and the catalogue, on DOMAIN.md's worked examples. */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { couple, singleMother } from '../fixtures/households';
import { renderApp, sentence } from './helpers';

const section = (name: RegExp) => screen.getByRole('region', { name });
const titlesIn = (el: HTMLElement) => within(el).getAllByRole('link').map((a) => a.textContent);

describe('the results', () => {
  it('lists what a single parent with a baby gets, then what to ask, then the rest, folded', async () => {
    await renderApp({ route: '#/resultaten', answers: singleMother });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Jouw rechten');
    expect(screen.getByText(sentence(/Berekend voor 1 maart 2025\./)).textContent).toMatch(
      /Versie van de regels: \d{4}\.\d{2}\.\d+\. Bedragen laatst bijgewerkt op 1 februari 2025\./,
    );

    const eligible = section(/Hier heb je recht op/);
    expect(titlesIn(eligible)).toEqual(
      expect.arrayContaining([
        'Sociaal tarief van de stad',
        'Extra sociaal tarief van de stad',
        'UiTPAS met kansentarief',
        'Goedkope maaltijd in VORK',
        'Pamperbank',
        'Sociale toeslag bij het Groeipakket',
        'Deelfabriek',
      ]),
    );
    // grouped by life domain, income first
    const domains = within(eligible).getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(domains[0]).toBe('Inkomen en budget');
    expect(within(eligible).getByText(sentence('80% korting'))).toBeTruthy();
    expect(within(eligible).getByText(sentence(/€ 2 per maaltijd/))).toBeTruthy();

    const ask = section(/Vraag het aan/);
    expect(titlesIn(ask).sort()).toEqual(
      ['Hulp bij de prijs van de kinderopvang', 'Kortrijks Menswaardig Inkomen (KMI)', 'Kortrijkse Huurgarantie', 'Verhoogde tegemoetkoming'].sort(),
    );
    expect(within(ask).getAllByText(sentence(/Ga naar: Sociaal Huis Kortrijk/)).length).toBeGreaterThan(0);
    expect(within(ask).getAllByText('Je identiteitskaart').length).toBeGreaterThan(0);

    const rest = section(/Hier heb je geen recht op/);
    const details = rest.querySelector('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(titlesIn(rest)).toEqual(expect.arrayContaining(['Taxibonnen', 'Sociaal tarief voor energie', 'Sociaal tarief voor water', 'Hulp bij schulden']));
    expect(screen.queryByRole('region', { name: /Net niet/ })).toBeNull();
    expect(document.body.textContent).not.toMatch(/\{\{|undefined|NaN/);
  });

  it('shows a near miss with how much too much, and who can still look at the situation', async () => {
    await renderApp({ route: '#/resultaten', answers: couple });
    const near = section(/Net niet/);
    expect(within(near).getByText(sentence('Je gezin heeft € 163,50 per maand meer inkomen dan de grens voor Sociaal tarief van de stad.'))).toBeTruthy();
    expect(within(near).getByText(sentence('Sociaal Huis Kortrijk kan je situatie toch bekijken voor UiTPAS met kansentarief.'))).toBeTruthy();
    expect(titlesIn(section(/Vraag het aan/))).toContain('UiTPAS met kansentarief');
  });

  it('shows a right as unknown when its answer was skipped, with a way to answer it that comes back here', async () => {
    const { answers } = { answers: { ...singleMother } };
    delete answers.debts;
    const { state, router } = await renderApp({ route: '#/resultaten', answers, skipped: ['debts'] });
    const unknown = section(/Nog niet zeker/);
    expect(titlesIn(unknown)).toContain('Hulp bij schulden');
    fireEvent.click(within(unknown).getByRole('button', { name: /Heb je schulden/ }));
    await waitFor(() => expect(router.route.value.name).toBe('questions'));
    // debts shares a screen with other facts: each shows its earlier answer, "Ik weet het niet" included
    const debts = screen.getByRole('group', { name: /Heb je schulden/ });
    expect((within(debts).getByLabelText('Ik weet het niet') as HTMLInputElement).checked).toBe(true);
    const waste = screen.getByRole('group', { name: /extra afval/ });
    expect((within(waste).getByLabelText('Nee') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(debts).getByLabelText('Ja'));
    fireEvent.click(screen.getByRole('button', { name: 'Bewaar' }));
    await waitFor(() => expect(router.route.value.name).toBe('results'));
    expect(state.answers.value.debts).toBe(true);
    expect(state.answers.value.medicalWaste).toBe(false);
    expect(titlesIn(section(/Hier heb je recht op/))).toContain('Hulp bij schulden');
  });

  it('says when questions are left and offers to go on', async () => {
    await renderApp({ route: '#/resultaten', answers: { adults: 1 } });
    expect(screen.getByText(/vragen die je resultaat kunnen veranderen/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Ga verder met de vragen' }).getAttribute('href')).toBe('#/vragen');
  });
});

describe("a right's page", () => {
  it('explains why from the trace, and says what to do, what to bring, where to go and the sources', async () => {
    const { container } = await renderApp({ route: '#/recht/kortrijk.sociaal-tarief', answers: singleMother });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sociaal tarief van de stad');
    expect(screen.getByText('Je hebt recht')).toBeTruthy();
    expect(
      screen.getByText(sentence('Je gezin heeft € 1.950 inkomen per maand. Dat is niet meer dan de inkomensgrens voor dit recht: € 2.486,50.')),
    ).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Zo vraag je het aan' })).getAllByRole('listitem').length).toBeGreaterThan(0);
    expect(within(screen.getByRole('region', { name: 'Neem dit mee' })).getByText('Je identiteitskaart')).toBeTruthy();
    const where = screen.getByRole('region', { name: 'Waar moet je naartoe?' });
    expect(within(where).getByText('Sociaal Huis Kortrijk')).toBeTruthy();
    expect(within(where).getByRole('link', { name: 'Bel 056 24 42 22' }).getAttribute('href')).toBe('tel:+3256244222');
    expect(within(where).getByRole('link', { name: /Toon op de kaart/ }).getAttribute('href')).toMatch(/^https:\/\/www\.openstreetmap\.org\/search\?query=Budastraat/);
    expect(within(where).getByText('maandag')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Bronnen' })).getAllByText(sentence(/gelezen op \d+ \w+ \d{4}/)).length).toBeGreaterThan(0);
    expect(container.textContent).not.toMatch(/threshold|netMonthlyIncome|undefined|\{\{/);
  });

  it('shows the amount of a right you get, in its unit', async () => {
    await renderApp({ route: '#/recht/kortrijk.uitpas-kansentarief', answers: singleMother });
    const what = screen.getByRole('region', { name: 'Wat krijg je?' });
    expect(within(what).getByText(sentence('80% korting'))).toBeTruthy();
    expect(screen.getByText(sentence('Je hebt recht op Sociaal tarief van de stad.'))).toBeTruthy();
  });

  it('can be read without any answer', async () => {
    await renderApp({ route: '#/recht/kortrijk.huurgarantie' });
    expect(screen.getByText('Beantwoord de vragen om te zien of je dit krijgt.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Terug naar alle rechten' }).getAttribute('href')).toBe('#/catalogus');
  });

  it.each([
    ['a single parent', singleMother],
    ['a couple just above the limit', couple],
  ])('fills in every figure on every right page for %s (no placeholder, no key)', async (_, answers) => {
    const { state, router, container, i18n } = await renderApp({ route: '#/resultaten', answers });
    for (const r of state.results.value) {
      router.navigate(`#/recht/${r.id}`);
      const title = i18n.tr(`rights.${r.id}.title`);
      await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(title));
      expect(container.textContent, r.id).not.toMatch(/\{\{|\}\}|undefined|NaN|\b(param|threshold|result|rights|reasons)\.[a-z]/);
    }
  });
});

describe('the summary', () => {
  it('lists every answer and an edit updates the results', async () => {
    const { state, router } = await renderApp({ route: '#/overzicht', answers: singleMother });
    expect(screen.getByText('€ 1.950')).toBeTruthy();
    expect(screen.getByText('1 kind: 0 jaar')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Wijzig je antwoord op: Hoeveel geld/ }));
    await waitFor(() => expect(router.route.value.name).toBe('questions'));
    const input = screen.getByLabelText(/geld/) as HTMLInputElement;
    expect(input.value).toBe('1950');
    fireEvent.input(input, { target: { value: '2510' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bewaar' }));
    await waitFor(() => expect(router.route.value.name).toBe('summary'));
    expect(screen.getByText('€ 2.510')).toBeTruthy();
    expect(state.results.value.find((r) => r.id === 'kortrijk.sociaal-tarief')).toMatchObject({ status: 'not-eligible', over: 23.5 });
  });

  it('erases every answer, here and in the storage, after asking once', async () => {
    const { state, storage } = await renderApp({ route: '#/overzicht', answers: singleMother });
    fireEvent.click(screen.getByRole('button', { name: 'Wis mijn antwoorden' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ja, wis alles' }));
    await waitFor(() => expect(state.answers.value).toEqual({}));
    await state.actions.flush();
    expect(await storage.getHousehold('default')).toBeUndefined();
    await screen.findByText('Je antwoorden zijn gewist.');
  });
});

describe('the catalogue', () => {
  it('shows every right in force by domain and from A to Z, without answers', async () => {
    const { state } = await renderApp({ route: '#/catalogus' });
    const count = state.catalogue.value.length;
    expect(count).toBeGreaterThanOrEqual(15);
    const byDomain = screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'));
    expect(byDomain[0]).toBe('cat-inkomen');
    fireEvent.click(screen.getByRole('button', { name: 'Van A tot Z' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Van A tot Z' }).getAttribute('aria-pressed')).toBe('true'));
    const titles = within(screen.getByRole('main')).getAllByRole('link').map((a) => a.textContent ?? '');
    expect(titles).toHaveLength(count);
    expect([...titles].sort((a, b) => a.localeCompare(b, 'nl'))).toEqual(titles);
    expect(screen.getByText(sentence(/De pas kost € 1\./))).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\{\{|undefined|NaN/);
  });
});

/** The municipality: Kortrijk unless chosen, changeable on the start screen and the summary, a notice where local rights are missing. */
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { singleMother } from '../fixtures/households';
import { renderApp } from './helpers';

const choice = () => screen.getByLabelText('Je gemeente') as HTMLSelectElement;
const links = () => screen.getAllByRole('link').map((a) => a.textContent ?? '');

describe('the municipality', () => {
  it('is Kortrijk on the start screen when nothing is chosen, and no question of its own', async () => {
    const app = await renderApp({ route: '#/' });
    expect(choice().value).toBe('kortrijk');
    expect(screen.getByRole('option', { name: 'Een andere gemeente in Vlaanderen' })).toBeTruthy();
    expect(choice().options.length).toBe(14);
    expect(app.state.currentQuestion.value?.key).not.toBe('municipality');
  });

  it('changes in the summary without losing answers, and the results follow it', async () => {
    const app = await renderApp({ route: '#/overzicht', answers: singleMother });
    const before = { ...app.state.answers.value };
    fireEvent.change(choice(), { target: { value: 'wevelgem' } });
    await waitFor(() => expect(app.state.answers.value.municipality).toBe('wevelgem'));
    expect(app.state.answers.value).toEqual({ ...before, municipality: 'wevelgem' });
    app.router.navigate('#/resultaten');
    await screen.findByText(/De voordelen van de gemeente Wevelgem zelf staan hier nog niet in/);
    expect(screen.getByText(/OCMW \/ Sociaal Huis van Wevelgem/)).toBeTruthy();
    expect(links().some((t) => /Sociaal tarief van de stad/.test(t))).toBe(false);
  });

  it('says nothing is missing for Kortrijk and Harelbeke, and names "your municipality" for another in Flanders', async () => {
    const app = await renderApp({ route: '#/resultaten', answers: singleMother });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.queryByRole('note')).toBeNull();
    app.state.actions.chooseMunicipality('harelbeke');
    await waitFor(() => expect(links().some((t) => /Sociaal tarief van de stad/.test(t))).toBe(false));
    expect(screen.queryByText(/staan hier (nog )?niet in/)).toBeNull();
    app.state.actions.chooseMunicipality('other-flemish');
    await screen.findByText(/De voordelen van je eigen gemeente staan hier niet in/);
    expect(screen.getByText(/OCMW \/ Sociaal Huis van je gemeente\./)).toBeTruthy();
  });
});

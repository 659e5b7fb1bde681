/**
 * The brugfiguur's caseload screens on a vault in memory: first use, households, the quick entry with
 * results beside it, the follow-up list, lock and unlock, changing the passphrase, "the rules changed",
 * names refused.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { deriveKey, sealJson, utf8 } from '../../src/share/crypto';
import { recordVisit, setFollowUp } from '../../src/storage/caseload';
import { createMemoryVaultAdapter } from '../../src/storage/vault';
import { DATE, sharedRules } from './helpers';
import { memoryVault, PASS, renderInMode } from './mode-helpers';

const type = (el: HTMLElement, value: string) => fireEvent.input(el, { target: { value } });
const liveStatus = (container: HTMLElement, id: string) =>
  container.querySelector(`.live-result[data-right="${id}"]`)?.getAttribute('data-status') ?? null;

describe('the caseload', () => {
  it('asks for a passphrase on first use, says a forgotten one cannot be recovered, and opens', async () => {
    const vault = await memoryVault({ open: false });
    await renderInMode({ route: '#/hulpverlener', mode: { vault } });
    await screen.findByRole('heading', { level: 1, name: 'Beveilig je gegevens' });
    expect(screen.getByText(/vergeet je deze wachtwoordzin, dan kan niemand de gegevens nog lezen/)).toBeTruthy();
    type(screen.getByLabelText('Kies een wachtwoordzin'), 'kort');
    fireEvent.click(screen.getByRole('button', { name: 'Beveilig en begin' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/minstens 8 tekens/);
    type(screen.getByLabelText('Kies een wachtwoordzin'), PASS);
    type(screen.getByLabelText('Typ de wachtwoordzin nog een keer'), `${PASS}?`);
    fireEvent.click(screen.getByRole('button', { name: 'Beveilig en begin' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/niet gelijk/);
    type(screen.getByLabelText('Typ de wachtwoordzin nog een keer'), PASS);
    fireEvent.click(screen.getByRole('button', { name: 'Beveilig en begin' }));
    await screen.findByText('Er staan nog geen gezinnen op dit toestel.');
    expect(vault.isLocked.value).toBe(false);
  });

  it('creates a household, refusing a national register number as its name', async () => {
    const vault = await memoryVault();
    const { router } = await renderInMode({ route: '#/hulpverlener', mode: { vault } });
    const name = await screen.findByLabelText('Naam van het gezin');
    type(name, '85073003328');
    fireEvent.click(screen.getByRole('button', { name: 'Maak het gezin' }));
    expect((await screen.findByText(/lijkt op een rijksregisternummer/)).textContent).toBeTruthy();
    expect(await vault.list()).toEqual([]);
    type(name, 'Familie Janssens');
    fireEvent.click(screen.getByRole('button', { name: 'Maak het gezin' }));
    await waitFor(() => expect(router.route.value.name).toBe('household'));
    await screen.findByRole('heading', { level: 1, name: 'Familie Janssens' });
    expect((await vault.list()).map((h) => h.name)).toEqual(['Familie Janssens']);
  });

  it('shows every fact on one screen and updates the results as the worker types; keeps what is typed wrong', async () => {
    const vault = await memoryVault();
    const h = await vault.create('Mevr. Peeters');
    const { container } = await renderInMode({ route: `#/hulpverlener/gezin/${h.id}`, mode: { vault } });
    await screen.findByRole('heading', { level: 2, name: 'Gegevens van het gezin' });
    const keys = [...container.querySelectorAll('.quick-field')].map((f) => f.getAttribute('data-key'));
    expect(keys).toEqual([
      'municipality',
      'adults',
      'partner',
      'children',
      'netMonthlyIncome',
      'statuses',
      'housing',
      'childcare',
      'debts',
      'heatingFuel',
      'medicalWaste',
      'heavyCareNeed',
      'disability',
      'age',
    ]);
    type(screen.getByLabelText(/Aantal volwassenen/), '1');
    // a single adult has no partner: the question leaves the screen
    await waitFor(() => expect(container.querySelector('.quick-field[data-key="partner"]')).toBeNull());
    fireEvent.click(within(container.querySelector('.quick-field[data-key="statuses"]') as HTMLElement).getByLabelText('Geen van deze'));
    fireEvent.click(within(container.querySelector('.quick-field[data-key="children"]') as HTMLElement).getByRole('button', { name: 'Een kind toevoegen' }));
    type(screen.getByLabelText('Leeftijd van kind 1'), '0');
    const income = screen.getByLabelText(/Netto-inkomen van het hele gezin/);
    type(income, '1950');
    await waitFor(() => expect(liveStatus(container, 'kortrijk.sociaal-tarief')).toBe('eligible'));
    expect(liveStatus(container, 'kortrijk.pamperbank')).toBe('eligible');
    type(income, '5000');
    await waitFor(() => expect(liveStatus(container, 'kortrijk.sociaal-tarief')).toBe('not-eligible'));
    type(income, '19x0');
    fireEvent.focusOut(income);
    await screen.findByText(/Vul een getal in/);
    expect((income as HTMLInputElement).value).toBe('19x0');
    expect(liveStatus(container, 'kortrijk.sociaal-tarief')).toBe('unknown');
    // everything typed is in the vault, the wrong number as a draft
    await waitFor(async () => {
      const saved = await vault.get(h.id);
      expect(saved.answers).toMatchObject({ adults: 1, statuses: [], children: [{ age: 0 }] });
      expect(saved.answers.netMonthlyIncome).toBeUndefined();
      expect(saved.drafts).toEqual({ netMonthlyIncome: '19x0' });
    });
  });

  it('says "no children" with a box, and takes it back', async () => {
    const vault = await memoryVault();
    const h = await vault.create('Mevr. Peeters', { adults: 1, netMonthlyIncome: 1200, statuses: [] });
    const { container } = await renderInMode({ route: `#/hulpverlener/gezin/${h.id}`, mode: { vault } });
    const none = await screen.findByLabelText('Geen kinderen jonger dan 18');
    expect(liveStatus(container, 'kortrijk.pamperbank')).toBe('unknown');
    fireEvent.click(none);
    await waitFor(() => expect(liveStatus(container, 'kortrijk.pamperbank')).toBe('not-eligible'));
    await waitFor(async () => expect((await vault.get(h.id)).answers.children).toEqual([]));
    fireEvent.click(screen.getByLabelText('Geen kinderen jonger dan 18'));
    await waitFor(async () => expect((await vault.get(h.id)).answers.children).toBeUndefined());
  });

  it('keeps a follow-up list per household, with the date of the application and a note', async () => {
    const vault = await memoryVault();
    const h = await vault.create('Familie Janssens', { adults: 1, children: [], netMonthlyIncome: 1000, statuses: [], housing: 'private-rent' });
    const { container } = await renderInMode({ route: `#/hulpverlener/gezin/${h.id}`, mode: { vault } });
    fireEvent.click(await screen.findByRole('button', { name: 'Volg op: Kortrijkse Huurgarantie' }));
    const item = await waitFor(() => container.querySelector('.follow-item[data-right="kortrijk.huurgarantie"]') as HTMLElement);
    fireEvent.change(within(item).getByLabelText('Stand'), { target: { value: 'applied' } });
    await waitFor(() => expect(within(item).getByLabelText('Aangevraagd op')).toBeTruthy());
    expect((within(item).getByLabelText('Aangevraagd op') as HTMLInputElement).value).toBe(DATE);
    type(within(item).getByLabelText('Korte notitie'), 'Huurcontract meebrengen');
    await waitFor(async () =>
      expect((await vault.get(h.id)).followUp).toEqual([
        { rightId: 'kortrijk.huurgarantie', state: 'applied', appliedOn: DATE, note: 'Huurcontract meebrengen' },
      ]),
    );
    fireEvent.click(within(item).getByRole('button', { name: 'Haal Kortrijkse Huurgarantie van de lijst' }));
    await waitFor(async () => expect((await vault.get(h.id)).followUp).toEqual([]));
  });

  it('locks on demand; a wrong passphrase is said plainly and changes nothing; the right one opens it again', async () => {
    const vault = await memoryVault();
    await vault.create('Familie Janssens', { adults: 2 });
    await renderInMode({ route: '#/hulpverlener', mode: { vault } });
    await screen.findByRole('link', { name: 'Familie Janssens' });
    fireEvent.click(screen.getByRole('button', { name: 'Vergrendel nu' }));
    await screen.findByRole('heading', { level: 1, name: 'Open je gegevens' });
    expect(screen.queryByText('Familie Janssens')).toBeNull();
    type(screen.getByLabelText('Je wachtwoordzin'), 'iets anders');
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/klopt niet\. Er is niets veranderd/);
    type(screen.getByLabelText('Je wachtwoordzin'), PASS);
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await screen.findByRole('link', { name: 'Familie Janssens' });
    expect((await vault.list()).map((h) => h.name)).toEqual(['Familie Janssens']);
  });

  it('changes the passphrase only with the right current one; a wrong one, too short or not matching changes nothing', async () => {
    const vault = await memoryVault();
    const h = await vault.create('Familie Janssens', { adults: 2, netMonthlyIncome: 1800 });
    await renderInMode({ route: '#/hulpverlener', mode: { vault } });
    const section = await screen.findByRole('region', { name: 'Wachtwoordzin wijzigen' });
    const current = within(section).getByLabelText('Je huidige wachtwoordzin');
    const next = within(section).getByLabelText('Kies een nieuwe wachtwoordzin');
    const again = within(section).getByLabelText('Typ de nieuwe wachtwoordzin nog een keer');
    const submit = within(section).getByRole('button', { name: 'Wijzig de wachtwoordzin' });
    const refusal = async (pattern: RegExp, field: HTMLElement) => {
      const alert = await within(section).findByRole('alert');
      expect(alert.textContent).toMatch(pattern);
      await waitFor(() => expect(document.activeElement).toBe(alert));
      // the error is said with the field it is about, and only with that one
      expect(field.getAttribute('aria-invalid')).toBe('true');
      expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(alert.id);
      for (const other of [current, next, again].filter((f) => f !== field)) expect(other.getAttribute('aria-invalid')).toBeNull();
    };

    type(current, PASS);
    type(next, 'kort');
    type(again, 'kort');
    fireEvent.click(submit);
    await refusal(/te kort\. Kies er een van minstens 8 tekens/, next);
    type(next, 'thee met koekjes 7');
    type(again, 'thee met koekjes 8');
    fireEvent.click(submit);
    await refusal(/niet gelijk/, again);

    type(current, 'iets anders dan dat');
    type(again, 'thee met koekjes 7');
    fireEvent.click(submit);
    await refusal(/huidige wachtwoordzin klopt niet\. Er is niets veranderd/, current);
    // still open, the household intact, and the old passphrase still the one
    expect(vault.isLocked.value).toBe(false);
    expect(await vault.get(h.id)).toEqual(h);
    vault.lock();
    await expect(vault.unlock('thee met koekjes 7')).rejects.toMatchObject({ code: 'wrong-passphrase' });
    await vault.unlock(PASS);
    expect(await vault.get(h.id)).toEqual(h);
  });

  it('changes the passphrase: then the old one is refused and the new one opens everything as it was', async () => {
    const NEW = 'thee met koekjes 7';
    const vault = await memoryVault();
    const h = await vault.create('Familie Janssens', { adults: 2, netMonthlyIncome: 1800 });
    await renderInMode({ route: '#/hulpverlener', mode: { vault } });
    const section = await screen.findByRole('region', { name: 'Wachtwoordzin wijzigen' });
    type(within(section).getByLabelText('Je huidige wachtwoordzin'), PASS);
    type(within(section).getByLabelText('Kies een nieuwe wachtwoordzin'), NEW);
    type(within(section).getByLabelText('Typ de nieuwe wachtwoordzin nog een keer'), NEW);
    fireEvent.click(within(section).getByRole('button', { name: 'Wijzig de wachtwoordzin' }));
    const done = await within(section).findByText(/Je wachtwoordzin is gewijzigd/);
    await waitFor(() => expect(document.activeElement).toBe(done));
    expect(within(section).queryByRole('alert')).toBeNull();
    for (const input of section.querySelectorAll('input')) expect(input.value).toBe('');
    expect(screen.getByRole('link', { name: 'Familie Janssens' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Vergrendel nu' }));
    await screen.findByRole('heading', { level: 1, name: 'Open je gegevens' });
    type(screen.getByLabelText('Je wachtwoordzin'), PASS);
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/klopt niet\. Er is niets veranderd/);
    type(screen.getByLabelText('Je wachtwoordzin'), NEW);
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await screen.findByRole('link', { name: 'Familie Janssens' });
    expect(await vault.get(h.id)).toEqual(h);
  });

  it('shows "the rules changed: recompute" with what changed for the household, until recomputed', async () => {
    const vault = await memoryVault();
    const version = (await sharedRules()).ruleset.manifest.version;
    let h = await vault.create('Familie Janssens', { adults: 1, children: [], netMonthlyIncome: 1000, statuses: [] });
    h = setFollowUp(h, { rightId: 'kortrijk.oud-recht', state: 'applied', appliedOn: '2024-01-10', note: '' });
    h = recordVisit(h, {
      date: '2024-01-10',
      rulesVersion: '2024.01.1',
      results: [
        { id: 'kortrijk.sociaal-tarief', status: 'not-eligible' },
        { id: 'kortrijk.oud-recht', status: 'eligible' },
      ],
    });
    await vault.put(h);
    const { container } = await renderInMode({ route: `#/hulpverlener/gezin/${h.id}`, mode: { vault } });
    const notice = await screen.findByRole('region', { name: 'De regels zijn veranderd: herbereken' });
    expect(notice.textContent).toContain(`versie 2024.01.1 werd ${version}`);
    expect(notice.textContent).toMatch(/Sociaal tarief van de stad: Geen recht → Je hebt recht/);
    expect(notice.textContent).toMatch(/kortrijk\.oud-recht: Je hebt recht → niet in de lijst/);
    // the follow-up of a right that left the rules stays, and says so
    const gone = container.querySelector('.follow-item[data-right="kortrijk.oud-recht"]') as HTMLElement;
    expect(gone.textContent).toMatch(/staat niet meer in de regels/);
    fireEvent.click(within(notice).getByRole('button', { name: 'Herbereken en bewaar' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: /De regels zijn veranderd/ })).toBeNull());
    await waitFor(async () => expect((await vault.get(h.id)).lastResults?.rulesVersion).toBe(version));
    expect((await vault.get(h.id)).lastVisit).toBe('2024-01-10');
  });

  it('renames a household, refusing a national register number', async () => {
    const vault = await memoryVault();
    const h = await vault.create('Familie J.');
    await renderInMode({ route: `#/hulpverlener/gezin/${h.id}`, mode: { vault } });
    const name = await screen.findByLabelText('Naam van het gezin');
    type(name, 'Jan 85 07 30 033 28');
    fireEvent.click(screen.getByRole('button', { name: 'Bewaar de naam' }));
    await screen.findByText(/lijkt op een rijksregisternummer/);
    expect((await vault.get(h.id)).name).toBe('Familie J.');
    type(name, 'Familie Janssens, Overleie');
    fireEvent.click(screen.getByRole('button', { name: 'Bewaar de naam' }));
    await screen.findByText('De naam is bewaard.');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Familie Janssens, Overleie');
    expect((await vault.get(h.id)).name).toBe('Familie Janssens, Overleie');
  });

  it('deletes a household only after a confirmation', async () => {
    const vault = await memoryVault();
    const h = await vault.create('Proef');
    const { router } = await renderInMode({ route: `#/hulpverlener/gezin/${h.id}`, mode: { vault } });
    fireEvent.click(await screen.findByRole('button', { name: 'Verwijder dit gezin' }));
    expect(screen.getByText('Wil je Proef echt verwijderen? Dit kan je niet ongedaan maken.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Nee, bewaar' }));
    expect((await vault.list()).length).toBe(1);
    fireEvent.click(screen.getByRole('button', { name: 'Verwijder dit gezin' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ja, verwijder' }));
    await waitFor(() => expect(router.route.value.name).toBe('caseload'));
    await screen.findByText('Proef is verwijderd.');
    expect(await vault.list()).toEqual([]);
  });

  it('says which field of a damaged household cannot be read, and keeps the way back to the list', async () => {
    const adapter = createMemoryVaultAdapter();
    const vault = await memoryVault({ adapter });
    const h = await vault.create('Mevr. D.');
    const meta = (await adapter.get('meta', 'vault')) as { salt: Uint8Array<ArrayBuffer>; iterations: number };
    const key = await deriveKey(PASS, meta.salt, meta.iterations);
    const sealed = await sealJson(key, { ...h, lastVisit: 'gisteren' }, utf8(`kortrijk-rechtenverkenner/vault|household|${h.id}`));
    await adapter.write([{ op: 'put', store: 'households', key: h.id, value: { id: h.id, ...sealed } }]);
    await renderInMode({ route: `#/hulpverlener/gezin/${h.id}`, mode: { vault } });
    await screen.findByRole('heading', { level: 1, name: 'Dit gezin kan niet geopend worden' });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Een deel van de gegevens van dit gezin is beschadigd en kan niet gelezen worden. Het gaat om het veld \u2066/lastVisit\u2069.',
    );
    expect(screen.getAllByRole('link', { name: 'Naar alle gezinnen' }).length).toBeGreaterThan(0);
  });

  it('is not offered on a kiosk', async () => {
    const vault = await memoryVault();
    await renderInMode({ route: '#/hulpverlener', mode: { kind: 'kiosk', vault } });
    await screen.findByText(/Dit kan niet op een openbaar toestel/);
    expect(screen.queryByRole('link', { name: 'Voor hulpverleners' })).toBeNull();
  });
});

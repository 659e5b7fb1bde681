/** A number typed in a right-to-left page: "-3" showed as "3-", so the person saw something else than they typed. */
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n';
import { renderApp } from './helpers';

describe('number fields in Arabic', () => {
  it('are written left to right, whatever the page direction', async () => {
    const screens = [
      { answers: {}, key: 'adults' },
      { answers: { adults: 1, children: [] }, key: 'netMonthlyIncome' },
      { answers: { adults: 1 }, key: 'children' },
    ];
    for (const { answers, key } of screens) {
      await renderApp({ route: '#/vragen', answers, i18n: await createI18n('ar') });
      await screen.findByRole('heading', { level: 1 });
      expect(document.querySelector('form[data-question]')?.getAttribute('data-question')).toBe(key);
      if (key === 'children') fireEvent.click(document.querySelector('.children > button') as HTMLButtonElement);
      const inputs = [...document.querySelectorAll<HTMLInputElement>('input[inputmode]')];
      expect(inputs.length, key).toBeGreaterThan(0);
      for (const input of inputs) expect(input.getAttribute('dir'), `${key}: ${input.className}`).toBe('ltr');
      cleanup();
    }
  });
});
